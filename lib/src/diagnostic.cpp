#include "parplan/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace parplan {

const char* to_string(Severity s) { return s == Severity::error ? "error" : "warning"; }

std::string format_text(const Diagnostic& d) {
  if (d.file.empty()) return fmt::format("{}: {}", to_string(d.severity), d.message);
  if (d.line == 0) return fmt::format("{}: {}: {}", d.file, to_string(d.severity), d.message);
  return fmt::format("{}:{}:{}: {}: {}", d.file, d.line, d.column, to_string(d.severity),
                     d.message);
}

std::string format_github(const Diagnostic& d) {
  // GitHub's workflow commands need %, CR and LF escaped in the message, and also , and : in
  // property values.
  auto escape = [](const std::string& s, bool property) {
    std::string out;
    for (char c : s) {
      switch (c) {
        case '%':
          out += "%25";
          break;
        case '\r':
          out += "%0D";
          break;
        case '\n':
          out += "%0A";
          break;
        case ':':
          out += property ? "%3A" : ":";
          break;
        case ',':
          out += property ? "%2C" : ",";
          break;
        default:
          out += c;
      }
    }
    return out;
  };
  std::string props;
  if (!d.file.empty()) props += "file=" + escape(d.file, true);
  if (d.line > 0) props += fmt::format(",line={},col={}", d.line, d.column);
  return fmt::format("::{} {}::{}", to_string(d.severity), props, escape(d.message, false));
}

std::size_t count(const std::vector<Diagnostic>& diagnostics, Severity s) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [s](const Diagnostic& d) { return d.severity == s; }));
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return count(diagnostics, Severity::error) > 0;
}

}  // namespace parplan
