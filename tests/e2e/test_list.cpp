#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "csv_reader.hpp"
#include "parplan/unicode.hpp"
#include "test_support.hpp"

using namespace parplan::test;
using json = nlohmann::json;
using Ids = std::vector<std::string>;

namespace {

const std::string fixture = "tests/fixtures/due-all-kinds";

json list_json(std::vector<std::string> args) { return run_json("list", std::move(args)); }

Ids ids(const json& list) { return ids_of(list); }

// The line of "- id: <id>" in a fixture file: where the activity is defined.
int line_of(const std::string& file, const std::string& id) {
  std::string text = read_file(source_path(fixture + "/" + file));
  std::size_t pos = text.find("- id: " + id + "\n");
  REQUIRE(pos != std::string::npos);
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
}

const Ids fixture_ids = {"I.1.1",  "I.1.2",  "I.1.3",  "I.1.4",  "I.1.5",  "I.1.6",
                         "I.1.7",  "I.1.8",  "II.1.1", "II.1.2", "II.1.3", "II.1.4",
                         "II.1.5", "II.1.6", "II.1.7", "II.1.8", "II.1.9", "II.1.10"};

}  // namespace

TEST_CASE("list: text lists every activity in plan order with status and schedule") {
  // In the plan's language (Vietnamese) unless --lang says otherwise.
  RunResult r = run_parplan({"list", "--plan", fixture});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
        "fixture-all-kinds: 18 hoạt động\n"
        "\n"
        "  Mã       Tình trạng      Thời gian thực hiện  Cơ quan chủ trì                     "
        "Hoạt động\n"
        "  I.1.1    chưa thực hiện  1–3                  Sở Nội vụ                           "
        "Ban hành Kế hoạch tuyên truyền\n"
        "  I.1.2    hoàn thành      2–5                  Sở Nội vụ                           "
        "Tập huấn công chức đầu mối\n"
        "  I.1.3    đang thực hiện  4–6                  Sở Nội vụ                           "
        "Kiểm tra liên ngành công tác cải cách hành chính\n"
        "  I.1.4    chưa thực hiện  6–7                  Đài Phát thanh và Truyền hình tỉnh  "
        "Phát sóng chuyên mục cải cách hành chính\n"
        "  I.1.5    đã hủy          3–8                  ICT Center                          "
        "Hội thi trực tuyến (đã hủy)\n"
        "  I.1.6    chưa thực hiện  2023-11 – 2024-02    ICT Center                          "
        "Rà soát \"văn bản\", quy trình nội bộ từ năm trước\n"
        "  I.1.7    chưa thực hiện  2024-10 – 2025-03    ICT Center                          "
        "Xây dựng Kế hoạch năm sau\n"
        "  I.1.8    chưa thực hiện  6                    Sở Tư pháp                          "
        "Hội nghị sơ kết sáu tháng\n"
        "  II.1.1   chưa thực hiện  thường xuyên         Sở Nội vụ                           "
        "Họp Ban Chỉ đạo định kỳ\n"
        "  II.1.2   chưa thực hiện  sau sự kiện          Sở Tư pháp                          "
        "Ban hành Quyết định giao biên chế\n"
        "  II.1.3   chưa thực hiện  5                    Sở Tư pháp                          "
        "Triển khai Nghị định mới\n"
        "  II.1.4   chưa thực hiện  theo lịch khác       Đài Phát thanh và Truyền hình tỉnh  "
        "Tự đánh giá Chỉ số cải cách hành chính\n"
        "  II.1.5   chưa thực hiện  chưa xác định        —                                   "
        "Hoạt động chưa rõ thời gian\n"
        "  II.1.6   hoàn thành      sau sự kiện          Sở Nội vụ                           "
        "Hội nghị công bố Chỉ số\n"
        "  II.1.7   chưa thực hiện  7–9                  UBND huyện Đắk Mil                  "
        "Tổ chức các lớp tập huấn kỹ năng tiếp nhận, xử lý hồ sơ trên môi trường mạng cho công "
        "chức cấp huyện, cấp xã\n"
        "  II.1.8   đã hủy          thường xuyên         Sở Nội vụ                           "
        "Họp tổ giúp việc (đã dừng)\n"
        "  II.1.9   đang thực hiện  theo lịch khác       ICT Center                          "
        "Báo cáo theo yêu cầu của Bộ\n"
        "  II.1.10  chưa thực hiện  12                   Sở Nội vụ                           "
        "Tổng kết năm\n");
  RunResult en = run_parplan({"list", "--plan", fixture, "--lang", "en"});
  CHECK(en.exit_code == 0);
  CHECK(en.out ==
        "fixture-all-kinds: 18 activities\n"
        "\n"
        "  ID       Status       Schedule           Lead                                "
        "Activity\n"
        "  I.1.1    planned      1–3                Sở Nội vụ                           Ban "
        "hành Kế hoạch tuyên truyền\n"
        "  I.1.2    done         2–5                Sở Nội vụ                           Tập "
        "huấn công chức đầu mối\n"
        "  I.1.3    in progress  4–6                Sở Nội vụ                           Kiểm "
        "tra liên ngành công tác cải cách hành chính\n"
        "  I.1.4    planned      6–7                Đài Phát thanh và Truyền hình tỉnh  Phát "
        "sóng chuyên mục cải cách hành chính\n"
        "  I.1.5    cancelled    3–8                ICT Center                          Hội "
        "thi trực tuyến (đã hủy)\n"
        "  I.1.6    planned      2023-11 – 2024-02  ICT Center                          Rà "
        "soát \"văn bản\", quy trình nội bộ từ năm trước\n"
        "  I.1.7    planned      2024-10 – 2025-03  ICT Center                          Xây "
        "dựng Kế hoạch năm sau\n"
        "  I.1.8    planned      6                  Sở Tư pháp                          Hội "
        "nghị sơ kết sáu tháng\n"
        "  II.1.1   planned      ongoing            Sở Nội vụ                           Họp "
        "Ban Chỉ đạo định kỳ\n"
        "  II.1.2   planned      after an event     Sở Tư pháp                          Ban "
        "hành Quyết định giao biên chế\n"
        "  II.1.3   planned      5                  Sở Tư pháp                          Triển "
        "khai Nghị định mới\n"
        "  II.1.4   planned      per a timetable    Đài Phát thanh và Truyền hình tỉnh  Tự "
        "đánh giá Chỉ số cải cách hành chính\n"
        "  II.1.5   planned      no schedule        —                                   Hoạt "
        "động chưa rõ thời gian\n"
        "  II.1.6   done         after an event     Sở Nội vụ                           Hội "
        "nghị công bố Chỉ số\n"
        "  II.1.7   planned      7–9                UBND huyện Đắk Mil                  Tổ "
        "chức các lớp tập huấn kỹ năng tiếp nhận, xử lý hồ sơ trên môi trường mạng cho công "
        "chức cấp huyện, cấp xã\n"
        "  II.1.8   cancelled    ongoing            Sở Nội vụ                           Họp tổ "
        "giúp việc (đã dừng)\n"
        "  II.1.9   in progress  per a timetable    ICT Center                          Báo "
        "cáo theo yêu cầu của Bộ\n"
        "  II.1.10  planned      12                 Sở Nội vụ                           Tổng "
        "kết năm\n");
}

