// The import's parts without the binary: cell rules, labels, column titles, owners, YAML
// scalars, the CSV reader and the XML guard.

#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "import/cell_rules.hpp"
#include "import/csv_reader.hpp"
#include "import/owner_registry.hpp"
#include "import/recognise.hpp"
#include "import/row_label.hpp"
#include "import/xml_part.hpp"
#include "import/yaml_writer.hpp"
#include "parplan/calendar.hpp"
#include "parplan/error.hpp"

using namespace parplan::import;
using parplan::YearMonth;

namespace {

std::string span(std::string_view text, int year = 2024) {
  TimeCell c = read_time_cell(text, year);
  switch (c.kind) {
    case TimeCell::Kind::empty:
      return "empty";
    case TimeCell::Kind::ongoing:
      return "ongoing";
    case TimeCell::Kind::after:
      return "after";
    case TimeCell::Kind::per:
      return "per";
    case TimeCell::Kind::other:
      return "other";
    case TimeCell::Kind::months:
      break;
  }
  return parplan::to_string(c.first) + ".." + parplan::to_string(c.last);
}

}  // namespace

TEST_CASE("import cell rules: months, quarters, whole years, ranges and schedule words") {
  for (const char* text : {"Tháng 3", "tháng 03", "3", "T3", "03/2024", "3/2024", "Tháng 3/2024",
                           "Tháng 3 năm 2024", "2024-03", "Tháng 3."})
    CHECK_MESSAGE(span(text) == "2024-03..2024-03", text);
  CHECK(span("3/2025") == "2025-03..2025-03");
  CHECK(span("Quý II") == "2024-04..2024-06");
  CHECK(span("quý 4/2025") == "2025-10..2025-12");
  CHECK(span("Cả năm") == "2024-01..2024-12");
  CHECK(span("Năm 2024") == "2024-01..2024-12");
  CHECK(span("Tháng 3 - Tháng 5") == "2024-03..2024-05");
  CHECK(span("Từ tháng 3 đến tháng 5") == "2024-03..2024-05");
  CHECK(span("Tháng 3-5") == "2024-03..2024-05");
  CHECK(span("Quý I - Quý II") == "2024-01..2024-06");
  CHECK(span("Thường xuyên") == "ongoing");
  CHECK(span("Sau khi Nghị quyết ban hành") == "after");
  CHECK(span("Theo quy định của Bộ Nội vụ") == "per");
  for (const char* text : {"13", "Đầu năm", "Tháng 0", "Quý V", "5 - 3", "45352"})
    CHECK_MESSAGE(span(text) == "other", text);
  CHECK(span("") == "empty");
  CHECK(years_in("Quyết định 1794/QĐ-UBND ngày 27/12/2023") == std::vector<int>{2023});
}

TEST_CASE("import cell rules: start and end cells make one schedule, the rest is a note") {
  auto cell = [](std::string_view t) { return read_time_cell(t, 2024); };
  Schedule s = combine_schedule(cell("Tháng 1"), cell("Quý II"), false);
  CHECK(s.start == YearMonth{2024, 1});
  CHECK(s.end == YearMonth{2024, 6});
  CHECK(s.notes.empty());
  s = combine_schedule(cell("Cả năm"), cell(""), false);
  CHECK(s.start == YearMonth{2024, 1});
  CHECK(s.end == YearMonth{2024, 12});
  // One end alone is kept in the note, not completed by invention.
  s = combine_schedule(cell("Tháng 6"), cell(""), false);
  CHECK(!s.start);
  CHECK(s.notes == std::vector<std::string>{"Thời gian bắt đầu trong nguồn: Tháng 6."});
  REQUIRE(s.problems.size() == 1);
  CHECK(s.problems[0].message ==
        "'Tháng 6' has no end month beside it; kept in note: instead of inventing one");
  s = combine_schedule(cell("Thường xuyên"), cell("Thường xuyên"), false);
  CHECK(s.ongoing);
  CHECK(s.problems.empty());
  s = combine_schedule(cell("Tháng 3"), cell("Sau khi có hướng dẫn"), false);
  CHECK(s.after == "Sau khi có hướng dẫn");
  CHECK(s.start == YearMonth{2024, 3});
  s = combine_schedule(cell("Theo kế hoạch của tỉnh"), cell("Tháng 5"), false);
  CHECK(s.per == "Theo kế hoạch của tỉnh");
  CHECK(!s.end);
  CHECK(s.notes == std::vector<std::string>{"Thời gian hoàn thành trong nguồn: Tháng 5."});
  s = combine_schedule(cell("Đầu năm"), TimeCell{}, true);
  CHECK(s.notes == std::vector<std::string>{"Thời gian thực hiện trong nguồn: Đầu năm."});
  CHECK(s.problems.at(0).message ==
        "cannot read 'Đầu năm' as a month, quarter, whole year or schedule word; kept in note:");
}

