#pragma once

// The Markdown progress report (`parplan report`): for leadership to read and for cron to commit.

#include <optional>
#include <string>

#include "parplan/calendar.hpp"
#include "parplan/i18n.hpp"
#include "parplan/model.hpp"
#include "parplan/query.hpp"

namespace parplan {

// A section rendered elsewhere (the `parplan diff` engine, for --since) that the report carries
// as its last section under a heading in the report's language.
struct ReportChanges {
  std::string since;     // the revision or directory, as the user gave it
  std::string markdown;  // the body, headings from level 3 down
};

struct ReportOptions {
  i18n::Language language = i18n::Language::en;
  YearMonth as_of;  // from the caller: the library never reads the clock
  int within = 1;   // upcoming: ends within the next `within` months
  Filter filter;
  std::optional<std::string> generated;  // --stamp: the generation time, already formatted
  std::optional<ReportChanges> changes;
};

// GitHub-flavoured Markdown, byte-identical for the same plan and options: title, summary,
// tables by field and by lead owner, overdue / due / upcoming / waiting / unscheduled lists, a
// Mermaid gantt chart, and the changes when given.
std::string render_report(const Plan& plan, const ReportOptions& options);

}  // namespace parplan
