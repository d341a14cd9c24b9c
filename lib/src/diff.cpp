#include "parplan/diff.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace parplan {

const char* to_string(PlanItem item) {
  switch (item) {
    case PlanItem::plan:
      return "plan";
    case PlanItem::owner:
      return "owner";
    case PlanItem::field:
      return "field";
    case PlanItem::task:
      return "task";
  }
  return "plan";
}

namespace {

// The file's name inside its plan directory; the directories of the two sides differ
// ("HEAD~1:data/03.yaml" against "data/03.yaml") and field files are never nested.
std::string_view file_name(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Text compares with whitespace runs collapsed: re-wrapping a long title or writing it as a block
// scalar (which adds a final newline) is formatting, not a change anyone needs to review.
bool same_text(std::string_view a, std::string_view b) {
  if (a == b) return true;  // the common case, at memcmp speed (parplan log diffs every commit)
  std::size_t i = 0, j = 0;
  auto skip = [](std::string_view s, std::size_t& k) {
    std::size_t from = k;
    while (k < s.size() && is_space(s[k])) ++k;
    return k > from;
  };
  skip(a, i);
  skip(b, j);
  while (i < a.size() && j < b.size()) {
    bool space_a = skip(a, i), space_b = skip(b, j);
    if (i == a.size() || j == b.size()) break;
    if (space_a != space_b || a[i] != b[j]) return false;
    ++i;
    ++j;
  }
  skip(a, i);
  skip(b, j);
  return i == a.size() && j == b.size();
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Owner lists are sets: their order carries no meaning in the plan.
std::optional<Change> owners_change(Attribute attribute, const std::vector<std::string>& before,
                                    const std::vector<std::string>& after) {
  Change change{attribute, {}, {}, 0};
  for (const std::string& id : before)
    if (!contains(after, id) && !contains(change.removed, id)) change.removed.push_back(id);
  for (const std::string& id : after)
    if (!contains(before, id) && !contains(change.added, id)) change.added.push_back(id);
  if (change.removed.empty() && change.added.empty()) return std::nullopt;
  return change;
}

int shift(YearMonth from, YearMonth to) { return to.serial() - from.serial(); }

std::vector<Change> compare(const Activity& a, const Activity& b) {
  std::vector<Change> changes;
  auto text = [&](Attribute attribute, const std::string& x, const std::string& y) {
    if (!same_text(x, y)) changes.push_back({attribute, {}, {}, 0});
  };
  text(Attribute::title, a.title, b.title);
  text(Attribute::result, a.result, b.result);
  text(Attribute::output, a.output, b.output);
  text(Attribute::note, a.note, b.note);
  if (auto c = owners_change(Attribute::lead, a.lead, b.lead)) changes.push_back(std::move(*c));
  if (auto c = owners_change(Attribute::support, a.support, b.support))
    changes.push_back(std::move(*c));

  if (a.schedule != b.schedule) {
    changes.push_back({Attribute::schedule, {}, {}, 0});
  } else {
    // Same kind: months are set on both sides or on neither.
    if (a.start && b.start && *a.start != *b.start)
      changes.push_back({Attribute::start, {}, {}, shift(*a.start, *b.start)});
    if (a.end && b.end && *a.end != *b.end)
      changes.push_back({Attribute::end, {}, {}, shift(*a.end, *b.end)});
    text(Attribute::after, a.after, b.after);
    text(Attribute::per, a.per, b.per);
  }

  if (a.status != b.status) changes.push_back({Attribute::status, {}, {}, 0});
  if (a.completed != b.completed)
    changes.push_back({Attribute::completed,
                       {},
                       {},
                       a.completed && b.completed ? shift(*a.completed, *b.completed) : 0});
  if (a.progress != b.progress)
    changes.push_back(
        {Attribute::progress, {}, {}, a.progress && b.progress ? *b.progress - *a.progress : 0});
  return changes;
}

template <typename T>
std::unordered_map<std::string_view, const T*> index_by_id(const std::vector<const T*>& items) {
  std::unordered_map<std::string_view, const T*> index;
  index.reserve(items.size());
  for (const T* item : items) index.emplace(item->id, item);
  return index;
}

std::string year_text(int year) { return year == 0 ? std::string() : std::to_string(year); }

void diff_info(const PlanInfo& a, const PlanInfo& b, std::vector<PlanChange>& out) {
  auto add = [&](const char* attribute, const std::string& x, const std::string& y) {
    if (!same_text(x, y)) out.push_back({PlanItem::plan, "", attribute, x, y});
  };
  add("id", a.id, b.id);
  add("title", a.title, b.title);
  add("year", year_text(a.year), year_text(b.year));
  add("issued_by", a.issued_by, b.issued_by);
  add("language", a.language, b.language);
}

void diff_owners(const Plan& a, const Plan& b, const std::optional<Filter>& filter,
                 std::vector<PlanChange>& out) {
  auto wanted = [&](const std::string& id) {
    return !filter || !filter->owners || filter->owners->contains(id);
  };
  for (const Owner& owner : b.owners()) {
    if (!wanted(owner.id)) continue;
    const Owner* old_owner = a.find_owner(owner.id);
    if (!old_owner)
      out.push_back({PlanItem::owner, owner.id, "name", std::nullopt, owner.name});
    else if (!same_text(old_owner->name, owner.name))
      out.push_back({PlanItem::owner, owner.id, "name", old_owner->name, owner.name});
  }
  for (const Owner& owner : a.owners())
    if (wanted(owner.id) && !b.find_owner(owner.id))
      out.push_back({PlanItem::owner, owner.id, "name", owner.name, std::nullopt});
}

struct TaskRef {
  const Task* task;
  const Field* field;
};

std::unordered_map<std::string_view, TaskRef> index_tasks(const Plan& plan) {
  std::unordered_map<std::string_view, TaskRef> index;
  for (const Field& field : plan.fields)
    for (const Task& task : field.tasks) index.emplace(task.id, TaskRef{&task, &field});
  return index;
}

void diff_structure(const Plan& a, const Plan& b, const std::optional<Filter>& filter,
                    std::vector<PlanChange>& out) {
  // A field or task is asked about when the filter names it or it holds, on either side, an
  // activity the filter selects: `--owner snv` hears of the renamed file of a field snv works in,
  // not of every field's.
  const bool restricts = filter && (filter->owners || filter->fields || filter->status);
  std::unordered_set<std::string_view> holding;
  if (restricts)
    for (const Plan* plan : {&a, &b})
      for (const Activity* activity : plan->activities())
        if (filter->matches(*activity)) {
          holding.insert(activity->field);
          holding.insert(activity->task);
        }
  auto named = [&](const std::string& id) {
    return filter->fields && filter->fields->contains(id);
  };
  auto wanted = [&](const std::string& id) {
    return !restricts || holding.contains(id) || named(id);
  };
  auto wanted_task = [&](const std::string& task_id, const std::string& field_id) {
    return wanted(task_id) || (restricts && named(field_id));
  };
  std::vector<PlanChange> found;
  std::unordered_map<std::string_view, const Field*> old_fields, new_fields;
  for (const Field& f : a.fields) old_fields.emplace(f.id, &f);
  for (const Field& f : b.fields) new_fields.emplace(f.id, &f);
  for (const Field& f : b.fields) {
    if (!wanted(f.id)) continue;
    auto it = old_fields.find(f.id);
    if (it == old_fields.end()) {
      found.push_back({PlanItem::field, f.id, "title", std::nullopt, f.title});
      continue;
    }
    const Field& old_field = *it->second;
    if (!same_text(old_field.title, f.title))
      found.push_back({PlanItem::field, f.id, "title", old_field.title, f.title});
    if (!same_text(old_field.note, f.note))
      found.push_back({PlanItem::field, f.id, "note", old_field.note, f.note});
    if (file_name(old_field.file) != file_name(f.file))
      found.push_back({PlanItem::field, f.id, "file", std::string(file_name(old_field.file)),
                       std::string(file_name(f.file))});
  }
  for (const Field& f : a.fields)
    if (wanted(f.id) && !new_fields.contains(f.id))
      found.push_back({PlanItem::field, f.id, "title", f.title, std::nullopt});

  auto old_tasks = index_tasks(a), new_tasks = index_tasks(b);
  for (const Field& f : b.fields)
    for (const Task& t : f.tasks) {
      auto it = old_tasks.find(t.id);
      if (!wanted_task(t.id, f.id) &&
          (it == old_tasks.end() || !wanted_task(t.id, it->second.field->id)))
        continue;
      if (it == old_tasks.end()) {
        found.push_back({PlanItem::task, t.id, "title", std::nullopt, t.title});
        continue;
      }
      const Task& old_task = *it->second.task;
      if (!same_text(old_task.title, t.title))
        found.push_back({PlanItem::task, t.id, "title", old_task.title, t.title});
      if (!same_text(old_task.note, t.note))
        found.push_back({PlanItem::task, t.id, "note", old_task.note, t.note});
    }
  for (const Field& f : a.fields)
    for (const Task& t : f.tasks)
      if (wanted_task(t.id, f.id) && !new_tasks.contains(t.id))
        found.push_back({PlanItem::task, t.id, "title", t.title, std::nullopt});

  std::stable_sort(found.begin(), found.end(),
                   [](const PlanChange& x, const PlanChange& y) { return id_less(x.id, y.id); });
  out.insert(out.end(), found.begin(), found.end());
}

}  // namespace

const Change* ActivityDiff::find(Attribute attribute) const {
  for (const Change& change : changes)
    if (change.attribute == attribute) return &change;
  return nullptr;
}

DiffSummary PlanDiff::summary() const {
  DiffSummary s;
  s.plan = plan_changes.size();
  for (const ActivityDiff& d : activities) {
    if (d.added()) ++s.added;
    if (d.removed()) ++s.removed;
    if (d.renumbered()) ++s.renumbered;
    if (!d.changes.empty() && !d.renumbered()) ++s.changed;
    if (const Change* end = d.find(Attribute::end); end && end->delta > 0) {
      ++s.slipped;
      s.slipped_months += end->delta;
    }
  }
  return s;
}

PlanDiff diff_plans(const Plan& old_plan, const Plan& new_plan, const DiffOptions& options) {
  PlanDiff diff;
  diff.old_plan = &old_plan;
  diff.new_plan = &new_plan;
  diff.filter = options.filter;
  diff_info(old_plan.info, new_plan.info, diff.plan_changes);
  diff_owners(old_plan, new_plan, options.filter, diff.plan_changes);
  diff_structure(old_plan, new_plan, options.filter, diff.plan_changes);

  const auto old_activities = old_plan.activities();
  const auto new_activities = new_plan.activities();
  const auto old_index = index_by_id(old_activities);
  const auto new_index = index_by_id(new_activities);
  auto wanted = [&](const Activity* a, const Activity* b) {
    if (!options.filter) return true;
    return (a && options.filter->matches(*a)) || (b && options.filter->matches(*b));
  };

  // Activities only on one side may be one activity under a new id; the filter applies to pairs.
  std::vector<const Activity*> removed, added;
  for (const Activity* a : old_activities)
    if (!new_index.contains(a->id)) removed.push_back(a);
  for (const Activity* b : new_activities)
    if (!old_index.contains(b->id)) added.push_back(b);
  std::unordered_map<const Activity*, const Activity*> renumbered_to, renumbered_from;
  for (const Renumbering& r : match_renumbered(removed, added)) {
    renumbered_to.emplace(r.from, r.to);
    renumbered_from.emplace(r.to, r.from);
  }

  for (const Activity* b : new_activities) {
    auto it = old_index.find(b->id);
    const Activity* a = it == old_index.end() ? nullptr : it->second;
    if (auto from = renumbered_from.find(b); from != renumbered_from.end()) a = from->second;
    if (!wanted(a, b)) continue;
    ActivityDiff d{b->id, a, b, a ? compare(*a, *b) : std::vector<Change>{}};
    if (d.added() || d.renumbered() || !d.changes.empty()) diff.activities.push_back(std::move(d));
  }
  for (const Activity* a : removed)
    if (!renumbered_to.contains(a) && wanted(a, nullptr))
      diff.activities.push_back({a->id, a, nullptr, {}});

  std::sort(diff.activities.begin(), diff.activities.end(),
            [](const ActivityDiff& x, const ActivityDiff& y) { return id_less(x.id, y.id); });
  return diff;
}

Plan combined_catalog(const Plan& old_plan, const Plan& new_plan) {
  Plan catalog;
  catalog.info = new_plan.info;
  catalog.directory = new_plan.directory;
  for (const Owner& owner : new_plan.owners()) {
    Owner entry = owner;
    if (const Owner* old_owner = old_plan.find_owner(owner.id)) {
      if (old_owner->name != owner.name) entry.aliases.push_back(old_owner->name);
      for (const std::string& alias : old_owner->aliases)
        if (!contains(entry.aliases, alias)) entry.aliases.push_back(alias);
    }
    catalog.add_owner(std::move(entry));
  }
  for (const Owner& owner : old_plan.owners())
    if (!new_plan.find_owner(owner.id)) catalog.add_owner(owner);

  // Fields and their tasks, without activities: --field also names a task.
  auto add_fields = [&](const Plan& plan) {
    for (const Field& field : plan.fields) {
      auto it = std::find_if(catalog.fields.begin(), catalog.fields.end(),
                             [&](const Field& f) { return f.id == field.id; });
      if (it == catalog.fields.end())
        it = catalog.fields.insert(
            it, {field.id, field.title, field.note, field.file, field.location, {}});
      for (const Task& task : field.tasks)
        if (std::none_of(it->tasks.begin(), it->tasks.end(),
                         [&](const Task& t) { return t.id == task.id; }))
          it->tasks.push_back({task.id, task.title, task.note, task.location, {}});
    }
  };
  add_fields(new_plan);
  add_fields(old_plan);
  return catalog;
}

}  // namespace parplan
