#include "cell_rules.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "parplan/unicode.hpp"

namespace parplan::import {

namespace {

// Folded words of a time text: accents and case gone, '/' and ',' as spaces, a final '.' dropped.
std::vector<std::string> words_of(std::string_view text) {
  std::string f = unicode::fold(text);
  for (char& c : f)
    if (c == '/' || c == ',' || c == '\n' || c == '(' || c == ')') c = ' ';
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < f.size()) {
    while (i < f.size() && f[i] == ' ') ++i;
    std::size_t start = i;
    while (i < f.size() && f[i] != ' ') ++i;
    if (i > start) words.emplace_back(f.substr(start, i - start));
  }
  if (!words.empty() && words.back().ends_with('.')) words.back().pop_back();
  if (!words.empty() && words.back().empty()) words.pop_back();
  return words;
}

std::optional<int> number(std::string_view word, std::size_t max_digits) {
  if (word.empty() || word.size() > max_digits) return std::nullopt;
  int n = 0;
  auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), n);
  if (ec != std::errc() || end != word.data() + word.size()) return std::nullopt;
  return n;
}

std::optional<int> month_number(std::string_view word) {
  auto n = number(word, 2);
  return n && *n >= 1 && *n <= 12 ? n : std::nullopt;
}

std::optional<int> year_number(std::string_view word) {
  auto n = number(word, 4);
  return n && *n >= 1900 && *n <= 2200 ? n : std::nullopt;
}

std::optional<int> quarter_number(std::string_view word) {
  static const char* romans[] = {"i", "ii", "iii", "iv"};
  for (int q = 0; q < 4; ++q)
    if (word == romans[q]) return q + 1;
  auto n = number(word, 1);
  return n && *n >= 1 && *n <= 4 ? n : std::nullopt;
}

struct Span {
  YearMonth first, last;
};

// A month, quarter or whole year in words[begin, end); nullopt unless all of it is one.
std::optional<Span> read_point(const std::vector<std::string>& words, std::size_t begin,
                               std::size_t end, int plan_year) {
  if (begin >= end) return std::nullopt;
  std::size_t i = begin;
  auto word = [&](std::size_t k) -> std::string_view {
    return k < end ? std::string_view(words[k]) : std::string_view();
  };
  // An optional year at the end: "2024" or "năm 2024".
  auto year_then_end = [&](std::size_t k) -> std::optional<int> {
    if (k == end) return plan_year;
    if (word(k) == "nam") ++k;
    if (k + 1 != end) return std::nullopt;
    return year_number(word(k));
  };
  // "2024-03"
  if (end - begin == 1 && word(i).size() == 7 && word(i)[4] == '-') {
    auto y = year_number(word(i).substr(0, 4));
    auto m = month_number(word(i).substr(5));
    if (y && m) return Span{{*y, *m}, {*y, *m}};
    return std::nullopt;
  }
  if ((word(i) == "ca" || word(i) == "trong") && word(i + 1) == "nam") {
    if (auto y = year_then_end(i + 2)) return Span{{*y, 1}, {*y, 12}};
    return std::nullopt;
  }
  if (word(i) == "nam") {
    if (auto y = year_number(word(i + 1)); y && i + 2 == end) return Span{{*y, 1}, {*y, 12}};
    return std::nullopt;
  }
  if (word(i) == "quy") {
    auto q = quarter_number(word(i + 1));
    auto y = q ? year_then_end(i + 2) : std::nullopt;
    if (q && y) return Span{{*y, *q * 3 - 2}, {*y, *q * 3}};
    return std::nullopt;
  }
  std::optional<int> m;
  if (word(i) == "thang") {
    m = month_number(word(i + 1));
    i += 2;
  } else if (word(i).size() >= 2 && word(i)[0] == 't') {
    m = month_number(word(i).substr(1));
    i += 1;
  } else {
    m = month_number(word(i));
    i += 1;
  }
  auto y = m ? year_then_end(i) : std::nullopt;
  if (m && y) return Span{{*y, *m}, {*y, *m}};
  return std::nullopt;
}

bool starts_with_words(const std::vector<std::string>& words,
                       std::initializer_list<std::string_view> prefix) {
  if (words.size() < prefix.size()) return false;
  std::size_t i = 0;
  for (std::string_view p : prefix)
    if (words[i++] != p) return false;
  return true;
}

