#pragma once

// Machine-readable forms shared by every command that exports activities (list, due, diff), so
// a script sees one shape everywhere.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/model.hpp"
#include "parplan/query.hpp"

namespace parplan {

// The activity object of `parplan list --format json`: id, field, task, title, result, output,
// lead/support as [{"id","name"}], schedule, start/end (month numbers, "YYYY-MM" outside the plan
// year, or null), after, per, status, completed, progress, note, file, line.
nlohmann::json activity_json(const Plan& plan, const Activity& activity);

// A month as JSON: the month number inside the plan year, "YYYY-MM" outside it, null if absent.
nlohmann::json month_json(const std::optional<YearMonth>& month, int plan_year);

// The filter a command applied, for its JSON: null when nothing is filtered, else the parts set
// of {"owner": [ids], "role", "field": [field and task ids], "status"}, ids in plan order.
nlohmann::json filter_json(const Plan& plan, const Filter& filter);

// The CSV columns matching activity_json, and one row of them.
std::vector<std::string> activity_csv_header();
std::vector<std::string> activity_csv_row(const Plan& plan, const Activity& activity);

// One RFC 4180 record (fields quoted when needed, CRLF terminated), `delimiter` between fields
// (',' or, for spreadsheets whose list separator is ';', that). A cell starting with =, +, -, @,
// tab or CR gets a leading ' so that Excel and LibreOffice show it as text instead of running it
// as a formula (OWASP's rule against CSV injection).
std::string csv_record(const std::vector<std::string>& fields, char delimiter = ',');

// UTF-8 byte order mark: Excel needs it to read a CSV file as UTF-8.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

}  // namespace parplan
