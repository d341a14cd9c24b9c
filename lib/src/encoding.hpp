#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "file_report.hpp"

namespace parplan {

// Checks the raw bytes of a plan file before YAML sees them: UTF-16/32, invalid UTF-8, NUL and
// other control characters, a stray BOM, lone CRs. Returns the text with a leading BOM removed and
// CRLF turned into LF (so positions match what editors show), or nullopt after reporting the
// first problem, since the rest of such a file cannot be trusted.
std::optional<std::string> check_encoding(std::string content, FileReport& report);

// What plan text may not contain besides invalid UTF-8: control characters other than tab and
// line feed (C0, DEL, C1) and the bidirectional overrides that make text display in an order
// other than the one it is stored in, and a byte order mark (one may only start a file). Reports
// the first one found.
struct TextProblem {
  std::size_t offset;  // bytes into the text
  std::string message;
};
std::optional<TextProblem> find_forbidden_text(std::string_view text);
// `text` with each forbidden character and invalid byte replaced by U+FFFD.
std::string replace_forbidden_text(std::string_view text);

// User text inside a message, with line breaks and other control characters escaped and anything
// past 60 characters cut to "…", so one diagnostic stays one short line. quote_text adds '…'.
std::string display_text(std::string_view text);
std::string quote_text(std::string_view text);
// The same escapes without the cut, for paths and revisions the user typed.
std::string escape_text(std::string_view text);

}  // namespace parplan