bool starts_lower_case(std::string_view text) {
  utf8proc_int32_t cp = 0;
  auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                              static_cast<utf8proc_ssize_t>(text.size()), &cp);
  return len > 0 && utf8proc_islower(cp);
}

}  // namespace

TimeCell read_time_cell(std::string_view text, int plan_year) {
  TimeCell cell;
  cell.text = std::string(text);
  std::vector<std::string> words = words_of(text);
  if (words.empty()) return cell;
  if (starts_with_words(words, {"thuong", "xuyen"})) {
    cell.kind = TimeCell::Kind::ongoing;
    return cell;
  }
  if (starts_with_words(words, {"sau", "khi"})) {
    cell.kind = TimeCell::Kind::after;
    return cell;
  }
  if (starts_with_words(words, {"theo"})) {
    cell.kind = TimeCell::Kind::per;
    return cell;
  }
  std::size_t begin = starts_with_words(words, {"tu"}) ? 1 : 0;
  std::optional<Span> span = read_point(words, begin, words.size(), plan_year);
  // A range: "tháng 3 - tháng 5", "tháng 3 đến tháng 5", "3-5", "quý I - quý II".
  for (std::size_t k = begin; !span && k < words.size(); ++k) {
    std::string_view w = words[k];
    if (w == "-" || w == "den" || w == "\xe2\x80\x93" || w == "~") {
      auto a = read_point(words, begin, k, plan_year);
      auto b = read_point(words, k + 1, words.size(), plan_year);
      if (a && b && a->first <= b->last) span = Span{a->first, b->last};
    }
  }
  if (!span && words.size() - begin <= 3) {  // "3-5", "tháng 3-5": a dash inside one word
    std::string joined;
    for (std::size_t k = begin; k < words.size(); ++k)
      joined += (joined.empty() ? "" : " ") + words[k];
    auto dash = joined.rfind('-');
    if (dash != std::string::npos && dash > 0 && joined.size() != 7) {
      std::vector<std::string> left = words_of(joined.substr(0, dash));
      std::vector<std::string> right = words_of(joined.substr(dash + 1));
      if (!left.empty() && left[0] == "thang" && right.size() == 1)
        right.insert(right.begin(), "thang");
      auto a = read_point(left, 0, left.size(), plan_year);
      auto b = read_point(right, 0, right.size(), plan_year);
      if (a && b && a->first <= b->last) span = Span{a->first, b->last};
    }
  }
  if (span) {
    cell.kind = TimeCell::Kind::months;
    cell.first = span->first;
    cell.last = span->last;
  } else {
    cell.kind = TimeCell::Kind::other;
  }
  return cell;
}

std::vector<int> years_in(std::string_view text) {
  std::vector<int> years;
  for (const std::string& w : words_of(text)) {
    for (std::size_t i = 0; i + 4 <= w.size(); ++i) {
      bool edge_before = i == 0 || !std::isdigit(static_cast<unsigned char>(w[i - 1]));
      bool edge_after = i + 4 == w.size() || !std::isdigit(static_cast<unsigned char>(w[i + 4]));
      if (edge_before && edge_after)
        if (auto y = year_number(std::string_view(w).substr(i, 4))) years.push_back(*y);
    }
  }
  return years;
}

