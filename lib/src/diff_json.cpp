// The JSON rendering of a PlanDiff, for scripts: activities as in `parplan list`, each change
// with its old and new values.

#include "diff_render.hpp"
#include "parplan/export.hpp"

namespace parplan {

nlohmann::json diff_render::change_json(const Plan& old_plan, const Plan& new_plan,
                                        const ActivityDiff& d, const Change& c) {
  const diff_render::AttributeInfo& info = diff_render::attribute_info(c.attribute);
  nlohmann::json j = {{"attribute", info.name},
                      {"old", info.json(old_plan, *d.old_activity)},
                      {"new", info.json(new_plan, *d.new_activity)}};
  if (info.owners) {
    j["removed"] = diff_render::owners_json(old_plan, c.removed);
    j["added"] = diff_render::owners_json(new_plan, c.added);
  }
  if (info.shift == diff_render::Shift::months) j["months"] = c.delta;
  if (info.shift == diff_render::Shift::percent && !j["old"].is_null() && !j["new"].is_null())
    j["delta"] = c.delta;
  return j;
}

namespace {

using namespace diff_render;

nlohmann::json plan_value_json(const PlanChange& c, const std::optional<std::string>& value) {
  if (!value) return nullptr;
  if (c.item == PlanItem::plan && c.attribute == "year")
    return value->empty() ? nlohmann::json(nullptr) : nlohmann::json(std::stoi(*value));
  return *value;
}

}  // namespace

nlohmann::json diff_to_json(const PlanDiff& diff) {
  const Plan& old_plan = *diff.old_plan;
  const Plan& new_plan = *diff.new_plan;
  DiffSummary s = diff.summary();
  nlohmann::json j;
  j["old"] = old_plan.directory;
  j["new"] = new_plan.directory;
  // What was asked about, named in the new side's catalog (the CLI resolved it in both sides').
  j["filter"] = diff.filter ? filter_json(combined_catalog(old_plan, new_plan), *diff.filter)
                            : nlohmann::json(nullptr);
  j["summary"] = {{"changed", s.changed},
                  {"added", s.added},
                  {"removed", s.removed},
                  {"renumbered", s.renumbered},
                  {"plan", s.plan},
                  {"slipped", s.slipped},
                  {"slipped_months", s.slipped_months}};
  j["added"] = nlohmann::json::array();
  j["removed"] = nlohmann::json::array();
  j["renumbered"] = nlohmann::json::array();
  j["changed"] = nlohmann::json::array();
  j["plan"] = nlohmann::json::array();
  for (const ActivityDiff& d : diff.activities) {
    if (d.added()) j["added"].push_back(activity_json(new_plan, *d.new_activity));
    if (d.removed()) j["removed"].push_back(activity_json(old_plan, *d.old_activity));
    if (d.added() || d.removed()) continue;
    nlohmann::json changes = nlohmann::json::array();
    for (const Change& c : d.changes) changes.push_back(change_json(old_plan, new_plan, d, c));
    if (d.renumbered())
      j["renumbered"].push_back(
          {{"from", d.old_activity->id}, {"to", d.new_activity->id}, {"changes", changes}});
    else
      j["changed"].push_back({{"id", d.id}, {"changes", changes}});
  }
  for (const PlanChange& c : diff.plan_changes) {
    nlohmann::json entry = {{"item", to_string(c.item)}};
    if (!c.id.empty()) entry["id"] = c.id;
    entry["attribute"] = c.attribute;
    entry["old"] = plan_value_json(c, c.old_value);
    entry["new"] = plan_value_json(c, c.new_value);
    j["plan"].push_back(entry);
  }
  return j;
}

}  // namespace parplan