TEST_CASE("import cell rules: owners split on semicolons and lines, never on commas") {
  CHECK(split_owners("Sở Nội vụ; Sở Tư pháp") ==
        std::vector<std::string>{"Sở Nội vụ", "Sở Tư pháp"});
  CHECK(split_owners("Sở Nội vụ\nSở Tư pháp\n") ==
        std::vector<std::string>{"Sở Nội vụ", "Sở Tư pháp"});
  CHECK(split_owners("Các cơ quan, đơn vị có liên quan") ==
        std::vector<std::string>{"Các cơ quan, đơn vị có liên quan"});
  CHECK(split_owners("- Sở Nội vụ;\n- Sở Nội vụ.") == std::vector<std::string>{"Sở Nội vụ"});
  CHECK(split_owners("Phòng Văn hóa\nvà Thông tin") ==
        std::vector<std::string>{"Phòng Văn hóa và Thông tin"});
  CHECK(split_owners(" ; \n").empty());
}

TEST_CASE("import row labels") {
  auto kind = [](std::string_view text, bool whole) {
    RowLabel l = parse_row_label(text, whole);
    std::string out = std::to_string(static_cast<int>(l.kind)) + ":" + l.field;
    for (int n : l.numbers) out += "/" + std::to_string(n);
    return out + ":" + l.rest;
  };
  // kinds: 0 none, 1 field, 2 task, 3 activity, 4 number, 5 letter
  CHECK(kind("LĨNH VỰC II: CẢI CÁCH THỂ CHẾ", false) == "1:II/2:CẢI CÁCH THỂ CHẾ");
  CHECK(kind("Phần 3 - Tổ chức", false) == "1:III/3:Tổ chức");
  CHECK(kind("IV.", true) == "1:IV/4:");
  CHECK(kind("II. Thể chế", false) == "1:II/2:Thể chế");
  CHECK(kind("Nhiệm vụ 2: Tuyên truyền", false) == "2:/2:Tuyên truyền");
  CHECK(kind("Hoạt động 2.1", true) == "3:/2/1:");
  CHECK(kind("1.2", true) == "3:/1/2:");
  CHECK(kind("II.1.2", true) == "3:II/1/2:");
  CHECK(kind("3", true) == "4:/3:");
  CHECK(kind("3. Kiểm tra", false) == "4:/3:Kiểm tra");
  CHECK(kind("c)", true) == "5:/3:");
  CHECK(kind("b) Rà soát", false) == "5:/2:Rà soát");
  // Ordinary text is not a label: no punctuation, a word, lower-case numerals.
  CHECK(kind("100% cơ quan", false) == "0::");
  CHECK(kind("Ban hành", false) == "0::");
  CHECK(kind("I", false) == "0::");
  CHECK(kind("IIII.", true) == "0::");
}

TEST_CASE("import column titles") {
  auto role = [](std::string_view t) { return column_role(t); };
  CHECK(role("STT") == Role::number);
  CHECK(role("Số TT") == Role::number);
  CHECK(role("Nội dung") == Role::content);
  CHECK(role("Tên hoạt động") == Role::content);
  CHECK(role("Kết quả dự kiến") == Role::result);
  CHECK(role("Hình thức sản phẩm") == Role::output);
  CHECK(role("Sản phẩm") == Role::result);
  CHECK(role("Cơ quan chủ trì") == Role::lead);
  CHECK(role("ĐƠN VỊ  CHỦ TRÌ") == Role::lead);
  CHECK(role("Phối hợp") == Role::support);
  CHECK(role("Thời gian thực hiện Bắt đầu") == Role::start);
  CHECK(role("Thời gian hoàn thành") == Role::end);
  CHECK(role("Kết thúc") == Role::end);
  CHECK(role("Thời gian thực hiện") == Role::time);
  CHECK(role("Ghi chú") == Role::note);
  CHECK(!role("Họ và tên"));
}

