// libFuzzer harness: the month parsers behind plan files (`start: 6`, `end: 2025-03`) and
// `--as-of`. Only parplan::Error may escape them, and what they accept must be a real month that
// prints back the way it was written.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parplan/calendar.hpp"
#include "parplan/error.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

bool all_digits(std::string_view text) {
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return !text.empty();
}

// "YYYY-MM" with a real month.
bool is_year_month(std::string_view text) {
  return text.size() == 7 && text[4] == '-' && all_digits(text.substr(0, 4)) &&
         all_digits(text.substr(5)) && text.substr(5) >= "01" && text.substr(5) <= "12";
}

void check_plan_month(std::string_view text, int plan_year) {
  auto ym = parplan::parse_plan_month(text, plan_year);
  // Exactly these are months: "1".."12" (a leading zero allowed, "06") and "YYYY-MM".
  bool month_number = all_digits(text) && text.size() <= 2 && std::stoi(std::string(text)) >= 1 &&
                      std::stoi(std::string(text)) <= 12;
  require(ym.has_value() == (month_number || is_year_month(text)));
  if (!ym) return;
  require(ym->month >= 1 && ym->month <= 12);
  if (all_digits(text)) {  // "6" or "06": a month of the plan year
    require(text.size() <= 2 && ym->year == plan_year && std::stoi(std::string(text)) == ym->month);
  } else {
    require(parplan::to_string(*ym) == text);
  }
  require(parplan::YearMonth::from_serial(ym->serial()) == *ym);
}

void check_as_of(std::string_view text) {
  auto ym = parplan::parse_as_of(text);
  if (text.size() == 7) require(ym.has_value() == is_year_month(text));
  if (!ym) return;
  require(ym->month >= 1 && ym->month <= 12 && ym->year >= 0 && ym->year <= 9999);
  require(text.substr(0, 7) == parplan::to_string(*ym));
  if (text.size() == 10) {
    int day = std::stoi(std::string(text.substr(8)));
    require(day >= 1 && day <= parplan::days_in_month(*ym));
  } else {
    require(text.size() == 7);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The first two bytes choose the plan year, so years far from 2024 are tried too.
  int plan_year = size >= 2 ? (data[0] << 8 | data[1]) % 10000 : 2024;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    check_plan_month(text, plan_year);
    check_plan_month(size >= 2 ? text.substr(2) : text, plan_year);
    check_as_of(text);
  } catch (const parplan::Error&) {
  }
  return 0;
}