TEST_CASE("list: --owner, --role, --field and --status select activities") {
  auto select = [](std::vector<std::string> args) {
    args.insert(args.begin(), {"--plan", fixture});
    return ids(list_json(args));
  };
  CHECK(select({}) == fixture_ids);
  CHECK(select({"--owner", "snv"}) ==
        Ids{"I.1.1", "I.1.2", "I.1.3", "II.1.1", "II.1.6", "II.1.8", "II.1.10"});
  CHECK(select({"--owner", "noi vu", "--role", "support"}) == Ids{"I.1.4", "I.1.7", "II.1.7"});
  CHECK(select({"--owner", "Sở Nội vụ", "--role", "any"}) == Ids{"I.1.1", "I.1.2", "I.1.3", "I.1.4",
                                                                 "I.1.7", "II.1.1", "II.1.6",
                                                                 "II.1.7", "II.1.8", "II.1.10"});
  CHECK(select({"--owner", "dak mil"}) == Ids{"II.1.7"});
  CHECK(select({"--owner", "DIGITAL"}) == Ids{"I.1.5", "I.1.6", "I.1.7", "II.1.9"});
  CHECK(select({"--status", "done"}) == Ids{"I.1.2", "II.1.6"});
  CHECK(select({"--status", "cancelled"}) == Ids{"I.1.5", "II.1.8"});
  CHECK(select({"--status", "in-progress"}) == Ids{"I.1.3", "II.1.9"});
  CHECK(select({"--field", "II", "--status", "planned"}) ==
        Ids{"II.1.1", "II.1.2", "II.1.3", "II.1.4", "II.1.5", "II.1.7", "II.1.10"});
  CHECK(select({"--field", "chỉ đạo", "--owner", "ict"}) == Ids{"I.1.5", "I.1.6", "I.1.7"});
}

