#include "xlsx_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "parplan/error.hpp"
#include "parplan/unicode.hpp"
#include "xml_part.hpp"

namespace parplan::import {

namespace {

constexpr int max_sheet_rows = 1'048'576;  // Excel's own limits
constexpr int max_sheet_columns = 16'384;
// Cells a merged range may fill in: a range over a whole sheet would otherwise cost rows x 64.
constexpr std::size_t max_merged_cells = 4'000'000;

std::string damaged(const std::string& label, const std::string& why) {
  return fmt::format(
      "{}: the file is damaged ({}); open it in Excel (or LibreOffice) and save it again", label,
      why);
}

// Text of a shared string or inline string: its runs, without phonetic guides (rPh).
std::string string_item_text(const pugi::xml_node& item) {
  std::string text;
  for_each_descendant(item, [&](const pugi::xml_node& e) {
    std::string_view name = local_name(e);
    if (name == "rPh" || text.size() > max_cell_bytes) return false;
    if (name == "t") text += e.child_value();
    return true;
  });
  return text;
}

struct CellRef {
  int column = 0;  // 1-based
  int row = 0;     // 1-based
};

// "G37" -> {7, 37}; nullopt when malformed or beyond Excel's grid.
std::optional<CellRef> parse_ref(std::string_view ref) {
  CellRef out;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    out.column = out.column * 26 + (ref[i] - 'A' + 1);
    if (out.column > max_sheet_columns) return std::nullopt;
  }
  if (i == 0 || i == ref.size()) return std::nullopt;
  auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), out.row);
  if (ec != std::errc() || end != ref.data() + ref.size() || out.row < 1 ||
      out.row > max_sheet_rows)
    return std::nullopt;
  return out;
}

// A number as the user typed it: 3 for "3" or "3.0", the stored text otherwise.
std::string number_text(const std::string& stored) {
  double value = 0;
  auto [end, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
  if (ec == std::errc() && end == stored.data() + stored.size() && std::isfinite(value) &&
      value == std::floor(value) && std::fabs(value) < 1e15)
    return fmt::format("{}", static_cast<long long>(value));
  return stored;
}

std::vector<std::string> read_shared_strings(std::string xml, const std::string& label) {
  pugi::xml_document doc;
  parse_xml_part(doc, xml, label, "xl/sharedStrings.xml");
  std::vector<std::string> strings;
  for (pugi::xml_node si : child(doc, "sst").children())
    if (local_name(si) == "si") strings.push_back(string_item_text(si));
  return strings;
}

void apply_merges(const pugi::xml_node& worksheet, Table& table, const std::string& label) {
  std::size_t budget = max_merged_cells;
  for (pugi::xml_node merge : child(worksheet, "mergeCells").children()) {
    if (local_name(merge) != "mergeCell") continue;
    std::string_view ref = attribute(merge, "ref").value();
    auto colon = ref.find(':');
    auto first = parse_ref(ref.substr(0, colon));
    auto last = colon == std::string_view::npos ? first : parse_ref(ref.substr(colon + 1));
    if (!first || !last || last->row < first->row || last->column < first->column)
      throw Error(damaged(label, fmt::format("a merged range reads '{}'", ref)));
    if (first->column > static_cast<int>(max_columns)) continue;
    auto c1 = static_cast<std::size_t>(first->column - 1);
    auto c2 = std::min(static_cast<std::size_t>(last->column), max_columns);  // one past
    auto by_number = [](const Row& r, int n) { return r.number < n; };
    auto begin = std::lower_bound(table.rows.begin(), table.rows.end(), first->row, by_number);
    auto end = std::lower_bound(begin, table.rows.end(), last->row + 1, by_number);
    auto cells = static_cast<std::size_t>(end - begin) * (c2 - c1);
    if (cells > budget)
      throw Error(fmt::format(
          "{}: the merged cells of the sheet cover more than {} cells; a plan appendix needs far "
          "fewer (unmerge them or split the sheet)",
          label, max_merged_cells));
    budget -= cells;
    std::string text;
    if (begin != table.rows.end() && begin->number == first->row && c1 < begin->cells.size())
      text = begin->cells[c1].text;
    for (auto row = begin; row != end; ++row) {
      if (row->cells.size() < c2) row->cells.resize(c2);
      row->cells[c1] = Cell{text, static_cast<int>(c2 - c1)};
      for (std::size_t c = c1 + 1; c < c2; ++c) row->cells[c] = Cell{"", 0};
      table.columns = std::max(table.columns, row->cells.size());
    }
  }
}

}  // namespace

