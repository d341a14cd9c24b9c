#include "yaml_tree.hpp"

#include <fmt/format.h>

#include <cctype>

#include "encoding.hpp"
#include "yaml_builder.hpp"

namespace parplan::yaml {

const char* describe(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::null:
      return "nothing";
    case Node::Kind::scalar:
      return "text";
    case Node::Kind::sequence:
      return "a list";
    case Node::Kind::map:
      return "a mapping";
  }
  return "nothing";
}

std::optional<std::string> with_colon(std::string_view line) {
  std::size_t word = 0;
  while (word < line.size() && (std::isalnum(static_cast<unsigned char>(line[word])) ||
                                line[word] == '_' || line[word] == '-'))
    ++word;
  if (word == 0 || word == line.size() || (line[word] != ' ' && line[word] != ':')) return {};
  std::size_t value = line.find_first_not_of(" :", word);
  if (value == line.npos) return {};
  // The rest of the line goes into a message: a tab or a control character in it is escaped.
  return display_text(fmt::format("{}: {}", line.substr(0, word), line.substr(value)));
}

Node parse(std::string_view text, FileReport& report) {
  TextIndex index(text);
  if (auto root = read_clean_with_libyaml(text, index)) return std::move(*root);
  return read_with_yaml_cpp(text, index, report);
}

}  // namespace parplan::yaml
