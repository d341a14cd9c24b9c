#pragma once

// The Markdown progress report (`parplan report`): for leadership to read and for cron to commit.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "parplan/calendar.hpp"
#include "parplan/i18n.hpp"
#include "parplan/model.hpp"
#include "parplan/period.hpp"
#include "parplan/query.hpp"

namespace parplan {

// A section rendered elsewhere (the `parplan diff` engine, for --since) that the report carries
// as its last section under a heading in the report's language.
struct ReportChanges {
  std::string since;     // the revision or directory, as the user gave it
  std::string markdown;  // the body, headings from level 3 down
};

// An activity added, removed or whose end slipped in a commit dated in the report's period.
struct PeriodChange {
  std::string date;    // the commit's author date, YYYY-MM-DD
  std::string commit;  // short hash
  std::string author;
  std::string id;
  std::string title;
  std::string change;  // "added", "end 6 → 8, slipped 2 months", in the report's language
};

struct ReportOptions {
  i18n::Language language = i18n::Language::en;
  YearMonth as_of;  // from the caller: the library never reads the clock
  int within = 1;   // upcoming: ends within the next `within` months
  Filter filter;
  std::optional<std::string> generated;  // --stamp: the generation time, already formatted
  std::optional<ReportChanges> changes;
  // The sections to write, in this order (names from report_sections()); empty: all of them.
  std::vector<std::string> sections;
  // A report for a quarter, half-year, nine months or year: as_of is its last month, the title
  // names it and the period sections are written (see report_sections()).
  std::optional<ReportPeriod> period;
  // The period's changes from git; nullopt when the plan is not in a repository.
  std::optional<std::vector<PeriodChange>> period_changes;
};

// The names of the report's sections in their default order: summary, by-field, by-owner,
// overdue, due, upcoming, in-progress, finished, waiting, unscheduled, on-time, gantt, changes,
// then the period sections period-due, period-finished, period-overdue, period-changes (written
// only with a period, which puts them after on-time and leaves out overdue, due, upcoming and
// finished by default: period-overdue and period-finished say it for the whole period).
std::span<const std::string_view> report_sections();
// The sections written when none are named: all but the period ones, or a period report's.
std::span<const std::string_view> default_report_sections(bool period);

// The report as data, which the Markdown and HTML renderers lay out each in their own way, so
// both carry the same content in the same language. Text is plain (never escaped): each
// renderer escapes it for its own format.
namespace report {

struct Span {
  std::string text;
  bool code = false;  // a plan key such as `start`, set in monospace
};
using Paragraph = std::vector<Span>;

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right;  // right-aligned (numeric) columns
};

enum class BarState { planned, in_progress, done, overdue, cancelled };

// One dated activity of the timeline.
struct Bar {
  std::string id;
  std::string title;
  std::string lead;  // owner names, joined
  YearMonth start;
  YearMonth end;
  BarState state = BarState::planned;
  std::optional<int> progress;  // recorded percent, unfinished activities only
  int months_late = 0;          // overdue bars only
};

struct BarGroup {
  std::string name;  // "III. Cải cách thủ tục hành chính"
  std::vector<Bar> bars;
};

// Undated activities named beside the timeline: ongoing, waiting for an event, external.
struct AsideItem {
  std::string id;
  std::string title;
  std::string detail;  // the event or the external timetable; empty for ongoing
};
struct Aside {
  std::string heading;
  std::vector<AsideItem> items;
};

struct Timeline {
  std::vector<BarGroup> groups;  // fields in plan order, empty ones left out
  YearMonth as_of;
  int plan_year = 0;
  std::vector<Aside> beside;  // non-empty lists only
};

// A body another engine rendered as Markdown (the diff of --since).
struct Markdown {
  std::string text;
};

using Block = std::variant<Paragraph, Table, Timeline, Markdown>;

struct Section {
  std::string name;  // one of report_sections()
  std::string heading;
  std::vector<Block> blocks;
};

struct Document {
  i18n::Language language = i18n::Language::en;
  std::string title;
  std::vector<Paragraph> intro;
  std::vector<Section> sections;
};

}  // namespace report

// The months the on-time table covers: the period, else January of the report month's year up
// to the report month.
std::pair<YearMonth, YearMonth> on_time_window(const ReportOptions& options);

// The report's content for `options` (sections as options.sections asks).
report::Document build_report(const Plan& plan, const ReportOptions& options);

// GitHub-flavoured Markdown, byte-identical for the same plan and options: title, summary,
// tables by field and by lead owner, overdue / due / upcoming / in-progress / finished / waiting
// / unscheduled lists, a Mermaid gantt chart, and the changes when given.
std::string render_report(const Plan& plan, const ReportOptions& options);
std::string render_markdown(const report::Document& document);

}  // namespace parplan
