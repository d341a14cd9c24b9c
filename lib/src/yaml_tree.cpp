#include "yaml_tree.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <istream>
#include <new>
#include <optional>
#include <streambuf>
#include <unordered_set>

#include "encoding.hpp"
#include "parplan/unicode.hpp"

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

namespace {

// Turns byte offsets into 1-based lines and columns counted in characters. Counting from the line
// start for every node would be quadratic on a long line (1 MiB of "[,,,," is one line), and a
// table of line starts would cost 8 bytes a line (128 MB for 16 MiB of line feeds), so a few
// counts are kept per block of bytes and the rest of a block is scanned.
class TextIndex {
 public:
  explicit TextIndex(std::string_view text) : text_(text) {
    blocks_.reserve(text.size() / block + 1);
    Block counts;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (i % block == 0) blocks_.push_back(counts);
      auto c = static_cast<unsigned char>(text[i]);
      if ((c & 0xC0) != 0x80) ++counts.chars;
      if (c == '\n') {
        ++counts.lines;
        counts.line_start = i + 1;
      }
    }
    if (text.size() % block == 0) blocks_.push_back(counts);
  }

  [[nodiscard]] std::pair<int, int> position(std::size_t pos) const {
    pos = std::min(pos, text_.size());
    Block at = counts_before(pos);
    // A line usually starts in the same block as the position: count its characters directly
    // instead of scanning a second block.
    std::size_t column =
        at.line_start >= pos - pos % block
            ? unicode::code_points(text_.substr(at.line_start, pos - at.line_start)) + 1
            : at.chars - counts_before(at.line_start).chars + 1;
    return {static_cast<int>(at.lines) + 1, static_cast<int>(column)};
  }

  [[nodiscard]] std::pair<int, int> position(const YAML::Mark& mark) const {
    return position(mark.pos < 0 ? 0 : static_cast<std::size_t>(mark.pos));
  }

  [[nodiscard]] std::size_t line_start(std::size_t pos) const {
    return counts_before(std::min(pos, text_.size())).line_start;
  }

 private:
  static constexpr std::size_t block = 256;

  // Before a position: characters, line feeds, and where its line starts.
  struct Block {
    std::size_t chars = 0;
    std::size_t lines = 0;
    std::size_t line_start = 0;
  };

  [[nodiscard]] Block counts_before(std::size_t pos) const {
    std::size_t b = pos / block;
    Block counts = blocks_[b];
    for (std::size_t i = b * block; i < pos; ++i) {
      auto c = static_cast<unsigned char>(text_[i]);
      if ((c & 0xC0) != 0x80) ++counts.chars;
      if (c == '\n') {
        ++counts.lines;
        counts.line_start = i + 1;
      }
    }
    return counts;
  }

  std::string_view text_;
  std::vector<Block> blocks_;
};

// Hands the text to yaml-cpp a block at a time and ends the input early once yaml-cpp has read
// more than max_lookahead_marks token marks past the last value it reported (see yaml_tree.hpp);
// yaml-cpp then stops at what looks like the end of the file, and parse() reports the real
// reason. Counting marks rather than bytes lets long text and comments through: they cost yaml-cpp
// one token or none.
class Input : public std::streambuf {
 public:
  explicit Input(std::string_view text) : text_(text) { marks_before_.push_back(0); }

  void reached(const YAML::Mark& mark) {
    if (mark.pos > 0) progress_ = std::max(progress_, static_cast<std::size_t>(mark.pos));
  }
  [[nodiscard]] std::size_t progress() const { return progress_; }
  [[nodiscard]] bool stopped() const { return stopped_; }

