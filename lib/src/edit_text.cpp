#include "edit_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "encoding.hpp"
#include "file_report.hpp"
#include "parplan/error.hpp"
#include "parplan/unicode.hpp"
#include "util/yaml_text.hpp"
#include "yaml_tree.hpp"

namespace parplan::edit_text {

namespace {

using util::double_quoted;
using util::plain_safe;
using util::single_quoted;
using yaml::Node;

// One replacement in the LF text: bytes [start, end) become `text` ('\n' line feeds).
struct Op {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
  std::size_t order = 0;  // new keys inserted at the same place go in key order
};

enum class Style { plain, single, dbl, block, other };

// The LF text as check_encoding returns it, and how its offsets map back to the file's bytes.
struct Source {
  std::string original;
  std::string text;
  std::size_t bom = 0;
  std::vector<std::size_t> crlf;  // LF-text offsets of line feeds written as CRLF
  std::string eol = "\n";

  [[nodiscard]] std::size_t to_original(std::size_t pos) const {
    auto before = std::lower_bound(crlf.begin(), crlf.end(), pos) - crlf.begin();
    return pos + bom + static_cast<std::size_t>(before);
  }
};

Source read_source(std::string_view content, std::string_view file) {
  Source src;
  src.original = std::string(content);
  std::vector<Diagnostic> diagnostics;
  FileReport report(std::string(file), diagnostics);
  auto text = check_encoding(src.original, report);
  if (!text)
    throw Error(fmt::format("{}: cannot edit a file that does not read as text ({})", file,
                            diagnostics.empty() ? "" : diagnostics.front().message));
  src.text = std::move(*text);
  src.bom = content.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::size_t lf = 0;
  for (std::size_t i = src.bom; i < content.size(); ++i) {
    if (content[i] == '\r' && i + 1 < content.size() && content[i + 1] == '\n') {
      src.crlf.push_back(lf);
      continue;  // the CR has no LF-text offset of its own
    }
    ++lf;
  }
  // New lines follow the file's first line ending.
  if (auto first = content.find('\n');
      first != content.npos && first > 0 && content[first - 1] == '\r')
    src.eol = "\r\n";
  return src;
}

class Editor {
 public:
  explicit Editor(std::string_view text) : t_(text) {}

  [[nodiscard]] std::size_t line_start(std::size_t pos) const {
    std::size_t feed = pos == 0 ? t_.npos : t_.rfind('\n', pos - 1);
    return feed == t_.npos ? 0 : feed + 1;
  }
  [[nodiscard]] std::size_t line_end(std::size_t pos) const {
    std::size_t feed = t_.find('\n', pos);
    return feed == t_.npos ? t_.size() : feed;
  }
  // After the line feed ending the line of `pos` (the text's end on the last line).
  [[nodiscard]] std::size_t next_line(std::size_t pos) const {
    return std::min(t_.size(), line_end(pos) + 1);
  }
  [[nodiscard]] std::size_t indentation(std::size_t start) const {
    std::size_t i = start;
    while (i < t_.size() && t_[i] == ' ') ++i;
    return i - start;
  }
  [[nodiscard]] bool blank_line(std::size_t start) const {
    std::size_t i = start + indentation(start);
    return i >= t_.size() || t_[i] == '\n';
  }

  [[nodiscard]] Style style_at(std::size_t pos) const {
    if (pos >= t_.size()) return Style::other;
    switch (t_[pos]) {
      case '\'':
        return Style::single;
      case '"':
        return Style::dbl;
      case '|':
      case '>':
        return Style::block;
      case '!':
      case '&':
      case '*':
        return Style::other;
      default:
        return Style::plain;
    }
  }

