#include "parplan/list_render.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "parplan/export.hpp"
#include "util/colour.hpp"

namespace parplan {

namespace {

std::string schedule_label(const Plan& plan, const Activity& a, const i18n::Catalog& tr) {
  if (!a.start || !a.end) {
    if (a.schedule == ScheduleKind::after_event || a.schedule == ScheduleKind::external)
      return std::string(tr.text(std::string("schedule.kind.") + to_string(a.schedule)));
    return std::string(tr.text(std::string("schedule.") + to_string(a.schedule)));
  }
  const int year = plan.info.year;
  if (a.start->year == year && a.end->year == year)
    return a.start == a.end ? std::to_string(a.end->month)
                            : fmt::format("{}–{}", a.start->month, a.end->month);
  // Across years both sides are YYYY-MM, spaced so the dash cannot be misread as part of one.
  return a.start == a.end ? to_string(*a.end)
                          : fmt::format("{} – {}", to_string(*a.start), to_string(*a.end));
}

std::string_view status_style(Status s) {
  switch (s) {
    case Status::done:
      return util::sgr::green;
    case Status::cancelled:
      return util::sgr::dim;
    case Status::in_progress:
      return util::sgr::yellow;
    case Status::planned:
      return util::sgr::none;
  }
  return util::sgr::none;
}

// The notes of the fields and tasks the activities belong to (where a title was written by hand,
// for one), in plan order: "  VII.1: Tên nhiệm vụ do người nhập liệu viết ...".
std::string notes(const Plan& plan, const std::vector<const Activity*>& activities,
                  const i18n::Catalog& tr, const text::TableStyle& style) {
  std::set<std::string_view> fields, tasks;
  for (const Activity* a : activities) {
    fields.insert(a->field);
    tasks.insert(a->task);
  }
  const std::string indent(style.indent, ' ');
  std::string lines;
  auto add = [&](const std::string& id, const std::string& note) {
    if (!note.empty()) lines += indent + text::one_line(id + ": " + note) + "\n";
  };
  for (const Field& field : plan.fields) {
    if (!fields.contains(field.id)) continue;
    add(field.id, field.note);
    for (const Task& task : field.tasks)
      if (tasks.contains(task.id)) add(task.id, task.note);
  }
  if (lines.empty()) return lines;
  return "\n" + util::paint(tr.text("list.notes"), util::sgr::bold, style.color) + "\n" + lines;
}

}  // namespace

std::string list_text(const Plan& plan, const std::vector<const Activity*>& activities,
                      std::string_view scope, const i18n::Catalog& tr,
                      const text::TableStyle& style) {
  std::string headline = tr.count(
      "list.headline", static_cast<long>(activities.size()), fmt::arg("plan", plan.info.id),
      fmt::arg("scope", scope.empty() ? std::string() : fmt::format(" ({})", scope)));
  std::string out = util::paint(text::one_line(headline), util::sgr::bold, style.color) + "\n";
  if (activities.empty()) return out;

  auto header = [&](const char* key) { return std::string(tr.text(key)); };
  std::vector<text::Column> columns = {{header("col.id")},
                                       {header("col.status")},
                                       {header("col.schedule")},
                                       {header("col.lead"), false, text::Cut::then},
                                       {header("col.activity"), false, text::Cut::first}};
  const std::string none(tr.text("cell.none"));
  std::vector<std::vector<text::Cell>> rows;
  for (const Activity* a : activities)
    rows.push_back({{a->id},
                    {tr.status(a->status), status_style(a->status)},
                    {schedule_label(plan, *a, tr)},
                    {plan.owner_names(a->lead, "; ", none)},
                    {a->title}});
  return out + "\n" + text::table(columns, rows, style) + notes(plan, activities, tr, style);
}

nlohmann::json list_json(const Plan& plan, const std::vector<const Activity*>& activities) {
  nlohmann::json list = nlohmann::json::array();
  for (const Activity* a : activities) list.push_back(activity_json(plan, *a));
  return list;
}

std::string list_csv(const Plan& plan, const std::vector<const Activity*>& activities,
                     char delimiter) {
  std::string out = csv_record(activity_csv_header(), delimiter);
  for (const Activity* a : activities) out += csv_record(activity_csv_row(plan, *a), delimiter);
  return out;
}

}  // namespace parplan
