#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace parplan {

// A calendar month. The plan works at month granularity; days only matter for --as-of.
struct YearMonth {
  int year = 0;
  int month = 0;  // 1..12

  // Months since year 0, so differences are month counts across year boundaries.
  [[nodiscard]] int serial() const { return year * 12 + (month - 1); }
  static YearMonth from_serial(int serial) { return {serial / 12, serial % 12 + 1}; }

  friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
};

// "2024-06"
std::string to_string(YearMonth ym);
int days_in_month(YearMonth ym);

// A month cell of the plan: "6" (month of plan_year) or "2024-06". nullopt when malformed.
std::optional<YearMonth> parse_plan_month(std::string_view text, int plan_year);

// --as-of: "YYYY-MM" or "YYYY-MM-DD" (the day must exist). nullopt when malformed.
std::optional<YearMonth> parse_as_of(std::string_view text);

// How a month prints for the plan: "6" inside the plan year, "2025-03" outside it.
std::string plan_month_label(YearMonth ym, int plan_year);

}  // namespace parplan
