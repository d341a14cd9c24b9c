#include "recognise.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "owner_registry.hpp"
#include "parplan/error.hpp"

namespace parplan::import {

namespace {

constexpr std::size_t header_search_rows = 20;
constexpr std::size_t standard_columns = 9;

const std::string empty_text;

// The text shown in a column of a row: a covered column shows the merged cell's text.
const std::string& shown_text(const Row& row, std::size_t column) {
  if (column >= row.cells.size()) return empty_text;
  while (column > 0 && row.cells[column].span == 0) --column;
  return row.cells[column].text;
}

bool row_empty(const Row& row) {
  for (const Cell& c : row.cells)
    if (!c.text.empty()) return false;
  return true;
}

Layout layout_of(const std::vector<std::string>& titles) {
  Layout layout;
  for (std::size_t c = 0; c < titles.size(); ++c)
    if (auto role = column_role(titles[c]); role && layout[*role] < 0)
      layout.column[static_cast<std::size_t>(*role)] = static_cast<int>(c);
  return layout;
}

bool usable(const Layout& layout) { return layout[Role::content] >= 0 && layout.recognised() >= 3; }

struct Header {
  Layout layout;
  std::size_t first_data = 0;  // index of the first row after the header
  std::size_t header_row = 0;  // index of the (first) header row
};

// A row like "(1) (2) (3) …" or "1 2 3 …" numbering the columns under the header.
bool column_numbers(const Row& row, const Layout& layout) {
  std::size_t numbered = 0;
  for (const Cell& c : row.cells) {
    if (c.text.empty()) continue;
    std::string_view t = c.text;
    if (t.starts_with('(') && t.ends_with(')')) t = t.substr(1, t.size() - 2);
    if (t.empty() || t.size() > 2 || !std::all_of(t.begin(), t.end(), ::isdigit)) return false;
    ++numbered;
  }
  auto content = static_cast<std::size_t>(layout[Role::content]);
  return numbered >= 3 && content < row.cells.size() && !row.cells[content].text.empty();
}

std::optional<Header> find_header(const Table& table) {
  for (std::size_t r = 0; r < table.rows.size() && r < header_search_rows; ++r) {
    const Row& row = table.rows[r];
    std::vector<std::string> titles(table.columns);
    for (std::size_t c = 0; c < table.columns; ++c) titles[c] = shown_text(row, c);
    Layout one = layout_of(titles);
    if (!usable(one)) continue;
    Header header{one, r + 1, r};
    // A second header row: "Bắt đầu | Hoàn thành" under a merged "Thời gian thực hiện".
    if (r + 1 < table.rows.size()) {
      const Row& next = table.rows[r + 1];
      std::vector<std::string> joined = titles;
      bool all_titles = !row_empty(next);
      for (std::size_t c = 0; c < table.columns; ++c) {
        const std::string& below = c < next.cells.size() ? next.cells[c].text : empty_text;
        if (below.empty() || below == titles[c]) continue;
        if (!column_role(below)) all_titles = false;
        joined[c] += " " + below;
      }
      Layout two = layout_of(joined);
      if (all_titles && two.recognised() > one.recognised()) header = {two, r + 2, r};
    }
    if (header.first_data < table.rows.size() &&
        column_numbers(table.rows[header.first_data], header.layout))
      ++header.first_data;
    return header;
  }
  return std::nullopt;
}

Layout positional_layout() {
  Layout layout;
  int c = 0;
  for (Role r : {Role::number, Role::content, Role::result, Role::output, Role::lead, Role::support,
                 Role::start, Role::end, Role::note})
    layout.column[static_cast<std::size_t>(r)] = c++;
  return layout;
}

std::string describe_tables(const Document& doc, const std::vector<int>& used) {
  if (doc.format == Format::xlsx) return "sheet " + doc.sheet;
  if (doc.format == Format::csv || used.empty()) return "";
  bool consecutive = used.back() - used.front() + 1 == static_cast<int>(used.size());
  if (used.size() == 1) return fmt::format("table {}", used.front());
  if (consecutive) return fmt::format("tables {}-{}", used.front(), used.back());
  return fmt::format("tables {}", fmt::join(used, ", "));
}

}  // namespace

std::size_t Layout::recognised() const {
  return static_cast<std::size_t>(
      std::count_if(column.begin(), column.end(), [](int c) { return c >= 0; }));
}

std::optional<Role> column_role(std::string_view title) {
  std::string key = " ";
  for (char c : match_key(title))
    key += (c == '.' || c == ':' || c == '/' || c == '(' || c == ')' || c == '*' || c == ',' ||
            c == '-')
               ? ' '
               : c;
  key += ' ';
  auto has = [&](std::string_view words) {
    return key.find(fmt::format(" {} ", words)) != std::string::npos;
  };
  std::string bare = match_key(key);
  if (bare == "tt" || bare == "stt" || bare == "so tt" || bare == "so thu tu" || bare == "thu tu" ||
      bare == "id" || bare == "ma")
    return Role::number;
  if (has("ghi chu")) return Role::note;
  if (has("chu tri")) return Role::lead;
  if (has("phoi hop")) return Role::support;
  if (has("bat dau")) return Role::start;
  if (has("hoan thanh") || has("ket thuc")) return Role::end;
  if (has("hinh thuc")) return Role::output;
  if (has("ket qua") || has("san pham")) return Role::result;
  if (has("noi dung") || has("nhiem vu") || has("hoat dong") || has("cong viec"))
    return Role::content;
  if (has("thoi gian") || has("tien do") || has("thoi han")) return Role::time;
  return std::nullopt;
}

const std::string& SourceRow::text(Role role) const {
  int c = (*layout)[role];
  if (c < 0 || static_cast<std::size_t>(c) >= row->cells.size()) return empty_text;
  const Cell& cell = row->cells[static_cast<std::size_t>(c)];
  return cell.span == 0 ? empty_text : cell.text;
}

int SourceRow::column(Role role) const { return std::max((*layout)[role], 0) + 1; }

bool SourceRow::spans_next(Role role) const {
  int c = (*layout)[role];
  return c >= 0 && static_cast<std::size_t>(c) < row->cells.size() &&
         row->cells[static_cast<std::size_t>(c)].span > 1;
}

Appendix recognise(const Document& doc, const std::string& label) {
  Appendix appendix;
  appendix.preamble = doc.paragraphs;
  std::vector<int> used;
  const Layout* current = nullptr;
  std::size_t current_columns = 0;
  bool preamble_done = false;
  for (const Table& table : doc.tables) {
    std::optional<Header> header = find_header(table);
    std::size_t first = 0;
    if (header) {
      bool repeated = current && *current == header->layout && current_columns == table.columns;
      if (!repeated) {
        appendix.layouts.push_back(header->layout);
        current = &appendix.layouts.back();
        current_columns = table.columns;
      }
      first = header->first_data;
      // Rows above the first header hold the title and year in a spreadsheet.
      for (std::size_t r = 0; !preamble_done && r < header->header_row; ++r) {
        std::vector<std::string> texts;
        for (const Cell& c : table.rows[r].cells)
          if (!c.text.empty()) texts.push_back(c.text);
        if (!texts.empty()) appendix.preamble.push_back(fmt::format("{}", fmt::join(texts, " ")));
      }
    } else if (current && table.columns == current_columns) {
      // A table split across pages continues the one before it.
    } else if (table.columns == standard_columns && !table.rows.empty()) {
      appendix.layouts.push_back(positional_layout());
      current = &appendix.layouts.back();
      current_columns = table.columns;
      appendix.warnings.push_back(
          {table.number, table.rows.front().number, 1,
           "no header row; read as the nine standard columns (TT, Nội dung, Kết quả, Hình thức, "
           "Chủ trì, Phối hợp, Bắt đầu, Hoàn thành, Ghi chú)"});
    } else {
      current = nullptr;
      continue;
    }
    preamble_done = true;
    used.push_back(table.number);
    for (std::size_t r = first; r < table.rows.size(); ++r)
      if (!row_empty(table.rows[r]))
        appendix.rows.push_back({table.number, &table.rows[r], current});
  }
  if (used.empty())
    throw Error(fmt::format(
        "{}: no table looks like a plan appendix: none has a header row naming the content "
        "column (Nội dung, Nhiệm vụ) and two others (TT, Kết quả, Chủ trì, …), nor the nine "
        "standard columns; see docs/import.md for the layouts import reads",
        label));
  appendix.tables = describe_tables(doc, used);
  return appendix;
}

}  // namespace parplan::import
