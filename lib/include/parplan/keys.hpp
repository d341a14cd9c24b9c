#pragma once

// The keys of a plan's YAML files, as the loader accepts them. The loader reads every key through
// this table (lib/src/schema_walk.cpp), so the JSON Schema, the docs and editors' completions can
// be generated from it or checked against it.

#include <optional>
#include <span>
#include <string_view>

namespace parplan::keys {

// Where a key appears.
enum class Section {
  plan_file,  // the top of plan.yaml
  plan,       // plan.yaml's `plan:` mapping
  owner,      // one entry of plan.yaml's `owners:` (the id is the key, `name:` the value)
  field,      // the top of a field file
  task,       // one item of a field's `tasks:`
  activity,   // one item of a task's `activities:`
};

enum class ValueKind {
  text,        // one line or a block of text
  id,          // one word, e.g. "III.1.4"
  year,        // four digits
  language,    // "vi" or "en"
  month,       // 1-12 (the plan's year) or YYYY-MM
  owner_list,  // owner ids: one, or a list
  text_list,   // one text, or a list of them
  status,      // planned, in-progress, done or cancelled
  progress,    // a whole percent, 0-100, no leading zeros
  schedule,    // the word "ongoing"
  map,         // a mapping of the section `items`
  list,        // a list of the section `items`
  owner_map,   // a mapping of owner id -> owner (a name, or a mapping of the section `items`)
};

struct KeyInfo {
  std::string_view name;
  bool required = false;
  ValueKind kind = ValueKind::text;
  std::optional<Section> items;  // map, list, owner_map: what they hold
  std::string_view english;      // a short description
  std::string_view vietnamese;
};

// The keys of a section, in the order the docs list them.
std::span<const KeyInfo> keys_of(Section section);

const char* to_string(Section section);  // "plan_file", "plan", "owner", ...
const char* to_string(ValueKind kind);   // "text", "id", "owner_list", ...

}  // namespace parplan::keys