  // End (exclusive) of the scalar written at `pos` whose container is indented `indent`.
  [[nodiscard]] std::size_t scalar_end(std::size_t pos, std::size_t indent) const {
    switch (style_at(pos)) {
      case Style::dbl:
        for (std::size_t i = pos + 1; i < t_.size(); ++i) {
          if (t_[i] == '\\')
            ++i;
          else if (t_[i] == '"')
            return i + 1;
        }
        return t_.size();
      case Style::single:
        for (std::size_t i = pos + 1; i < t_.size(); ++i) {
          if (t_[i] != '\'') continue;
          if (i + 1 < t_.size() && t_[i + 1] == '\'')
            ++i;
          else
            return i + 1;
        }
        return t_.size();
      case Style::block:
        return block_scalar_end(pos, indent);
      case Style::plain:
      case Style::other:
        break;
    }
    return plain_end(pos, indent);
  }

  // A plain scalar runs to a comment, a ': ' or the line's end, and on over more-indented lines.
  [[nodiscard]] std::size_t plain_end(std::size_t pos, std::size_t indent) const {
    std::size_t end = pos;
    for (std::size_t at = pos;;) {
      bool stopped = false;
      std::size_t i = at;
      for (; i < t_.size() && t_[i] != '\n'; ++i) {
        bool space_before = i > at && (t_[i - 1] == ' ' || t_[i - 1] == '\t');
        if ((t_[i] == '#' && space_before) ||
            (t_[i] == ':' && (i + 1 == t_.size() || t_[i + 1] == ' ' || t_[i + 1] == '\n'))) {
          stopped = true;
          break;
        }
      }
      while (i > at && (t_[i - 1] == ' ' || t_[i - 1] == '\t')) --i;
      end = std::max(end, i);
      if (stopped) return end;
      // Continuation lines, possibly after blank ones.
      std::size_t next = next_line(end);
      while (next < t_.size() && blank_line(next)) next = next_line(next);
      if (next >= t_.size() || next == line_start(end)) return end;
      std::size_t ind = indentation(next);
      if (ind <= indent || t_[next + ind] == '#') return end;
      at = next + ind;
    }
  }

  [[nodiscard]] std::size_t block_scalar_end(std::size_t pos, std::size_t indent) const {
    std::size_t end = line_end(pos);
    // The header may carry a comment: the header's own end is its last non-comment character.
    if (std::size_t hash = t_.substr(pos, end - pos).find(" #"); hash != t_.npos) end = pos + hash;
    for (std::size_t line = next_line(pos); line < t_.size() && line > pos;
         line = next_line(line)) {
      if (blank_line(line)) continue;
      if (indentation(line) <= indent) break;
      end = line_end(line);
      if (end == t_.size()) break;
    }
    return end;
  }

  // End of a [ ] or { } collection, skipping quoted text and comments.
  [[nodiscard]] std::size_t flow_end(std::size_t pos) const {
    int depth = 0;
    char previous = ' ';  // the last character that was not blank
    for (std::size_t i = pos; i < t_.size(); ++i) {
      char c = t_[i];
      if ((c == '"' || c == '\'') && std::string_view("[{,:").find(previous) != t_.npos) {
        i = scalar_end(i, 0) - 1;
        previous = c;
        continue;
      }
      if (c == '#' && i > 0 && (t_[i - 1] == ' ' || t_[i - 1] == '\t' || t_[i - 1] == '\n')) {
        i = line_end(i) - 1;
        continue;
      }
      if (c == '[' || c == '{') ++depth;
      if ((c == ']' || c == '}') && --depth == 0) return i + 1;
      if (c != ' ' && c != '\t' && c != '\n') previous = c;
    }
    return t_.size();
  }

  // End of a value node (not null) whose container is indented `indent`.
  [[nodiscard]] std::size_t node_end(const Node& node, std::size_t indent) const {
    if (node.is_scalar()) return scalar_end(node.offset, indent);
    if (node.offset < t_.size() && (t_[node.offset] == '[' || t_[node.offset] == '{'))
      return flow_end(node.offset);
    if (node.is_sequence() && !node.items.empty()) {
      const Node& last = node.items.back();
      if (last.is_null()) return line_end(node.offset);
      return node_end(last, indentation(line_start(last.offset)));
    }
    if (node.is_map() && node.items.size() >= 2) {
      const Node& last = node.items.back();
      const Node& key = node.items[node.items.size() - 2];
      std::size_t key_indent = key.offset - line_start(key.offset);
      return last.is_null() ? after_colon(key, key_indent) : node_end(last, key_indent);
    }
    return line_end(node.offset);
  }

