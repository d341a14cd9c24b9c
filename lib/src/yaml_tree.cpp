#include "yaml_tree.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>
#include <unordered_set>

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

// Lets yaml-cpp read the text in place instead of copying it into a std::istringstream.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

// Thrown from inside the event handler to stop parsing; carries an already-built diagnostic.
struct Abort {
  int line;
  int column;
  std::string message;
};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const std::string& file, std::vector<Diagnostic>& out)
      : text_(text), file_(file), out_(out) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  Node take_root() { return std::move(root_); }
  [[nodiscard]] int documents() const { return documents_; }

  // yaml-cpp marks are 0-based and count bytes; users count lines and characters from 1.
  [[nodiscard]] std::pair<int, int> position(const YAML::Mark& mark) const {
    if (mark.pos < 0 || mark.line < 0) return {1, 1};
    auto line = static_cast<std::size_t>(mark.line);
    if (line >= line_starts_.size()) line = line_starts_.size() - 1;
    std::size_t start = line_starts_[line];
    auto pos = std::min(static_cast<std::size_t>(mark.pos), text_.size());
    if (pos < start) pos = start;
    return {static_cast<int>(line) + 1,
            static_cast<int>(unicode::code_points(text_.substr(start, pos - start))) + 1};
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      auto [line, column] = position(mark);
      throw Abort{line, column, second_document_message(mark)};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    add(make(Node::Kind::null, mark));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    report(mark, "aliases (*name) are not supported in plan files; write the value out in full");
    add(make(Node::Kind::null, mark));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    if (tag == "!") check_quote_closed(mark);
    Node node = make(Node::Kind::scalar, mark);
    node.value = unicode::nfc(value);
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    check_anchor(mark, anchor);
    open(make(Node::Kind::sequence, mark));
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    check_anchor(mark, anchor);
    open(make(Node::Kind::map, mark));
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node node;
    std::unordered_set<std::string> keys;  // filled only for large maps, see check_duplicate
  };

  Node make(Node::Kind kind, const YAML::Mark& mark) const {
    Node node;
    node.kind = kind;
    std::tie(node.line, node.column) = position(mark);
    return node;
  }

  void report(const YAML::Mark& mark, std::string message) {
    auto [line, column] = position(mark);
    out_.push_back({Severity::error, file_, line, column, std::move(message)});
  }

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor)
      report(mark, "anchors (&name) are not supported in plan files; write the value out in full");
  }

  // yaml-cpp accepts a quoted scalar that runs to the end of the file; a closing quote must exist.
  void check_quote_closed(const YAML::Mark& mark) {
    auto pos = static_cast<std::size_t>(mark.pos);
    if (pos >= text_.size()) return;
    char quote = text_[pos];
    if (quote != '"' && quote != '\'') return;  // block scalars (| >) carry the same tag
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
    auto [line, column] = position(mark);
    throw Abort{line, column, fmt::format("unterminated quoted string: no closing {}", quote)};
  }

  std::string second_document_message(const YAML::Mark& mark) const {
    auto pos = static_cast<std::size_t>(std::max(0, mark.pos));
    if (text_.substr(pos).starts_with("---") || text_.substr(0, pos).find("\n...") != text_.npos ||
        text_.starts_with("..."))
      return "more than one YAML document in this file; a plan file holds exactly one (remove the "
             "'---' or '...' separator)";
    return "unexpected text after the end of the document; check the indentation of this line";
  }

  void open(Node node) {
    if (static_cast<int>(stack_.size()) >= max_depth)
      throw Abort{node.line, node.column,
                  fmt::format("nesting deeper than {} levels; a plan needs only a few", max_depth)};
    stack_.push_back(Frame{std::move(node), {}});
  }

  void close() {
    Node node = std::move(stack_.back().node);
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
        out_.push_back({Severity::error, file_, key.line, key.column, "empty mapping key"});
      } else {
        out_.push_back({Severity::error, file_, key.line, key.column,
                        "mapping keys must be plain text, not " + std::string(describe(key.kind))});
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
          if (items[i].value == key.value) {
            first = &items[i];
            break;
          }
      }
    }
    if (!first) return;
    out_.push_back(
        {Severity::error, file_, key.line, key.column,
         fmt::format("duplicate key '{}' (first given at line {}, column {}); remove one of them",
                     key.value, first->line, first->column)});
    key.kind = Node::Kind::null;
  }

  std::string_view text_;
  const std::string& file_;
  std::vector<Diagnostic>& out_;
  std::vector<std::size_t> line_starts_;
  std::vector<Frame> stack_;
  Node root_;
  int documents_ = 0;
};

std::string describe_parser_error(const std::string& msg) {
  // yaml-cpp's wording is terse; say what a person editing the file should look for.
  if (msg == "illegal map value")
    return "syntax error: unexpected ':' (quote text that contains ': ')";
  if (msg == "end of map not found")
    return "syntax error: mapping is not closed or indented inconsistently";
  if (msg == "end of sequence not found")
    return "syntax error: list is not closed or indented inconsistently";
  if (msg == "end of map flow not found") return "syntax error: '{' without a matching '}'";
  if (msg == "end of sequence flow not found") return "syntax error: '[' without a matching ']'";
  return "syntax error: " + msg;
}

}  // namespace

Node parse(std::string_view text, const std::string& file, std::vector<Diagnostic>& diagnostics) {
  ViewBuf buf(text);
  std::istream stream(&buf);
  TreeBuilder builder(text, file, diagnostics);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const Abort& abort) {
    diagnostics.push_back({Severity::error, file, abort.line, abort.column, abort.message});
    return {};
  } catch (const YAML::DeepRecursion& e) {
    auto [line, column] = builder.position(e.mark);
    diagnostics.push_back(
        {Severity::error, file, line, column,
         fmt::format("nesting deeper than {} levels; a plan needs only a few", max_depth)});
    return {};
  } catch (const YAML::Exception& e) {
    auto [line, column] = builder.position(e.mark);
    diagnostics.push_back({Severity::error, file, line, column, describe_parser_error(e.msg)});
    return {};
  }
  return builder.take_root();
}

}  // namespace parplan::yaml
