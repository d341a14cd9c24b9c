#include "parplan/export.hpp"

#include <nlohmann/json.hpp>

namespace parplan {

namespace {

nlohmann::json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json owners_json(const Plan& plan, const std::vector<std::string>& ids) {
  nlohmann::json list = nlohmann::json::array();
  for (const std::string& id : ids) list.push_back({{"id", id}, {"name", plan.owner_name(id)}});
  return list;
}

std::string month_text(const std::optional<YearMonth>& month, int plan_year) {
  return month ? plan_month_label(*month, plan_year) : std::string();
}

}  // namespace

nlohmann::json month_json(const std::optional<YearMonth>& month, int plan_year) {
  if (!month) return nullptr;
  if (month->year == plan_year) return month->month;
  return to_string(*month);
}

nlohmann::json activity_json(const Plan& plan, const Activity& a) {
  const int year = plan.info.year;
  nlohmann::json j;
  j["id"] = a.id;
  j["field"] = a.field;
  j["task"] = a.task;
  j["title"] = a.title;
  j["result"] = text_or_null(a.result);
  j["output"] = text_or_null(a.output);
  j["lead"] = owners_json(plan, a.lead);
  j["support"] = owners_json(plan, a.support);
  j["schedule"] = to_string(a.schedule);
  j["start"] = month_json(a.start, year);
  j["end"] = month_json(a.end, year);
  j["after"] = text_or_null(a.after);
  j["per"] = text_or_null(a.per);
  j["status"] = to_string(a.status);
  j["completed"] = month_json(a.completed, year);
  j["progress"] = a.progress ? nlohmann::json(*a.progress) : nlohmann::json(nullptr);
  j["note"] = text_or_null(a.note);
  j["file"] = a.location.file;
  j["line"] = a.location.line;
  return j;
}

nlohmann::json filter_json(const Plan& plan, const Filter& filter) {
  if (!filter.owners && !filter.fields && !filter.status) return nullptr;
  nlohmann::json j = nlohmann::json::object();
  if (filter.owners) {
    j["owner"] = nlohmann::json::array();
    for (const Owner& owner : plan.owners())
      if (filter.owners->contains(owner.id)) j["owner"].push_back(owner.id);
    j["role"] = filter.role == Role::lead      ? "lead"
                : filter.role == Role::support ? "support"
                                               : "any";
  }
  if (filter.fields) {
    j["field"] = nlohmann::json::array();
    for (const Field& field : plan.fields) {
      if (filter.fields->contains(field.id)) j["field"].push_back(field.id);
      for (const Task& task : field.tasks)
        if (filter.fields->contains(task.id)) j["field"].push_back(task.id);
    }
  }
  if (filter.status) j["status"] = to_string(*filter.status);
  return j;
}

std::vector<std::string> activity_csv_header() {
  return {"id",        "field",    "task",  "title", "result", "output", "lead",
          "support",   "schedule", "start", "end",   "after",  "per",    "status",
          "completed", "progress", "note",  "file",  "line"};
}

std::vector<std::string> activity_csv_row(const Plan& plan, const Activity& a) {
  const int year = plan.info.year;
  return {a.id,
          a.field,
          a.task,
          a.title,
          a.result,
          a.output,
          plan.owner_names(a.lead, "; "),
          plan.owner_names(a.support, "; "),
          to_string(a.schedule),
          month_text(a.start, year),
          month_text(a.end, year),
          a.after,
          a.per,
          to_string(a.status),
          month_text(a.completed, year),
          a.progress ? std::to_string(*a.progress) : std::string(),
          a.note,
          a.location.file,
          std::to_string(a.location.line)};
}

std::string csv_record(const std::vector<std::string>& fields, char delimiter) {
  const std::string special = {delimiter, '"', '\r', '\n'};
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += delimiter;
    std::string f = fields[i];
    if (!f.empty() && std::string_view("=+-@\t\r").find(f.front()) != std::string_view::npos)
      f.insert(0, 1, '\'');
    bool quote = f.find_first_of(special) != std::string::npos ||
                 (!f.empty() && (f.front() == ' ' || f.back() == ' '));
    if (!quote) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

}  // namespace parplan
