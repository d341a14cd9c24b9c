#include "encoding.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include "parplan/unicode.hpp"

namespace parplan {

namespace {

bool starts_with_bytes(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::optional<std::string> check_encoding(std::string content, const std::string& file,
                                          std::vector<Diagnostic>& diagnostics) {
  using namespace std::literals;
  if (starts_with_bytes(content, "\xFF\xFE"sv) || starts_with_bytes(content, "\xFE\xFF"sv) ||
      starts_with_bytes(content, "\x00\x00\xFE\xFF"sv)) {
    diagnostics.push_back(
        {Severity::error, file, 1, 1, "file is UTF-16 or UTF-32 encoded; save it as UTF-8"});
    return std::nullopt;
  }
  std::size_t begin = starts_with_bytes(content, "\xEF\xBB\xBF"sv) ? 3 : 0;

  std::string out;
  out.reserve(content.size());
  int line = 1;
  std::size_t line_start = begin;
  auto fail = [&](std::size_t pos, std::string message) {
    int column = static_cast<int>(unicode::code_points(
                     std::string_view(content).substr(line_start, pos - line_start))) +
                 1;
    diagnostics.push_back({Severity::error, file, line, column, std::move(message)});
    return std::nullopt;
  };

  const std::size_t n = content.size();
  for (std::size_t i = begin; i < n;) {
    auto c = static_cast<unsigned char>(content[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c == '\n' || c == '\t') {
      out += static_cast<char>(c);
      ++i;
      if (c == '\n') {
        ++line;
        line_start = i;
      }
      continue;
    }
    if (c == '\r') {
      if (i + 1 < n && content[i + 1] == '\n') {
        ++i;  // CRLF: keep only the LF
        continue;
      }
      return fail(i,
                  "carriage return without a line feed (old Mac line endings); save the file "
                  "with LF or CRLF line endings");
    }
    if (c == 0)
      return fail(i, "NUL byte in the file; it is binary or UTF-16, save it as UTF-8 text");
    if (c < 0x80) return fail(i, fmt::format("control character U+{:04X} is not allowed", c));

    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(content.data() + i),
                         static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len <= 0)
      return fail(i, fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8", c));
    if (cp == 0xFEFF)
      return fail(i,
                  "byte order mark (U+FEFF) inside the file; delete it (only the very start "
                  "of a file may have one)");
    if (cp >= 0x80 && cp <= 0x9F)
      return fail(i, fmt::format("control character U+{:04X} is not allowed", cp));
    out.append(content, i, static_cast<std::size_t>(len));
    i += static_cast<std::size_t>(len);
  }
  return out;
}

}  // namespace parplan