Schedule combine_schedule(const TimeCell& start, const TimeCell& end, bool one_cell) {
  using Kind = TimeCell::Kind;
  Schedule s;
  const char* start_name = one_cell ? "Thời gian thực hiện" : "Thời gian bắt đầu";
  auto keep = [&](const TimeCell& cell, TimeColumn column, const char* name,
                  const std::string& why) {
    s.notes.push_back(fmt::format("{} trong nguồn: {}.", name, cell.text));
    s.problems.push_back({column, why});
  };
  auto unreadable = [&](const TimeCell& cell, TimeColumn column, const char* name) {
    keep(cell, column, name,
         fmt::format("cannot read '{}' as a month, quarter, whole year or schedule word; kept "
                     "in note:",
                     cell.text));
  };
  // The schedule words first: the start cell's wins, a different word in the end cell is kept.
  auto word = [](const TimeCell& c) {
    return c.kind == Kind::ongoing || c.kind == Kind::after || c.kind == Kind::per;
  };
  const TimeCell* scheduled = word(start) ? &start : word(end) && !one_cell ? &end : nullptr;
  if (scheduled) {
    if (scheduled->kind == Kind::ongoing) s.ongoing = true;
    if (scheduled->kind == Kind::after) s.after = scheduled->text;
    if (scheduled->kind == Kind::per) s.per = scheduled->text;
  }
  const TimeCell* other = one_cell ? nullptr : scheduled == &start ? &end : &start;
  if (scheduled && other) {
    TimeColumn column = other == &end ? TimeColumn::end : TimeColumn::start;
    const char* name = other == &end ? "Thời gian hoàn thành" : "Thời gian bắt đầu";
    bool same = unicode::fold(other->text) == unicode::fold(scheduled->text);
    if (other->kind == Kind::empty || same) return s;
    if (other->kind == Kind::months && scheduled->kind == Kind::after) {
      // "Sau khi …" with months is the one combination the format has (after: plus start/end).
      s.start = other->first;
      s.end = other->last;
      return s;
    }
    if (other->kind == Kind::other) {
      unreadable(*other, column, name);
    } else {
      keep(*other, column, name,
           fmt::format("'{}' does not go with '{}' in one schedule; kept in note:", other->text,
                       scheduled->text));
    }
    return s;
  }
  if (scheduled) return s;

  if (one_cell) {
    if (start.kind == Kind::months) {
      s.start = start.first;
      s.end = start.last;
    } else if (start.kind == Kind::other) {
      unreadable(start, TimeColumn::start, start_name);
    }
    return s;
  }
  if (start.kind == Kind::other) unreadable(start, TimeColumn::start, start_name);
  if (end.kind == Kind::other) unreadable(end, TimeColumn::end, "Thời gian hoàn thành");
  bool start_months = start.kind == Kind::months, end_months = end.kind == Kind::months;
  if (start_months && end_months) {
    s.start = start.first;
    s.end = end.last;
  } else if (start_months != end_months) {
    const TimeCell& given = start_months ? start : end;
    const TimeCell& missing = start_months ? end : start;
    bool spans = given.first != given.last;  // "Quý II", "Cả năm", "Tháng 3 - 5" say both ends
    if (spans && missing.kind == Kind::empty) {
      s.start = given.first;
      s.end = given.last;
    } else {
      // One end of a span alone: writing the other would invent it. When the other cell could
      // not be read it was reported already; this one is kept in the note too.
      keep(given, start_months ? TimeColumn::start : TimeColumn::end,
           start_months ? "Thời gian bắt đầu" : "Thời gian hoàn thành",
           fmt::format("'{}' has no {} month beside it; kept in note: instead of inventing one",
                       given.text, start_months ? "end" : "start"));
      if (missing.kind != Kind::empty) s.problems.pop_back();
    }
  }
  return s;
}

std::vector<std::string> split_owners(std::string_view cell) {
  // A line that starts in lower case continues the name above it: Word wraps long names by hand
  // ("Phòng Văn hóa\nvà Thông tin"), and an agency's name starts with a capital.
  std::string joined;
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\n' && starts_lower_case(cell.substr(i + 1))) {
      joined += ' ';
      continue;
    }
    joined += cell[i];
  }
  cell = joined;
  std::vector<std::string> owners;
  std::size_t i = 0;
  while (i <= cell.size()) {
    std::size_t next = cell.find_first_of(";\n", i);
    if (next == std::string_view::npos) next = cell.size();
    std::string_view name = cell.substr(i, next - i);
    auto trim = [&] {
      while (!name.empty() && (name.front() == ' ' || name.front() == '-' || name.front() == '+' ||
                               name.front() == '*'))
        name.remove_prefix(1);
      if (name.starts_with("\xe2\x80\xa2") || name.starts_with("\xe2\x80\x93")) {  // • –
        name.remove_prefix(3);
        return true;
      }
      while (!name.empty() &&
             (name.back() == ' ' || name.back() == '.' || name.back() == ',' || name.back() == ';'))
        name.remove_suffix(1);
      return false;
    };
    while (trim()) {
    }
    if (!name.empty() && std::find(owners.begin(), owners.end(), name) == owners.end())
      owners.emplace_back(name);
    i = next + 1;
  }
  return owners;
}

}  // namespace parplan::import
