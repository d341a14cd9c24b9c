#include <doctest/doctest.h>

#include "parplan/export.hpp"
#include "parplan/html.hpp"
#include "parplan/html_markdown.hpp"
#include "parplan/ics_export.hpp"
#include "parplan/markdown.hpp"

using namespace parplan;

TEST_CASE("csv_record: quotes what needs it, writes formula starts as text, any delimiter") {
  CHECK(csv_record({"a", "b c", "x,y", "say \"hi\"", " pad"}) ==
        "a,b c,\"x,y\",\"say \"\"hi\"\"\",\" pad\"\r\n");
  CHECK(csv_record({"=1+2", "+1", "-2", "@SUM(A1)", "\tx", "\ry", "a=b", "2024-06", ""}) ==
        "'=1+2,'+1,'-2,'@SUM(A1),'\tx,\"'\ry\",a=b,2024-06,\r\n");
  CHECK(csv_record({"x,y", "a;b", "=c"}, ';') == "x,y;\"a;b\";'=c\r\n");
  CHECK(csv_record({"a\tb", "c"}, '\t') == "\"a\tb\"\tc\r\n");
}

TEST_CASE("html::escape: markup and quotes become entities, control characters U+FFFD") {
  CHECK(html::escape(R"(<script>"x" & 'y'</script>)") ==
        "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
  CHECK(html::escape("a\tb\nc\x01"
                     "d\x7f") == "a\tb\nc\uFFFDd\uFFFD");
  CHECK(html::escape("Sở Nội vụ") == "Sở Nội vụ");
  CHECK(html::element("td", "<b>", " class=\"num\"") == "<td class=\"num\">&lt;b&gt;</td>");
}

TEST_CASE("ics::escape: backslash, semicolon, comma and newlines") {
  CHECK(ics::escape("a\\b;c,d\r\ne\nf") == "a\\\\b\\;c\\,d\\ne\\nf");
}

TEST_CASE("ics::fold: 75 octets a line, never inside a UTF-8 sequence, CRLF after each") {
  CHECK(ics::fold("SUMMARY:short") == "SUMMARY:short\r\n");
  std::string ascii = "X:" + std::string(100, 'a');
  CHECK(ics::fold(ascii) == ascii.substr(0, 75) + "\r\n " + ascii.substr(75) + "\r\n");
  // 73 ASCII octets, then "ệ" (3 octets) would straddle octet 75: it moves to the next line.
  std::string line = std::string(73, 'b') + "ệ" + "c";
  CHECK(ics::fold(line) == std::string(73, 'b') + "\r\n ệc\r\n");
  // Continuation lines hold 74 octets after their leading space.
  std::string vi;
  for (int i = 0; i < 100; ++i) vi += "ư";  // 2 octets each
  std::string folded = ics::fold(vi);
  CHECK(folded ==
        vi.substr(0, 74) + "\r\n " + vi.substr(74, 74) + "\r\n " + vi.substr(148) + "\r\n");
}

TEST_CASE("markdown_to_html reads back what markdown::escape and markdown::table write") {
  std::string md =
      "Summary with \\*stars\\* & \\<b\\>.\n\n### Added\n\n" +
      markdown::table({"ID", "Activity", "Slip"}, {{"A.1", "a | b <i>", "+2"}, {"A.2", "", "-1"}},
                      {false, false, true});
  CHECK(markdown_to_html(md) ==
        "<p>Summary with *stars* &amp; &lt;b&gt;.</p>\n"
        "<h3>Added</h3>\n"
        "<table>\n<thead><tr><th>ID</th><th>Activity</th><th class=\"num\">Slip</th></tr></thead>\n"
        "<tbody>\n"
        "<tr><td>A.1</td><td>a | b &lt;i&gt;</td><td class=\"num\">+2</td></tr>\n"
        "<tr><td>A.2</td><td></td><td class=\"num\">-1</td></tr>\n"
        "</tbody>\n</table>\n");
}