TEST_CASE("list: the shipped plan, whole and narrowed") {
  json all = list_json({});
  REQUIRE(all.size() == 61);
  CHECK(all.front().at("id") == "I.2.1");
  CHECK(all.back().at("id") == "VII.3.2");
  CHECK(ids(list_json({"--field", "III"})) == Ids{"III.1.1", "III.1.2", "III.1.3", "III.1.4",
                                                  "III.2.1", "III.2.2", "III.2.3", "III.2.4"});
  // Worked out from data/*.yaml: every activity Sở Nội vụ leads (it supports none).
  Ids snv = {"I.2.1",  "I.2.2",  "I.2.3",  "I.2.4",  "I.2.5",   "I.3.1",   "I.3.2",
             "I.3.3",  "I.3.4",  "I.3.5",  "I.3.6",  "I.4.1",   "I.4.2",   "I.6.1",
             "I.6.2",  "I.6.3",  "IV.1.1", "IV.1.2", "IV.2.1",  "IV.2.2",  "IV.2.3",
             "IV.3.1", "IV.3.2", "V.1.1",  "V.1.2",  "V.2.1",   "V.2.2",   "V.3.1",
             "V.3.2",  "V.3.3",  "V.3.4",  "V.3.5",  "VII.2.2", "VII.2.3", "VII.2.4"};
  CHECK(ids(list_json({"--owner", "noi vu"})) == snv);
  CHECK(ids(list_json({"--owner", "noi vu", "--role", "any"})) == snv);
  CHECK(ids(list_json({"--owner", "noi vu", "--role", "support"})).empty());
  RunResult text = run_parplan({"list", "--owner", "noi vu"});
  CHECK(text.out.starts_with("dak-nong-cchc-2024 (cơ quan chủ trì Sở Nội vụ): 35 hoạt động\n\n"));
}

TEST_CASE("list: the notes of the listed fields and tasks follow the table") {
  // The shipped plan says where a heading was written by hand.
  RunResult r = run_parplan({"list", "--field", "VII"});
  CHECK(r.exit_code == 0);
  CHECK(
      r.out.ends_with("\nGhi chú về lĩnh vực, nhiệm vụ\n"
                      "  VII: Tên lĩnh vực do người nhập liệu ghi theo mục II.7 của Kế hoạch, vì "
                      "bản Phụ lục bị mất "
                      "dòng tiêu đề lĩnh vực VII.\n"
                      "  VII.1: Tên nhiệm vụ do người nhập liệu viết theo nội dung các hoạt động, "
                      "vì bản Phụ lục bị "
                      "mất dòng Nhiệm vụ 1.\n"
                      "  VII.2: Tên nhiệm vụ do người nhập liệu viết theo nội dung các hoạt động, "
                      "vì bản Phụ lục bị "
                      "mất dòng Nhiệm vụ 2.\n"
                      "  VII.3: Tên nhiệm vụ do người nhập liệu viết theo nội dung các hoạt động, "
                      "vì bản Phụ lục bị "
                      "mất dòng Nhiệm vụ 3.\n"));
  // Only the fields and tasks of the activities listed.
  RunResult six = run_parplan({"list", "--field", "VI", "--lang", "en"});
  CHECK(
      six.out.ends_with("\nNotes on the fields and tasks\n"
                        "  VI.2: Tên nhiệm vụ do người nhập liệu viết theo nội dung các hoạt "
                        "động (mục II.6 của Kế hoạch), vì bản Phụ lục bị mất dòng Nhiệm vụ 2.\n"));
  CHECK(run_parplan({"list", "--field", "III"}).out.find("Ghi chú") == std::string::npos);
}

