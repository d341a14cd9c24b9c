#include "parplan/xlsx_export.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <memory>

#include "parplan/error.hpp"
#include "parplan/export.hpp"
#include "parplan/unicode.hpp"

namespace parplan {

namespace {

constexpr double max_width = 60;  // characters; longer text wraps
constexpr double min_width = 6;

// Seconds since 1970 of a month's first day at 00:00 UTC, by the days-from-civil algorithm:
// the document date comes from the plan, and no time zone is consulted.
std::time_t month_start(YearMonth ym) {
  const int y = ym.month <= 2 ? ym.year - 1 : ym.year;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (ym.month + 9) % 12;
  const int doy = (153 * mp + 2) / 5;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = static_cast<long long>(era) * 146097 + doe - 719468;
  return static_cast<std::time_t>(days * 86400);
}

// Columns whose whole-number cells are numbers in Excel; every other cell is a string.
bool numeric_column(std::string_view name) {
  for (std::string_view n :
       {"start", "end", "completed", "progress", "line", "months_late", "within", "overdue", "due",
        "upcoming", "starting", "waiting", "ongoing", "external", "unscheduled"})
    if (n == name) return true;
  return false;
}

bool whole_number(const std::string& text) {
  if (text.empty() || text.size() > 9) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One workbook being written; closes (and so writes) it exactly once.
class Book {
 public:
  Book(const std::string& path, YearMonth stamp) : book_(workbook_new(path.c_str())) {
    if (!book_) throw Error(fmt::format("{}: cannot create the workbook", path));
    properties_.created = month_start(stamp);
    workbook_set_properties(book_, &properties_);
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDCE6F1);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    cell_ = workbook_add_format(book_);
    format_set_text_wrap(cell_);
    format_set_align(cell_, LXW_ALIGN_VERTICAL_TOP);
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;
  ~Book() {
    if (book_) workbook_close(book_);
  }

  lxw_worksheet* sheet(const char* name) { return workbook_add_worksheet(book_, name); }

  // A header row and data rows, with frozen header, autofilter and widths from the content.
  void table(lxw_worksheet* ws, const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows) {
    std::vector<double> widths(header.size(), min_width);
    auto put = [&](lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* format) {
      if (r > 0 && numeric_column(header[c]) && whole_number(text)) {
        int n = 0;
        std::from_chars(text.data(), text.data() + text.size(), n);
        worksheet_write_number(ws, r, c, n, format);
      } else {
        // A string cell, whatever the first character: never a formula.
        worksheet_write_string(ws, r, c, text.c_str(), format);
      }
      widths[c] = std::max(
          widths[c], std::min(max_width, static_cast<double>(unicode::display_width(text)) + 2));
    };
    for (std::size_t c = 0; c < header.size(); ++c)
      put(0, static_cast<lxw_col_t>(c), header[c], header_);
    for (std::size_t r = 0; r < rows.size(); ++r)
      for (std::size_t c = 0; c < rows[r].size() && c < header.size(); ++c)
        put(static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), rows[r][c], cell_);
    for (std::size_t c = 0; c < header.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                           cell_);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size()),
                         static_cast<lxw_col_t>(header.size() - 1));
  }

  void close(const std::string& path) {
    lxw_error error = workbook_close(book_);
    book_ = nullptr;
    if (error != LXW_NO_ERROR)
      throw Error(fmt::format("{}: cannot write the workbook: {}", path, lxw_strerror(error)));
  }

 private:
  lxw_workbook* book_;
  lxw_doc_properties properties_{};
  lxw_format* header_ = nullptr;
  lxw_format* cell_ = nullptr;
};

}  // namespace

void write_list_xlsx(const std::string& path, const Plan& plan,
                     const std::vector<const Activity*>& activities, YearMonth stamp) {
  Book book(path, stamp);
  std::vector<std::vector<std::string>> rows;
  for (const Activity* a : activities) rows.push_back(activity_csv_row(plan, *a));
  book.table(book.sheet("activities"), activity_csv_header(), rows);
  book.close(path);
}

void write_due_xlsx(const std::string& path, const Plan& plan, const Agenda& agenda) {
  Book book(path, agenda.as_of);
  std::vector<std::string> header = {"plan", "as_of", "within"};
  std::vector<std::string> counts = {plan.info.id, to_string(agenda.as_of),
                                     std::to_string(agenda.within)};
  for (const AgendaSection& section : agenda_sections) {
    header.emplace_back(section.key);
    counts.push_back(std::to_string((agenda.*section.items).size()));
  }
  for (auto [name, n] :
       {std::pair{"ongoing", agenda.ongoing}, std::pair{"external", agenda.external},
        std::pair{"unscheduled", agenda.unknown}}) {
    header.emplace_back(name);
    counts.push_back(std::to_string(n));
  }
  book.table(book.sheet("summary"), header, {counts});
  for (const AgendaSection& section : agenda_sections) {
    const bool overdue = section.items == &Agenda::overdue;
    std::vector<std::string> columns = activity_csv_header();
    if (overdue) columns.insert(columns.begin(), "months_late");
    std::vector<std::vector<std::string>> rows;
    for (const AgendaItem& item : agenda.*section.items) {
      rows.push_back(activity_csv_row(plan, *item.activity));
      if (overdue) rows.back().insert(rows.back().begin(), std::to_string(item.months_late));
    }
    book.table(book.sheet(section.key), columns, rows);
  }
  book.close(path);
}

}  // namespace parplan
