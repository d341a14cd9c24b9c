#include "yaml_builder.hpp"

#include <fmt/format.h>

#include <iterator>

#include "encoding.hpp"

namespace parplan::yaml {

std::string nesting_message() {
  return fmt::format("nesting deeper than {} levels; a plan needs only a few", max_depth);
}

std::optional<std::size_t> TreeBuilder::open_bracket(char bracket) const {
  for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
    if (it->pos < text_.size() && text_[it->pos] == bracket) return it->pos;
  return std::nullopt;
}

void TreeBuilder::document_start(std::size_t pos) {
  if (++documents_ > 1) {
    auto [line, column] = index_.position(pos);
    throw Abort{line, column, second_document_message(pos)};
  }
}

void TreeBuilder::null_value(std::size_t pos) { add(make(Node::Kind::null, pos)); }

void TreeBuilder::alias(std::size_t pos) {
  if (!alias_reported_)
    error(pos, "aliases (*name) are not supported in plan files; write the value out in full");
  alias_reported_ = true;
  add(make(Node::Kind::null, pos));
}

void TreeBuilder::anchor(std::size_t pos) {
  if (anchor_reported_) return;
  anchor_reported_ = true;
  error(pos, "anchors (&name) are not supported in plan files; write the value out in full");
}

void TreeBuilder::scalar(std::size_t pos, std::string_view value, bool escapes) {
  Node node = make(Node::Kind::scalar, pos);
  node.comment_column = comment_after(node.offset);
  // The file's bytes were checked before parsing, but escapes in double-quoted strings ("\e",
  // "\0", "\ud800") can still produce control characters or text that is not UTF-8 at all.
  if (auto problem = escapes ? find_forbidden_text(value) : std::nullopt) {
    error(pos, problem->message + " (from an escape sequence in this string)");
    node.value = unicode::nfc(replace_forbidden_text(value));
  } else {
    node.value = unicode::nfc(value);
  }
  add(std::move(node));
}

void TreeBuilder::sequence_start(std::size_t pos, bool counts) {
  open(make(Node::Kind::sequence, pos), pos, counts);
}

void TreeBuilder::map_start(std::size_t pos, bool counts) {
  open(make(Node::Kind::map, pos), pos, counts);
}

void TreeBuilder::end() {
  Node node = std::move(stack_.back().node);
  if (stack_.back().counts) --depth_;
  stack_.pop_back();
  add(std::move(node));
}

void TreeBuilder::error(std::size_t pos, std::string message) {
  auto [line, column] = index_.position(pos);
  report_.error(line, column, std::move(message));
}

Node TreeBuilder::make(Node::Kind kind, std::size_t pos) {
  Node node;
  node.kind = kind;
  std::tie(node.line, node.column) = index_.position(pos);
  node.offset = pos;
  if (++nodes_ > max_nodes)
    throw Abort{node.line, node.column,
                fmt::format("more than {} values in one file; split the field into several files",
                            max_nodes)};
  return node;
}

// The column of a comment after a plain scalar starting at byte `pos`, on its line; 0 for none.
// Quoted and block scalars keep their '#'.
int TreeBuilder::comment_after(std::size_t pos) const {
  if (pos >= text_.size() || std::string_view("\"'|>[{").find(text_[pos]) != text_.npos) return 0;
  std::size_t end = std::min(text_.find('\n', pos), text_.size());
  std::string_view line = text_.substr(pos, end - pos);
  for (std::size_t i = line.find('#'); i != line.npos; i = line.find('#', i + 1))
    if (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t'))
      return index_.position(pos + i).second;
  return 0;
}

std::string TreeBuilder::second_document_message(std::size_t pos) const {
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

void TreeBuilder::open(Node node, std::size_t pos, bool counts) {
  if (counts && ++depth_ > max_depth) throw Abort{node.line, node.column, nesting_message()};
  stack_.push_back(Frame{std::move(node), pos, counts, {}, false});
}

void TreeBuilder::add(Node node) {
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
void TreeBuilder::check_key(Frame& frame, Node& key) {
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

namespace {

void dump_into(std::string& out, const Node& node, int depth) {
  fmt::format_to(std::back_inserter(out), "{:{}}{} {}:{} @{}", "", depth * 2, describe(node.kind),
                 node.line, node.column, node.offset);
  if (node.comment_column) fmt::format_to(std::back_inserter(out), " #{}", node.comment_column);
  if (node.is_scalar()) fmt::format_to(std::back_inserter(out), " {:?}", node.value);
  out += '\n';
  for (const Node& item : node.items) dump_into(out, item, depth + 1);
}

}  // namespace

std::string dump(const Node& node) {
  std::string out;
  dump_into(out, node, 0);
  return out;
}

}  // namespace parplan::yaml