 protected:
  int_type underflow() override {
    std::size_t served_blocks = marks_before_.size() - 1;
    std::size_t served = std::min(text_.size(), served_blocks * block);
    // Marks in the blocks after the one holding the last reported value.
    std::size_t since = marks_before_.back() - marks_before_[progress_ / block];
    if (since > max_lookahead_marks) stopped_ = true;
    if (served >= text_.size() || stopped_) return traits_type::eof();
    std::size_t end = std::min(text_.size(), served + block);
    std::size_t marks = 0;
    for (char c : text_.substr(served, end - served)) {
      if (c == '\n') {
        line_start_ = true;
        comment_ = false;
      } else if (line_start_ && c == '#') {
        comment_ = true;
      } else if (c != ' ' && c != '\t') {
        line_start_ = false;
        marks += !comment_ && std::string_view(",[]{}:?!&*\"'").find(c) != std::string_view::npos;
      }
    }
    marks_before_.push_back(marks_before_.back() + marks);
    // yaml-cpp only reads through the get area; the text is never written.
    char* base = const_cast<char*>(text_.data());
    setg(base + served, base + served, base + end);
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr std::size_t block = 4096;

  std::string_view text_;
  std::vector<std::size_t> marks_before_;  // token marks before each served block
  // A line that starts with '#' is a comment, or one line of a quoted or block scalar: no tokens
  // either way, so commented-out YAML costs nothing.
  bool line_start_ = true;
  bool comment_ = false;
  std::size_t progress_ = 0;
  bool stopped_ = false;
};

// Thrown from inside the event handler to stop parsing; carries an already-built diagnostic.
struct Abort {
  int line;
  int column;
  std::string message;
};

std::string nesting_message() {
  return fmt::format("nesting deeper than {} levels; a plan needs only a few", max_depth);
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const TextIndex& index, Input& input, FileReport& report)
      : text_(text), index_(index), input_(input), report_(report) {}

  Node take_root() { return std::move(root_); }