  // Just after the ':' that follows a mapping key.
  [[nodiscard]] std::size_t after_colon(const Node& key, std::size_t indent) const {
    std::size_t pos = scalar_end(key.offset, indent);
    while (pos < t_.size() && (t_[pos] == ' ' || t_[pos] == '\t')) ++pos;
    if (pos >= t_.size() || t_[pos] != ':')
      throw Error(fmt::format("line {}: no ':' after the key '{}'", key.line, key.value));
    return pos + 1;
  }

  [[nodiscard]] std::string_view slice(std::size_t start, std::size_t end) const {
    return t_.substr(start, end - start);
  }

 private:
  std::string_view t_;
};

// The old value's quoting is kept while it can hold the new text, except single quotes that the
// old text needed and the new one does not (the quotes an edit adds go when it is undone); plain
// when safe, else single-quoted.
std::string render_scalar(std::string_view s, Style old, std::string_view old_text, bool in_flow,
                          bool is_text) {
  bool needs_escapes = s.find_first_of("\n\t") != s.npos;
  bool plain = plain_safe(s, in_flow, is_text);
  if (old == Style::single && plain && !plain_safe(old_text, in_flow, is_text)) old = Style::plain;
  if (old == Style::dbl || needs_escapes) return double_quoted(s);
  if (old == Style::single) return single_quoted(s);
  return plain ? std::string(s) : single_quoted(s);
}

std::string flow_list(const std::vector<std::string>& items, bool padded) {
  std::string out = padded && !items.empty() ? "[ " : "[";
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? ", " : "") + render_scalar(items[i], Style::plain, "", true, true);
  return out + (padded && !items.empty() ? " ]" : "]");
}

bool same_tree(const Node& a, const Node& b) {
  if (a.kind != b.kind || a.value != b.value || a.items.size() != b.items.size()) return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!same_tree(a.items[i], b.items[i])) return false;
  return true;
}

// The mapping that starts at line:column.
const Node* find_map(const Node& node, int line, int column) {
  if (node.is_map() && node.line == line && node.column == column) return &node;
  for (const Node& item : node.items)
    if (const Node* found = find_map(item, line, column)) return found;
  return nullptr;
}

Node parse_text(std::string_view text, std::vector<Diagnostic>& diagnostics) {
  FileReport report("edit", diagnostics);
  return yaml::parse(text, report);
}

// The expected value of an edited key, as the loader will read it.
struct Expected {
  std::string key;
  std::optional<Value> value;
  bool block_clip = false;  // written as a block scalar that keeps one final line feed
};

bool matches(const Node* node, const Expected& e) {
  if (!e.value) return node == nullptr;
  if (!node) return false;
  if (e.value->list) {
    const auto& list = *e.value->list;
    if (node->is_scalar()) return list.size() == 1 && node->value == unicode::nfc(list[0]);
    if (!node->is_sequence() || node->items.size() != list.size()) return false;
    for (std::size_t i = 0; i < list.size(); ++i)
      if (!node->items[i].is_scalar() || node->items[i].value != unicode::nfc(list[i]))
        return false;
    return true;
  }
  return node->is_scalar() &&
         node->value == unicode::nfc(e.value->text) + (e.block_clip ? "\n" : "");
}

const Node* value_of(const Node& map, std::string_view key) {
  for (std::size_t i = 0; i + 1 < map.items.size(); i += 2)
    if (map.items[i].is_scalar() && map.items[i].value == key) return &map.items[i + 1];
  return nullptr;
}