Document read_xlsx_sheet(std::string sheet_xml, std::optional<std::string> shared_strings_xml,
                         const std::string& label, const std::string& sheet_name) {
  std::vector<std::string> shared;
  if (shared_strings_xml) shared = read_shared_strings(std::move(*shared_strings_xml), label);
  pugi::xml_document doc;
  std::string part = "the sheet " + sheet_name;
  parse_xml_part(doc, sheet_xml, label, part);
  pugi::xml_node worksheet = child(doc, "worksheet");
  if (!worksheet) throw Error(damaged(label, part + " is not a worksheet"));

  Document result;
  result.format = Format::xlsx;
  result.sheet = sheet_name;
  Table table;
  table.number = 1;
  std::size_t physical_rows = 0;
  int previous_row = 0;
  for (pugi::xml_node row_node : child(worksheet, "sheetData").children()) {
    if (local_name(row_node) != "row") continue;
    if (++physical_rows > max_rows)
      throw Error(fmt::format(
          "{}: the sheet {} has more than {} rows; a plan appendix has far fewer (delete the "
          "empty rows below the table, or split it)",
          label, sheet_name, max_rows));
    Row row;
    row.number = previous_row + 1;
    if (pugi::xml_attribute r = attribute(row_node, "r")) {
      int n = 0;
      std::string_view v = r.value();
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec != std::errc() || end != v.data() + v.size() || n < 1 || n > max_sheet_rows)
        throw Error(damaged(label, fmt::format("a row is numbered '{}'", v)));
      row.number = n;
    }
    previous_row = row.number;
    int previous_column = 0;
    for (pugi::xml_node c : row_node.children()) {
      if (local_name(c) != "c") continue;
      int column = previous_column + 1;
      if (pugi::xml_attribute r = attribute(c, "r")) {
        auto ref = parse_ref(r.value());
        if (!ref) throw Error(damaged(label, fmt::format("a cell is named '{}'", r.value())));
        column = ref->column;
      }
      previous_column = column;
      if (column > static_cast<int>(max_columns)) continue;
      std::string type = attribute(c, "t").value();
      std::string value = child(c, "v").child_value();
      std::string text;
      if (type == "s") {
        std::size_t index = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
        if (ec != std::errc() || end != value.data() + value.size() || index >= shared.size())
          throw Error(damaged(
              label,
              fmt::format("cell {} refers to shared string '{}', but there are {}",
                          cell_location(result, 1, row.number, column), value, shared.size())));
        text = shared[index];
      } else if (type == "inlineStr") {
        text = string_item_text(child(c, "is"));
      } else if (type == "b") {
        text = value == "1" ? "TRUE" : "FALSE";
      } else if (type == "str" || type == "e" || type == "d") {
        text = value;
      } else {
        text = number_text(value);
      }
      auto index = static_cast<std::size_t>(column - 1);
      if (row.cells.size() <= index) row.cells.resize(index + 1);
      row.cells[index].text = clean_text(text);
    }
    table.columns = std::max(table.columns, row.cells.size());
    table.rows.push_back(std::move(row));
  }
  std::stable_sort(table.rows.begin(), table.rows.end(),
                   [](const Row& a, const Row& b) { return a.number < b.number; });
  apply_merges(worksheet, table, label);
  result.tables.push_back(std::move(table));
  return result;
}

Document read_xlsx(ZipArchive& zip, const std::string& label, const std::string& sheet) {
  std::optional<std::string> workbook_xml = zip.read("xl/workbook.xml");
  std::optional<std::string> rels_xml = zip.read("xl/_rels/workbook.xml.rels");
  if (!workbook_xml || !rels_xml)
    throw Error(fmt::format("{}: there is no xl/workbook.xml in it; is it an Excel file?", label));
  pugi::xml_document workbook, rels;
  parse_xml_part(workbook, *workbook_xml, label, "xl/workbook.xml");
  parse_xml_part(rels, *rels_xml, label, "xl/_rels/workbook.xml.rels");

  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  for (pugi::xml_node s : child(child(workbook, "workbook"), "sheets").children())
    if (local_name(s) == "sheet")
      sheets.emplace_back(attribute(s, "name").value(), attribute(s, "id").value());
  if (sheets.empty()) throw Error(fmt::format("{}: the workbook has no sheets", label));
  auto chosen = sheets.begin();
  if (!sheet.empty()) {
    chosen = std::find_if(sheets.begin(), sheets.end(), [&](const auto& s) {
      return unicode::fold(s.first) == unicode::fold(sheet);
    });
    if (chosen == sheets.end()) {
      std::string names;
      for (const auto& s : sheets) names += (names.empty() ? "" : ", ") + s.first;
      throw Error(fmt::format("{}: no sheet named '{}'; the sheets are: {}", label, sheet, names));
    }
  }
  std::string target;
  for (pugi::xml_node r : child(rels, "Relationships").children())
    if (attribute(r, "Id").value() == chosen->second) target = attribute(r, "Target").value();
  if (target.empty()) throw Error(damaged(label, "the sheet " + chosen->first + " has no part"));
  std::string part = target.starts_with('/') ? target.substr(1) : "xl/" + target;
  std::optional<std::string> sheet_xml = zip.read(part);
  if (!sheet_xml) throw Error(damaged(label, "the sheet " + chosen->first + " is missing"));
  return read_xlsx_sheet(std::move(*sheet_xml), zip.read("xl/sharedStrings.xml"), label,
                         clean_text(chosen->first));
}

}  // namespace parplan::import
