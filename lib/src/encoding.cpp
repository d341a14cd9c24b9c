#include "encoding.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include "parplan/unicode.hpp"

namespace parplan {

namespace {

bool starts_with_bytes(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool is_control(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

std::optional<std::string> forbidden_message(char32_t cp) {
  // Written raw or as an escape ("\uFEFF"), the same error.
  if (cp == 0xFEFF)
    return "byte order mark (U+FEFF) inside the file; delete it (only the very start of a file "
           "may have one)";
  if (is_control(cp))
    return fmt::format("control character U+{:04X} is not allowed", static_cast<unsigned>(cp));
  if (is_bidi_control(cp))
    return fmt::format(
        "bidirectional control character U+{:04X} is not allowed; it makes text display in a "
        "misleading order",
        static_cast<unsigned>(cp));
  return std::nullopt;
}

// Decodes one UTF-8 sequence at text[pos]; length 0 when the bytes there are not UTF-8.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t pos) {
  auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return {c, 1};
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t len =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                       static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (len <= 0) return {0, 0};
  return {static_cast<char32_t>(cp), static_cast<std::size_t>(len)};
}

std::string invalid_utf8_message(std::string_view text, std::size_t pos) {
  return fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                     static_cast<unsigned char>(text[pos]));
}

}  // namespace

std::optional<std::string> check_encoding(std::string content, FileReport& report) {
  using namespace std::literals;
  if (starts_with_bytes(content, "\xFF\xFE"sv) || starts_with_bytes(content, "\xFE\xFF"sv) ||
      starts_with_bytes(content, "\x00\x00\xFE\xFF"sv)) {
    report.error(1, 1, "file is UTF-16 or UTF-32 encoded; save it as UTF-8");
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
    report.error(line, column, std::move(message));
    return std::nullopt;
  };

  const std::size_t n = content.size();
  for (std::size_t i = begin; i < n;) {
    auto c = static_cast<unsigned char>(content[i]);
    if ((c >= 0x20 && c < 0x7F) || c == '\t') {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c == '\n') {
      out += '\n';
      ++i;
      ++line;
      line_start = i;
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
    auto [cp, len] = decode(content, i);
    if (len == 0) return fail(i, invalid_utf8_message(content, i));
    if (auto message = forbidden_message(cp)) return fail(i, std::move(*message));
    out.append(content, i, len);
    i += len;
  }
  return out;
}

std::optional<TextProblem> find_forbidden_text(std::string_view text) {
  // Printable ASCII is the bulk of every plan and needs no decoding.
  std::size_t start = 0;
  while (start < text.size() && static_cast<unsigned char>(text[start]) >= 0x20 &&
         static_cast<unsigned char>(text[start]) < 0x7F)
    ++start;
  for (std::size_t i = start; i < text.size();) {
    auto [cp, len] = decode(text, i);
    if (len == 0) return TextProblem{i, invalid_utf8_message(text, i)};
    if (auto message = forbidden_message(cp)) return TextProblem{i, std::move(*message)};
    i += len;
  }
  return std::nullopt;
}

std::string replace_forbidden_text(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    auto [cp, len] = decode(text, i);
    if (len == 0 || forbidden_message(cp)) {
      out += "\uFFFD";
      i += len == 0 ? 1 : len;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

namespace {

std::string escaped(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++chars) {
    if (chars == max_chars) {
      out += "…";
      break;
    }
    auto [cp, len] = decode(text, i);
    if (len == 0) {
      out += "\uFFFD";
      ++i;
      continue;
    }
    if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (forbidden_message(cp)) {
      out += fmt::format("\\u{{{:04X}}}", static_cast<unsigned>(cp));
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

}  // namespace

std::string display_text(std::string_view text) { return escaped(text, 60); }
std::string escape_text(std::string_view text) { return escaped(text, std::string_view::npos); }
std::string quote_text(std::string_view text) { return "'" + display_text(text) + "'"; }

}  // namespace parplan
