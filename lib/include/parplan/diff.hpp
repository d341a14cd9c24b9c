#pragma once

// What changed between two versions of a plan, in the plan's own terms: activities matched by id
// across all field files, attribute by attribute. Plans are compared as parsed, so formatting
// (comments, key order, quoting, flow or block style, NFC or NFD, CRLF) never shows up.

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/i18n.hpp"
#include "parplan/model.hpp"
#include "parplan/query.hpp"

namespace parplan {

// An activity attribute that can change. The schedule is reported as `schedule` when its kind
// changes (ongoing -> months 3-9) and as `start`, `end`, `after`, `per` when the kind stays.
enum class Attribute {
  title,
  result,
  output,
  note,
  lead,
  support,
  schedule,
  start,
  end,
  after,
  per,
  status,
  completed,
  progress
};
const char* to_string(Attribute attribute);  // "title", "lead", ...

struct Change {
  Attribute attribute = Attribute::title;
  // lead/support: owner ids only on the old side and only on the new side, in list order.
  std::vector<std::string> removed;
  std::vector<std::string> added;
  // start/end: the shift in months, positive when later. progress: new minus old percent.
  int delta = 0;
};

// One activity that was added, removed, renumbered or changed (ids name their field and task, so
// an activity that moves gets a new id and shows as renumbered; a field file renamed as a whole,
// `git mv`, is one PlanChange of the field's "file"). The pointers refer into the
// plans given to diff_plans, which must outlive the diff.
struct ActivityDiff {
  std::string id;                          // the new id; the old one when removed
  const Activity* old_activity = nullptr;  // null when added
  const Activity* new_activity = nullptr;  // null when removed
  std::vector<Change> changes;             // in Attribute order; empty for added/removed

  [[nodiscard]] bool added() const { return old_activity == nullptr; }
  [[nodiscard]] bool removed() const { return new_activity == nullptr; }
  // The same activity under a new id (old_activity->id is the old one), found by content.
  [[nodiscard]] bool renumbered() const {
    return old_activity && new_activity && old_activity->id != new_activity->id;
  }
  [[nodiscard]] const Change* find(Attribute attribute) const;
};

// A change outside the activities: the plan's own attributes, owners, fields and tasks.
enum class PlanItem { plan, owner, field, task };
const char* to_string(PlanItem item);  // "plan", "owner", "field", "task"

struct PlanChange {
  PlanItem item = PlanItem::plan;
  std::string id;  // owner, field or task id; empty for the plan itself
  // plan: "id", "title", "year", "issued_by", "language"; owner: "name"; field: "title", "file";
  // task: "title".
  std::string attribute;
  std::optional<std::string> old_value;  // nullopt: the item does not exist on the old side
  std::optional<std::string> new_value;  // nullopt: the item does not exist on the new side
};

struct DiffSummary {
  std::size_t changed = 0;  // activities with the same id on both sides and an attribute change
  std::size_t added = 0;
  std::size_t removed = 0;
  std::size_t renumbered = 0;
  std::size_t plan = 0;     // plan-level changes
  std::size_t slipped = 0;  // end months that moved later
  int slipped_months = 0;   // their total shift
};

struct PlanDiff {
  const Plan* old_plan = nullptr;  // labels are old_plan->directory and new_plan->directory
  const Plan* new_plan = nullptr;
  std::vector<PlanChange> plan_changes;  // plan, then owners, then fields and tasks by id
  std::vector<ActivityDiff> activities;  // by id (id_less)
  std::optional<Filter> filter;          // the one it was made with (DiffOptions)

  [[nodiscard]] bool empty() const { return plan_changes.empty() && activities.empty(); }
  [[nodiscard]] DiffSummary summary() const;
};

struct DiffOptions {
  // Only activities that match on either side are reported; owner changes only for the owners
  // the filter names, field and task changes (a title, a renamed file) only for fields and tasks
  // it names or that hold an activity it selects on either side. Plan attributes are always
  // reported.
  std::optional<Filter> filter;
};

// A removed and an added activity that are one activity under a new id.
struct Renumbering {
  const Activity* from;
  const Activity* to;
};

// Pairs activities that left (`removed`) with ones that arrived (`added`) by content: first the
// same title (whitespace runs folded), then a title within 10% edits (in characters) with the same
// lead owners, schedule kind and months, the closest first. Each activity is in at most one pair;
// ties go to the earlier in the order given. Work is bounded for hostile inputs.
std::vector<Renumbering> match_renumbered(const std::vector<const Activity*>& removed,
                                          const std::vector<const Activity*>& added);

// Compares two loaded plans in time linear in their size (activities are matched through a hash
// index, then the unmatched ones by match_renumbered). Both plans should be free of errors: the
// diff trusts ids to be unique.
PlanDiff diff_plans(const Plan& old_plan, const Plan& new_plan, const DiffOptions& options = {});

// Owners and fields of both sides in one plan (new names first, the other side's names as
// aliases), so that --owner and --field can name what exists on either side.
Plan combined_catalog(const Plan& old_plan, const Plan& new_plan);

// Renderings. Text and JSON are English; Markdown speaks the plan's language.

// One block per activity after a summary line; ANSI colour when `color`.
std::string diff_to_text(const PlanDiff& diff, bool color);

// {"old","new","summary","added","removed","renumbered","changed","plan"}; activities
// as in `parplan list`, start/end changes with "months": the signed shift; renumbered as
// {"from": old id, "to": new id, "changes": [...]}.
nlohmann::json diff_to_json(const PlanDiff& diff);

struct DiffMarkdownOptions {
  i18n::Language language = i18n::Language::en;
  int section_level = 3;  // heading level of the sections (1-6)
  // A heading above the summary, one level up; `report --since` leaves it out and gives its own.
  bool title = true;
};

// A summary, then tables of slipped deadlines, added, removed and other activity changes, and of
// plan-level changes; empty sections are left out. Text is escaped with markdown::escape.
std::string diff_to_markdown(const PlanDiff& diff, const DiffMarkdownOptions& options = {});

}  // namespace parplan