TEST_CASE("list: JSON activity objects carry every key the issue asks for") {
  json all = list_json({"--plan", fixture});
  CHECK(ids(all) == fixture_ids);
  std::map<std::string, json> by_id;
  for (const json& a : all) by_id[a.at("id")] = a;

  CHECK(by_id.at("I.1.7") ==
        json{{"id", "I.1.7"},
             {"field", "I"},
             {"task", "I.1"},
             {"title", "Xây dựng Kế hoạch năm sau"},
             {"result", nullptr},
             {"output", nullptr},
             {"lead", json::array({{{"id", "ict"}, {"name", "ICT Center"}}})},
             {"support", json::array({{{"id", "stp"}, {"name", "Sở Tư pháp"}},
                                      {{"id", "snv"}, {"name", "Sở Nội vụ"}}})},
             {"schedule", "months"},
             {"start", 10},
             {"end", "2025-03"},
             {"after", nullptr},
             {"per", nullptr},
             {"status", "planned"},
             {"completed", nullptr},
             {"progress", nullptr},
             {"note", nullptr},
             {"file", fixture + "/01-chi-dao.yaml"},
             {"line", line_of("01-chi-dao.yaml", "I.1.7")}});
  CHECK(by_id.at("II.1.5") == json{{"id", "II.1.5"},
                                   {"field", "II"},
                                   {"task", "II.1"},
                                   {"title", "Hoạt động chưa rõ thời gian"},
                                   {"result", nullptr},
                                   {"output", nullptr},
                                   {"lead", json::array()},
                                   {"support", json::array()},
                                   {"schedule", "unknown"},
                                   {"start", nullptr},
                                   {"end", nullptr},
                                   {"after", nullptr},
                                   {"per", nullptr},
                                   {"status", "planned"},
                                   {"completed", nullptr},
                                   {"progress", nullptr},
                                   {"note", nullptr},
                                   {"file", fixture + "/02-the-che.yaml"},
                                   {"line", line_of("02-the-che.yaml", "II.1.5")}});

  CHECK(by_id.at("I.1.2").at("status") == "done");
  CHECK(by_id.at("I.1.2").at("completed") == 5);
  CHECK(by_id.at("I.1.3").at("progress") == 50);
  CHECK(by_id.at("I.1.5").at("status") == "cancelled");
  CHECK(by_id.at("I.1.6").at("start") == "2023-11");
  CHECK(by_id.at("I.1.6").at("end") == 2);
  CHECK(by_id.at("II.1.1").at("schedule") == "ongoing");
  CHECK(by_id.at("II.1.2").at("schedule") == "after-event");
  CHECK(by_id.at("II.1.2").at("after") == "Sau khi HĐND tỉnh ban hành Nghị quyết");
  // An event that happened and got its months is scheduled by them; the event stays recorded.
  CHECK(by_id.at("II.1.3").at("schedule") == "months");
  CHECK(by_id.at("II.1.3").at("after") == "Sau khi Chính phủ ban hành Nghị định");
  CHECK(by_id.at("II.1.4").at("schedule") == "external");
  CHECK(by_id.at("II.1.4").at("per") == "Theo quy định của Bộ Nội vụ");
  for (const json& a : all) {
    CHECK(a.size() == 19);
    CHECK(a.at("line") ==
          line_of(a.at("file").get<std::string>().substr(fixture.size() + 1), a.at("id")));
  }
}

