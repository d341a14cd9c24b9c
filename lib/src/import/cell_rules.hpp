#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/calendar.hpp"

namespace parplan::import {

// One time cell read by the rules of docs/import.md: "Tháng 3", "3", "T3", "03/2024", "Quý II",
// "Cả năm", "Năm 2024", ranges of those ("Tháng 3 - Tháng 5", "Từ tháng 3 đến tháng 5"), the
// schedule words "Thường xuyên", "Sau khi …", "Theo …"; anything else is `other`.
struct TimeCell {
  enum class Kind { empty, months, ongoing, after, per, other } kind = Kind::empty;
  YearMonth first;   // months: the first month meant ("Quý II" -> 4)
  YearMonth last;    // months: the last month meant ("Quý II" -> 6)
  std::string text;  // the cell as written
};
TimeCell read_time_cell(std::string_view text, int plan_year);

// The 4-digit years written in a time cell ("03/2024" -> 2024), to guess the plan year.
std::vector<int> years_in(std::string_view text);

// An activity's schedule from its start and end cells (or its one time cell, passed as `start`
// with `one_cell`). What cannot be read becomes a note and a problem naming the cell.
enum class TimeColumn { start, end };
struct ScheduleProblem {
  TimeColumn column;
  std::string message;
};
struct Schedule {
  std::optional<YearMonth> start, end;
  bool ongoing = false;
  std::string after, per;
  std::vector<std::string> notes;  // Vietnamese, for the activity's note:
  std::vector<ScheduleProblem> problems;
};
Schedule combine_schedule(const TimeCell& start, const TimeCell& end, bool one_cell);

// The owners named in a lead or support cell: split on ';' and line breaks, never on ',' ("Các cơ
// quan, đơn vị có liên quan" is one owner); bullets and trailing punctuation removed.
std::vector<std::string> split_owners(std::string_view cell);

}  // namespace parplan::import