TEST_CASE("import owners: --owners names and aliases first, then stable ASCII ids") {
  parplan::Plan known;
  known.add_owner({"snv", "Sở Nội vụ", {"SNV"}, {}});
  known.add_owner({"so-tu-phap", "Sở Tư pháp thành phố", {}, {}});
  OwnerRegistry r(&known);
  CHECK(r.id_for("SỞ NỘI VỤ") == "snv");
  CHECK(r.id_for("snv") == "snv");
  CHECK(r.id_for("Sở  Tư pháp") == "so-tu-phap-2");  // the id is taken by another name
  CHECK(r.id_for("Sở Tư Pháp") == "so-tu-phap-2");
  CHECK(r.id_for("Đài Phát thanh") == "dai-phat-thanh");
  CHECK(r.id_for("Ủy ban nhân dân các xã, phường, thị trấn trên địa bàn thành phố") ==
        "uy-ban-nhan-dan-cac-xa-phuong-thi-tran");
  CHECK(r.id_for("—") == "owner");
  REQUIRE(r.used().size() == 5);
  CHECK(r.used()[0].name == "Sở Nội vụ");
  CHECK(r.used()[1].name == "Sở  Tư pháp");
}

TEST_CASE("import YAML scalars are plain unless YAML needs quotes") {
  CHECK(yaml_scalar("Sở Nội vụ") == "Sở Nội vụ");
  CHECK(yaml_scalar("100% cơ quan; đúng hạn") == "100% cơ quan; đúng hạn");
  CHECK(yaml_scalar("Nguồn: mất ô") == "\"Nguồn: mất ô\"");
  CHECK(yaml_scalar("- gạch đầu dòng") == "\"- gạch đầu dòng\"");
  CHECK(yaml_scalar("\"Đề án\" số 1") == "\"\\\"Đề án\\\" số 1\"");
  CHECK(yaml_scalar("a #b") == "\"a #b\"");
  CHECK(yaml_scalar("~") == "\"~\"");
  CHECK(yaml_scalar("null") == "\"null\"");
  CHECK(yaml_scalar("a\\b") == "a\\b");
  CHECK(yaml_scalar("") == "\"\"");
}

TEST_CASE("import CSV reader: BOM, delimiter, RFC 4180 quotes") {
  Document d = read_csv(
      "\xEF\xBB\xBF"
      "a;\"b;\"\"c\"\"\nd\";e\r\nf;g;h\n",
      "x.csv");
  REQUIRE(d.tables.size() == 1);
  const Table& t = d.tables[0];
  REQUIRE(t.rows.size() == 2);
  REQUIRE(t.rows[0].cells.size() == 3);
  CHECK(t.rows[0].cells[0].text == "a");
  CHECK(t.rows[0].cells[1].text == "b;\"c\"\nd");
  CHECK(t.rows[0].cells[2].text == "e");
  CHECK(t.rows[1].number == 2);
  CHECK(read_csv("a,b,c\n1,\"x, y\",3\n", "x.csv").tables[0].rows[1].cells[1].text == "x, y");
  CHECK_THROWS_WITH_AS(read_csv("a,\"b\n", "x.csv"),
                       "x.csv: row 1, column 2: a quoted field opened on line 1 is never closed; "
                       "close the quote (a quote inside a quoted field is written twice: \"\")",
                       parplan::Error);
}

TEST_CASE("import XML: pugixml expands no entities, a DTD and too many elements are refused") {
  // pugixml itself leaves an undeclared or DTD-declared entity as written: no expansion, no
  // fetching. parse_xml_part refuses the DTD before pugixml sees it.
  std::string laughs =
      "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&b;&x;</d>";
  pugi::xml_document direct;
  REQUIRE(direct.load_string(laughs.c_str()));
  CHECK(std::string(direct.child("d").child_value()) == "&b;&x;");
  pugi::xml_document doc;
  CHECK_THROWS_WITH_AS(parse_xml_part(doc, laughs, "f.docx", "word/document.xml"),
                       "f.docx: the file is damaged (word/document.xml: it declares a DTD or "
                       "entities, which Office never writes); open it in Word or Excel (or "
                       "LibreOffice) and save it again",
                       parplan::Error);
  std::string many = "<d>";
  for (std::size_t i = 0; i < max_xml_elements; ++i) many += "<e/>";
  many += "</d>";
  CHECK_THROWS_WITH_AS(parse_xml_part(doc, many, "f.docx", "word/document.xml"),
                       "f.docx: word/document.xml has more than 1000000 elements or 1500000 "
                       "attributes, more than a plan appendix needs; split the table into several "
                       "files",
                       parplan::Error);
}
