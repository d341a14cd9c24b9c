#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parplan/diagnostic.hpp"

namespace parplan {

// Checks the raw bytes of a plan file before YAML sees them: UTF-16/32, invalid UTF-8, NUL and
// other control characters, a stray BOM, lone CRs. Returns the text with a leading BOM removed and
// CRLF turned into LF (so positions match what editors show), or nullopt after reporting the
// first problem, since the rest of such a file cannot be trusted.
std::optional<std::string> check_encoding(std::string content, const std::string& file,
                                          std::vector<Diagnostic>& diagnostics);

}  // namespace parplan
