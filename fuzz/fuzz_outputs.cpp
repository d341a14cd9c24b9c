// libFuzzer harness: the text layers under the HTML report and the iCalendar export, fed with
// arbitrary bytes. ics::fold must give lines of at most 75 octets that unfold to the input and
// never split a UTF-8 sequence; ics::escape must leave no line break and read back; html::escape
// must leave no markup character; markdown_to_html must not crash and may only write its own tags.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parplan/html.hpp"
#include "parplan/html_markdown.hpp"
#include "parplan/ics_export.hpp"
#include "parplan/unicode.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

void check_fold(std::string_view input) {
  std::string folded = parplan::ics::fold(input);
  require(folded.ends_with("\r\n"));
  const bool valid = !parplan::unicode::find_invalid_utf8(input);
  std::string unfolded;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find("\r\n", start);
    require(end != std::string::npos && end - start <= 75);
    std::string_view line(folded.data() + start, end - start);
    if (start > 0) {
      require(line.starts_with(' '));
      line.remove_prefix(1);
    }
    if (valid) require(!parplan::unicode::find_invalid_utf8(line));
    unfolded += line;
    start = end + 2;
  }
  require(unfolded == input);
}

void check_ics_escape(std::string_view input) {
  std::string escaped = parplan::ics::escape(input);
  require(escaped.find_first_of("\r\n") == std::string::npos);
  std::string back;
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    if (escaped[i] == '\\') {
      require(i + 1 < escaped.size());
      char c = escaped[++i];
      back += c == 'n' ? '\n' : c;
    } else {
      require(escaped[i] != ';' && escaped[i] != ',');
      back += escaped[i];
    }
  }
  std::string expected;
  for (char c : input)
    if (c != '\r') expected += c;
  require(back == expected);
}

bool own_tag(std::string_view rest) {
  for (std::string_view tag :
       {"p>", "/p>", "table>", "/table>", "thead>", "/thead>", "tbody>", "/tbody>", "tr>", "/tr>",
        "th>", "th class=\"num\">", "/th>", "td>", "td class=\"num\">", "/td>"})
    if (rest.starts_with(tag)) return true;
  return rest.size() >= 3 && (rest[0] == 'h' || (rest[0] == '/' && rest[1] == 'h'));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // Content lines never hold a line break: ics::escape has turned it into "\\n".
  check_fold(parplan::ics::escape(input));
  check_ics_escape(input);
  std::string escaped = parplan::html::escape(input);
  require(escaped.find_first_of("<>\"'") == std::string::npos);
  std::string html = parplan::markdown_to_html(input);
  for (std::size_t pos = html.find('<'); pos != std::string::npos; pos = html.find('<', pos + 1))
    require(own_tag(std::string_view(html).substr(pos + 1)));
  return 0;
}
