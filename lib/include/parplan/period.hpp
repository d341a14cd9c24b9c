#pragma once

// The periods of administrative reporting: a quarter, a half-year, the first nine months, a year
// (`--period 2024-Q2 | 2024-H1 | 2024-9M | 2024`), and their names in official headings.

#include <string>
#include <string_view>

#include "parplan/calendar.hpp"
#include "parplan/i18n.hpp"

namespace parplan {

enum class PeriodKind { quarter, half, nine_months, year };

struct ReportPeriod {
  PeriodKind kind = PeriodKind::year;
  int year = 0;
  int number = 0;  // the quarter (1-4) or half (1-2); 0 otherwise
  YearMonth first;
  YearMonth last;

  [[nodiscard]] bool contains(YearMonth ym) const { return first <= ym && ym <= last; }
  // "2024-Q2", "2024-H1", "2024-9M", "2024": the form --period takes.
  [[nodiscard]] std::string key() const;
};

// Parses YYYY-Qn, YYYY-Hn, YYYY-9M or YYYY (case is ignored). Throws parplan::Error saying what
// is accepted, e.g. "'2024-Q5' is not a period: quarters are Q1 to Q4".
ReportPeriod parse_period(std::string_view text);

// "quý II năm 2024", "Q2 2024"; "6 tháng đầu năm 2024", "first half of 2024"; ...
std::string period_name(const ReportPeriod& period, const i18n::Catalog& tr);

}  // namespace parplan
