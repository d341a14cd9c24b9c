#include "parplan/text_table.hpp"

#include <algorithm>

#include "parplan/unicode.hpp"
#include "util/colour.hpp"

namespace parplan::text {

std::string one_line(std::string_view text) {
  static constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (c < 0x20 || c == 0x7F) {
      out += replacement;
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      // U+0080..U+009F, the C1 controls (CSI among them) in UTF-8.
      out += replacement;
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

namespace {

// Narrows cuttable columns until a row fits `width`: titles first, then the other cuttable
// columns, always the widest of a level (down to the next widest) so wide columns share the cut.
// Columns keep min_cut unless the terminal is too narrow even then; below that they keep one
// character and the ellipsis, and if that is not enough the rows overflow.
void fit(std::vector<std::size_t>& widths, const std::vector<Column>& columns,
         const TableStyle& style, std::size_t width) {
  const std::size_t n = columns.size();
  std::size_t total = style.indent + 2 * (n - 1);
  for (std::size_t w : widths) total += w;
  const std::size_t last_resort = 2;
  for (auto [level, floor] : {std::pair{Cut::first, style.min_cut},
                              {Cut::then, style.min_cut},
                              {Cut::first, last_resort},
                              {Cut::then, last_resort}})
    while (total > width) {
      std::size_t widest = n;
      std::size_t next = floor;
      for (std::size_t i = 0; i < n; ++i) {
        if (columns[i].cut != level || widths[i] <= floor) continue;
        if (widest == n || widths[i] > widths[widest]) {
          if (widest != n) next = std::max(next, widths[widest]);
          widest = i;
        } else {
          next = std::max(next, widths[i]);
        }
      }
      if (widest == n) break;
      std::size_t give = std::min(total - width, std::max<std::size_t>(widths[widest] - next, 1));
      widths[widest] -= give;
      total -= give;
    }
}

}  // namespace

std::string table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows,
                  const TableStyle& style) {
  const std::size_t n = columns.size();
  std::vector<std::vector<Cell>> cells;
  cells.reserve(rows.size() + 1);
  std::vector<Cell> header;
  for (const Column& c : columns) header.push_back({c.header, util::sgr::dim});
  cells.push_back(std::move(header));
  for (const auto& row : rows) {
    std::vector<Cell> clean;
    for (const Cell& cell : row) clean.push_back({one_line(cell.text), cell.style});
    cells.push_back(std::move(clean));
  }

  std::vector<std::size_t> widths(n, 0);
  for (const auto& row : cells)
    for (std::size_t i = 0; i < n && i < row.size(); ++i)
      widths[i] = std::max(widths[i], unicode::display_width(row[i].text));

  if (style.width) fit(widths, columns, style, *style.width);

  std::string out;
  for (const auto& row : cells) {
    std::string line(style.indent, ' ');
    for (std::size_t i = 0; i < n; ++i) {
      std::string cell_text = i < row.size() ? row[i].text : std::string();
      std::string_view cell_style = i < row.size() ? row[i].style : util::sgr::none;
      if (columns[i].cut != Cut::never)
        cell_text = unicode::truncate_to_width(cell_text, widths[i]);
      std::size_t w = unicode::display_width(cell_text);
      std::string pad(widths[i] > w ? widths[i] - w : 0, ' ');
      if (i) line += "  ";
      if (columns[i].right) line += pad;
      line += util::paint(cell_text, cell_style, style.color);
      if (!columns[i].right) line += pad;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + '\n';
  }
  return out;
}

}  // namespace parplan::text
