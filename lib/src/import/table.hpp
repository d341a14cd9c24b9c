#pragma once

#include <string>
#include <vector>

namespace parplan::import {

// What every reader (docx, xlsx, csv) produces: tables of text cells on a column grid, merged
// cells already resolved, so recognising the appendix does not depend on the file format.
struct Cell {
  std::string text;  // NFC, trimmed; paragraphs and line breaks inside the cell as '\n'
  int span = 1;      // grid columns this cell covers; 0 for a column covered by a cell on its left
};

struct Row {
  int number = 0;  // 1-based row in the table, sheet or CSV file, for diagnostics
  std::vector<Cell> cells;
};

struct Table {
  int number = 0;  // 1-based table of the document (docx); 1 for a sheet or a CSV file
  std::vector<Row> rows;
  std::size_t columns = 0;  // the widest row
};

enum class Format { docx, xlsx, csv };

struct Document {
  Format format = Format::csv;
  std::string sheet;                    // xlsx: the sheet read
  std::vector<std::string> paragraphs;  // docx: text outside the tables (title, year)
  std::vector<Table> tables;
};

// A cell's place as the issue spells it: "table 2, row 37, column 7", "Sheet1!G37",
// "row 37, column 7" (column is 1-based on the grid).
std::string cell_location(const Document& doc, int table, int row, int column);

// A warning at a cell, printed as `FILE:<cell_location>: warning: message`.
struct Warning {
  int table = 0, row = 0, column = 0;
  std::string message;
};

// Limits every reader applies, so a hostile file costs bounded time and memory.
inline constexpr std::size_t max_columns = 64;    // an appendix has 9; wider cells are dropped
inline constexpr std::size_t max_rows = 100'000;  // per table or sheet (a 10,000-activity plan
                                                  // has ~11,000)
inline constexpr std::size_t max_cell_bytes = 1 << 20;

// Cleans reader text: NFC, no control or bidirectional-override characters (the loader refuses
// them), non-breaking and other spaces as ' ', runs of spaces collapsed, each line trimmed, empty
// lines dropped, lines joined with '\n'.
std::string clean_text(std::string_view raw);

}  // namespace parplan::import