// Everything outside the activity is as it was; inside it, the edited keys hold what was asked
// and the other keys are untouched.
bool edit_holds(const Node& before, const Node& after, const Node* activity,
                const std::vector<Expected>& expected) {
  if (&before != activity) {
    if (before.kind != after.kind || before.value != after.value ||
        before.items.size() != after.items.size())
      return false;
    for (std::size_t i = 0; i < before.items.size(); ++i)
      if (!edit_holds(before.items[i], after.items[i], activity, expected)) return false;
    return true;
  }
  if (!after.is_map()) return false;
  auto edited = [&](std::string_view key) {
    return std::any_of(expected.begin(), expected.end(),
                       [&](const Expected& e) { return e.key == key; });
  };
  std::size_t kept = 0;
  for (std::size_t i = 0; i + 1 < before.items.size(); i += 2) {
    const Node& key = before.items[i];
    if (key.is_scalar() && edited(key.value)) continue;
    const Node* now = key.is_scalar() ? value_of(after, key.value) : nullptr;
    if (!now || !same_tree(before.items[i + 1], *now)) return false;
    ++kept;
  }
  std::size_t added = 0;
  for (const Expected& e : expected) {
    if (!matches(value_of(after, e.key), e)) return false;
    added += e.value.has_value();
  }
  return after.items.size() / 2 == kept + added;
}

}  // namespace

