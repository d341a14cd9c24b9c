#include <doctest/doctest.h>

#include <string>

#include "parplan/loader.hpp"
#include "parplan/report.hpp"
#include "test_support.hpp"

using parplan::i18n::Language;

namespace {

parplan::Plan fixture(const std::string& name) {
  auto result = parplan::load_plan(parplan::test::source_path("tests/fixtures/" + name));
  REQUIRE(result.ok());
  return std::move(result.plan);
}

std::string report(const parplan::Plan& plan, Language language = Language::en,
                   parplan::YearMonth as_of = {2024, 6}, int within = 1) {
  parplan::ReportOptions options;
  options.language = language;
  options.as_of = as_of;
  options.within = within;
  return parplan::render_report(plan, options);
}

// The text between a "## heading" line and the next "## " heading.
std::string section(const std::string& text, const std::string& heading) {
  auto begin = text.find("\n## " + heading + "\n");
  REQUIRE_MESSAGE(begin != std::string::npos, "no section ", heading);
  begin = text.find('\n', begin + 1) + 1;
  auto end = text.find("\n## ", begin);
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin + 1);
}

}  // namespace

TEST_CASE("report: title, origin and summary counts with shares") {
  std::string text = report(fixture("report-progress"));
  CHECK(
      text.starts_with("# Kế hoạch thử nghiệm — progress report, June 2024\n\n"
                       "Plan year 2024, issued by Quyết định thử nghiệm.\n\n## Summary\n"));
  CHECK(section(text, "Summary") ==
        "\nAs of June 2024: 1 of 12 activities done, 3 overdue, 1 due this month.\n\n"
        "| Activities | Number | Share |\n"
        "| --- | ---: | ---: |\n"
        "| Total | 12 | 100% |\n"
        "| Done | 1 | 8% |\n"
        "| In progress | 2 | 17% |\n"
        "| Planned | 8 | 67% |\n"
        "| Cancelled | 1 | 8% |\n"
        "| Overdue | 3 | 25% |\n"
        "| Due this month | 1 | 8% |\n"
        "| Ongoing (no end date) | 1 | 8% |\n"
        "| Waiting for an event | 1 | 8% |\n"
        "| On an external timetable | 1 | 8% |\n"
        "| Without a schedule | 1 | 8% |\n\n");
}

TEST_CASE("report: progress is done or recorded progress over activities with months") {
  // Field A: A.1.1 0, A.1.2 50, A.1.3 done 100, A.1.4 0, A.1.5 30, A.1.10 0 (A.1.6 is
  // cancelled) = 180 / 6 = 30%. Field B: only B.1.4 has months. Total 180 / 7 = 25.7 -> 26%.
  std::string text = report(fixture("report-progress"));
  CHECK(section(text, "Progress by field")
            .starts_with("\n| Field | Activities | Done | Overdue | Due this month | Progress |\n"
                         "| --- | ---: | ---: | ---: | ---: | --- |\n"
                         "| A. Lĩnh vực A | 7 | 1 | 3 | 1 | ███░░░░░░░ 30% |\n"
                         "| B. Lĩnh vực B | 5 | 0 | 0 | 0 | ░░░░░░░░░░ 0% |\n"
                         "| Total | 12 | 1 | 3 | 1 | ███░░░░░░░ 26% |\n\n"));
}

TEST_CASE("report: lead owners, most overdue first, co-leads counted for each, no lead last") {
  std::string text = report(fixture("report-progress"));
  CHECK(section(text, "Progress by lead owner") ==
        "\n| Lead | Activities | Done | Overdue | Due this month | Progress |\n"
        "| --- | ---: | ---: | ---: | ---: | --- |\n"
        "| Văn phòng UBND tỉnh | 5 | 0 | 2 | 1 | ░░░░░░░░░░ 0% |\n"
        "| Sở Tư pháp | 4 | 0 | 1 | 0 | ███░░░░░░░ 27% |\n"
        "| Sở Nội vụ | 3 | 1 | 0 | 0 | ███████░░░ 65% |\n"
        "| (no lead owner) | 1 | 0 | 0 | 0 | — |\n\n"
        "Most overdue first. An activity with several lead owners counts for each of them.\n\n");
}

TEST_CASE("report: overdue sorted by months late, then by natural id order") {
  std::string text = report(fixture("report-progress"));
  CHECK(section(text, "Overdue (3)") ==
        "\n| ID | End | Months late | Lead | Status | Activity |\n"
        "| --- | ---: | ---: | --- | --- | --- |\n"
        "| A.1.1 | 2 | 4 | Văn phòng UBND tỉnh | planned | Quá hạn bốn tháng |\n"
        "| A.1.10 | 2 | 4 | Văn phòng UBND tỉnh | planned | Cũng quá hạn bốn tháng |\n"
        "| A.1.2 | 4 | 2 | Sở Tư pháp | in progress, 50% | Quá hạn hai tháng, đang làm |\n\n"
        "Most months late first.\n\n");
}

