#include "parplan/agenda_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "parplan/export.hpp"
#include "parplan/json_text.hpp"
#include "parplan/list_render.hpp"
#include "parplan/markdown.hpp"
#include "parplan/query.hpp"
#include "util/colour.hpp"

namespace parplan {

namespace {

using fmt::arg;

const std::vector<AgendaItem>& items(const Agenda& agenda, AgendaPart part) {
  return agenda.*agenda_sections[static_cast<std::size_t>(part)].items;
}

std::string heading(const Agenda& agenda, AgendaPart part, const i18n::Catalog& tr) {
  const YearMonth month = agenda.as_of;
  std::string text;
  switch (part) {
    case AgendaPart::overdue:
      text = tr.text("overdue.heading");
      break;
    case AgendaPart::due:
      // due --period: due in every month of the period.
      text = agenda.due_from != month
                 ? tr.format("due.heading.period", arg("from", tr.month(agenda.due_from)),
                             arg("to", tr.month(month)))
                 : tr.format("due.heading", arg("month", tr.month(month)));
      break;
    case AgendaPart::upcoming:
      text =
          tr.format("upcoming.heading",
                    arg("month", tr.month(YearMonth::from_serial(month.serial() + agenda.within))));
      break;
    case AgendaPart::starting:
      text = tr.format("starting.heading", arg("month", tr.month(month)));
      break;
    case AgendaPart::waiting:
      text = tr.text("waiting.heading");
      break;
  }
  return fmt::format("{} ({})", text, items(agenda, part).size());
}

std::string_view heading_style(AgendaPart part) {
  switch (part) {
    case AgendaPart::overdue:
      return util::sgr::bold_red;
    case AgendaPart::due:
      return util::sgr::bold_yellow;
    default:
      return util::sgr::bold;
  }
}

// Most months late first, then the earliest end, then by id.
std::vector<AgendaItem> sorted(std::vector<AgendaItem> list) {
  std::sort(list.begin(), list.end(), [](const AgendaItem& x, const AgendaItem& y) {
    if (x.months_late != y.months_late) return x.months_late > y.months_late;
    const Activity& a = *x.activity;
    const Activity& b = *y.activity;
    if (a.end != b.end) return a.end && (!b.end || *a.end < *b.end);
    return id_less(a.id, b.id);
  });
  return list;
}

std::string footer(const Agenda& agenda, const i18n::Catalog& tr) {
  return tr.format("agenda.footer", arg("ongoing", agenda.ongoing),
                   arg("external", agenda.external), arg("unknown", agenda.unknown));
}

// The sections a rendering shows: upcoming only when asked to look ahead.
bool shown(const Agenda& agenda, AgendaPart part) {
  return part != AgendaPart::upcoming || agenda.within > 0;
}

}  // namespace

std::string month_cell(const std::optional<YearMonth>& ym, int plan_year) {
  if (!ym) return {};
  if (ym->year == plan_year) return std::to_string(ym->month);
  return fmt::format("{}/{}", ym->month, ym->year);
}

std::string status_cell(const Activity& a, YearMonth as_of, const i18n::Catalog& tr) {
  const Status then = status_as_of(a, as_of);
  if (then == Status::in_progress && a.status == Status::in_progress && a.progress)
    return tr.format("status.in_progress.percent", arg("progress", *a.progress));
  return tr.status(then);
}

std::vector<std::string> AgendaTable::header() const {
  std::vector<std::string> out;
  for (const text::Column& c : columns) out.push_back(c.header);
  return out;
}

std::vector<bool> AgendaTable::right() const {
  std::vector<bool> out;
  for (const text::Column& c : columns) out.push_back(c.right);
  return out;
}

std::vector<std::vector<std::string>> AgendaTable::cells() const {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : rows) {
    std::vector<std::string> texts;
    for (const text::Cell& cell : row) texts.push_back(cell.text);
    out.push_back(std::move(texts));
  }
  return out;
}