  // Where the innermost '[' (or '{') still open was written, for "never closed" at the end.
  [[nodiscard]] std::optional<std::size_t> open_bracket(char bracket) const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
      if (it->pos < text_.size() && text_[it->pos] == bracket) return it->pos;
    return std::nullopt;
  }

  // Once the input was cut short, the events still queued describe a truncated file: ignore them.
  void OnDocumentStart(const YAML::Mark& mark) override {
    if (input_.stopped()) return;
    input_.reached(mark);
    if (++documents_ > 1) {
      auto [line, column] = index_.position(mark);
      throw Abort{line, column, second_document_message(mark)};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (input_.stopped()) return;
    check_anchor(mark, anchor);
    add(make(Node::Kind::null, mark));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (input_.stopped()) return;
    if (!alias_reported_) report(mark, alias_message());
    alias_reported_ = true;
    add(make(Node::Kind::null, mark));
  }

  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    if (input_.stopped()) return;
    check_anchor(mark, anchor);
    check_quote_closed(mark);
    Node node = make(Node::Kind::scalar, mark);
    node.comment_column = comment_after(node.offset);
    // The file's bytes were checked before parsing, but escapes in double-quoted strings ("\e",
    // "\0", "\ud800") can still produce control characters or text that is not UTF-8 at all.
    if (auto problem = find_forbidden_text(value)) {
      report(mark, problem->message + " (from an escape sequence in this string)");
      node.value = unicode::nfc(replace_forbidden_text(value));
    } else {
      node.value = unicode::nfc(value);
    }
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    if (input_.stopped()) return;
    check_anchor(mark, anchor);
    open(make(Node::Kind::sequence, mark), mark, true);
  }
  void OnSequenceEnd() override {
    if (!input_.stopped()) close();
  }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    if (input_.stopped()) return;
    check_anchor(mark, anchor);
    // yaml-cpp wraps a single `key: value` inside [ ] in a mapping of its own, and at the end of
    // an unclosed "[[[" it does so for every '['; only mappings the user opened count as levels,
    // so that "[" x 16384 is stopped at the 65th '['.
    auto pos = static_cast<std::size_t>(std::max(0, mark.pos));
    char first = pos < text_.size() ? text_[pos] : '\0';
    bool opened = style == YAML::EmitterStyle::Flow
                      ? first == '{'
                      : style == YAML::EmitterStyle::Block && first != '[' && first != '{';
    open(make(Node::Kind::map, mark), mark, opened);
  }
  void OnMapEnd() override {
    if (!input_.stopped()) close();
  }

 private:
  struct Frame {
    Node node;
    std::size_t pos;                       // byte offset of the node in the text
    bool counts;                           // a nesting level the user wrote
    std::unordered_set<std::string> keys;  // filled only for large maps, see check_key
    bool second_id = false;                // a repeated 'id': the next item lost its "- "
  };

  Node make(Node::Kind kind, const YAML::Mark& mark) {
    input_.reached(mark);
    Node node;
    node.kind = kind;
    std::tie(node.line, node.column) = index_.position(mark);
    node.offset = static_cast<std::size_t>(std::max(0, mark.pos));
    if (++nodes_ > max_nodes)
      throw Abort{node.line, node.column,
                  fmt::format("more than {} values in one file; split the field into several "
                              "files",
                              max_nodes)};
    return node;
  }

  void report(const YAML::Mark& mark, std::string message) {
    auto [line, column] = index_.position(mark);
    report_.error(line, column, std::move(message));
  }

  static std::string alias_message() {
    return "aliases (*name) are not supported in plan files; write the value out in full";
  }

  // Once per file: a billion-laughs file would otherwise fill the screen with the same line.
  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor == YAML::NullAnchor || anchor_reported_) return;
    anchor_reported_ = true;
    report(mark, "anchors (&name) are not supported in plan files; write the value out in full");
  }

  // yaml-cpp accepts a quoted scalar that runs to the end of the file; a closing quote must exist.
  void check_quote_closed(const YAML::Mark& mark) {
    auto pos = static_cast<std::size_t>(std::max(0, mark.pos));
    // The node starts at its tag or anchor, if any: `!!str "abc`.
    while (pos < text_.size() && (text_[pos] == '!' || text_[pos] == '&')) {
      pos = text_.find_first_of(" \t\n", pos);
      pos = text_.find_first_not_of(" \t", pos == text_.npos ? text_.size() : pos);
      if (pos == text_.npos) return;
    }
    if (pos >= text_.size()) return;
    char quote = text_[pos];
    if (quote != '"' && quote != '\'') return;  // plain or block (| >) scalar
    for (std::size_t i = pos + 1; i < text_.size(); ++i) {
      if (quote == '"' && text_[i] == '\\') {
        ++i;
      } else if (text_[i] == quote) {
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;
        } else {
          return;
        }
      }
    }
    auto [line, column] = index_.position(mark);
    throw Abort{line, column, fmt::format("unterminated quoted string: no closing {}", quote)};
  }

  // The column of a comment after a plain scalar starting at byte `pos`, on its line; 0 for none.
  // Quoted and block scalars keep their '#'.
  [[nodiscard]] int comment_after(std::size_t pos) const {
    if (pos >= text_.size() || std::string_view("\"'|>[{").find(text_[pos]) != text_.npos) return 0;
    std::size_t end = std::min(text_.find('\n', pos), text_.size());
    std::string_view line = text_.substr(pos, end - pos);
    for (std::size_t i = line.find('#'); i != line.npos; i = line.find('#', i + 1))
      if (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t'))
        return index_.position(pos + i).second;
    return 0;
  }

  std::string second_document_message(const YAML::Mark& mark) const {
    auto pos = static_cast<std::size_t>(std::max(0, mark.pos));
    std::string_view rest = text_.substr(std::min(pos, text_.size()));
    if (rest.starts_with("---") || text_.substr(0, pos).find("\n...") != text_.npos ||
        text_.starts_with("..."))
      return "more than one YAML document in this file; a plan file holds exactly one (remove the "
             "'---' or '...' separator)";
    // yaml-cpp ends a document at a stray ',' and starts the next one there, forever.
    if (!rest.empty() && (rest[0] == ',' || rest[0] == ']' || rest[0] == '}'))
      return fmt::format("syntax error: unexpected '{}'", rest[0]);
    return "unexpected text after the end of the document; check the indentation of this line";
  }

  void open(Node node, const YAML::Mark& mark, bool counts) {
    if (counts && ++depth_ > max_depth) throw Abort{node.line, node.column, nesting_message()};
    stack_.push_back(
        Frame{std::move(node), static_cast<std::size_t>(std::max(0, mark.pos)), counts, {}, false});
  }

  void close() {
    Node node = std::move(stack_.back().node);
    if (stack_.back().counts) --depth_;
    stack_.pop_back();
    add(std::move(node));
  }

  void add(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.is_map() && top.node.items.size() % 2 == 0) check_key(top, node);
    top.node.items.push_back(std::move(node));
  }

  // A bad or repeated key is reported here and turned into a null key, which the loader skips,
  // so the first value wins and the pair still keeps the key/value alternation aligned.
  void check_key(Frame& frame, Node& key) {
    if (!key.is_scalar()) {
      if (key.is_null()) {
        report_.error(key.line, key.column, "empty mapping key");
      } else {
        report_.error(key.line, key.column,
                      "mapping keys must be plain text, not " + std::string(describe(key.kind)));
      }
      key.kind = Node::Kind::null;
      return;
    }
    const auto& items = frame.node.items;
    constexpr std::size_t linear_limit = 16;  // small maps: a scan beats hashing
    const Node* first = nullptr;
    if (items.size() / 2 < linear_limit) {
      for (std::size_t i = 0; i < items.size(); i += 2)
        if (items[i].is_scalar() && items[i].value == key.value) {
          first = &items[i];
          break;
        }
    } else {
      if (frame.keys.empty())
        for (std::size_t i = 0; i < items.size(); i += 2) frame.keys.insert(items[i].value);
      if (!frame.keys.insert(key.value).second) {
        for (std::size_t i = 0; i < items.size(); i += 2)
          if (items[i].is_scalar() && items[i].value == key.value) {
            first = &items[i];
            break;
          }
      }
    }
    if (!first) return;
    if (key.value == "id" && !frame.second_id) {
      // `id:` again in one mapping is nearly always the next list item without its "- "; its
      // other keys then repeat too, and saying so once is enough.
      frame.second_id = true;
      report_.error(key.line, key.column,
                    fmt::format("a second 'id' in one item (the first is at line {}): each "
                                "activity starts with `- `; write `- id:` here",
                                first->line));
    } else if (!frame.second_id) {
      report_.error(
          key.line, key.column,
          fmt::format("duplicate key {} (first given at line {}, column {}); remove one of them",
                      quote_text(key.value), first->line, first->column));
    }
    key.kind = Node::Kind::null;
  }

  std::string_view text_;
  const TextIndex& index_;
  Input& input_;
  FileReport& report_;
  std::vector<Frame> stack_;
  Node root_;
  int documents_ = 0;
  int depth_ = 0;
  bool anchor_reported_ = false;
  bool alias_reported_ = false;
  std::size_t nodes_ = 0;
};