TEST_CASE("list: CSV reads back as RFC 4180 and matches the JSON") {
  RunResult r = run_parplan({"list", "--plan", fixture, "--format", "csv"});
  CHECK(r.exit_code == 0);
  auto records = read_csv(r.out);
  REQUIRE(records.size() == 19);
  const std::vector<std::string> header = {"id",       "field", "task",    "title",    "result",
                                           "output",   "lead",  "support", "schedule", "start",
                                           "end",      "after", "per",     "status",   "completed",
                                           "progress", "note",  "file",    "line"};
  CHECK(records[0] == header);

  json all = list_json({"--plan", fixture});
  auto names = [](const json& owners) {
    std::string out;
    for (const json& o : owners) out += (out.empty() ? "" : "; ") + o.at("name").get<std::string>();
    return out;
  };
  auto cell = [](const json& v) {
    if (v.is_null()) return std::string();
    if (v.is_string()) return v.get<std::string>();
    return v.dump();
  };
  for (std::size_t i = 0; i < all.size(); ++i) {
    const json& a = all[i];
    const std::vector<std::string>& row = records[i + 1];
    REQUIRE(row.size() == header.size());
    for (std::size_t c = 0; c < header.size(); ++c) {
      const std::string& column = header[c];
      std::string expected =
          column == "lead" || column == "support" ? names(a.at(column)) : cell(a.at(column));
      CHECK_MESSAGE(row[c] == expected, a.at("id") << " " << column);
    }
  }
  CHECK(records[6][3] == "Rà soát \"văn bản\", quy trình nội bộ từ năm trước");
  CHECK(records[7][7] == "Sở Tư pháp; Sở Nội vụ");

  RunResult bom = run_parplan({"list", "--plan", fixture, "--format", "csv", "--bom"});
  CHECK(bom.out == "\xEF\xBB\xBF" + r.out);
  CHECK_FALSE(r.out.starts_with("\xEF\xBB\xBF"));
}

TEST_CASE("list: an empty selection still prints its headline, an empty array, a CSV header") {
  RunResult text = run_parplan(
      {"list", "--plan", fixture, "--owner", "ict", "--status", "done", "--lang", "en"});
  CHECK(text.exit_code == 0);
  CHECK(text.out == "fixture-all-kinds (lead ICT Center; status done): 0 activities\n");
  CHECK(list_json({"--plan", fixture, "--owner", "ict", "--status", "done"}) == json::array());
  RunResult csv = run_parplan(
      {"list", "--plan", fixture, "--owner", "ict", "--status", "done", "--format", "csv"});
  CHECK(read_csv(csv.out).size() == 1);
}

TEST_CASE("list: on a terminal titles are cut, piped they are whole") {
  std::map<std::string, std::string> env = {{"COLUMNS", "70"}, {"TERM", "xterm"}};
  RunResult tty = run_program({"script", "-qec",
                               std::string(PARPLAN_BINARY) + " list --plan " + fixture +
                                   " --field II --color never --lang en",
                               "/dev/null"},
                              {"", env, ""});
  REQUIRE(tty.exit_code == 0);
  std::string out;
  for (char c : tty.out)
    if (c != '\r') out += c;
  // 70 columns: the title and then the owner names give way.
  CHECK(out.find("  II.1.7   planned      7–9              UBND huyện Đắk …  Tổ chức cá…\n") !=
        std::string::npos);
  for (std::size_t start = 0, end; (end = out.find('\n', start)) != std::string::npos;
       start = end + 1)
    CHECK(parplan::unicode::display_width(out.substr(start, end - start)) <= 70);

  RunResult piped = run_parplan({"list", "--plan", fixture, "--field", "II"}, {"", env, ""});
  CHECK(piped.out.find("cho công chức cấp huyện, cấp xã\n") != std::string::npos);
  CHECK(piped.out.find("…") == std::string::npos);
}

TEST_CASE("list: usage errors exit 2") {
  for (std::vector<std::string> args : {std::vector<std::string>{"--status", "finished"},
                                        {"--month", "6"},
                                        {"--format", "md"},
                                        {"--bom"},
                                        {"--owner", "bo cong an"},
                                        {"--role", "owner"}}) {
    args.insert(args.begin(), "list");
    RunResult r = run_parplan(args);
    CHECK_MESSAGE(r.exit_code == 2, args[1]);
    CHECK(r.out == "");
    CHECK(r.err.starts_with("parplan: error: "));
  }
}

