#pragma once

// The forms of an agenda (what `parplan due` prints): text for the terminal, Markdown, JSON and
// CSV. In the library so every command that shows an agenda shows the same thing: `report`'s
// overdue, due, upcoming and waiting sections are agenda_table's tables too.

#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/agenda.hpp"
#include "parplan/i18n.hpp"
#include "parplan/model.hpp"
#include "parplan/text_table.hpp"

namespace parplan {

// One section of an agenda in the words of `tr`, for every rendering (due's text and Markdown,
// the report's Markdown and HTML). Rows are most months late first, then by end month, then by
// id. Columns: id, end month, months late (overdue), lead, status (only when something in the
// section is in progress: "đang thực hiện, 60%"), title; waiting has the event instead of the
// months. Titles are last, so that a terminal cuts them first.
struct AgendaTable {
  std::string heading;  // "Quá hạn (3)", "Due in June 2024 (2)"
  std::vector<text::Column> columns;
  std::vector<std::vector<text::Cell>> rows;

  // Without styles, for Markdown and HTML.
  [[nodiscard]] std::vector<std::string> header() const;
  [[nodiscard]] std::vector<bool> right() const;  // right-aligned (numeric) columns
  [[nodiscard]] std::vector<std::vector<std::string>> cells() const;
};
AgendaTable agenda_table(const Plan& plan, const Agenda& agenda, AgendaPart part,
                         const i18n::Catalog& tr);

// Cells of activity tables, for the report's other tables to read the same: a month is "6" in
// the plan year and "6/2025" outside it (empty when missing); a status is the one the activity
// had in month `as_of` (status_as_of), "chưa thực hiện" or, in progress, "đang thực hiện, 60%"
// (a progress recorded with a later completion says nothing about that month).
std::string month_cell(const std::optional<YearMonth>& ym, int plan_year);
std::string status_cell(const Activity& a, YearMonth as_of, const i18n::Catalog& tr);

// The first line: plan id, the scope (describe_filter; may be empty), the as-of month, whether
// the plan year has not started or has ended, and the count of each section.
// "dak-nong-cchc-2024, as of June 2024: 3 overdue, 2 due, 3 upcoming, 3 starting, 4 waiting"
std::string agenda_headline(const Plan& plan, const Agenda& agenda, std::string_view scope,
                            const i18n::Catalog& tr);

// Headline, the sections overdue, due, upcoming (unless within is 0), starting, waiting, and a
// footer counting the activities no month applies to. Titles are cut only when style.width is
// set.
std::string agenda_text(const Plan& plan, const Agenda& agenda, std::string_view scope,
                        const i18n::Catalog& tr, const text::TableStyle& style);

// The same content as GitHub-flavoured Markdown; nothing is cut.
std::string agenda_markdown(const Plan& plan, const Agenda& agenda, std::string_view scope,
                            const i18n::Catalog& tr);

// {"plan", "plan_year", "as_of", "due_from", "period", "within", "overdue", "due", "upcoming",
//  "starting", "waiting", "counts"}: section elements are activity_json objects, overdue ones with
// "months_late". Pretty-printed with two-space indents and a final line feed, handed to `write`
// in pieces so that a large agenda is never held whole in memory.
void agenda_json(const Plan& plan, const Agenda& agenda,
                 const std::function<void(std::string_view)>& write);

// RFC 4180 (see csv_record): a header, then one row per listed activity, in the order of its first
// section, with the columns section, also_in (its second section, such as starting for an activity
// also due, or empty), months_late and those of activity_csv_header. No BOM.
std::string agenda_csv(const Plan& plan, const Agenda& agenda, char delimiter = ',');

}  // namespace parplan
