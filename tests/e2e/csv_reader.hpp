#pragma once

// A small RFC 4180 reader, written independently of parplan's writer, to read its CSV back.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace parplan::test {

// Records of CRLF-terminated CSV. Throws on anything RFC 4180 does not allow: a bare LF or CR,
// a quote inside an unquoted field, text after a closing quote, an unterminated quote, a
// missing final CRLF.
inline std::vector<std::vector<std::string>> read_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0;
  auto fail = [&](const char* what) {
    throw std::runtime_error(std::string("CSV: ") + what + " at byte " + std::to_string(i));
  };
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      while (true) {
        if (i >= text.size()) fail("unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\r') fail("text after a closing quote");
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r') {
        if (text[i] == '"' || text[i] == '\n') fail("quote or LF in an unquoted field");
        field += text[i++];
      }
    }
    if (i >= text.size()) fail("record without CRLF");
    record.push_back(std::move(field));
    field.clear();
    if (text[i] == ',') {
      ++i;
      continue;
    }
    if (i + 1 >= text.size() || text[i + 1] != '\n') fail("CR without LF");
    i += 2;
    records.push_back(std::move(record));
    record.clear();
  }
  return records;
}

}  // namespace parplan::test
