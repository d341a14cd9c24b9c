#include "parplan/mermaid.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "parplan/unicode.hpp"

namespace parplan::mermaid {

namespace {

// Statements of the gantt grammar, as its case-insensitive lexer matches them at the start of a
// line (several need no space after them, so a prefix is enough to be taken for one).
// "vert" and "dateMarker" only exist in some versions; guarding them costs nothing.
constexpr std::array<std::string_view, 20> keywords = {
    "gantt",    "dateformat", "inclusiveenddates", "topaxis", "axisformat", "tickinterval",
    "includes", "excludes",   "todaymarker",       "weekday", "weekend",    "title",
    "acctitle", "accdescr",   "section",           "click",   "href",       "call",
    "vert",     "datemarker"};

bool starts_with_keyword(std::string_view s) {
  std::string lower;
  for (char c : s.substr(0, 20))
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view k : keywords)
    if (lower.starts_with(k)) return true;
  auto digit = [&](std::size_t i) {
    return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
  };
  // A date at the start of a line is lexed as a date token.
  return digit(0) && digit(1) && digit(2) && digit(3) && s.size() > 4 && s[4] == '-';
}

// A task line is the only statement that begins with free text.
std::string task_name(std::string_view label) {
  std::string out = text(label);
  return starts_with_keyword(out) ? "· " + out : out;
}

std::string date(YearMonth ym, int day) { return fmt::format("{}-{:02}", to_string(ym), day); }

const char* tag(TaskState state) {
  switch (state) {
    case TaskState::active:
      return "active, ";
    case TaskState::done:
      return "done, ";
    case TaskState::crit:
      return "crit, ";
    case TaskState::normal:
      return "";
  }
  return "";
}

}  // namespace

std::string text(std::string_view raw) {
  std::string out;
  bool space = false;
  for (char c : raw) {
    // A run of whitespace becomes one space, written only once something follows it.
    if (space && !std::isspace(static_cast<unsigned char>(c))) out += ' ';
    space = false;
    switch (c) {
      case ':':
      case ';':
        out += ',';
        break;
      case '#':
        out += "＃";
        break;
      case '%':
        out += "％";
        break;
      case '<':
        out += "‹";
        break;
      case '>':
        out += "›";
        break;
      case '`':
        out += '\'';
        break;
      case ' ':
      case '\t':
      case '\n':
      case '\r':
      case '\f':
      case '\v':
        space = !out.empty();
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string shorten(std::string_view raw, std::size_t max_width) {
  std::string all = text(raw);
  if (unicode::display_width(all) <= max_width) return all;
  std::string out;
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t next = std::min(all.find(' ', pos), all.size());
    std::string candidate = out + (out.empty() ? "" : " ") + all.substr(pos, next - pos);
    // One column stays free for the ellipsis.
    if (unicode::display_width(candidate) + 1 > max_width) break;
    out = std::move(candidate);
    pos = next + 1;
  }
  // A first word too long to fit is cut inside the word.
  if (out.empty()) return unicode::truncate_to_width(all, max_width);
  while (!out.empty() && out.back() == ',') out.pop_back();
  return out + "…";
}

std::string task_label(std::string_view id, std::string_view title, std::size_t max_width) {
  return shorten(std::string(id) + " " + std::string(title), max_width);
}

std::string task_id(std::string_view id) {
  std::string out;
  for (char c : id)
    out += std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80
               ? c
               : '_';
  if (out.empty() || !std::isalpha(static_cast<unsigned char>(out[0]))) out = "a_" + out;
  return out;
}

std::string gantt(const std::vector<Section>& sections, const std::optional<Milestone>& marker) {
  std::string out =
      "```mermaid\n"
      "gantt\n"
      "    dateFormat YYYY-MM-DD\n"
      "    axisFormat %m/%Y\n"
      "    inclusiveEndDates\n"
      "    todayMarker off\n";
  std::set<std::string> ids;
  auto unique_id = [&](std::string_view wanted) {
    std::string base = task_id(wanted);
    std::string id = base;
    for (int n = 2; !ids.insert(id).second; ++n) id = fmt::format("{}_{}", base, n);
    return id;
  };
  if (marker) {
    out += fmt::format("    section {}\n    {} :milestone, {}, {}, 0d\n", text(marker->section),
                       task_name(marker->label), unique_id("as_of"), date(marker->month, 1));
  }
  for (const Section& section : sections) {
    if (section.tasks.empty()) continue;
    out += fmt::format("    section {}\n", text(section.name));
    for (const Task& task : section.tasks)
      out += fmt::format("    {} :{}{}, {}, {}\n", task_name(task.label), tag(task.state),
                         unique_id(task.id), date(task.start, 1),
                         date(task.end, days_in_month(task.end)));
  }
  return out + "```\n";
}

}  // namespace parplan::mermaid