Result edit_activity(std::string_view content, int line, int column,
                     const std::vector<KeyEdit>& edits, const std::vector<std::string>& key_order,
                     std::string_view file) {
  Source src = read_source(content, file);
  std::vector<Diagnostic> parse_problems;
  Node root = parse_text(src.text, parse_problems);
  const Node* map = find_map(root, line, column);
  auto fail = [&](int at, const std::string& what) {
    return Error(fmt::format("{}:{}: {}; edit the file by hand", file, at, what));
  };
  if (!map) throw fail(line, "no activity mapping here any more");
  const std::string_view t = src.text;
  if (map->offset < t.size() && t[map->offset] == '{')
    throw fail(line, "the activity is written as a { } mapping; parplan edits block mappings");

  Editor ed(t);
  auto order_of = [&](std::string_view key) {
    return static_cast<std::size_t>(std::find(key_order.begin(), key_order.end(), key) -
                                    key_order.begin());
  };
  std::vector<Op> ops;
  std::vector<Expected> expected;
  // Per edit, where its key line ends up: an op that writes or removes it, or the key's offset in
  // the old text when only its value changes.
  struct Where {
    std::optional<std::size_t> op;
    std::size_t offset = 0;
    std::size_t skip = 0;  // bytes of the op's text before the key line
  };
  std::vector<Where> where;
  std::vector<bool> existed;
  std::vector<bool> changed;
  for (const KeyEdit& edit : edits) {
    const Node* key = nullptr;
    for (std::size_t i = 0; i + 1 < map->items.size(); i += 2)
      if (map->items[i].is_scalar() && map->items[i].value == edit.key) key = &map->items[i];
    const Node* value = key ? key + 1 : nullptr;
    Expected exp{edit.key, edit.value, false};
    existed.push_back(key != nullptr);
    changed.push_back(!matches(value, exp));
    if (!changed.back()) {  // nothing to write
      where.push_back({std::nullopt, key ? key->offset : map->offset, 0});
      expected.push_back(exp);
      continue;
    }

    if (!key) {
      // After the key that comes last in the file among those that precede it in key order.
      const Node* anchor = nullptr;
      for (std::size_t i = 0; i + 1 < map->items.size(); i += 2) {
        const Node& k = map->items[i];
        if (k.is_scalar() && order_of(k.value) < order_of(edit.key) &&
            (!anchor || k.offset > anchor->offset))
          anchor = &k;
      }
      if (!anchor) throw fail(line, fmt::format("no place to insert '{}'", edit.key));
      std::size_t indent = anchor->offset - ed.line_start(anchor->offset);
      const Node& anchor_value = *(anchor + 1);
      std::size_t end = anchor_value.is_null() ? ed.after_colon(*anchor, indent)
                                               : ed.node_end(anchor_value, indent);
      std::size_t at = ed.next_line(end);
      bool no_final_feed = at == t.size() && (t.empty() || t.back() != '\n');
      std::string rendered = edit.value->list ? flow_list(*edit.value->list, false)
                                              : render_scalar(edit.value->text, Style::plain, "",
                                                              false, edit.value->is_text);
      std::string text = std::string(indent, ' ') + edit.key + ": " + rendered;
      ops.push_back({at, at, no_final_feed ? "\n" + text : text + "\n", order_of(edit.key)});
      where.push_back({ops.size() - 1, 0, no_final_feed ? 1U : 0U});
      expected.push_back(exp);
      continue;
    }

    std::size_t indent = key->offset - ed.line_start(key->offset);
    if (!value->is_null() && ed.style_at(value->offset) == Style::other)
      throw fail(key->line, fmt::format("'{}' has a tag or anchor", edit.key));
    if (!value->is_null() && value->is_map())
      throw fail(key->line, fmt::format("'{}' holds a mapping", edit.key));
    std::size_t value_start = value->is_null() ? ed.after_colon(*key, indent) : value->offset;
    std::size_t value_end = value->is_null() ? value_start : ed.node_end(*value, indent);
    if (!edit.value) {  // remove the key's lines
      std::size_t start = ed.line_start(key->offset);
      if (ed.indentation(start) != indent)
        throw fail(key->line, fmt::format("'{}' shares its line with the list's '- '", edit.key));
      ops.push_back({start, ed.next_line(value_end), "", 0});
      where.push_back({ops.size() - 1, 0, 0});
      expected.push_back(exp);
      continue;
    }

    where.push_back({std::nullopt, key->offset, 0});
    const Value& v = *edit.value;
    if (value->is_null()) {
      // `key:` or `key: ~`: the value goes after the colon, before any comment.
      std::size_t pos = value_start;
      while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\t')) ++pos;
      std::size_t end = pos;
      if (pos < t.size() && t[pos] != '#' && t[pos] != '\n')
        end = ed.plain_end(pos, indent);
      else
        pos = end = value_start;
      std::string rendered = v.list ? flow_list(*v.list, false)
                                    : render_scalar(v.text, Style::plain, "", false, v.is_text);
      ops.push_back({pos, end, (pos == value_start ? " " : "") + rendered, 0});
    } else if (v.list && value->is_sequence() && t[value->offset] != '[') {
      // A block list: item by item, so that comments beside the items stay.
      const auto& items = value->items;
      const auto& list = *v.list;
      for (const Node& item : items)
        if (!item.is_scalar())
          throw fail(item.line, fmt::format("'{}' holds something other than owner ids", edit.key));
      std::size_t dash_indent = ed.indentation(ed.line_start(items.front().offset));
      auto item_end = [&](const Node& item) {
        return ed.scalar_end(item.offset, ed.indentation(ed.line_start(item.offset)));
      };
      std::size_t common = std::min(items.size(), list.size());
      for (std::size_t i = 0; i < common; ++i)
        if (items[i].value != unicode::nfc(list[i]))
          ops.push_back(
              {items[i].offset, item_end(items[i]),
               render_scalar(list[i], ed.style_at(items[i].offset), items[i].value, false, true),
               0});
      std::size_t after_last = ed.next_line(item_end(items.back()));
      if (list.size() < items.size()) {
        ops.push_back({ed.line_start(items[common].offset), after_last, "", 0});
      } else if (list.size() > items.size()) {
        std::string text;
        bool no_final_feed = after_last == t.size() && t.back() != '\n';
        for (std::size_t i = common; i < list.size(); ++i)
          text += std::string(dash_indent, ' ') + "- " +
                  render_scalar(list[i], Style::plain, "", false, true) + "\n";
        if (no_final_feed) text = "\n" + text.substr(0, text.size() - 1);
        ops.push_back({after_last, after_last, text, 0});
      }
    } else if (v.list) {
      bool flow = value->is_sequence();
      std::string rendered =
          flow ? flow_list(*v.list, value_start + 1 < t.size() && t[value_start + 1] == ' ')
          : v.list->size() == 1
              ? render_scalar(v.list->front(), ed.style_at(value_start), value->value, false, true)
              : flow_list(*v.list, false);
      ops.push_back({value_start, value_end, rendered, 0});
    } else if (ed.style_at(value_start) == Style::block && !v.text.empty() &&
               v.text.find('\n') == v.text.npos && v.text.front() != ' ' &&
               v.text.find_first_of("\t") == v.text.npos && value->is_scalar()) {
      // Keep the block scalar and its header; its content becomes one line.
      std::size_t header_end = ed.line_end(value_start);
      std::string_view header = ed.slice(value_start, header_end);
      header = header.substr(0, header.find(" #"));
      std::size_t first_line = ed.next_line(value_start);
      bool has_content = first_line < value_end;
      std::size_t content_indent = has_content ? ed.indentation(first_line) : indent + 2;
      if (header.find_first_of("123456789+") != header.npos)
        throw fail(key->line, fmt::format("'{}' is a block scalar with an indentation or keep "
                                          "indicator",
                                          edit.key));
      exp.block_clip = header.size() < 2 || header[1] != '-';
      std::string line_text = std::string(content_indent, ' ') + v.text;
      if (has_content)
        ops.push_back({first_line, value_end, line_text, 0});
      else
        ops.push_back({header_end, header_end, "\n" + line_text, 0});
    } else {
      Style old = value->is_scalar() ? ed.style_at(value_start) : Style::plain;
      if (old == Style::block) old = Style::plain;
      ops.push_back(
          {value_start, value_end, render_scalar(v.text, old, value->value, false, v.is_text), 0});
    }
    expected.push_back(exp);
  }

  // Apply in order of position, mapping LF offsets to the file's bytes.
  std::vector<std::size_t> index(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) index[i] = i;
  std::stable_sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(ops[a].start, ops[a].end, ops[a].order) <
           std::tie(ops[b].start, ops[b].end, ops[b].order);
  });
  std::string out;
  std::vector<std::size_t> written(ops.size());  // where each op's text starts in `out`
  std::vector<std::size_t> key_at(where.size());
  std::size_t pos = 0;   // in the LF text
  std::size_t from = 0;  // in the file's bytes (the BOM is copied too)
  auto copy_to = [&](std::size_t end) {
    for (std::size_t w = 0; w < where.size(); ++w)
      if (!where[w].op && where[w].offset >= pos && where[w].offset < end)
        key_at[w] = out.size() + src.to_original(where[w].offset) - from;
    out.append(src.original, from, src.to_original(end) - from);
  };
  for (std::size_t i : index) {
    const Op& op = ops[i];
    if (op.start < pos) throw fail(line, "two edits of this activity overlap");
    copy_to(op.start);
    written[i] = out.size();
    for (char c : op.text) {
      if (c == '\n')
        out += src.eol;
      else
        out += c;
    }
    pos = op.end;
    from = src.to_original(pos);
  }
  copy_to(t.size());

  // Read the result back: it must hold exactly the edit, or nothing is written.
  Source edited = read_source(out, file);
  std::vector<Diagnostic> new_problems;
  Node after = parse_text(edited.text, new_problems);
  if (new_problems.size() > parse_problems.size() || after.is_null() ||
      !edit_holds(root, after, map, expected))
    throw Error(
        fmt::format("{}:{}: parplan could not make this edit safely (it would not read "
                    "back as intended); the file is unchanged: edit it by hand",
                    file, line));

  Result result;
  for (std::size_t w = 0; w < where.size(); ++w) {
    std::size_t at =
        where[w].op ? written[*where[w].op] + where[w].skip * src.eol.size() : key_at[w];
    result.lines.push_back(1 +
                           static_cast<int>(std::count(
                               out.begin(), out.begin() + static_cast<std::ptrdiff_t>(at), '\n')));
  }
  result.content = std::move(out);
  result.existed = std::move(existed);
  result.changed = std::move(changed);
  return result;
}

}  // namespace parplan::edit_text
