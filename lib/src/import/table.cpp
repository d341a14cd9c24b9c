#include "table.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include "parplan/unicode.hpp"

namespace parplan::import {

namespace {

// "A", "Z", "AA": spreadsheet column letters of a 1-based column.
std::string column_letters(int column) {
  std::string letters;
  for (; column > 0; column = (column - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
  return letters;
}

enum class Kind { keep, space, line, drop };

Kind classify(utf8proc_int32_t cp) {
  if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 ||
      cp == 0x2029)
    return Kind::line;
  if (cp == '\t' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
      cp == 0x3000)
    return Kind::space;
  // Controls, bidirectional overrides and isolates, zero-width spaces and BOMs.
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
      (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200B || cp == 0xFEFF)
    return Kind::drop;
  return Kind::keep;
}

}  // namespace

std::string cell_location(const Document& doc, int table, int row, int column) {
  switch (doc.format) {
    case Format::docx:
      return fmt::format("table {}, row {}, column {}", table, row, column);
    case Format::xlsx:
      // Excel quotes a sheet name with spaces or punctuation: 'Phụ lục 1'!G37.
      if (doc.sheet.find_first_of(" !'-()") != std::string::npos)
        return fmt::format("'{}'!{}{}", doc.sheet, column_letters(column), row);
      return fmt::format("{}!{}{}", doc.sheet, column_letters(column), row);
    case Format::csv:
      break;
  }
  return fmt::format("row {}, column {}", row, column);
}

std::string clean_text(std::string_view raw) {
  std::string text = unicode::nfc(raw);
  std::string out;
  out.reserve(text.size());
  std::string line;
  bool pending_space = false;
  auto end_line = [&] {
    if (line.empty()) return;
    if (!out.empty()) out += '\n';
    out += line;
    line.clear();
    pending_space = false;
  };
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t pos = 0;
  while (pos < text.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len =
        utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (len <= 0) {  // readers check UTF-8 first; a stray byte is dropped rather than kept
      ++pos;
      continue;
    }
    Kind kind = classify(cp);
    if (kind == Kind::line) {
      end_line();
    } else if (kind == Kind::space) {
      pending_space = !line.empty();
    } else if (kind == Kind::keep) {
      if (pending_space) line += ' ';
      pending_space = false;
      line.append(text, pos, static_cast<std::size_t>(len));
    }
    pos += static_cast<std::size_t>(len);
  }
  end_line();
  return out;
}

}  // namespace parplan::import
