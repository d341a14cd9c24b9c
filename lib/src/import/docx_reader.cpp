#include "docx_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "parplan/error.hpp"
#include "xml_part.hpp"

namespace parplan::import {

namespace {

constexpr std::size_t max_paragraphs = 200;

// Content controls, custom XML and smart tags wrap rows and cells without changing the table.
bool is_wrapper(std::string_view name) {
  return name == "sdt" || name == "sdtContent" || name == "customXml" || name == "smartTag";
}

// Calls fn for each child element named `name`, looking through wrappers.
template <typename Fn>
void for_each_child(const pugi::xml_node& parent, std::string_view name, Fn fn) {
  for_each_descendant(parent, [&](const pugi::xml_node& node) {
    std::string_view local = local_name(node);
    if (local == name) fn(node);
    return is_wrapper(local);
  });
}

int int_attribute(const pugi::xml_node& node, int fallback) {
  std::string_view value = attribute(node, "val").value();
  int n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  return ec == std::errc() && end == value.data() + value.size() ? n : fallback;
}

// The text of a cell or paragraph: runs' text, tabs as spaces, breaks and paragraph ends as
// line feeds. Deleted text (w:delText) and field codes (w:instrText) are other elements and so
// left out; the fallback of alternate content repeats its choice and is skipped.
std::string element_text(const pugi::xml_node& node) {
  std::string text;
  for_each_descendant(node, [&](const pugi::xml_node& e) {
    std::string_view name = local_name(e);
    if (name == "Fallback") return false;
    if (text.size() > max_cell_bytes) return false;
    if (name == "p" && !text.empty()) {
      text += '\n';
    } else if (name == "t") {
      text += e.child_value();
    } else if (name == "tab") {
      text += ' ';
    } else if (name == "br" || name == "cr") {
      text += '\n';
    }
    return true;
  });
  return clean_text(text);
}

Table read_table(const pugi::xml_node& tbl, int number, const std::string& label) {
  Table table;
  table.number = number;
  int row_number = 0;
  for_each_child(tbl, "tr", [&](const pugi::xml_node& tr) {
    ++row_number;
    if (table.rows.size() >= max_rows) return;
    Row row;
    row.number = row_number;
    const Row* above = table.rows.empty() ? nullptr : &table.rows.back();
    std::size_t column = static_cast<std::size_t>(
        std::clamp(int_attribute(child(child(tr, "trPr"), "gridBefore"), 0), 0,
                   static_cast<int>(max_columns)));
    row.cells.resize(column);
    for_each_child(tr, "tc", [&](const pugi::xml_node& tc) {
      if (column >= max_columns) return;
      pugi::xml_node properties = child(tc, "tcPr");
      std::size_t span = static_cast<std::size_t>(std::clamp(
          int_attribute(child(properties, "gridSpan"), 1), 1, static_cast<int>(max_columns)));
      span = std::min(span, max_columns - column);
      pugi::xml_node hmerge = child(properties, "hMerge");
      pugi::xml_node vmerge = child(properties, "vMerge");
      std::string text = element_text(tc);
      if (hmerge && std::string_view(attribute(hmerge, "val").value()) != "restart") {
        // An old-style horizontal merge: this cell belongs to the one on its left.
        std::size_t owner = column;
        while (owner > 0 && row.cells[owner - 1].span == 0) --owner;
        row.cells.resize(column + span);
        if (owner > 0) {
          row.cells[owner - 1].span += static_cast<int>(span);
          if (!text.empty()) row.cells[owner - 1].text += "\n" + text;
        }
        column += span;
        return;
      }
      if (vmerge && std::string_view(attribute(vmerge, "val").value()) != "restart" && above &&
          column < above->cells.size())
        text = above->cells[column].text;
      row.cells.resize(column + span);
      row.cells[column] = Cell{std::move(text), static_cast<int>(span)};
      for (std::size_t c = column + 1; c < column + span; ++c) row.cells[c].span = 0;
      column += span;
    });
    table.columns = std::max(table.columns, row.cells.size());
    table.rows.push_back(std::move(row));
  });
  if (static_cast<std::size_t>(row_number) > max_rows)
    throw Error(fmt::format("{}: table {} has {} rows, more than the {} import reads; split it",
                            label, number, row_number, max_rows));
  return table;
}

}  // namespace

Document read_docx_xml(std::string xml, const std::string& label) {
  pugi::xml_document doc;
  parse_xml_part(doc, xml, label, "word/document.xml");
  pugi::xml_node body = child(child(doc, "document"), "body");
  if (!body)
    throw Error(
        fmt::format("{}: word/document.xml has no document body; is it a Word file?", label));
  Document result;
  result.format = Format::docx;
  int tables = 0;
  for_each_descendant(body, [&](const pugi::xml_node& node) {
    std::string_view name = local_name(node);
    if (name == "tbl") {
      result.tables.push_back(read_table(node, ++tables, label));
    } else if (name == "p" && result.paragraphs.size() < max_paragraphs) {
      if (std::string text = element_text(node); !text.empty())
        result.paragraphs.push_back(std::move(text));
    }
    return is_wrapper(name);
  });
  return result;
}

Document read_docx(ZipArchive& zip, const std::string& label) {
  std::optional<std::string> xml = zip.read("word/document.xml");
  if (!xml)
    throw Error(fmt::format("{}: there is no word/document.xml in it; is it a Word file?", label));
  return read_docx_xml(std::move(*xml), label);
}

}  // namespace parplan::import