TEST_CASE("report: due, upcoming, waiting and unscheduled lists") {
  std::string text = report(fixture("report-progress"));
  // The status column appears only where something is in progress.
  CHECK(section(text, "Due in June 2024 (1)") ==
        "\n| ID | End | Lead | Activity |\n"
        "| --- | ---: | --- | --- |\n"
        "| A.1.4 | 6 | Văn phòng UBND tỉnh | Đến hạn tháng 6 |\n\n");
  CHECK(section(text, "Upcoming: ending by July 2024 (1)") ==
        "\n| ID | End | Lead | Status | Activity |\n"
        "| --- | ---: | --- | --- | --- |\n"
        "| A.1.5 | 7 | Sở Nội vụ; Sở Tư pháp | in progress, 30% | Sắp đến hạn |\n\n");
  CHECK(section(text, "Waiting for an event (1)") ==
        "\n| ID | Lead | Waiting for | Activity |\n"
        "| --- | --- | --- | --- |\n"
        "| B.1.2 | Sở Nội vụ | Sau khi có Nghị quyết | Chờ nghị quyết |\n\n");
  std::string unscheduled = section(text, "Without a schedule");
  CHECK(unscheduled.find("Fill it in") != std::string::npos);
  CHECK(
      unscheduled.ends_with("| ID | Lead | Status | Activity |\n"
                            "| --- | --- | --- | --- |\n"
                            "| B.1.3 | — | planned | Chưa có lịch |\n\n"));

  // Three months ahead reaches B.1.4 (end 9); sorted by end month.
  std::string wider = report(fixture("report-progress"), Language::en, {2024, 6}, 3);
  CHECK(section(wider, "Upcoming: ending by September 2024 (2)") ==
        "\n| ID | End | Lead | Status | Activity |\n"
        "| --- | ---: | --- | --- | --- |\n"
        "| A.1.5 | 7 | Sở Nội vụ; Sở Tư pháp | in progress, 30% | Sắp đến hạn |\n"
        "| B.1.4 | 9 | Sở Tư pháp | planned | Quý III |\n\n");
  // --within 0 asks for no look-ahead: no upcoming section at all.
  CHECK(report(fixture("report-progress"), Language::en, {2024, 6}, 0).find("Upcoming") ==
        std::string::npos);
}

TEST_CASE("report: gantt marks overdue crit, finished done, in progress active") {
  std::string text = report(fixture("report-progress"));
  CHECK(section(text, "Timeline") ==
        "\n```mermaid\n"
        "gantt\n"
        "    dateFormat YYYY-MM-DD\n"
        "    axisFormat %m/%Y\n"
        "    inclusiveEndDates\n"
        "    todayMarker off\n"
        "    section Report month\n"
        "    June 2024 :milestone, as_of, 2024-06-01, 0d\n"
        "    section A. Lĩnh vực A\n"
        "    A.1.1 Quá hạn bốn tháng :crit, A_1_1, 2024-01-01, 2024-02-29\n"
        "    A.1.2 Quá hạn hai tháng, đang làm :crit, A_1_2, 2024-03-01, 2024-04-30\n"
        "    A.1.3 Đã xong :done, A_1_3, 2024-01-01, 2024-02-29\n"
        "    A.1.4 Đến hạn tháng 6 :A_1_4, 2024-06-01, 2024-06-30\n"
        "    A.1.5 Sắp đến hạn :active, A_1_5, 2024-05-01, 2024-07-31\n"
        "    A.1.6 Đã hủy (cancelled) :done, A_1_6, 2024-01-01, 2024-03-31\n"
        "    A.1.10 Cũng quá hạn bốn tháng :crit, A_1_10, 2024-01-01, 2024-02-29\n"
        "    section B. Lĩnh vực B\n"
        "    B.1.4 Quý III :B_1_4, 2024-08-01, 2024-09-30\n"
        "```\n\n"
        "Overdue activities are highlighted and finished ones greyed out; the diamond marks "
        "June 2024. Activities without months (4) are not in the chart.\n");
}

