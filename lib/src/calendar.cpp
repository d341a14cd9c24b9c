#include "parplan/calendar.hpp"

#include <fmt/format.h>

#include <charconv>

namespace parplan {

namespace {

// Digits only: std::from_chars would accept a leading '-' and yaml's loose forms like 0x10.
std::optional<int> parse_digits(std::string_view text, std::size_t min_len, std::size_t max_len) {
  if (text.size() < min_len || text.size() > max_len) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

bool valid_month(int m) { return m >= 1 && m <= 12; }

std::optional<YearMonth> parse_year_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  auto year = parse_digits(text.substr(0, 4), 4, 4);
  auto month = parse_digits(text.substr(5, 2), 2, 2);
  if (!year || !month || !valid_month(*month)) return std::nullopt;
  return YearMonth{*year, *month};
}

}  // namespace

std::string to_string(YearMonth ym) { return fmt::format("{:04}-{:02}", ym.year, ym.month); }

int days_in_month(YearMonth ym) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (ym.year % 4 == 0 && ym.year % 100 != 0) || ym.year % 400 == 0;
  return ym.month == 2 && leap ? 29 : days[ym.month - 1];
}

std::optional<YearMonth> parse_plan_month(std::string_view text, int plan_year) {
  // A leading zero ("06") is how spreadsheets write months; "010" is not a month.
  if (auto m = parse_digits(text, 1, 2); m && valid_month(*m)) return YearMonth{plan_year, *m};
  return parse_year_month(text);
}

std::optional<YearMonth> parse_as_of(std::string_view text) {
  if (text.size() == 7) return parse_year_month(text);
  if (text.size() != 10 || text[7] != '-') return std::nullopt;
  auto ym = parse_year_month(text.substr(0, 7));
  auto day = parse_digits(text.substr(8, 2), 2, 2);
  if (!ym || !day || *day < 1 || *day > days_in_month(*ym)) return std::nullopt;
  return ym;
}

std::string plan_month_label(YearMonth ym, int plan_year) {
  return ym.year == plan_year ? std::to_string(ym.month) : to_string(ym);
}

}  // namespace parplan
