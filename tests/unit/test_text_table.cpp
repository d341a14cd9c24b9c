#include <doctest/doctest.h>

#include "parplan/text_table.hpp"
#include "parplan/unicode.hpp"
#include "util/colour.hpp"

using namespace parplan::text;
using namespace parplan::util;

TEST_CASE("text table: columns align by display width, not bytes") {
  // "Sở" is 2 columns but 4 bytes; decomposed "Sở" (S + o + horn + hook) 2 columns, 6 bytes.
  std::string out = table({{"ID"}, {"Lead"}, {"N", true}},
                          {{{"I.1"}, {"Sở"}, {"7"}},
                           {{"I.10"}, {"So\xCC\x9B\xCC\x89"}, {"12"}},
                           {{"I.2"}, {"Đài Phát thanh"}, {"3"}}},
                          {});
  CHECK(out ==
        "  ID    Lead             N\n"
        "  I.1   Sở               7\n"
        "  I.10  So\xCC\x9B\xCC\x89              12\n"
        "  I.2   Đài Phát thanh   3\n");
}

TEST_CASE("text table: no trailing spaces and no padding after the last column") {
  std::string out = table({{"A"}, {"B"}}, {{{"long value"}, {""}}, {{"x"}, {"y"}}}, {});
  CHECK(out == "  A           B\n  long value\n  x           y\n");
}

TEST_CASE("text table: titles are cut with an ellipsis to the width") {
  TableStyle style;
  style.width = 24;
  style.min_cut = 4;
  std::string out = table({{"ID"}, {"Title", false, Cut::first}},
                          {{{"I.1"}, {"Cải cách hành chính tỉnh"}}, {{"I.2"}, {"Ngắn"}}}, style);
  CHECK(out ==
        "  ID   Title\n"
        "  I.1  Cải cách hành ch…\n"  // 7 columns before the title, 17 for it
        "  I.2  Ngắn\n");
  // Nothing is cut without a width; a terminal too narrow for min_cut cuts further (the header
  // too), down to one character and the ellipsis.
  CHECK(table({{"ID"}, {"Title", false, Cut::first}}, {{{"I.1"}, {"Cải cách hành chính tỉnh"}}}, {})
            .find("tỉnh\n") != std::string::npos);
  style.width = 5;
  CHECK(table({{"ID"}, {"Title", false, Cut::first}}, {{{"I.1"}, {"Cải cách hành chính tỉnh"}}},
              style) == "  ID   T…\n  I.1  C…\n");
}

TEST_CASE("text table: when cutting titles is not enough the widest other columns share a cut") {
  TableStyle style;
  style.width = 33;
  style.min_cut = 6;
  std::vector<Column> columns = {{"ID"},
                                 {"Lead", false, Cut::then},
                                 {"Event", false, Cut::then},
                                 {"Title", false, Cut::first}};
  // Natural widths 3, 22, 10 and 25 need 68 columns: the title goes down to 6 (49), then Lead,
  // the widest, down to Event's 10 (37), then the two in turn to 8 (33).
  std::string out =
      table(columns,
            {{{"I.1"}, {"Sở Thông tin và Truyền"}, {"Sau khi có"}, {"Tổ chức Hội nghị đánh giá"}}},
            style);
  for (std::size_t start = 0, end; (end = out.find('\n', start)) != std::string::npos;
       start = end + 1)
    CHECK(parplan::unicode::display_width(out.substr(start, end - start)) <= 33);
  CHECK(out ==
        "  ID   Lead      Event     Title\n"
        "  I.1  Sở Thôn…  Sau khi…  Tổ ch…\n");
  // Below min_cut titles give way first, then the others.
  style.width = 28;
  CHECK(table(columns, {{{"I.1"}, {"Sở Thông tin"}, {"Sau khi có"}, {"Tổ chức Hội"}}}, style) ==
        "  ID   Lead    Event   Title\n"
        "  I.1  Sở Th…  Sau k…  Tổ c…\n");
  // One character and the ellipsis is the end; then the row overflows.
  style.width = 10;
  CHECK(table(columns, {{{"I.1"}, {"Sở Thông tin"}, {"Sau khi có"}, {"Tổ chức Hội"}}}, style) ==
        "  ID   L…  E…  T…\n"
        "  I.1  S…  S…  T…\n");
}

TEST_CASE("text table: colour wraps the text, not the padding") {
  TableStyle style;
  style.color = true;
  std::string out = table({{"ID"}, {"Late", true}}, {{{"I.1"}, {"3 months", sgr::red}}}, style);
  CHECK(out ==
        "  \033[2mID\033[0m       \033[2mLate\033[0m\n"
        "  I.1  \033[31m3 months\033[0m\n");
  CHECK(paint("x", sgr::bold, false) == "x");
  CHECK(paint("x", sgr::none, true) == "x");
}

TEST_CASE("text table: one_line keeps a cell on one line and the terminal safe") {
  CHECK(one_line("a\nb\r\nc\td") == "a b c d");
  CHECK(one_line("red \033[31mtext") == "red \xEF\xBF\xBD[31mtext");
  CHECK(one_line("csi \xC2\x9B"
                 "31m") ==
        "csi \xEF\xBF\xBD"
        "31m");
  CHECK(one_line("Sở Nội vụ") == "Sở Nội vụ");
}
