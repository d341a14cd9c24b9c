// The fast reader: libyaml's events for files that have nothing to report (yaml_builder.hpp).
// Anything out of the ordinary returns nullopt, and yaml-cpp reads the file again to say what.

#include <yaml.h>

#include <algorithm>
#include <vector>

#include "yaml_builder.hpp"

namespace parplan::yaml {

namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  ~Parser() { yaml_parser_delete(&parser_); }

  yaml_parser_t* get() { return &parser_; }

 private:
  yaml_parser_t parser_{};
};

class Event {
 public:
  Event() = default;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  ~Event() { yaml_event_delete(&event_); }

  // The next event, or false on a syntax error.
  bool next(Parser& parser) {
    yaml_event_delete(&event_);
    return yaml_parser_parse(parser.get(), &event_) == 1;
  }
  const yaml_event_t& operator*() const { return event_; }
  const yaml_event_t* operator->() const { return &event_; }

 private:
  yaml_event_t event_{};
};

// libyaml counts positions in characters; the tree wants byte offsets. Events come nearly in
// order, so a cursor that moves forward (and starts over on the rare step back) costs one pass.
class ByteOffsets {
 public:
  explicit ByteOffsets(std::string_view text) : text_(text) {}

  std::size_t operator()(std::size_t characters) {
    if (characters < characters_) characters_ = bytes_ = 0;
    while (characters_ < characters && bytes_ < text_.size()) {
      ++bytes_;
      while (bytes_ < text_.size() && (static_cast<unsigned char>(text_[bytes_]) & 0xC0) == 0x80)
        ++bytes_;
      ++characters_;
    }
    return bytes_;
  }

 private:
  std::string_view text_;
  std::size_t characters_ = 0;
  std::size_t bytes_ = 0;
};

// What yaml-cpp reads as null rather than text when written plain.
bool is_null_text(std::string_view value) {
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

// yaml-cpp places an empty value (`key:` with nothing after it, a bare `- `) where the token after
// it starts; libyaml where the value would have been.
std::size_t next_token(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    if (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n')
      ++pos;
    else if (text[pos] == '#')
      pos = std::min(text.find('\n', pos), text.size());
    else
      break;
  }
  return pos;
}

// `? key` (a key written explicitly): yaml-cpp places a missing value at the '?', not where the
// next token starts. Rare in plans; text like "why? because" is only a false alarm.
bool may_have_explicit_key(std::string_view text) {
  for (std::size_t i = text.find('?'); i != text.npos; i = text.find('?', i + 1)) {
    char before = i == 0 ? '\n' : text[i - 1];
    char after = i + 1 == text.size() ? '\n' : text[i + 1];
    if ((before == '\n' || before == ' ' || before == '\t' || before == '-') &&
        (after == '\n' || after == ' ' || after == '\t'))
      return true;
  }
  return false;
}

bool has_blank_line(std::string_view source) {
  for (std::size_t i = source.find('\n'); i != source.npos; i = source.find('\n', i + 1)) {
    std::size_t next = source.find_first_not_of(" \t", i + 1);
    if (next != source.npos && source[next] == '\n') return true;
  }
  return false;
}

// Where yaml-cpp would read a scalar differently from libyaml: `source` is its text in the file,
// `at_line_start` whether only indentation precedes it.
template <class AtLineStart>
bool yaml_cpp_disagrees(yaml_scalar_style_t style, std::string_view value, std::string_view source,
                        AtLineStart at_line_start, bool in_flow) {
  switch (style) {
    case YAML_LITERAL_SCALAR_STYLE:
    case YAML_FOLDED_SCALAR_STYLE:
      // yaml-cpp drops the blank lines a `|+` or `>+` block keeps, and libyaml takes a block
      // that starts a line where yaml-cpp may not; plans write `key: |`.
      return source.substr(0, source.find('\n')).find('+') != source.npos || at_line_start();
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
      // yaml-cpp writes \_ (U+00A0) as a byte that is not UTF-8; of \N, \L and \P (U+0085, line
      // and paragraph separators) a plan needs none.
      for (std::size_t i = source.find('\\'); i != source.npos; i = source.find('\\', i + 2))
        if (i + 1 < source.size() && std::string_view("_NLP").find(source[i + 1]) != source.npos)
          return true;
      return has_blank_line(source);
    case YAML_PLAIN_SCALAR_STYLE:
      // Inside [ ], yaml-cpp ends plain text at a '?'.
      if (in_flow && value.find('?') != value.npos) return true;
      [[fallthrough]];
    default:
      // Text folded over lines: yaml-cpp keeps fewer of the line breaks blank lines stand for.
      return has_blank_line(source);
  }
}

}  // namespace

std::optional<Node> read_clean_with_libyaml(std::string_view text, const TextIndex& index) {
  // libyaml also breaks lines at U+2028 and U+2029, yaml-cpp does not.
  if (text.find("\xE2\x80\xA8") != text.npos || text.find("\xE2\x80\xA9") != text.npos ||
      may_have_explicit_key(text))
    return std::nullopt;
  std::vector<Diagnostic> diagnostics;
  FileReport report("", diagnostics);
  TreeBuilder builder(text, index, report);
  Parser parser(text);
  Event event;
  ByteOffsets offset(text);
  std::vector<bool> flow;  // for each open collection: written in [ ]
  try {
    for (;;) {
      if (!event.next(parser)) return std::nullopt;
      std::size_t pos = offset(event->start_mark.index);
      switch (event->type) {
        case YAML_STREAM_END_EVENT:
          if (!diagnostics.empty()) return std::nullopt;
          return builder.take_root();
        case YAML_DOCUMENT_START_EVENT:
          builder.document_start(pos);
          break;
        case YAML_SCALAR_EVENT: {
          const auto& scalar = event->data.scalar;
          if (scalar.anchor || scalar.tag) return std::nullopt;
          bool in_flow = !flow.empty() && flow.back();
          std::string_view value(reinterpret_cast<const char*>(scalar.value), scalar.length);
          std::string_view source = text.substr(pos, offset(event->end_mark.index) - pos);
          auto at_line_start = [&] {
            std::size_t line = index.line_start(pos);
            return text.substr(line, pos - line).find_first_not_of(" \t") == text.npos;
          };
          if (yaml_cpp_disagrees(scalar.style, value, source, at_line_start, in_flow))
            return std::nullopt;
          if (scalar.style == YAML_PLAIN_SCALAR_STYLE && is_null_text(value))
            builder.null_value(value.empty() ? next_token(text, pos) : pos);
          else
            builder.scalar(pos, value, scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE);
          break;
        }
        case YAML_SEQUENCE_START_EVENT:
          if (event->data.sequence_start.anchor || event->data.sequence_start.tag)
            return std::nullopt;
          flow.push_back(event->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
          builder.sequence_start(pos, true);
          break;
        case YAML_MAPPING_START_EVENT:
          // yaml-cpp nests flow mappings its own way; leave them to it.
          if (event->data.mapping_start.anchor || event->data.mapping_start.tag ||
              event->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
            return std::nullopt;
          flow.push_back(false);
          builder.map_start(pos, true);
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          flow.pop_back();
          builder.end();
          break;
        case YAML_ALIAS_EVENT:
          return std::nullopt;
        default:  // stream start, document end
          break;
      }
    }
  } catch (const Abort&) {
    return std::nullopt;
  }
}

}  // namespace parplan::yaml
