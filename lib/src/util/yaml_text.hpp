#pragma once

// Writing a value as YAML text that reads back as exactly that text: the one rule that `set`
// (editing a file in place) and `import` (writing new files) share.

#include <string>
#include <string_view>

namespace parplan::util {

// True when `s` can be written plain (unquoted) and read back as the same string: no indicator at
// the front, no ": " or " #", no control characters, nothing a flow list would split on
// (`in_flow`), and, for text (`is_text`), nothing YAML 1.1 reads as null, a boolean, a number or
// a date ("yes", "2024", "1e3").
bool plain_safe(std::string_view s, bool in_flow, bool is_text);

// 'text' with ' doubled.
std::string single_quoted(std::string_view s);

// "text" with \ and " escaped, line breaks and tabs as \n and \t.
std::string double_quoted(std::string_view s);

}  // namespace parplan::util
