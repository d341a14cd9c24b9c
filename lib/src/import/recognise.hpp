#pragma once

#include <array>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "table.hpp"

namespace parplan::import {

// The appendix's columns.
enum class Role { number, content, result, output, lead, support, start, end, time, note };
inline constexpr std::size_t role_count = 10;

// Which grid column (0-based) holds each role, -1 when the table has none.
struct Layout {
  std::array<int, role_count> column;
  Layout() { column.fill(-1); }
  [[nodiscard]] int operator[](Role r) const { return column[static_cast<std::size_t>(r)]; }
  [[nodiscard]] std::size_t recognised() const;
  friend bool operator==(const Layout&, const Layout&) = default;
};

// The role a column title names, ignoring case, accents and spacing ("Cơ quan chủ trì" -> lead,
// "Thời gian thực hiện Bắt đầu" -> start), or nullopt.
std::optional<Role> column_role(std::string_view title);

// One data row of the appendix with the layout of its table.
struct SourceRow {
  int table = 0;
  const Row* row = nullptr;
  const Layout* layout = nullptr;

  // The text in the role's column; "" when there is none or the column is covered by a merge.
  [[nodiscard]] const std::string& text(Role role) const;
  // The cell's 1-based column, for diagnostics (the role's column, or 1).
  [[nodiscard]] int column(Role role) const;
  // True when the cell in this role's column is merged across the column after it.
  [[nodiscard]] bool spans_next(Role role) const;
};

struct Appendix {
  std::vector<SourceRow> rows;
  std::vector<std::string> preamble;  // docx paragraphs and rows above the header: title, year
  std::string tables;                 // "table 2", "tables 2-4", "sheet Sheet1", "" for CSV
  std::deque<Layout> layouts;         // stable addresses for SourceRow::layout
  std::vector<Warning> warnings;
};

// Finds the appendix: tables whose header row names the content column and at least two others
// (one header row or two), or headerless tables of exactly nine columns read positionally; a
// table that follows with the same number of columns and no header (or the same header again)
// continues it, as Word splits a table across pages. Throws parplan::Error when there is none.
Appendix recognise(const Document& doc, const std::string& label);

}  // namespace parplan::import
