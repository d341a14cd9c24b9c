#pragma once

// Plain-text tables for the terminal: columns aligned by display width (Vietnamese text has
// combining marks, so bytes and code points both misalign), optional ANSI colour, and text
// columns cut with "…" to fit a terminal.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parplan::text {

// Text made safe for one terminal cell: line breaks and tabs become spaces, other control
// characters (which could move the cursor or recolour the terminal) become U+FFFD.
std::string one_line(std::string_view text);

struct Cell {
  std::string text;
  std::string_view style;  // SGR parameters (util/colour.hpp); empty is unstyled
};

// Which columns give way when a row is wider than the terminal.
enum class Cut {
  never,  // ids, months, counts
  first,  // titles: cut down to min_cut before anything else
  then,   // owner names, events: cut (widest first) only when cutting titles is not enough
};

struct Column {
  std::string header;
  bool right = false;  // right-aligned (numbers)
  Cut cut = Cut::never;
};

struct TableStyle {
  bool color = false;
  // Total columns available (a terminal's width); nullopt when piped: nothing is cut.
  std::optional<std::size_t> width;
  std::size_t indent = 2;
  // A cut column keeps at least this many columns unless the terminal is too narrow for the
  // row even then: a title cut to three letters helps nobody.
  std::size_t min_cut = 16;
};

// A header row (dim when coloured) and the rows, columns separated by two spaces, no trailing
// spaces, every line ending in '\n'. Rows must have one cell per column.
std::string table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows,
                  const TableStyle& style);

}  // namespace parplan::text
