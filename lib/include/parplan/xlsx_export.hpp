#pragma once

// Activities as an Excel workbook (`list --format xlsx`, `due --format xlsx`), written with
// libxlsxwriter.

#include <string>
#include <vector>

#include "parplan/agenda.hpp"
#include "parplan/calendar.hpp"
#include "parplan/model.hpp"

namespace parplan {

// Writes the workbook to `path`, a scratch file the caller owns (libxlsxwriter can only write
// to a file). Text cells are always strings, never formulas, so a title starting with '=', '+',
// '-' or '@' stays text; whole-number cells (months in the plan year, progress, line) are
// numbers. Header frozen, autofilter, column widths, wrapped text. The document's creation time
// is the first day of `stamp`, not the clock, so the same input gives the same bytes.
// Throws parplan::Error when the file cannot be written.

// One sheet "activities": the columns of `list --format csv` (id, field, task, title, result,
// output, lead, support, schedule, start, end, after, per, status, completed, progress, note,
// file, line).
void write_list_xlsx(const std::string& path, const Plan& plan,
                     const std::vector<const Activity*>& activities, YearMonth stamp);

// A "summary" sheet (plan, as-of month, the count of each section), then one sheet per section
// (overdue with months_late, due, upcoming, starting, waiting) with the list columns.
void write_due_xlsx(const std::string& path, const Plan& plan, const Agenda& agenda);

}  // namespace parplan