// yaml-cpp's wording is terse; say what a person editing the file should look for.
std::string describe_parser_error(const std::string& msg, std::string_view text, std::size_t pos) {
  char at = pos < text.size() ? text[pos] : '\0';
  if (at == ',' && (msg == YAML::ErrorMsg::END_OF_MAP || msg == YAML::ErrorMsg::END_OF_SEQ))
    return "syntax error: unexpected ','";
  if (msg == YAML::ErrorMsg::MAP_VALUE)
    return "syntax error: unexpected ':' (check the indentation, or quote text that contains ': ')";
  if (msg == YAML::ErrorMsg::END_OF_MAP)
    return "syntax error: mapping is not closed or indented inconsistently";
  if (msg == YAML::ErrorMsg::END_OF_SEQ)
    return "syntax error: list is not closed or indented inconsistently";
  if (msg == YAML::ErrorMsg::END_OF_MAP_FLOW) return "syntax error: '{' without a matching '}'";
  if (msg == YAML::ErrorMsg::END_OF_SEQ_FLOW) return "syntax error: '[' without a matching ']'";
  if (msg == YAML::ErrorMsg::FLOW_END && (at == ']' || at == '}'))
    return fmt::format("syntax error: '{}' without a matching '{}'", at, at == ']' ? '[' : '{');
  if (msg == YAML::ErrorMsg::TAB_IN_INDENTATION)
    return "tab character in the indentation; indent with spaces";
  if (msg == YAML::ErrorMsg::UNKNOWN_ANCHOR || msg.starts_with(YAML::ErrorMsg::UNKNOWN_ANCHOR))
    return "aliases (*name) are not supported in plan files; write the value out in full";
  if (msg.starts_with(YAML::ErrorMsg::INVALID_UNICODE))
    return fmt::format(
        "syntax error: escape sequence for U+{:04X} is not a Unicode character (a lone surrogate "
        "or beyond U+10FFFF)",
        std::strtoul(msg.c_str() + std::strlen(YAML::ErrorMsg::INVALID_UNICODE), nullptr, 10));
  if (msg.starts_with(YAML::ErrorMsg::INVALID_ESCAPE) || msg == YAML::ErrorMsg::INVALID_HEX)
    return "syntax error: invalid escape sequence; in double quotes a backslash starts one, as in "
           "\\n (write \\\\ for a backslash, or use single quotes)";
  if (msg == YAML::ErrorMsg::BLOCK_ENTRY)
    return "syntax error: unexpected '-' (a list item where none can start; check the "
           "indentation)";
  return "syntax error: " + msg;
}

