#include <doctest/doctest.h>

#include <string>

#include "parplan/error.hpp"
#include "parplan/period.hpp"

using namespace parplan;

namespace {

std::string refusal(const std::string& text) {
  try {
    parse_period(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("period: each kind gives its months") {
  ReportPeriod q2 = parse_period("2024-Q2");
  CHECK(q2.kind == PeriodKind::quarter);
  CHECK(q2.number == 2);
  CHECK(q2.first == YearMonth{2024, 4});
  CHECK(q2.last == YearMonth{2024, 6});
  CHECK(q2.key() == "2024-Q2");
  CHECK(parse_period("2024-q4").first == YearMonth{2024, 10});
  ReportPeriod h1 = parse_period("2024-H1");
  CHECK(h1.first == YearMonth{2024, 1});
  CHECK(h1.last == YearMonth{2024, 6});
  CHECK(parse_period("2024-h2").first == YearMonth{2024, 7});
  CHECK(parse_period("2024-H2").key() == "2024-H2");
  ReportPeriod m9 = parse_period("2024-9M");
  CHECK(m9.kind == PeriodKind::nine_months);
  CHECK(m9.last == YearMonth{2024, 9});
  CHECK(m9.key() == "2024-9M");
  ReportPeriod year = parse_period("2024");
  CHECK(year.kind == PeriodKind::year);
  CHECK(year.first == YearMonth{2024, 1});
  CHECK(year.last == YearMonth{2024, 12});
  CHECK(year.contains({2024, 12}));
  CHECK_FALSE(year.contains({2025, 1}));
  CHECK_FALSE(q2.contains({2024, 3}));
}

TEST_CASE("period: bad input says what is accepted") {
  const std::string accepted = "; give YYYY-Q1 to YYYY-Q4, YYYY-H1, YYYY-H2, YYYY-9M or YYYY";
  CHECK(refusal("2024-Q5") == "'2024-Q5' is not a period: quarters are Q1 to Q4" + accepted);
  CHECK(refusal("2024-Q0") == "'2024-Q0' is not a period: quarters are Q1 to Q4" + accepted);
  CHECK(refusal("2024-H3") == "'2024-H3' is not a period: halves are H1 and H2" + accepted);
  CHECK(refusal("2024-6M") ==
        "'2024-6M' is not a period: after the year comes Q1-Q4, H1, H2 or 9M" + accepted);
  CHECK(refusal("2024-") ==
        "'2024-' is not a period: after the year comes Q1-Q4, H1, H2 or 9M" + accepted);
  CHECK(refusal("Q2-2024") == "'Q2-2024' is not a period: it must start with a year" + accepted);
  CHECK(refusal("24-Q2") == "'24-Q2' is not a period: it must start with a year" + accepted);
  CHECK(refusal("") == "'' is not a period: it must start with a year" + accepted);
  CHECK(refusal("2024Q2") ==
        "'2024Q2' is not a period: a '-' goes between the year and the rest" + accepted);
  CHECK(refusal("2024-Q22") ==
        "'2024-Q22' is not a period: after the year comes Q1-Q4, H1, H2 or 9M" + accepted);
}

TEST_CASE("period: official names in Vietnamese and English") {
  const i18n::Catalog vi(i18n::Language::vi), en(i18n::Language::en);
  auto both = [&](const char* key) {
    ReportPeriod p = parse_period(key);
    return period_name(p, vi) + " | " + period_name(p, en);
  };
  CHECK(both("2024-Q2") == "quý II năm 2024 | Q2 2024");
  CHECK(both("2024-Q4") == "quý IV năm 2024 | Q4 2024");
  CHECK(both("2024-H1") == "6 tháng đầu năm 2024 | first half of 2024");
  CHECK(both("2024-H2") == "6 tháng cuối năm 2024 | second half of 2024");
  CHECK(both("2024-9M") == "9 tháng năm 2024 | first nine months of 2024");
  CHECK(both("2024") == "năm 2024 | 2024");
  CHECK(vi.format("period.title", fmt::arg("period", period_name(parse_period("2024-Q2"), vi))) ==
        "Báo cáo quý II năm 2024");
  CHECK(en.format("period.title", fmt::arg("period", period_name(parse_period("2024-H1"), en))) ==
        "Report: first half of 2024");
}
