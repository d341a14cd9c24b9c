#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "csv_reader.hpp"
#include "parplan/unicode.hpp"
#include "test_support.hpp"

using namespace parplan::test;
using json = nlohmann::json;
using Ids = std::vector<std::string>;

namespace {

const std::string fixture = "tests/fixtures/due-all-kinds";

json due_json(std::vector<std::string> args) { return run_json("due", std::move(args)); }

Ids ids(const json& list) { return ids_of(list); }

std::vector<std::pair<std::string, int>> late(const json& list) {
  std::vector<std::pair<std::string, int>> out;
  for (const json& a : list) out.emplace_back(a.at("id"), a.at("months_late").get<int>());
  return out;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// Output of a command run on a pseudo-terminal, with the pty's CRLF turned back into LF.
RunResult on_terminal(const std::string& args, std::map<std::string, std::string> env) {
  env.emplace("TERM", "xterm");
  RunResult r = run_program(
      {"script", "-qec", std::string(PARPLAN_BINARY) + " " + args, "/dev/null"}, {"", env, ""});
  std::string out;
  for (char c : r.out)
    if (c != '\r') out += c;
  r.out = out;
  return r;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

// The expected ids below were worked out by reading data/*.yaml by hand, not by running parplan:
// 61 activities, 43 with months; I.4.1 and I.4.2 ongoing; I.3.5 per; I.3.6, IV.2.1, IV.2.2 and
// V.3.3 after an event; VI.* and VII.* other than VII.2.3 without a schedule. Nothing is done.

TEST_CASE("due: month 1 of the shipped plan") {
  json j = due_json({"--month", "1"});
  CHECK(j.at("plan") == "dak-nong-cchc-2024");
  CHECK(j.at("as_of") == "2024-01");
  CHECK(ids(j.at("overdue")).empty());
  CHECK(ids(j.at("due")).empty());
  CHECK(ids(j.at("upcoming")) == Ids{"III.2.1"});
  CHECK(ids(j.at("starting")) == Ids{"I.2.1",   "I.2.2",  "I.2.3",  "I.5.1",   "I.5.2",   "II.1.1",
                                     "II.2.1",  "II.2.2", "II.2.3", "III.1.1", "III.1.2", "III.1.3",
                                     "III.2.1", "IV.1.1", "IV.2.3", "IV.3.1",  "V.1.1",   "V.1.2",
                                     "V.2.1",   "V.2.2",  "V.3.1",  "V.3.2",   "V.3.4"});
  CHECK(ids(j.at("waiting")) == Ids{"I.3.6", "IV.2.1", "IV.2.2", "V.3.3"});
}

TEST_CASE("due: month 6 of the shipped plan") {
  json j = due_json({"--month", "6"});
  CHECK(late(j.at("overdue")) ==
        std::vector<std::pair<std::string, int>>{{"III.2.1", 4}, {"III.2.2", 1}, {"V.3.2", 3}});
  CHECK(ids(j.at("due")) == Ids{"II.1.3", "III.1.4"});
  CHECK(ids(j.at("upcoming")) == Ids{"II.2.4", "III.2.3", "IV.1.2"});
  CHECK(ids(j.at("starting")) == Ids{"I.2.4", "II.1.2", "VII.2.3"});
  CHECK(ids(j.at("waiting")) == Ids{"I.3.6", "IV.2.1", "IV.2.2", "V.3.3"});
  CHECK(j.at("counts") == json{{"overdue", 3},
                               {"due", 2},
                               {"upcoming", 3},
                               {"starting", 3},
                               {"waiting", 4},
                               {"ongoing", 2},
                               {"external", 1},
                               {"unknown", 11},
                               {"total", 61},
                               {"planned", 61},
                               {"in_progress", 0},
                               {"done", 0},
                               {"cancelled", 0}});

  RunResult text = run_parplan({"due", "--month", "6"});
  CHECK(text.exit_code == 0);
  // The plan's language: Vietnamese.
  CHECK(first_line(text.out) ==
        "dak-nong-cchc-2024, tính đến tháng 6/2024: 3 quá hạn, 2 đến hạn, 3 sắp đến hạn, 3 bắt "
        "đầu, 4 chờ sự kiện");
  CHECK(first_line(run_parplan({"due", "--month", "6", "--lang", "en"}).out) ==
        "dak-nong-cchc-2024, as of June 2024: 3 overdue, 2 due, 3 upcoming, 3 starting, 4 waiting");
}

TEST_CASE("due: month 10 of the shipped plan") {
  json j = due_json({"--month", "10"});
  CHECK(late(j.at("overdue")) == std::vector<std::pair<std::string, int>>{
                                     {"I.2.4", 1},
                                     {"II.1.3", 4},
                                     {"II.2.4", 3},
                                     {"III.1.4", 4},
                                     {"III.2.1", 8},
                                     {"III.2.2", 5},
                                     {"III.2.3", 3},
                                     {"III.2.4", 1},
                                     {"IV.1.2", 3},
                                     {"V.3.2", 7},
                                 });
  CHECK(ids(j.at("due")) == Ids{"I.3.1", "I.3.2", "I.3.4", "I.6.1"});
  CHECK(ids(j.at("upcoming")) == Ids{"I.2.5", "I.6.2", "II.1.2", "IV.3.2"});
  CHECK(ids(j.at("starting")) == Ids{"I.6.2"});
  // --within widens upcoming: months 11 and 12.
  json wide = due_json({"--month", "10", "--within", "2"});
  CHECK(ids(wide.at("upcoming")).size() == 4 + 25);
  CHECK(wide.at("within") == 2);
}

TEST_CASE("due: month 12 of the shipped plan") {
  json j = due_json({"--month", "12"});
  CHECK(late(j.at("overdue")) == std::vector<std::pair<std::string, int>>{
                                     {"I.2.4", 3},
                                     {"I.2.5", 1},
                                     {"I.3.1", 2},
                                     {"I.3.2", 2},
                                     {"I.3.4", 2},
                                     {"I.6.1", 2},
                                     {"I.6.2", 1},
                                     {"II.1.2", 1},
                                     {"II.1.3", 6},
                                     {"II.2.4", 5},
                                     {"III.1.4", 6},
                                     {"III.2.1", 10},
                                     {"III.2.2", 7},
                                     {"III.2.3", 5},
                                     {"III.2.4", 3},
                                     {"IV.1.2", 5},
                                     {"IV.3.2", 1},
                                     {"V.3.2", 9},
                                 });
  CHECK(ids(j.at("due")) == Ids{"I.2.1",  "I.2.2",   "I.2.3",   "I.3.3",   "I.5.1",
                                "I.5.2",  "I.6.3",   "II.1.1",  "II.2.1",  "II.2.2",
                                "II.2.3", "III.1.1", "III.1.2", "III.1.3", "IV.1.1",
                                "IV.2.3", "IV.3.1",  "V.1.1",   "V.1.2",   "V.2.1",
                                "V.2.2",  "V.3.1",   "V.3.4",   "V.3.5",   "VII.2.3"});
  CHECK(ids(j.at("upcoming")).empty());
  CHECK(ids(j.at("starting")).empty());
}

TEST_CASE("due: after the plan year everything unfinished and dated is overdue") {
  json j = due_json({"--as-of", "2025-03-15"});
  CHECK(j.at("as_of") == "2025-03");
  CHECK(j.at("period") == "after-plan-year");
  // Months late from 2025-03: an end in month 12 is 3 late, month 2 is 13 late.
  CHECK(late(j.at("overdue")) ==
        std::vector<std::pair<std::string, int>>{
            {"I.2.1", 3},    {"I.2.2", 3},    {"I.2.3", 3},   {"I.2.4", 6},   {"I.2.5", 4},
            {"I.3.1", 5},    {"I.3.2", 5},    {"I.3.3", 3},   {"I.3.4", 5},   {"I.5.1", 3},
            {"I.5.2", 3},    {"I.6.1", 5},    {"I.6.2", 4},   {"I.6.3", 3},   {"II.1.1", 3},
            {"II.1.2", 4},   {"II.1.3", 9},   {"II.2.1", 3},  {"II.2.2", 3},  {"II.2.3", 3},
            {"II.2.4", 8},   {"III.1.1", 3},  {"III.1.2", 3}, {"III.1.3", 3}, {"III.1.4", 9},
            {"III.2.1", 13}, {"III.2.2", 10}, {"III.2.3", 8}, {"III.2.4", 6}, {"IV.1.1", 3},
            {"IV.1.2", 8},   {"IV.2.3", 3},   {"IV.3.1", 3},  {"IV.3.2", 4},  {"V.1.1", 3},
            {"V.1.2", 3},    {"V.2.1", 3},    {"V.2.2", 3},   {"V.3.1", 3},   {"V.3.2", 12},
            {"V.3.4", 3},    {"V.3.5", 3},    {"VII.2.3", 3},
        });
  CHECK(ids(j.at("due")).empty());
  CHECK(ids(j.at("upcoming")).empty());
  CHECK(ids(j.at("waiting")) == Ids{"I.3.6", "IV.2.1", "IV.2.2", "V.3.3"});

  RunResult text = run_parplan({"due", "--as-of", "2025-03-15", "--lang", "en"});
  CHECK(first_line(text.out) ==
        "dak-nong-cchc-2024, as of March 2025 (the plan year 2024 has ended): 43 overdue, 0 due, 0 "
        "upcoming, 0 starting, 4 waiting");
  CHECK(first_line(run_parplan({"due", "--as-of", "2025-03-15"}).out) ==
        "dak-nong-cchc-2024, tính đến tháng 3/2025 (năm kế hoạch 2024 đã kết thúc): 43 quá hạn, 0 "
        "đến hạn, 0 sắp đến hạn, 0 bắt đầu, 4 chờ sự kiện");
}

TEST_CASE("due: before the plan year the headline says it has not started") {
  RunResult r = run_parplan({"due", "--as-of", "2023-12", "--lang", "en"});
  CHECK(r.exit_code == 0);
  CHECK(first_line(r.out) ==
        "dak-nong-cchc-2024, as of December 2023 (the plan year 2024 has not started): 0 overdue, "
        "0 due, 0 upcoming, 0 starting, 4 waiting");
  CHECK(first_line(run_parplan({"due", "--as-of", "2023-12"}).out) ==
        "dak-nong-cchc-2024, tính đến tháng 12/2023 (năm kế hoạch 2024 chưa bắt đầu): 0 quá hạn, 0 "
        "đến hạn, 0 sắp đến hạn, 0 bắt đầu, 4 chờ sự kiện");
  CHECK(due_json({"--as-of", "2023-12"}).at("period") == "before-plan-year");
}

TEST_CASE("due: --owner \"noi vu\" narrows month 6 to Sở Nội vụ") {
  RunResult r = run_parplan({"due", "--month", "6", "--owner", "noi vu", "--lang", "en"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
        "dak-nong-cchc-2024 (lead Sở Nội vụ), as of June 2024: 1 overdue, 0 due, 1 upcoming, 2 "
        "starting, 4 waiting\n"
        "\n"
        "Overdue (1)\n"
        "  ID     End  Months late  Lead       Activity\n"
        "  V.3.2    3            3  Sở Nội vụ  Ban hành Quy định tiêu chuẩn đối với cán bộ, "
        "công chức xã, phường, thị trấn trên địa bàn tỉnh\n"
        "\n"
        "Due in June 2024 (0)\n"
        "  None.\n"
        "\n"
        "Upcoming: ending by July 2024 (1)\n"
        "  ID      End  Lead       Activity\n"
        "  IV.1.2    7  Sở Nội vụ  Ban hành Kế hoạch và tổ chức kiểm tra, rà soát công tác "
        "quản lý, sử dụng biên chế; bố trí theo vị trí việc làm\n"
        "\n"
        "Starting in June 2024 (2)\n"
        "  ID       End  Lead                                     Activity\n"
        "  I.2.4      9  Sở Nội vụ; Tỉnh Đoàn Đắk Nông            Tổ chức Hội thi trực tuyến "
        "tuyên truyền, tìm hiểu về công tác CCHC\n"
        "  VII.2.3   12  Sở Thông tin và Truyền thông; Sở Nội vụ  Triển khai thí điểm Dịch vụ "
        "công không sử dụng hồ sơ giấy\n"
        "\n"
        "Waiting for an event (4)\n"
        "  ID      Lead       Waiting for                                      Activity\n"
        "  I.3.6   Sở Nội vụ  Sau khi Bộ, ngành Trung ương công bố các Chỉ số  Tổ chức Hội "
        "nghị đánh giá công tác CCHC, cải thiện môi trường đầu tư kinh doanh, xây dựng Chính "
        "quyền điện tử, Chính quyền số năm 2023\n"
        "  IV.2.1  Sở Nội vụ  Sau khi Nghị quyết của HĐND tỉnh ban hành        Ban hành Quyết "
        "định, triển khai giao biên chế công chức năm 2024\n"
        "  IV.2.2  Sở Nội vụ  Sau khi Nghị quyết của HĐND tỉnh ban hành        Ban hành Quyết "
        "định, triển khai giao biên chế viên chức hưởng lương từ ngân sách nhà nước năm 2024\n"
        "  V.3.3   Sở Nội vụ  Sau khi Nghị quyết của HĐND tỉnh ban hành        Ban hành Quy "
        "định về quản lý, sử dụng đối với chức danh người hoạt động không chuyên trách ở cấp "
        "xã; ở thôn, tổ dân phố trên địa bàn tỉnh\n"
        "\n"
        "Not on the calendar: 2 ongoing, 1 on an external timetable (per), 2 with no "
        "schedule.\n");

  // The id, the exact name and an alias select the same owner.
  for (const char* owner : {"snv", "Sở Nội vụ", "SNV", "SỞ NỘI VỤ"})
    CHECK(run_parplan({"due", "--month", "6", "--owner", owner, "--lang", "en"}).out == r.out);
}

TEST_CASE("due: --role decides which owners --owner matches") {
  // Sở Nội vụ supports nothing in the shipped plan but leads VII.2.3, which starts in June.
  CHECK(ids(due_json({"--month", "6", "--owner", "snv", "--role", "support"}).at("starting"))
            .empty());
  CHECK(ids(due_json({"--month", "6", "--owner", "snv", "--role", "any"}).at("starting")) ==
        Ids{"I.2.4", "VII.2.3"});
  // In the fixture snv supports I.1.4 (upcoming, starting) and leads I.1.1 (overdue).
  json support =
      due_json({"--plan", fixture, "--month", "6", "--owner", "snv", "--role", "support"});
  CHECK(ids(support.at("overdue")).empty());
  CHECK(ids(support.at("upcoming")) == Ids{"I.1.4"});
  json any = due_json({"--plan", fixture, "--month", "6", "--owner", "snv", "--role", "any"});
  CHECK(ids(any.at("overdue")) == Ids{"I.1.1"});
  CHECK(ids(any.at("due")) == Ids{"I.1.3"});
  CHECK(ids(any.at("upcoming")) == Ids{"I.1.4"});
}

TEST_CASE("due: --field takes an id or part of a title") {
  json by_id = due_json({"--month", "6", "--field", "III"});
  CHECK(ids(by_id.at("overdue")) == Ids{"III.2.1", "III.2.2"});
  CHECK(ids(by_id.at("due")) == Ids{"III.1.4"});
  json by_title = due_json({"--month", "6", "--field", "thu tuc"});
  CHECK(by_title.at("overdue") == by_id.at("overdue"));
  CHECK(by_title.at("due") == by_id.at("due"));
}

TEST_CASE("due: an owner matching several owners uses them all and says which") {
  RunResult r = run_parplan({"due", "--plan", fixture, "--month", "6", "--owner", "so"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "parplan: note: --owner 'so' matches 2 owners: Sở Nội vụ, Sở Tư pháp\n");
  CHECK(first_line(r.out) ==
        "fixture-all-kinds (cơ quan chủ trì Sở Nội vụ, Sở Tư pháp), tính đến tháng 6/2024: 2 quá "
        "hạn, 2 đến hạn, 0 sắp đến hạn, 1 bắt đầu, 1 chờ sự kiện");
}

TEST_CASE("due: the fixture at month 6, every section and the footer, in the plan's language") {
  // Most months late first, then by end month and id; the status column only where something
  // is in progress.
  RunResult r = run_parplan({"due", "--plan", fixture, "--month", "6"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "fixture-all-kinds, tính đến tháng 6/2024: 3 quá hạn, 2 đến hạn, 1 sắp đến hạn, 2 bắt "
        "đầu, 1 chờ sự kiện\n"
        "\n"
        "Quá hạn (3)\n"
        "  Mã      Thời hạn  Số tháng chậm  Cơ quan chủ trì  Hoạt động\n"
        "  I.1.6          2              4  ICT Center       Rà soát \"văn bản\", quy trình "
        "nội bộ từ năm trước\n"
        "  I.1.1          3              3  Sở Nội vụ        Ban hành Kế hoạch tuyên truyền\n"
        "  II.1.3         5              1  Sở Tư pháp       Triển khai Nghị định mới\n"
        "\n"
        "Đến hạn trong tháng 6/2024 (2)\n"
        "  Mã     Thời hạn  Cơ quan chủ trì  Tình trạng           Hoạt động\n"
        "  I.1.3         6  Sở Nội vụ        đang thực hiện, 50%  Kiểm tra liên ngành công tác "
        "cải cách hành chính\n"
        "  I.1.8         6  Sở Tư pháp       chưa thực hiện       Hội nghị sơ kết sáu tháng\n"
        "\n"
        "Sắp đến hạn: kết thúc đến hết tháng 7/2024 (1)\n"
        "  Mã     Thời hạn  Cơ quan chủ trì                     Hoạt động\n"
        "  I.1.4         7  Đài Phát thanh và Truyền hình tỉnh  Phát sóng chuyên mục cải cách "
        "hành chính\n"
        "\n"
        "Bắt đầu trong tháng 6/2024 (2)\n"
        "  Mã     Thời hạn  Cơ quan chủ trì                     Hoạt động\n"
        "  I.1.8         6  Sở Tư pháp                          Hội nghị sơ kết sáu tháng\n"
        "  I.1.4         7  Đài Phát thanh và Truyền hình tỉnh  Phát sóng chuyên mục cải cách "
        "hành chính\n"
        "\n"
        "Chờ sự kiện (1)\n"
        "  Mã      Cơ quan chủ trì  Chờ                                    Hoạt động\n"
        "  II.1.2  Sở Tư pháp       Sau khi HĐND tỉnh ban hành Nghị quyết  Ban hành Quyết định "
        "giao biên chế\n"
        "\n"
        "Chưa xếp lịch theo tháng: 1 hoạt động thường xuyên, 2 hoạt động theo lịch của cơ quan "
        "khác, 1 hoạt động chưa có thời gian thực hiện.\n");
}

TEST_CASE("due: --lang en speaks English") {
  RunResult r = run_parplan({"due", "--plan", fixture, "--month", "6", "--lang", "en"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "fixture-all-kinds, as of June 2024: 3 overdue, 2 due, 1 upcoming, 2 starting, 1 "
        "waiting\n"
        "\n"
        "Overdue (3)\n"
        "  ID      End  Months late  Lead        Activity\n"
        "  I.1.6     2            4  ICT Center  Rà soát \"văn bản\", quy trình nội bộ từ năm "
        "trước\n"
        "  I.1.1     3            3  Sở Nội vụ   Ban hành Kế hoạch tuyên truyền\n"
        "  II.1.3    5            1  Sở Tư pháp  Triển khai Nghị định mới\n"
        "\n"
        "Due in June 2024 (2)\n"
        "  ID     End  Lead        Status            Activity\n"
        "  I.1.3    6  Sở Nội vụ   in progress, 50%  Kiểm tra liên ngành công tác cải cách "
        "hành chính\n"
        "  I.1.8    6  Sở Tư pháp  planned           Hội nghị sơ kết sáu tháng\n"
        "\n"
        "Upcoming: ending by July 2024 (1)\n"
        "  ID     End  Lead                                Activity\n"
        "  I.1.4    7  Đài Phát thanh và Truyền hình tỉnh  Phát sóng chuyên mục cải cách hành "
        "chính\n"
        "\n"
        "Starting in June 2024 (2)\n"
        "  ID     End  Lead                                Activity\n"
        "  I.1.8    6  Sở Tư pháp                          Hội nghị sơ kết sáu tháng\n"
        "  I.1.4    7  Đài Phát thanh và Truyền hình tỉnh  Phát sóng chuyên mục cải cách hành "
        "chính\n"
        "\n"
        "Waiting for an event (1)\n"
        "  ID      Lead        Waiting for                            Activity\n"
        "  II.1.2  Sở Tư pháp  Sau khi HĐND tỉnh ban hành Nghị quyết  Ban hành Quyết định giao "
        "biên chế\n"
        "\n"
        "Not on the calendar: 1 ongoing, 2 on an external timetable (per), 1 with no "
        "schedule.\n");
  RunResult bad = run_parplan({"due", "--plan", fixture, "--lang", "fr"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out == "");
}

TEST_CASE("due: months outside the plan year print as M/YYYY") {
  RunResult r =
      run_parplan({"due", "--plan", fixture, "--month", "12", "--within", "3", "--lang", "en"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Upcoming: ending by March 2025 (1)\n"
                   "  ID        End  Lead        Activity\n"
                   "  I.1.7  3/2025  ICT Center  Xây dựng Kế hoạch năm sau\n") !=
        std::string::npos);
  json j = due_json({"--plan", fixture, "--month", "12", "--within", "3"});
  CHECK(j.at("upcoming").at(0).at("start") == 10);
  CHECK(j.at("upcoming").at(0).at("end") == "2025-03");
}

TEST_CASE("due: --fail-on-overdue exits 1 at month 6 and 0 at month 1") {
  RunResult june = run_parplan({"due", "--month", "6", "--fail-on-overdue"});
  CHECK(june.exit_code == 1);
  CHECK(june.err == "parplan: 3 overdue activities (--fail-on-overdue)\n");
  CHECK(first_line(june.out).starts_with("dak-nong-cchc-2024, tính đến tháng 6/2024: 3 quá hạn"));
  RunResult january = run_parplan({"due", "--month", "1", "--fail-on-overdue"});
  CHECK(january.exit_code == 0);
  CHECK(january.err == "");
  // Without the flag overdue work is not a failure.
  CHECK(run_parplan({"due", "--month", "6"}).exit_code == 0);
  // The flag works with every format.
  CHECK(run_parplan({"due", "--month", "6", "--fail-on-overdue", "--format", "json"}).exit_code ==
        1);
  CHECK(run_parplan({"due", "--month", "6", "--owner", "stp", "--fail-on-overdue"}).exit_code == 0);
}

TEST_CASE("due: usage errors exit 2 and say what is accepted") {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  std::vector<Case> cases = {
      {{"--month", "13"}, "parplan: error: --month: '13' is not a month; give 1 to 12\n"},
      {{"--month", "0"}, "parplan: error: --month: '0' is not a month; give 1 to 12\n"},
      {{"--as-of", "2024-13-01"},
       "parplan: error: --as-of: '2024-13-01' is not a date; give YYYY-MM or YYYY-MM-DD\n"},
      {{"--as-of", "2024-02-30"},
       "parplan: error: --as-of: '2024-02-30' is not a date; give YYYY-MM or YYYY-MM-DD\n"},
      {{"--bom"},
       "parplan: error: --bom applies only to --format csv (it marks the file as UTF-8 for "
       "Excel)\n"},
      {{"--owner", "bo cong an"}, "parplan: error: no owner matches 'bo cong an'; closest: "},
      {{"--field", "y te"}, "parplan: error: no field or task matches 'y te'; fields: I ("},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"due"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    RunResult r = run_parplan(args);
    CHECK_MESSAGE(r.exit_code == 2, c.args[0]);
    CHECK_MESSAGE(r.err.starts_with(c.message), r.err);
    CHECK(r.out == "");
  }
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--month", "6", "--as-of", "2024-06"},
        {"--month", "six"},
        {"--within", "-1"},
        {"--format", "xml"},
        {"--role", "boss"},
        {"--status", "done"}}) {
    args.insert(args.begin(), "due");
    RunResult r = run_parplan(args);
    CHECK_MESSAGE(r.exit_code == 2, args[1]);
    CHECK(r.out == "");
    CHECK(r.err.find("Run 'parplan due --help' for usage.") != std::string::npos);
  }
}

TEST_CASE("due: an invalid plan prints its diagnostics and exits 1") {
  TempDir dir;
  copy_tree(source_path(fixture), dir.str());
  dir.write("02-the-che.yaml",
            "field: II\ntitle: Cải cách thể chế\ntasks:\n  - id: II.1\n"
            "    title: x\n    activities:\n      - id: II.1.1\n"
            "        title: y\n        lead: [snv]\n        start: 13\n"
            "        end: 14\n");
  RunResult r = run_parplan({"due", "--plan", dir.str(), "--month", "6"});
  CHECK(r.exit_code == 1);
  CHECK(r.out == "");
  CHECK(r.err.find(dir.str() + "/02-the-che.yaml:10:16: error: ") != std::string::npos);
  CHECK(r.err.find("has 2 error(s); fix them first (parplan validate)") != std::string::npos);
}

TEST_CASE("due: JSON holds every section as activity objects and round-trips") {
  json j = due_json({"--plan", fixture, "--month", "6"});
  CHECK(j.at("plan") == "fixture-all-kinds");
  CHECK(j.at("plan_year") == 2024);
  CHECK(j.at("as_of") == "2024-06");
  CHECK(j.at("due_from") == "2024-06");
  CHECK(j.at("period") == "in-plan-year");
  CHECK(j.at("within") == 1);
  CHECK(j.at("counts") == json{{"overdue", 3},
                               {"due", 2},
                               {"upcoming", 1},
                               {"starting", 2},
                               {"waiting", 1},
                               {"ongoing", 1},
                               {"external", 2},
                               {"unknown", 1},
                               {"total", 18},
                               {"planned", 12},
                               {"in_progress", 2},
                               {"done", 2},
                               {"cancelled", 2}});

  // Each element is the activity object of `list --format json`; overdue ones add months_late.
  json list = json::parse(run_parplan({"list", "--plan", fixture, "--format", "json"}).out);
  std::map<std::string, json> by_id;
  for (const json& a : list) by_id[a.at("id")] = a;
  for (const char* section : {"overdue", "due", "upcoming", "starting", "waiting"})
    for (json a : j.at(section)) {
      if (std::string(section) == "overdue") {
        CHECK(a.at("months_late").is_number_integer());
        a.erase("months_late");
      }
      CHECK_MESSAGE(a == by_id.at(a.at("id")), section);
    }
  const json& late = j.at("overdue").at(1);
  CHECK(late.at("id") == "I.1.6");
  CHECK(late.at("months_late") == 4);
  CHECK(late.at("start") == "2023-11");
  CHECK(late.at("end") == 2);
  CHECK(late.at("title") == "Rà soát \"văn bản\", quy trình nội bộ từ năm trước");
  CHECK(j.at("due").at(0).at("status") == "in-progress");
  CHECK(j.at("due").at(0).at("progress") == 50);
  CHECK(j.at("due").at(0).at("support") ==
        json::array({{{"id", "dai-ptth"}, {"name", "Đài Phát thanh và Truyền hình tỉnh"}}}));
  CHECK(j.at("waiting").at(0).at("schedule") == "after-event");
  CHECK(j.at("waiting").at(0).at("after") == "Sau khi HĐND tỉnh ban hành Nghị quyết");

  // Dumped and parsed again, nothing changes.
  CHECK(json::parse(j.dump()) == j);
}

TEST_CASE("due: CSV has section columns, one row per activity, and reads back as RFC 4180") {
  RunResult r = run_parplan({"due", "--plan", fixture, "--month", "6", "--format", "csv"});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(r.out.starts_with("\xEF\xBB\xBF"));
  auto records = read_csv(r.out);
  REQUIRE(records.size() == 1 + 3 + 2 + 1 + 1);
  CHECK(records[0] == std::vector<std::string>{
                          "section",  "also_in", "months_late", "id",   "field",   "task",
                          "title",    "result",  "output",      "lead", "support", "schedule",
                          "start",    "end",     "after",       "per",  "status",  "completed",
                          "progress", "note",    "file",        "line"});
  std::vector<std::vector<std::string>> key_columns;
  for (std::size_t i = 1; i < records.size(); ++i) {
    REQUIRE(records[i].size() == records[0].size());
    key_columns.push_back({records[i][0], records[i][1], records[i][2], records[i][3]});
  }
  // I.1.8 ends and starts in June, I.1.4 starts in June and ends in July: one row each, the
  // second section beside the first.
  CHECK(key_columns == std::vector<std::vector<std::string>>{{"overdue", "", "3", "I.1.1"},
                                                             {"overdue", "", "4", "I.1.6"},
                                                             {"overdue", "", "1", "II.1.3"},
                                                             {"due", "", "", "I.1.3"},
                                                             {"due", "starting", "", "I.1.8"},
                                                             {"upcoming", "starting", "", "I.1.4"},
                                                             {"waiting", "", "", "II.1.2"}});
  // Quotes and commas survive; owners by name; months as in the plan.
  CHECK(records[2][6] == "Rà soát \"văn bản\", quy trình nội bộ từ năm trước");
  CHECK(records[2][9] == "ICT Center");
  CHECK(records[2][12] == "2023-11");
  CHECK(records[2][13] == "2");
  CHECK(records[4][9] == "Sở Nội vụ");
  CHECK(records[4][10] == "Đài Phát thanh và Truyền hình tỉnh");
  CHECK(records[4][16] == "in-progress");
  CHECK(records[4][18] == "50");
  CHECK(records[4][20] == fixture + "/01-chi-dao.yaml");
  CHECK(records[7][14] == "Sau khi HĐND tỉnh ban hành Nghị quyết");

  // Every row agrees with the JSON form, each activity at its first section.
  json j = due_json({"--plan", fixture, "--month", "6"});
  std::size_t row = 1;
  std::vector<std::string> seen;
  for (const char* section : {"overdue", "due", "upcoming", "starting", "waiting"})
    for (const json& a : j.at(section)) {
      if (std::find(seen.begin(), seen.end(), a.at("id")) != seen.end()) continue;
      seen.push_back(a.at("id"));
      CHECK(records[row][3] == a.at("id"));
      CHECK(records[row][6] == a.at("title"));
      CHECK(records[row][21] == std::to_string(a.at("line").get<int>()));
      ++row;
    }
  CHECK(row == records.size());

  RunResult bom =
      run_parplan({"due", "--plan", fixture, "--month", "6", "--format", "csv", "--bom"});
  CHECK(bom.out == "\xEF\xBB\xBF" + r.out);
}

TEST_CASE("due: --delimiter separates CSV fields with another character") {
  RunResult comma = run_parplan({"due", "--plan", fixture, "--month", "6", "--format", "csv"});
  RunResult semicolon = run_parplan(
      {"due", "--plan", fixture, "--month", "6", "--format", "csv", "--delimiter", ";"});
  CHECK(semicolon.exit_code == 0);
  CHECK(semicolon.out.starts_with("section;also_in;months_late;id;field;task;title;"));
  // The title with a comma needs no quotes now; the one with quotes still does.
  CHECK(semicolon.out.find(";\"Rà soát \"\"văn bản\"\", quy trình nội bộ từ năm trước\";") !=
        std::string::npos);
  CHECK(semicolon.out.find(";Kiểm tra liên ngành công tác cải cách hành chính;") !=
        std::string::npos);
  CHECK(std::count(semicolon.out.begin(), semicolon.out.end(), '\n') ==
        std::count(comma.out.begin(), comma.out.end(), '\n'));

  for (const char* bad : {";;", "", "\""}) {
    RunResult r = run_parplan({"due", "--plan", fixture, "--format", "csv", "--delimiter", bad});
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "parplan: error: --delimiter: '" + std::string(bad) +
                       "' is not one character other than a quote or a line break; give one "
                       "such as ';'\nRun 'parplan due --help' for usage.\n");
  }
  RunResult json_format =
      run_parplan({"due", "--plan", fixture, "--format", "json", "--delimiter", ";"});
  CHECK(json_format.exit_code == 2);
  CHECK(json_format.err == "parplan: error: --delimiter applies only to --format csv\n");
}

TEST_CASE("due: Markdown renders as headings and tables") {
  RunResult r =
      run_parplan({"due", "--plan", fixture, "--month", "6", "--format", "md", "--lang", "en"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("## Overdue (3)\n\n"
                   "| ID | End | Months late | Lead | Activity |\n"
                   "| --- | ---: | ---: | --- | --- |\n"
                   "| I.1.6 | 2 | 4 | ICT Center | Rà soát \"văn bản\", quy trình nội bộ từ năm "
                   "trước |\n"
                   "| I.1.1 | 3 | 3 | Sở Nội vụ | Ban hành Kế hoạch tuyên truyền |\n") !=
        std::string::npos);
  RunResult html = run_program({"cmark-gfm", "-e", "table"}, {"", {}, r.out});
  REQUIRE(html.exit_code == 0);
  for (const char* heading :
       {"<h2>Overdue (3)</h2>", "<h2>Due in June 2024 (2)</h2>",
        "<h2>Upcoming: ending by July 2024 (1)</h2>", "<h2>Starting in June 2024 (2)</h2>",
        "<h2>Waiting for an event (1)</h2>"})
    CHECK_MESSAGE(html.out.find(heading) != std::string::npos, heading);
  CHECK(html.out.find("<td>Rà soát &quot;văn bản&quot;, quy trình nội bộ từ năm trước</td>") !=
        std::string::npos);
  std::size_t tables = 0;
  for (std::size_t p = html.out.find("<table>"); p != std::string::npos;
       p = html.out.find("<table>", p + 1))
    ++tables;
  CHECK(tables == 5);
}

TEST_CASE("due: its Markdown tables are the report's agenda sections, word for word") {
  for (const char* lang : {"vi", "en"}) {
    INFO(lang);
    std::string due =
        run_parplan({"due", "--plan", fixture, "--month", "6", "--format", "md", "--lang", lang})
            .out;
    std::string report = run_parplan({"report", "--plan", fixture, "--month", "6", "--lang", lang,
                                      "--sections", "overdue,due,upcoming,waiting"})
                             .out;
    // Each "## heading" and its table in due's output appears whole in the report.
    std::size_t sections = 0;
    for (std::size_t at = due.find("\n## "); at != std::string::npos;
         at = due.find("\n## ", at + 1)) {
      std::size_t end = due.find("\n\n", due.find("\n\n", at + 1) + 2);
      std::string block = due.substr(at + 1, end - at);
      if (block.find("## Bắt đầu") == 0 || block.find("## Starting") == 0) continue;  // due only
      CHECK_MESSAGE(report.find(block) != std::string::npos, block);
      ++sections;
    }
    CHECK(sections == 4);
  }
}

TEST_CASE("due: piped output is never cut and never coloured") {
  RunResult r = run_parplan({"due", "--month", "6", "--lang", "en"}, {"", {{"COLUMNS", "40"}}, ""});
  CHECK(r.out.find("…") == std::string::npos);
  CHECK(r.out.find('\033') == std::string::npos);
  CHECK(r.out.find("Ban hành Quy định tiêu chuẩn đối với cán bộ, công chức xã, phường, thị trấn "
                   "trên địa bàn tỉnh\n") != std::string::npos);
  // --color always colours a pipe too, still without cutting.
  RunResult always = run_parplan({"due", "--month", "6", "--color", "always", "--lang", "en"});
  CHECK(always.out.find("\033[1;31mOverdue (3)\033[0m") != std::string::npos);
  CHECK(always.out.find("\033[31m4\033[0m") != std::string::npos);
  CHECK(always.out.find("…") == std::string::npos);
}

TEST_CASE("due: on a terminal titles are cut to its width and colour is on") {
  RunResult r = on_terminal("due --month 6 --lang en", {{"COLUMNS", "72"}});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\033[1;31mOverdue (3)\033[0m") != std::string::npos);
  CHECK(r.out.find("\033[1;33mDue in June 2024 (2)\033[0m") != std::string::npos);
  std::string plain;
  for (std::size_t i = 0; i < r.out.size(); ++i) {
    if (r.out[i] == '\033') {
      i = r.out.find('m', i);
      continue;
    }
    plain += r.out[i];
  }
  std::size_t cut = 0;
  for (const std::string& line : lines(plain)) {
    if (!line.starts_with("  ")) continue;  // headlines and the footer are not table rows
    CHECK_MESSAGE(parplan::unicode::display_width(line) <= 72, line);
    if (line.ends_with("…")) ++cut;
  }
  CHECK(cut > 0);
  CHECK(plain.find("  V.3.2      3            3  Sở Nội vụ            Ban hành Quy định tiê…\n") !=
        std::string::npos);
  // Owner names and events give way too once titles are down to their minimum.
  CHECK(plain.find("  III.2.3    7  Văn phòng UBND tỉnh; Sở Thông tin và …  Thực hiện xây d…\n") !=
        std::string::npos);

  // NO_COLOR and --color never turn colour off; the titles are still cut.
  for (auto [args, env] : {std::pair<std::string, std::map<std::string, std::string>>{
                               "due --month 6 --lang en", {{"COLUMNS", "72"}, {"NO_COLOR", "1"}}},
                           {"due --month 6 --lang en --color never", {{"COLUMNS", "72"}}}}) {
    RunResult plain_run = on_terminal(args, env);
    CHECK(plain_run.out.find('\033') == std::string::npos);
    CHECK(plain_run.out == plain);
  }
}
