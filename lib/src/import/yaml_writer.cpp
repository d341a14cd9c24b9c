#include "yaml_writer.hpp"

#include <fmt/format.h>

#include "parplan/calendar.hpp"
#include "util/yaml_text.hpp"

namespace parplan::import {

namespace {

// Plain when it reads back as the same text, else double-quoted (import's text may hold line
// breaks and tabs from table cells).
std::string scalar(std::string_view text, bool in_flow) {
  return util::plain_safe(text, in_flow, true) ? std::string(text) : util::double_quoted(text);
}

std::string flow_list(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (const std::string& id : ids) {
    if (out.size() > 1) out += ", ";
    out += scalar(id, true);
  }
  return out + "]";
}

std::string comment(std::string_view header) {
  std::string out;
  std::size_t start = 0;
  while (start <= header.size()) {
    std::size_t end = header.find('\n', start);
    if (end == std::string_view::npos) end = header.size();
    out += fmt::format("# {}\n", header.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void text_key(std::string& out, std::string_view indent, std::string_view key,
              std::string_view value) {
  if (!value.empty()) out += fmt::format("{}{}: {}\n", indent, key, yaml_scalar(value));
}

}  // namespace

std::string yaml_scalar(std::string_view text) { return scalar(text, false); }

std::string plan_yaml(const PlanInfo& info, const std::vector<Owner>& owners,
                      std::string_view header) {
  std::string out = comment(header);
  out += "plan:\n";
  text_key(out, "  ", "id", info.id);
  text_key(out, "  ", "title", info.title);
  out += fmt::format("  year: {}\n", info.year);
  text_key(out, "  ", "language", info.language);
  out += owners.empty() ? "owners: {}\n" : "owners:\n";
  for (const Owner& o : owners) {
    out += fmt::format("  {}:\n", scalar(o.id, true));
    text_key(out, "    ", "name", o.name);
  }
  return out;
}

std::string field_yaml(const Field& field, int year, std::string_view header) {
  std::string out = comment(header);
  out += fmt::format("field: {}\n", yaml_scalar(field.id));
  text_key(out, "", "title", field.title);
  out += field.tasks.empty() ? "tasks: []\n" : "tasks:\n";
  for (const Task& task : field.tasks) {
    out += fmt::format("  - id: {}\n", yaml_scalar(task.id));
    text_key(out, "    ", "title", task.title);
    out += task.activities.empty() ? "    activities: []\n" : "    activities:\n";
    for (const Activity& a : task.activities) {
      const std::string_view indent = "        ";
      out += fmt::format("      - id: {}\n", yaml_scalar(a.id));
      text_key(out, indent, "title", a.title);
      text_key(out, indent, "result", a.result);
      text_key(out, indent, "output", a.output);
      out += fmt::format("{}lead: {}\n", indent, flow_list(a.lead));
      if (!a.support.empty()) out += fmt::format("{}support: {}\n", indent, flow_list(a.support));
      if (a.schedule == ScheduleKind::ongoing) out += fmt::format("{}schedule: ongoing\n", indent);
      text_key(out, indent, "after", a.after);
      text_key(out, indent, "per", a.per);
      if (a.start && a.end) {
        out += fmt::format("{}start: {}\n", indent, plan_month_label(*a.start, year));
        out += fmt::format("{}end: {}\n", indent, plan_month_label(*a.end, year));
      }
      text_key(out, indent, "note", a.note);
    }
  }
  return out;
}

}  // namespace parplan::import
