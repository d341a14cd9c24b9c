#include "parplan/markdown.hpp"

namespace parplan::markdown {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '&':
      case '#':
      case '~':
      case '!':
      // pandoc's Markdown also reads ^superscript^ and $math$.
      case '^':
      case '$':
        out += '\\';
        out += c;
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += ' ';
        break;
      case '\n':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string table(const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows,
                  const std::vector<bool>& right) {
  auto line = [](const std::vector<std::string>& cells, bool raw) {
    std::string out = "|";
    for (const std::string& cell : cells) out += " " + (raw ? cell : escape(cell)) + " |";
    return out + "\n";
  };
  std::vector<std::string> rule;
  for (std::size_t i = 0; i < header.size(); ++i)
    rule.push_back(i < right.size() && right[i] ? "---:" : "---");
  std::string out = line(header, false) + line(rule, true);
  for (const auto& row : rows) out += line(row, false);
  return out;
}

}  // namespace parplan::markdown
