#include <doctest/doctest.h>

#include "parplan/calendar.hpp"

using parplan::YearMonth;

TEST_CASE("calendar: plan months are 1-12 of the plan year or YYYY-MM") {
  CHECK(parplan::parse_plan_month("6", 2024) == YearMonth{2024, 6});
  CHECK(parplan::parse_plan_month("06", 2024) == YearMonth{2024, 6});
  CHECK(parplan::parse_plan_month("2025-03", 2024) == YearMonth{2025, 3});
  CHECK_FALSE(parplan::parse_plan_month("13", 2024));
  CHECK_FALSE(parplan::parse_plan_month("0", 2024));
  CHECK_FALSE(parplan::parse_plan_month("010", 2024));
  CHECK_FALSE(parplan::parse_plan_month("-1", 2024));
  CHECK_FALSE(parplan::parse_plan_month("2024-13", 2024));
  CHECK_FALSE(parplan::parse_plan_month("six", 2024));
}

TEST_CASE("calendar: as-of dates must exist") {
  CHECK(parplan::parse_as_of("2024-06") == YearMonth{2024, 6});
  CHECK(parplan::parse_as_of("2024-02-29") == YearMonth{2024, 2});
  CHECK_FALSE(parplan::parse_as_of("2023-02-29"));
  CHECK_FALSE(parplan::parse_as_of("2024-13-01"));
  CHECK_FALSE(parplan::parse_as_of("2024-6"));
  CHECK_FALSE(parplan::parse_as_of("2024-06-31"));
}

TEST_CASE("calendar: serial months count across years") {
  CHECK(YearMonth{2025, 1}.serial() - YearMonth{2024, 11}.serial() == 2);
  CHECK(YearMonth::from_serial(YearMonth{2024, 12}.serial()) == YearMonth{2024, 12});
  CHECK(parplan::plan_month_label({2024, 6}, 2024) == "6");
  CHECK(parplan::plan_month_label({2025, 3}, 2024) == "2025-03");
}