AgendaTable agenda_table(const Plan& plan, const Agenda& agenda, AgendaPart part,
                         const i18n::Catalog& tr) {
  AgendaTable t;
  t.heading = heading(agenda, part, tr);
  std::vector<AgendaItem> list = sorted(items(agenda, part));
  const bool late = part == AgendaPart::overdue;
  const bool waiting = part == AgendaPart::waiting;
  auto in_progress = [&](const Activity& a) {
    return status_as_of(a, agenda.as_of) == Status::in_progress;
  };
  const bool status = std::any_of(list.begin(), list.end(), [&](const AgendaItem& item) {
    return in_progress(*item.activity);
  });
  auto header = [&](const char* key) { return std::string(tr.text(key)); };
  t.columns.push_back({header("col.id")});
  if (waiting) {
    t.columns.push_back({header("col.lead"), false, text::Cut::then});
    t.columns.push_back({header("col.after"), false, text::Cut::then});
  } else {
    t.columns.push_back({header("col.end"), true});
    if (late) t.columns.push_back({header("col.months_late"), true});
    t.columns.push_back({header("col.lead"), false, text::Cut::then});
  }
  if (status) t.columns.push_back({header("col.status")});
  t.columns.push_back({header("col.activity"), false, text::Cut::first});
  const std::string none(tr.text("cell.none"));
  for (const AgendaItem& item : list) {
    const Activity& a = *item.activity;
    std::vector<text::Cell> row = {{a.id}};
    if (waiting) {
      row.push_back({plan.owner_names(a.lead, "; ", none)});
      row.push_back({a.after});
    } else {
      row.push_back({month_cell(a.end, plan.info.year)});
      if (late) row.push_back({std::to_string(item.months_late), util::sgr::red});
      row.push_back({plan.owner_names(a.lead, "; ", none)});
    }
    if (status)
      row.push_back(
          {status_cell(a, agenda.as_of, tr), in_progress(a) ? util::sgr::yellow : util::sgr::none});
    row.push_back({a.title});
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string agenda_headline(const Plan& plan, const Agenda& agenda, std::string_view scope,
                            const i18n::Catalog& tr) {
  std::string line = plan.info.id;
  if (!scope.empty()) line += fmt::format(" ({})", scope);
  line += ", " + tr.format("agenda.as_of", arg("month", tr.month(agenda.as_of)));
  if (agenda.period == Period::after_plan_year)
    line += " " + tr.format("agenda.year_ended", arg("year", plan.info.year));
  else if (agenda.period == Period::before_plan_year)
    line += " " + tr.format("agenda.year_not_started", arg("year", plan.info.year));
  return line + ": " +
         tr.format("agenda.counts", arg("overdue", agenda.overdue.size()),
                   arg("due", agenda.due.size()), arg("upcoming", agenda.upcoming.size()),
                   arg("starting", agenda.starting.size()), arg("waiting", agenda.waiting.size()));
}

std::string agenda_text(const Plan& plan, const Agenda& agenda, std::string_view scope,
                        const i18n::Catalog& tr, const text::TableStyle& style) {
  std::string out = util::paint(text::one_line(agenda_headline(plan, agenda, scope, tr)),
                                util::sgr::bold, style.color) +
                    "\n";
  for (const AgendaSection& info : agenda_sections) {
    if (!shown(agenda, info.part)) continue;
    AgendaTable t = agenda_table(plan, agenda, info.part, tr);
    out += "\n" + util::paint(t.heading, heading_style(info.part), style.color) + "\n";
    if (t.rows.empty())
      out += std::string(style.indent, ' ') + std::string(tr.text("none")) + "\n";
    else
      out += text::table(t.columns, t.rows, style);
  }
  return out + "\n" + footer(agenda, tr) + "\n";
}

std::string agenda_markdown(const Plan& plan, const Agenda& agenda, std::string_view scope,
                            const i18n::Catalog& tr) {
  std::string out = markdown::escape(agenda_headline(plan, agenda, scope, tr)) + "\n";
  for (const AgendaSection& info : agenda_sections) {
    if (!shown(agenda, info.part)) continue;
    AgendaTable t = agenda_table(plan, agenda, info.part, tr);
    out += "\n## " + markdown::escape(t.heading) + "\n\n";
    if (t.rows.empty()) {
      out += std::string(tr.text("none")) + "\n";
      continue;
    }
    out += markdown::table(t.header(), t.cells(), t.right());
  }
  return out + "\n" + markdown::escape(footer(agenda, tr)) + "\n";
}

void agenda_json(const Plan& plan, const Agenda& agenda,
                 const std::function<void(std::string_view)>& write) {
  // Written member by member rather than built whole: a 50,000-activity plan can list tens of
  // thousands of activities, and a complete DOM would cost several times the plan's size in
  // memory. Members in sorted order, as nlohmann::json writes an object.
  nlohmann::json counts;
  for (const AgendaSection& info : agenda_sections) counts[info.key] = (agenda.*info.items).size();
  counts["ongoing"] = agenda.ongoing;
  counts["external"] = agenda.external;
  counts["unknown"] = agenda.unknown;
  counts["total"] = agenda.total;
  counts["planned"] = agenda.planned;
  counts["in_progress"] = agenda.in_progress;
  counts["done"] = agenda.done;
  counts["cancelled"] = agenda.cancelled;
  const char* period = agenda.period == Period::before_plan_year  ? "before-plan-year"
                       : agenda.period == Period::after_plan_year ? "after-plan-year"
                                                                  : "in-plan-year";
  // A value two spaces in: every line after the first is indented (JSON strings hold no raw
  // line feeds, so this is exact).
  auto nested = [](const nlohmann::json& value, std::string_view indent) {
    std::string out;
    for (char c : json_text(value)) {
      out += c;
      if (c == '\n') out += indent;
    }
    return out;
  };
  const std::map<std::string, nlohmann::json> scalars = {{"as_of", to_string(agenda.as_of)},
                                                         {"counts", counts},
                                                         {"due_from", to_string(agenda.due_from)},
                                                         {"period", period},
                                                         {"plan", plan.info.id},
                                                         {"plan_year", plan.info.year},
                                                         {"within", agenda.within}};
  std::map<std::string, const AgendaSection*> lists;
  for (const AgendaSection& info : agenda_sections) lists[info.key] = &info;
  std::vector<std::string> keys;
  for (const auto& [key, value] : scalars) keys.push_back(key);
  for (const auto& [key, info] : lists) keys.push_back(key);
  std::sort(keys.begin(), keys.end());

  std::string out = "{\n";
  for (std::size_t k = 0; k < keys.size(); ++k) {
    out += "  " + json_text(keys[k]) + ": ";
    if (auto it = scalars.find(keys[k]); it != scalars.end()) {
      out += nested(it->second, "  ");
    } else {
      const AgendaSection& info = *lists.at(keys[k]);
      const auto& list = agenda.*info.items;
      out += list.empty() ? "[]" : "[\n";
      for (std::size_t i = 0; i < list.size(); ++i) {
        nlohmann::json a = activity_json(plan, *list[i].activity);
        if (info.part == AgendaPart::overdue) a["months_late"] = list[i].months_late;
        out += "    " + nested(a, "    ") + (i + 1 < list.size() ? ",\n" : "\n");
        if (out.size() >= 64 * 1024) {
          write(out);
          out.clear();
        }
      }
      if (!list.empty()) out += "  ]";
    }
    out += k + 1 < keys.size() ? ",\n" : "\n";
  }
  write(out + "}\n");
}

std::string agenda_csv(const Plan& plan, const Agenda& agenda, char delimiter) {
  std::vector<std::string> header = {"section", "also_in", "months_late"};
  for (std::string& column : activity_csv_header()) header.push_back(std::move(column));
  std::string out = csv_record(header, delimiter);
  // An activity is one row, so that a spreadsheet's sums count it once: the sections by end month
  // exclude each other, so it is in at most two (starting and one of those).
  std::unordered_map<const Activity*, std::vector<const char*>> keys;
  for (const AgendaSection& info : agenda_sections)
    for (const AgendaItem& item : agenda.*info.items) keys[item.activity].push_back(info.key);
  for (const AgendaSection& info : agenda_sections)
    for (const AgendaItem& item : agenda.*info.items) {
      const std::vector<const char*>& in = keys[item.activity];
      if (in.front() != info.key) continue;
      std::string also_in;
      for (std::size_t i = 1; i < in.size(); ++i)
        also_in += (i > 1 ? "; " : "") + std::string(in[i]);
      std::vector<std::string> row = {
          info.key, also_in,
          info.part == AgendaPart::overdue ? std::to_string(item.months_late) : std::string()};
      for (std::string& cell : activity_csv_row(plan, *item.activity))
        row.push_back(std::move(cell));
      out += csv_record(row, delimiter);
    }
  return out;
}

}  // namespace parplan
