#include "parplan/period.hpp"

#include <fmt/format.h>

#include "encoding.hpp"
#include "parplan/error.hpp"

namespace parplan {

namespace {

constexpr std::string_view accepted = "give YYYY-Q1 to YYYY-Q4, YYYY-H1, YYYY-H2, YYYY-9M or YYYY";

bool digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

[[noreturn]] void refuse(std::string_view text, std::string_view why) {
  throw Error(fmt::format("{} is not a period: {}; {}", quote_text(text), why, accepted));
}

ReportPeriod make(PeriodKind kind, int year, int number, int first, int last) {
  return {kind, year, number, {year, first}, {year, last}};
}

}  // namespace

std::string ReportPeriod::key() const {
  switch (kind) {
    case PeriodKind::quarter:
      return fmt::format("{}-Q{}", year, number);
    case PeriodKind::half:
      return fmt::format("{}-H{}", year, number);
    case PeriodKind::nine_months:
      return fmt::format("{}-9M", year);
    case PeriodKind::year:
      break;
  }
  return std::to_string(year);
}

ReportPeriod parse_period(std::string_view text) {
  std::string_view year_text = text.substr(0, 4);
  if (year_text.size() != 4 || !digits(year_text)) refuse(text, "it must start with a year");
  if (text.size() > 4 && text[4] != '-') refuse(text, "a '-' goes between the year and the rest");
  const int year = std::stoi(std::string(year_text));
  if (year_text.size() == text.size()) return make(PeriodKind::year, year, 0, 1, 12);
  std::string rest(text.substr(5));
  for (char& c : rest)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (rest == "9M") return make(PeriodKind::nine_months, year, 0, 1, 9);
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H')) {
    const int n = rest[1] - '0';
    if (rest[0] == 'Q') {
      if (n < 1 || n > 4) refuse(text, "quarters are Q1 to Q4");
      return make(PeriodKind::quarter, year, n, 3 * n - 2, 3 * n);
    }
    if (n < 1 || n > 2) refuse(text, "halves are H1 and H2");
    return make(PeriodKind::half, year, n, 6 * n - 5, 6 * n);
  }
  refuse(text, "after the year comes Q1-Q4, H1, H2 or 9M");
}

std::string period_name(const ReportPeriod& period, const i18n::Catalog& tr) {
  switch (period.kind) {
    case PeriodKind::quarter:  // "quý II": official Vietnamese numbers quarters in roman numerals
      return tr.format(
          "period.name.quarter",
          fmt::arg("quarter", tr.text("period.quarter." + std::to_string(period.number))),
          fmt::arg("year", period.year));
    case PeriodKind::half:
      return tr.format(period.number == 1 ? "period.name.h1" : "period.name.h2",
                       fmt::arg("year", period.year));
    case PeriodKind::nine_months:
      return tr.format("period.name.9m", fmt::arg("year", period.year));
    case PeriodKind::year:
      break;
  }
  return tr.format("period.name.year", fmt::arg("year", period.year));
}

}  // namespace parplan