bool is_escape_error(const std::string& msg) {
  return msg.starts_with(YAML::ErrorMsg::INVALID_ESCAPE) || msg == YAML::ErrorMsg::INVALID_HEX ||
         msg.starts_with(YAML::ErrorMsg::INVALID_UNICODE);
}

// The backslash of the escape that failed at `pos`: the first invalid escape on the line of the
// last backslash, else (a well-formed escape of a lone surrogate) that last backslash.
std::optional<std::size_t> escape_before(std::string_view text, std::size_t pos) {
  pos = std::min(pos, text.size());
  // From the start of the line of the last backslash: a \U escape can swallow the line break.
  std::size_t line_start = text.rfind('\\', pos == 0 ? 0 : pos - 1);
  if (line_start == text.npos) return std::nullopt;
  line_start = text.rfind('\n', line_start);
  line_start = line_start == text.npos ? 0 : line_start + 1;
  std::optional<std::size_t> last;
  for (std::size_t i = line_start; i < pos; ++i) {
    if (text[i] != '\\') continue;
    last = i;
    char c = i + 1 < text.size() ? text[i + 1] : '\0';
    std::size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (digits > 0) {
      std::string_view hex = text.substr(i + 2, digits);
      if (hex.size() < digits || hex.find_first_not_of("0123456789abcdefABCDEF") != hex.npos)
        return i;
      i += 1 + digits;
    } else if (c == '\0' ||
               std::string_view("0abt\tnvfre \"/\\N_LP").find(c) == std::string_view::npos) {
      return i;
    } else {
      ++i;
    }
  }
  return last;
}

// The line holding byte `start`, without its line feed.
std::string_view line_at(std::string_view text, std::size_t start) {
  std::size_t end = text.find('\n', start);
  return text.substr(start, (end == text.npos ? text.size() : end) - start);
}

std::size_t indentation(std::string_view line) {
  std::size_t n = line.find_first_not_of(' ');
  return n == line.npos ? line.size() : n;
}

