#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parplan/loader.hpp"
#include "parplan/mermaid.hpp"
#include "parplan/report.hpp"
#include "parplan/unicode.hpp"
#include "test_support.hpp"

namespace mermaid = parplan::mermaid;
using parplan::YearMonth;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The shape of a task line: "    label :tags, id, YYYY-MM-DD, YYYY-MM-DD". The label holds none
// of the characters that end a task name or start a comment.
const std::regex task_line(
    R"(^    ([^:;#%\n]+) :((done|crit|active), )?([A-Za-z][A-Za-z0-9_]*), (\d{4}-\d{2}-\d{2}), (\d{4}-\d{2}-\d{2})$)");

const std::vector<std::string> keywords = {
    "gantt",    "dateformat", "inclusiveenddates", "topaxis", "axisformat", "tickinterval",
    "includes", "excludes",   "todaymarker",       "weekday", "weekend",    "title",
    "acctitle", "accdescr",   "section",           "click",   "href",       "call"};

bool starts_with_keyword(const std::string& label) {
  std::string lower;
  for (char c : label) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string& k : keywords)
    if (lower.starts_with(k)) return true;
  return std::regex_search(label, std::regex(R"(^\d{4}-\d{2}-\d{2})"));
}

}  // namespace

TEST_CASE("mermaid: text replaces what the gantt lexer gives a meaning to") {
  CHECK(mermaid::text("Hội nghị: tổng kết; năm 2024") == "Hội nghị, tổng kết, năm 2024");
  CHECK(mermaid::text("Kế hoạch #3") == "Kế hoạch ＃3");
  CHECK(mermaid::text("100% TTHC %% comment") == "100％ TTHC ％％ comment");
  CHECK(mermaid::text("<b>x</b> `code`") == "‹b›x‹/b› 'code'");
  CHECK(mermaid::text("  two\nlines \t and  spaces  ") == "two lines and spaces");
  CHECK(mermaid::text("Cổng/Trang TTĐT, TN&TKQ") == "Cổng/Trang TTĐT, TN&TKQ");
}

TEST_CASE("mermaid: task labels are the id and the first whole words of the title") {
  CHECK(mermaid::task_label(
            "III.1.4", "Tổ chức tập huấn nghiệp vụ kiểm soát TTHC cho công chức làm đầu mối") ==
        "III.1.4 Tổ chức tập huấn nghiệp vụ kiểm…");
  CHECK(mermaid::task_label("I.6.3", "Kế hoạch CCHC tỉnh được ban hành") ==
        "I.6.3 Kế hoạch CCHC tỉnh được ban hành");
  CHECK(parplan::unicode::display_width(mermaid::task_label(
            "I.2.3", "Tuyên truyền trên các phương tiện thông tin đại chúng ngoài tỉnh như")) <=
        40);
  // No comma is left dangling before the ellipsis.
  CHECK(mermaid::task_label("A.1", "Một, hai, ba, bốn, năm, sáu, bảy, tám, chín", 16) ==
        "A.1 Một, hai…");
  // A first word longer than the limit is cut inside it.
  CHECK(mermaid::shorten("Siêuuuuuuuuuuuuuuuuuuu dài", 10) == "Siêuuuuuu…");
}

TEST_CASE("mermaid: task ids keep letters, digits and underscores and start with a letter") {
  CHECK(mermaid::task_id("III.1.4") == "III_1_4");
  CHECK(mermaid::task_id("1.2") == "a_1_2");
  CHECK(mermaid::task_id("Đ.1") == "a____1");  // Đ is two bytes
}

TEST_CASE("mermaid: a task line never begins with a keyword or a date") {
  std::vector<mermaid::Section> sections = {{"Keywords", {}}};
  for (std::string label : {"section 1", "Gantt.1.1 x", "click me", "title x", "2024-01-01 x",
                            "TodayMarker", "inclusiveEndDates"})
    sections[0].tasks.push_back({label, label, mermaid::TaskState::normal, {2024, 1}, {2024, 1}});
  std::string chart = mermaid::gantt(sections, std::nullopt);
  std::size_t tasks = 0;
  for (const std::string& line : lines(chart)) {
    std::smatch m;
    if (!std::regex_match(line, m, task_line)) continue;
    ++tasks;
    INFO(line);
    CHECK(m[1].str().starts_with("· "));
  }
  CHECK(tasks == 7);
}

TEST_CASE("mermaid: bars run from the first to the last day of their months, ids unique") {
  std::vector<mermaid::Section> sections = {
      {"Năm 2024",
       {{"A.1 Hai tháng", "A.1", mermaid::TaskState::done, {2024, 1}, {2024, 2}},
        {"A_1 Cùng mã", "A_1", mermaid::TaskState::crit, {2024, 4}, {2024, 4}},
        {"A.2 Sang năm", "A.2", mermaid::TaskState::active, {2024, 11}, {2025, 2}}}},
      {"Empty", {}}};
  std::string chart = mermaid::gantt(sections, mermaid::Milestone{"As of", "June 2024", {2024, 6}});
  CHECK(chart ==
        "```mermaid\n"
        "gantt\n"
        "    dateFormat YYYY-MM-DD\n"
        "    axisFormat %m/%Y\n"
        "    inclusiveEndDates\n"
        "    todayMarker off\n"
        "    section As of\n"
        "    June 2024 :milestone, as_of, 2024-06-01, 0d\n"
        "    section Năm 2024\n"
        "    A.1 Hai tháng :done, A_1, 2024-01-01, 2024-02-29\n"
        "    A_1 Cùng mã :crit, A_1_2, 2024-04-01, 2024-04-30\n"
        "    A.2 Sang năm :active, A_2, 2024-11-01, 2025-02-28\n"
        "```\n");
}

TEST_CASE("mermaid: every activity of the shipped plan with months is a valid task line") {
  auto result = parplan::load_plan(parplan::test::source_path("data"));
  REQUIRE(result.ok());
  const parplan::Plan& plan = result.plan;
  for (auto language : {parplan::i18n::Language::vi, parplan::i18n::Language::en}) {
    parplan::ReportOptions options;
    options.language = language;
    options.as_of = {2024, 6};
    std::string report = parplan::render_report(plan, options);
    auto begin = report.find("```mermaid\n");
    REQUIRE(begin != std::string::npos);
    auto end = report.find("```\n", begin + 3);
    REQUIRE(end != std::string::npos);

    std::set<std::string> seen;
    auto block = lines(report.substr(begin, end - begin));
    REQUIRE(block.size() > 6);
    CHECK(block[1] == "gantt");
    CHECK(block[2] == "    dateFormat YYYY-MM-DD");
    // After the settings, every line is a section, the as-of milestone or a task.
    for (std::size_t i = 6; i < block.size(); ++i) {
      const std::string& line = block[i];
      if (line.starts_with("    section ") || line.find(":milestone,") != std::string::npos)
        continue;
      std::smatch m;
      INFO(line);
      REQUIRE(std::regex_match(line, m, task_line));
      CHECK_FALSE(starts_with_keyword(m[1].str()));
      CHECK(parplan::unicode::display_width(m[1].str()) <= 40);
      seen.insert(m[4].str());
    }
    std::set<std::string> expected;
    std::size_t undated = 0;
    for (const parplan::Activity* a : plan.activities()) {
      if (a->dated())
        expected.insert(mermaid::task_id(a->id));
      else
        ++undated;
    }
    CHECK(seen == expected);
    CHECK(expected.size() == 43);
    CHECK(undated == 18);
  }
}
