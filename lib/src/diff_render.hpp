#pragma once

// What the three renderings of a PlanDiff share (diff_text.cpp, diff_json.cpp,
// diff_markdown.cpp): the labels of schedules and shifts from the catalog (i18n.cpp), and the
// table that describes each activity attribute once.

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "parplan/diff.hpp"
#include "parplan/i18n.hpp"

namespace parplan::diff_render {

using i18n::Catalog;

std::string month_label(const std::optional<YearMonth>& month, int year, std::string_view none);
std::string schedule_text(const Catalog& tr, const Activity& a, int year);
// "slipped 2 months" for a later end, "1 month earlier", "3 months later".
std::string shift_text(const Catalog& tr, Attribute attribute, int delta);
// [{"id", "name"}] for owner ids.
nlohmann::json owners_json(const Plan& plan, const std::vector<std::string>& ids);
// "2 changed, 1 added, 0 removed; 1 deadline slipped (+2 months)".
std::string summary_text(const Catalog& tr, const PlanDiff& diff);

// One side of a diff as a rendering shows it to people.
struct SideView {
  const Plan& plan;
  const Catalog& tr;
  std::string_view none;  // what an empty owner list or month reads as
  bool plain = false;     // the text rendering: statuses as their YAML words
};

// What a Change's `delta` means to a reader.
enum class Shift {
  none,
  months,   // start/end: "(slipped 2 months)"; JSON "months"
  percent,  // progress: "(+10)" when both sides have one; JSON "delta"
};

// One activity attribute, described once for every rendering.
struct AttributeInfo {
  Attribute attribute;
  std::string_view name;    // in JSON and the text rendering, e.g. "title"
  std::string_view phrase;  // its catalog key in Markdown, e.g. "diff.attribute.title"
  bool block = false;       // free text: the text rendering shows it as "- old" / "+ new" lines
  Shift shift = Shift::none;
  bool owners = false;  // JSON lists the owners removed and added
  // The value for people; empty when there is none.
  std::string (*show)(const SideView& side, const Activity& a);
  // The value in JSON.
  nlohmann::json (*json)(const Plan& plan, const Activity& a);
};

const AttributeInfo& attribute_info(Attribute attribute);

// A change's old and new value for people. Owners whose names read the same on both sides (an id
// renamed, a name shared) are told apart by their ids: "Sở Nội vụ (snv) → Sở Nội vụ (sonv)".
std::pair<std::string, std::string> show_change(const AttributeInfo& info, const SideView& old_side,
                                                const Activity& old_activity,
                                                const SideView& new_side,
                                                const Activity& new_activity);

// One activity change as JSON: {"attribute", "old", "new"}, with "removed"/"added" owners,
// "months" for a start/end shift, "delta" for progress.
nlohmann::json change_json(const Plan& old_plan, const Plan& new_plan, const ActivityDiff& d,
                           const Change& c);

// The status line carries the completion month when it came with the status change:
// "planned → done (completed 5)".
bool completed_folded(const ActivityDiff& d);

}  // namespace parplan::diff_render
