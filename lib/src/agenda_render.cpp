#include "parplan/agenda_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <nlohmann/json.hpp>

#include "parplan/export.hpp"
#include "parplan/json_text.hpp"
#include "parplan/list_render.hpp"
#include "parplan/markdown.hpp"
#include "util/colour.hpp"

namespace parplan {

namespace {

enum class Section { overdue, due, upcoming, starting, waiting };

struct SectionInfo {
  Section section;
  const char* key;  // in JSON and CSV
  std::vector<AgendaItem> Agenda::*items;
};

constexpr std::array<SectionInfo, 5> sections = {{
    {Section::overdue, "overdue", &Agenda::overdue},
    {Section::due, "due", &Agenda::due},
    {Section::upcoming, "upcoming", &Agenda::upcoming},
    {Section::starting, "starting", &Agenda::starting},
    {Section::waiting, "waiting", &Agenda::waiting},
}};

const std::vector<AgendaItem>& items(const Agenda& agenda, Section s) {
  return agenda.*sections[static_cast<std::size_t>(s)].items;
}

std::string heading(const Agenda& agenda, Section s) {
  const std::size_t n = items(agenda, s).size();
  const YearMonth month = agenda.as_of;
  switch (s) {
    case Section::overdue:
      return fmt::format("Overdue ({})", n);
    case Section::due:
      if (agenda.due_from != month)  // due --period
        return fmt::format("Due in {} to {} ({})", to_string(agenda.due_from), to_string(month), n);
      return fmt::format("Due in {} ({})", to_string(month), n);
    case Section::upcoming: {
      if (agenda.within <= 0) return fmt::format("Upcoming ({})", n);
      YearMonth first = YearMonth::from_serial(month.serial() + 1);
      if (agenda.within == 1)
        return fmt::format("Upcoming, ending in {} ({})", to_string(first), n);
      YearMonth last = YearMonth::from_serial(month.serial() + agenda.within);
      return fmt::format("Upcoming, ending {} to {} ({})", to_string(first), to_string(last), n);
    }
    case Section::starting:
      return fmt::format("Starting in {} ({})", to_string(month), n);
    case Section::waiting:
      return fmt::format("Waiting for an event ({})", n);
  }
  return {};
}

std::string_view heading_style(Section s) {
  switch (s) {
    case Section::overdue:
      return util::sgr::bold_red;
    case Section::due:
      return util::sgr::bold_yellow;
    default:
      return util::sgr::bold;
  }
}

std::string months_late(int months) {
  return fmt::format("{} month{}", months, months == 1 ? "" : "s");
}

std::string end_label(const Plan& plan, const Activity& a) {
  return a.end ? plan_month_label(*a.end, plan.info.year) : std::string();
}

// Columns and cells of one section, shared by the text and Markdown forms.
struct SectionTable {
  std::vector<text::Column> columns;
  std::vector<std::vector<text::Cell>> rows;
};

SectionTable section_table(const Plan& plan, const Agenda& agenda, Section s) {
  SectionTable t;
  if (s == Section::waiting) {
    t.columns = {{"ID"},
                 {"Lead", false, text::Cut::then},
                 {"Waiting for", false, text::Cut::then},
                 {"Title", false, text::Cut::first}};
    for (const AgendaItem& item : agenda.waiting) {
      const Activity& a = *item.activity;
      t.rows.push_back({{a.id}, {plan.owner_names(a.lead, ", ", "—")}, {a.after}, {a.title}});
    }
    return t;
  }
  const bool late = s == Section::overdue;
  t.columns = {{"ID"}, {"End", true}};
  if (late) t.columns.push_back({"Late", true});
  t.columns.push_back({"Lead", false, text::Cut::then});
  t.columns.push_back({"Title", false, text::Cut::first});
  for (const AgendaItem& item : items(agenda, s)) {
    const Activity& a = *item.activity;
    std::vector<text::Cell> row = {{a.id}, {end_label(plan, a)}};
    if (late) row.push_back({months_late(item.months_late), util::sgr::red});
    row.push_back({plan.owner_names(a.lead, ", ", "—")});
    row.push_back({a.title});
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string footer(const Agenda& agenda) {
  return fmt::format(
      "Not on the calendar: {} ongoing, {} on an external timetable (per), {} with "
      "no schedule.",
      agenda.ongoing, agenda.external, agenda.unknown);
}

}  // namespace

std::string agenda_headline(const Plan& plan, const Agenda& agenda, std::string_view scope) {
  std::string line = plan.info.id;
  if (!scope.empty()) line += fmt::format(" ({})", scope);
  line += fmt::format(", as of {}", to_string(agenda.as_of));
  if (agenda.period == Period::after_plan_year)
    line += fmt::format(" (the plan year {} has ended)", plan.info.year);
  else if (agenda.period == Period::before_plan_year)
    line += fmt::format(" (the plan year {} has not started)", plan.info.year);
  line += ':';
  for (const SectionInfo& info : sections)
    line += fmt::format("{} {} {}", info.section == Section::overdue ? "" : ",",
                        (agenda.*info.items).size(), info.key);
  return line;
}

std::string agenda_text(const Plan& plan, const Agenda& agenda, std::string_view scope,
                        const text::TableStyle& style) {
  std::string out = util::paint(text::one_line(agenda_headline(plan, agenda, scope)),
                                util::sgr::bold, style.color) +
                    "\n";
  for (const SectionInfo& info : sections) {
    const Section s = info.section;
    out += "\n" + util::paint(heading(agenda, s), heading_style(s), style.color) + "\n";
    SectionTable t = section_table(plan, agenda, s);
    if (t.rows.empty())
      out += std::string(style.indent, ' ') + "none\n";
    else
      out += text::table(t.columns, t.rows, style);
  }
  return out + "\n" + footer(agenda) + "\n";
}

std::string agenda_markdown(const Plan& plan, const Agenda& agenda, std::string_view scope) {
  std::string out = markdown::escape(agenda_headline(plan, agenda, scope)) + "\n";
  for (const SectionInfo& info : sections) {
    out += "\n## " + markdown::escape(heading(agenda, info.section)) + "\n\n";
    SectionTable t = section_table(plan, agenda, info.section);
    if (t.rows.empty()) {
      out += "None.\n";
      continue;
    }
    std::vector<std::string> header;
    std::vector<bool> right;
    for (const text::Column& c : t.columns) {
      header.push_back(c.header);
      right.push_back(c.right);
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : t.rows) {
      std::vector<std::string> cells;
      for (const text::Cell& cell : row) cells.push_back(cell.text);
      rows.push_back(std::move(cells));
    }
    out += markdown::table(header, rows, right);
  }
  return out + "\n" + markdown::escape(footer(agenda)) + "\n";
}

void agenda_json(const Plan& plan, const Agenda& agenda,
                 const std::function<void(std::string_view)>& write) {
  // The document is written section by section rather than built whole: a 50,000-activity plan
  // can list tens of thousands of activities, and a complete DOM would cost several times the
  // plan's size in memory. Sections are placeholders in the outer object, filled in as text.
  nlohmann::json j;
  j["plan"] = plan.info.id;
  j["plan_year"] = plan.info.year;
  j["as_of"] = to_string(agenda.as_of);
  j["period"] = agenda.period == Period::before_plan_year  ? "before-plan-year"
                : agenda.period == Period::after_plan_year ? "after-plan-year"
                                                           : "in-plan-year";
  j["within"] = agenda.within;
  nlohmann::json counts;
  for (const SectionInfo& info : sections) {
    j[info.key] = std::string("\x01") + info.key;
    counts[info.key] = (agenda.*info.items).size();
  }
  counts["ongoing"] = agenda.ongoing;
  counts["external"] = agenda.external;
  counts["unknown"] = agenda.unknown;
  counts["total"] = agenda.total;
  counts["planned"] = agenda.planned;
  counts["in_progress"] = agenda.in_progress;
  counts["done"] = agenda.done;
  counts["cancelled"] = agenda.cancelled;
  j["counts"] = std::move(counts);

  std::string outer = json_text(j);
  // The placeholders' text as dump() escapes them, in the order dump() wrote them (sorted keys).
  std::vector<std::pair<std::size_t, const SectionInfo*>> places;
  for (const SectionInfo& info : sections)
    places.emplace_back(outer.find(std::string("\"\\u0001") + info.key + "\""), &info);
  std::sort(places.begin(), places.end());
  std::string out;
  std::size_t copied = 0;
  for (const auto& [at, section] : places) {
    const SectionInfo& info = *section;
    out.append(outer, copied, at - copied);
    copied = at + std::strlen(info.key) + 8;  // the quotes, \u0001 and the key
    const auto& items = agenda.*info.items;
    if (items.empty()) {
      out += "[]";
      continue;
    }
    out += "[\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
      nlohmann::json a = activity_json(plan, *items[i].activity);
      if (info.section == Section::overdue) a["months_late"] = items[i].months_late;
      // Elements sit two levels deep; JSON strings hold no raw line feeds, so indenting every
      // line of the element's own pretty print is exact.
      std::string element = json_text(a);
      out += "    ";
      for (char c : element) {
        out += c;
        if (c == '\n') out += "    ";
      }
      out += i + 1 < items.size() ? ",\n" : "\n";
      if (out.size() >= 64 * 1024) {
        write(out);
        out.clear();
      }
    }
    out += "  ]";
  }
  out.append(outer, copied, std::string::npos);
  write(out + "\n");
}

std::string agenda_csv(const Plan& plan, const Agenda& agenda) {
  std::vector<std::string> header = {"section", "months_late"};
  for (std::string& column : activity_csv_header()) header.push_back(std::move(column));
  std::string out = csv_record(header);
  for (const SectionInfo& info : sections)
    for (const AgendaItem& item : agenda.*info.items) {
      std::vector<std::string> row = {info.key, info.section == Section::overdue
                                                    ? std::to_string(item.months_late)
                                                    : std::string()};
      for (std::string& cell : activity_csv_row(plan, *item.activity))
        row.push_back(std::move(cell));
      out += csv_record(row);
    }
  return out;
}

}  // namespace parplan
