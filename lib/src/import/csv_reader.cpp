#include "csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "parplan/error.hpp"
#include "parplan/unicode.hpp"

namespace parplan::import {

namespace {

struct Record {
  std::vector<std::string> fields;
};

// Splits `text` into records; stops after `limit` records. Throws on an unclosed quote.
std::vector<Record> split(std::string_view text, char delimiter, std::size_t limit,
                          const std::string& label) {
  std::vector<Record> records;
  std::size_t i = 0;
  int line = 1;
  while (i < text.size() && records.size() < limit) {
    Record record;
    bool end_of_record = false;
    while (!end_of_record) {
      std::string field;
      if (i < text.size() && text[i] == '"') {
        int opened = line;
        ++i;
        while (true) {
          if (i >= text.size())
            throw Error(fmt::format(
                "{}: row {}, column {}: a quoted field opened on line {} is never closed; close "
                "the quote (a quote inside a quoted field is written twice: \"\")",
                label, records.size() + 1, record.fields.size() + 1, opened));
          char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field += '"';
              ++i;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          field += c;
        }
      }
      // Unquoted text, or what follows a closing quote, up to the delimiter or line end.
      while (i < text.size() && text[i] != delimiter && text[i] != '\n' && text[i] != '\r')
        field += text[i++];
      if (field.size() > max_cell_bytes) field.resize(max_cell_bytes);
      record.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == delimiter) {
        ++i;
        continue;
      }
      end_of_record = true;
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
    }
    records.push_back(std::move(record));
  }
  if (i < text.size())
    throw Error(fmt::format("{}: more than {} rows; a plan appendix has far fewer", label, limit));
  return records;
}

// How many of the first records share the most common width (at least 2 fields).
std::size_t consistency(const std::vector<Record>& records) {
  std::map<std::size_t, std::size_t> widths;
  for (const Record& r : records)
    if (r.fields.size() >= 2) ++widths[r.fields.size()];
  std::size_t best = 0;
  for (const auto& [width, n] : widths) best = std::max(best, n);
  return best;
}

std::size_t sample_end(std::string_view text) {
  std::size_t end = 0;
  for (int lines = 0; end < text.size() && lines < 50; ++end)
    if (text[end] == '\n') ++lines;
  return end;
}

}  // namespace

Document read_csv(std::string_view bytes, const std::string& label) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    throw Error(fmt::format(
        "{}: the file is UTF-16 (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\"", label));
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (auto bad = unicode::find_invalid_utf8(bytes)) {
    int line = 1 + static_cast<int>(std::count(
                       bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(*bad), '\n'));
    throw Error(fmt::format(
        "{}:{}: the text is not UTF-8 (Excel's plain \"CSV\" uses the Windows code page); save "
        "it as \"CSV UTF-8\"",
        label, line));
  }
  // The delimiter: whichever splits the first lines into more records of one width. A quote
  // left open by the wrong guess only shows in the sample, so it counts as no records.
  std::string_view sample = bytes.substr(0, sample_end(bytes));
  auto score = [&](char delimiter) -> std::size_t {
    try {
      return consistency(split(sample, delimiter, 50, label));
    } catch (const Error&) {
      return 0;
    }
  };
  char delimiter = score(';') > score(',') ? ';' : ',';

  Document doc;
  doc.format = Format::csv;
  Table table;
  table.number = 1;
  int number = 0;
  for (Record& record : split(bytes, delimiter, max_rows, label)) {
    Row row;
    row.number = ++number;
    for (std::string& field : record.fields) {
      if (row.cells.size() == max_columns) break;
      row.cells.push_back(Cell{clean_text(field), 1});
    }
    table.columns = std::max(table.columns, row.cells.size());
    table.rows.push_back(std::move(row));
  }
  doc.tables.push_back(std::move(table));
  return doc;
}

}  // namespace parplan::import
