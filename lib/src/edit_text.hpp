#pragma once

// The surgical part of `parplan set`: changing the values of some keys of one activity mapping in
// a plan file's bytes, leaving every other byte as the person wrote it (comments, quoting, flow or
// block lists, indentation, CRLF, BOM). Positions come from the loader's own YAML tree.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parplan::edit_text {

// A new value: text, or a list of owner ids for `lead` and `support`.
struct Value {
  std::string text;
  std::optional<std::vector<std::string>> list;
  // Text that YAML would read as a number, boolean or null must be quoted to stay text; months,
  // percents and status words may stay plain.
  bool is_text = true;
};

struct KeyEdit {
  std::string key;
  std::optional<Value> value;  // nullopt removes the key
};

// For each edit, in the order given:
struct Result {
  std::string content;        // the whole new file
  std::vector<int> lines;     // the 1-based line of its key in `content` (removed: where it was)
  std::vector<bool> existed;  // the key was there before
  std::vector<bool> changed;  // its value is not what it was (else the edit wrote nothing)
};

// Applies `edits` (distinct keys, in any order) to the activity mapping that starts at 1-based
// `line` and `column` of `content`. New keys are inserted on a line of their own after the key
// that precedes them in `key_order`. Throws parplan::Error when the file cannot be parsed, the
// mapping is not found or not a block mapping, a value is not one parplan can rewrite, or the
// rewritten file would not read back as exactly the intended change (a safety net: it names the
// key and leaves the file as it is). `file` names the file in messages.
Result edit_activity(std::string_view content, int line, int column,
                     const std::vector<KeyEdit>& edits, const std::vector<std::string>& key_order,
                     std::string_view file);

}  // namespace parplan::edit_text