TEST_CASE("report: Vietnamese headings, labels and month names") {
  std::string text = report(fixture("report-progress"), Language::vi);
  CHECK(
      text.starts_with("# Kế hoạch thử nghiệm — báo cáo tiến độ tháng 6/2024\n\n"
                       "Kế hoạch năm 2024, ban hành theo Quyết định thử nghiệm.\n\n"));
  CHECK(section(text, "Quá hạn (3)") ==
        "\n| Mã | Thời hạn | Số tháng chậm | Cơ quan chủ trì | Tình trạng | Hoạt động |\n"
        "| --- | ---: | ---: | --- | --- | --- |\n"
        "| A.1.1 | 2 | 4 | Văn phòng UBND tỉnh | chưa thực hiện | Quá hạn bốn tháng |\n"
        "| A.1.10 | 2 | 4 | Văn phòng UBND tỉnh | chưa thực hiện | Cũng quá hạn bốn tháng |\n"
        "| A.1.2 | 4 | 2 | Sở Tư pháp | đang thực hiện, 50% | Quá hạn hai tháng, đang làm |\n\n"
        "Xếp theo số tháng chậm, nhiều nhất trước.\n\n");
  CHECK(section(text, "Đến hạn trong tháng 6/2024 (1)")
            .find("| A.1.4 | 6 | Văn phòng UBND tỉnh | Đến hạn tháng 6 |\n") != std::string::npos);
  CHECK(section(text, "Tổng quan")
            .starts_with("\nTính đến tháng 6/2024: 1/12 hoạt động đã hoàn thành, 3 quá hạn, 1 "
                         "đến hạn trong tháng.\n"));
  CHECK(text.find("Tiến độ là trung bình cộng tiến độ của các hoạt động có thời gian thực hiện, "
                  "không tính các hoạt động đã hủy; hoạt động đã hoàn thành được tính 100%, "
                  "hoạt động chưa báo cáo tiến độ được tính 0%.") != std::string::npos);
  for (const char* heading : {"Tổng quan", "Tiến độ theo lĩnh vực", "Tiến độ theo cơ quan chủ trì",
                              "Chờ sự kiện (1)", "Chưa có thời gian thực hiện", "Biểu đồ tiến độ"})
    CHECK(text.find(std::string("\n## ") + heading + "\n") != std::string::npos);
  // Nothing English is left over in the Vietnamese report.
  for (const char* word : {"Overdue", "Progress", "Total", "Planned", "June"})
    CHECK(text.find(word) == std::string::npos);
}

TEST_CASE("report: the selection, the stamp and a month outside the plan year are stated") {
  parplan::Plan plan = fixture("report-progress");
  parplan::ReportOptions options;
  options.as_of = {2025, 1};
  options.filter.owners = std::set<std::string>{"snv", "stp"};
  options.filter.role = parplan::Role::any;
  options.filter.fields = std::set<std::string>{"A"};
  options.generated = "2025-01-06 07:00 +0700";
  std::string text = parplan::render_report(plan, options);
  CHECK(text.starts_with(
      "# Kế hoạch thử nghiệm — progress report, January 2025\n\n"
      "Plan year 2024, issued by Quyết định thử nghiệm.\n\n"
      "The report month lies outside the plan year 2024.\n\n"
      "Selection: lead or support Sở Nội vụ, Sở Tư pháp; field A. Lĩnh vực A.\n\n"
      "Generated 2025-01-06 07:00 +0700.\n\n## Summary\n\n"
      "As of January 2025: 1 of 3 activities done, 2 overdue, 0 due this month.\n"));
  CHECK(report(plan).find("Generated") == std::string::npos);
  CHECK(report(plan).find("Selection") == std::string::npos);
}

TEST_CASE("report: a changes section rendered elsewhere comes last, under a translated heading") {
  parplan::Plan plan = fixture("report-progress");
  parplan::ReportOptions options;
  options.language = Language::vi;
  options.as_of = {2024, 6};
  options.changes = parplan::ReportChanges{"v1.0", "### Thêm\n\n- A.1.10\n"};
  std::string text = parplan::render_report(plan, options);
  CHECK(text.ends_with("\n\n## Thay đổi kể từ v1.0\n\n### Thêm\n\n- A.1.10\n"));
  CHECK(text.find("## Biểu đồ tiến độ") < text.find("## Thay đổi"));
}

TEST_CASE("report: no months anywhere gives no chart, an empty selection gives no rows") {
  parplan::Plan plan = fixture("report-progress");
  parplan::ReportOptions options;
  options.as_of = {2024, 6};
  options.filter.status = parplan::Status::cancelled;
  options.filter.fields = std::set<std::string>{"B"};
  std::string text = parplan::render_report(plan, options);
  CHECK(text.find("Selection: field B. Lĩnh vực B; status cancelled.") != std::string::npos);
  CHECK(section(text, "Progress by field") == "\nNone.\n\n");
  CHECK(section(text, "Timeline") == "\nNo activity has months yet.\n");
  CHECK(text.find("| Total | 0 | — |") != std::string::npos);
}