TEST_CASE("list: --owner and --field repeat, each the union of what it names") {
  CHECK(ids(list_json({"--plan", fixture, "--owner", "ict", "--owner", "Sở Tư pháp"})) ==
        Ids{"I.1.5", "I.1.6", "I.1.7", "I.1.8", "II.1.2", "II.1.3", "II.1.9"});
  const Ids field_two = {"II.1.1", "II.1.2", "II.1.3", "II.1.4", "II.1.5",
                         "II.1.6", "II.1.7", "II.1.8", "II.1.9", "II.1.10"};
  // A field by id, number or title; a task by id, its field by id or number.
  CHECK(ids(list_json({"--plan", fixture, "--field", "II"})) == field_two);
  CHECK(ids(list_json({"--plan", fixture, "--field", "2"})) == field_two);
  CHECK(ids(list_json({"--plan", fixture, "--field", "the che"})) == field_two);
  const Ids task_one = {"I.1.1", "I.1.2", "I.1.3", "I.1.4", "I.1.5", "I.1.6", "I.1.7", "I.1.8"};
  CHECK(ids(list_json({"--plan", fixture, "--field", "I.1"})) == task_one);
  CHECK(ids(list_json({"--plan", fixture, "--field", "i.1"})) == task_one);
  CHECK(ids(list_json({"--plan", fixture, "--field", "1.1"})) == task_one);
  CHECK(ids(list_json({"--plan", fixture, "--field", "I.1", "--field", "2"})) == fixture_ids);
  // Different options narrow each other.
  CHECK(ids(list_json({"--plan", fixture, "--owner", "stp", "--owner", "ict", "--field", "1"})) ==
        Ids{"I.1.5", "I.1.6", "I.1.7", "I.1.8"});

  RunResult r =
      run_parplan({"list", "--plan", fixture, "--field", "1.1", "--field", "2", "--lang", "en"});
  CHECK(r.out.starts_with("fixture-all-kinds (fields I.1, II): 18 activities\n"));
}

TEST_CASE("list: --field says what it matched when that is more than one field") {
  RunResult r = run_parplan({"list", "--plan", fixture, "--field", "ch", "--format", "json"});
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "parplan: note: --field 'ch' matches 2 fields: I (Công tác chỉ đạo, điều hành), II (Cải "
        "cách thể chế)\n");
  CHECK(run_parplan({"list", "--plan", fixture, "--field", "2"}).err == "");
  RunResult none = run_parplan({"list", "--plan", fixture, "--field", "y te"});
  CHECK(none.exit_code == 2);
  CHECK(none.err ==
        "parplan: error: no field or task matches 'y te'; fields: I (Công tác chỉ đạo, điều "
        "hành), II (Cải cách thể chế).\n");
  RunResult task = run_parplan({"list", "--plan", fixture, "--field", "II.7"});
  CHECK(task.exit_code == 2);
  CHECK(task.err.starts_with("parplan: error: no field or task matches 'II.7'; fields: I ("));
}

TEST_CASE("list: CSV cells a spreadsheet would run as formulas are written as text") {
  TempDir dir;
  copy_tree(source_path(fixture), dir.str());
  std::string file = (dir.path() / "01-chi-dao.yaml").string();
  std::string text = read_file(file);
  auto replace = [&](const std::string& from, const std::string& to) {
    std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  replace("title: Ban hành Kế hoạch tuyên truyền", "title: '=HYPERLINK(\"http://x\",\"y\")'");
  replace("title: Tập huấn công chức đầu mối", "title: \"+1 lớp\"");
  replace("title: Kiểm tra liên ngành công tác cải cách hành chính", "title: \"-2 lớp\"");
  replace("title: Phát sóng chuyên mục cải cách hành chính", "title: \"@SUM(A1)\"");
  replace("title: Hội thi trực tuyến (đã hủy)", "title: \"\\tTab\"");
  replace("title: Xây dựng Kế hoạch năm sau", "title: a=b-c");
  dir.write("01-chi-dao.yaml", text);

  RunResult r = run_parplan({"list", "--plan", dir.str(), "--format", "csv", "--field", "I"});
  REQUIRE(r.exit_code == 0);
  auto records = read_csv(r.out);
  std::vector<std::string> titles;
  for (std::size_t i = 1; i < records.size(); ++i) titles.push_back(records[i][3]);
  CHECK(titles == std::vector<std::string>{"'=HYPERLINK(\"http://x\",\"y\")", "'+1 lớp", "'-2 lớp",
                                           "'@SUM(A1)", "'\tTab",
                                           "Rà soát \"văn bản\", quy trình nội bộ từ năm trước",
                                           "a=b-c", "Hội nghị sơ kết sáu tháng"});
  // JSON carries the text as written.
  CHECK(list_json({"--plan", dir.str(), "--field", "I"})[0].at("title") ==
        "=HYPERLINK(\"http://x\",\"y\")");
}