// "title x" or "end:12" followed by "tasks: ..." or "- id: ..." makes yaml-cpp stop at the ':' on
// the line after; the line to fix is the one above it, when that one looks like a key without
// its ": ". Returns the offset of that key.
std::optional<std::size_t> missing_colon(std::string_view text, std::size_t here) {
  std::size_t indent = indentation(line_at(text, here));
  for (std::size_t start = here; start > 0;) {
    std::size_t end = start - 1;  // the line feed ending the line above
    std::size_t feed = end == 0 ? text.npos : text.rfind('\n', end - 1);
    start = feed == text.npos ? 0 : feed + 1;
    std::string_view above = text.substr(start, end - start);
    std::size_t above_indent = indentation(above);
    if (above_indent == above.size() || above[above_indent] == '#') continue;  // blank, comment
    // At the indentation of the keys of the mapping that broke, or deeper (the last key of an
    // item above a "- " line); a line with a proper "key: " or "key:" at its end is not it.
    if (above_indent < indent || above.find(": ") != above.npos || above.ends_with(':') ||
        std::string_view("-?[{\"'|>&*!").find(above[above_indent]) != std::string_view::npos)
      return std::nullopt;
    return start + above_indent;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> with_colon(std::string_view line) {
  std::size_t word = 0;
  while (word < line.size() && (std::isalnum(static_cast<unsigned char>(line[word])) ||
                                line[word] == '_' || line[word] == '-'))
    ++word;
  if (word == 0 || word == line.size() || (line[word] != ' ' && line[word] != ':')) return {};
  std::size_t value = line.find_first_not_of(" :", word);
  if (value == line.npos) return {};
  return fmt::format("{}: {}", line.substr(0, word), line.substr(value));
}

namespace {}  // namespace

Node parse(std::string_view text, FileReport& report) {
  TextIndex index(text);
  Input input(text);
  std::istream stream(&input);
  TreeBuilder builder(text, index, input, report);
  std::optional<Diagnostic> failure;
  auto fail_at = [&](std::pair<int, int> position, std::string message) {
    failure = Diagnostic{Severity::error, report.file(), position.first, position.second,
                         std::move(message)};
  };
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const Abort& abort) {
    fail_at({abort.line, abort.column}, abort.message);
  } catch (const YAML::DeepRecursion& e) {
    fail_at(index.position(e.mark), nesting_message());
  } catch (const YAML::Exception& e) {
    auto pos = std::min(static_cast<std::size_t>(std::max(0, e.mark.pos)), text.size());
    std::size_t at = pos;
    std::string message = describe_parser_error(e.msg, text, pos);
    if (e.msg == YAML::ErrorMsg::MAP_VALUE)
      if (auto key = missing_colon(text, index.line_start(pos))) {
        at = *key;
        if (auto meant = with_colon(line_at(text, *key)))
          message = fmt::format("syntax error: no ': ' after the key; did you mean `{}`?", *meant);
        else
          message = "syntax error: no ':' after the key on this line (write 'key: value')";
      }
    // yaml-cpp stops some way into a bad escape; the backslash is what to look at.
    if (auto backslash = is_escape_error(e.msg) ? escape_before(text, pos) : std::nullopt)
      at = *backslash;
    // At the end of the file yaml-cpp notices that a bracket was never closed; point at it.
    char bracket = e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW   ? '['
                   : e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW ? '{'
                                                              : '\0';
    if (auto open = bracket ? builder.open_bracket(bracket) : std::nullopt) {
      if (pos >= text.size()) {
        at = *open;
      } else {
        auto [line, column] = index.position(*open);
        message = fmt::format(
            "syntax error: expected ',' or '{}' here (the '{}' at line {}, column {} is still "
            "open)",
            bracket == '[' ? ']' : '}', bracket, line, column);
      }
    }
    // A tab where the indentation is expected confuses yaml-cpp into many different complaints.
    std::size_t start = index.line_start(at);
    std::string_view line = line_at(text, start);
    if (std::size_t indent = line.find_first_not_of(" \t");
        line.substr(0, indent).find('\t') != line.npos) {
      at = start + line.find('\t');
      message = "tab character in the indentation; indent with spaces";
    }
    fail_at(index.position(at), std::move(message));
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    // yaml-cpp's own invariants ("internal error") are not YAML exceptions.
    fail_at({1, 1}, std::string("YAML parser failure: ") + e.what());
  }
  if (input.stopped())
    fail_at(index.position(input.progress()),
            fmt::format("more than {} brackets, commas, colons or quotes in one value or [ ]/{{ }} "
                        "collection after this point; write long lists one '- item' per line, "
                        "and look for a bracket or quote that is never closed",
                        max_lookahead_marks));
  if (failure) {
    report.error(failure->line, failure->column, std::move(failure->message));
    return {};
  }
  return builder.take_root();
}

}  // namespace parplan::yaml
