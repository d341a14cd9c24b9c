#include "plan_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "cell_rules.hpp"
#include "row_label.hpp"

namespace parplan::import {

namespace {

// Text columns keep their words; line breaks inside a cell become spaces.
std::string one_line(const std::string& text) {
  std::string out = text;
  for (char& c : out)
    if (c == '\n') c = ' ';
  return out;
}

class Builder {
 public:
  Builder(int year, OwnerRegistry& owners) : year_(year), owners_(owners) {}

  void add(const SourceRow& r) {
    const std::string& number = r.text(Role::number);
    const std::string& content = r.text(Role::content);
    RowLabel label;
    std::string title;
    bool number_spans_content =
        r.spans_next(Role::number) && (*r.layout)[Role::content] == (*r.layout)[Role::number] + 1;
    if (number_spans_content || number.empty()) {
      const std::string& text = number.empty() ? content : number;
      label = parse_row_label(text, false);
      title = label.kind == RowLabel::Kind::none ? text : label.rest;
    } else {
      label = parse_row_label(number, true);
      title = content;
      if (label.kind == RowLabel::Kind::none)
        warn(r, Role::number,
             fmt::format("cannot read '{}' as a row label; numbered in order", one_line(number)));
    }
    title = one_line(title);
    bool data = false;
    for (Role role : {Role::result, Role::output, Role::lead, Role::support, Role::start, Role::end,
                      Role::time, Role::note})
      data = data || !r.text(role).empty();
    using Kind = RowLabel::Kind;
    if (label.kind == Kind::field) return add_field(r, label, title);
    if (label.kind == Kind::task || (!data && label.kind == Kind::number))
      return add_task(r, label, title, data);
    if (!data && label.kind == Kind::none) {
      if (fields_.empty()) return add_field(r, label, title);
      warn(r, Role::content, "a row with only a title and no label; read as a task");
      return add_task(r, label, title, false);
    }
    add_activity(r, label, title);
  }

  BuiltPlan finish() { return {std::move(fields_), std::move(warnings_)}; }

 private:
  struct TaskNumbers {
    std::map<int, std::string> activities;  // number -> label as written, for duplicates
  };

  void warn(const SourceRow& r, Role role, std::string message) {
    warnings_.push_back({r.table, r.row->number, r.column(role), std::move(message)});
  }

  static int next_after(const std::set<int>& used) { return used.empty() ? 1 : *used.rbegin() + 1; }

  void add_field(const SourceRow& r, const RowLabel& label, const std::string& title) {
    int n =
        label.kind == RowLabel::Kind::field ? label.numbers.front() : next_after(field_numbers_);
    if (field_numbers_.count(n)) {
      int renumbered = next_after(field_numbers_);
      warn(r, Role::number,
           fmt::format("field {} appears twice; this one is numbered {}", to_roman(n),
                       to_roman(renumbered)));
      n = renumbered;
    }
    field_numbers_.insert(n);
    Field field;
    field.id = to_roman(n);
    field.title = title;
    if (title.empty()) warn(r, Role::content, fmt::format("field {} has no title", field.id));
    fields_.push_back(std::move(field));
    task_numbers_.clear();
    tasks_.clear();
  }

  void ensure_field(const SourceRow& r) {
    if (!fields_.empty()) return;
    warn(r, Role::content,
         "no field row (LĨNH VỰC I, I.) before this row; its field is I, titled 'Lĩnh vực I': "
         "give it its real title");
    RowLabel label;
    label.kind = RowLabel::Kind::field;
    label.numbers = {1};
    add_field(r, label, "Lĩnh vực I");
  }

  void add_task(const SourceRow& r, const RowLabel& label, const std::string& title, bool data) {
    ensure_field(r);
    int n = label.numbers.empty() ? next_after(task_numbers_) : label.numbers.front();
    if (task_numbers_.count(n)) {
      int renumbered = next_after(task_numbers_);
      warn(r, Role::number,
           fmt::format("task {}.{} appears twice; this one is numbered {}.{}", fields_.back().id, n,
                       fields_.back().id, renumbered));
      n = renumbered;
    }
    if (data)
      warn(r, Role::number,
           "a task row (Nhiệm vụ N) with result, owner or time cells; they are not imported, as "
           "the plan keeps them on activities");
    start_task(n, title);
    if (title.empty())
      warn(r, Role::content, fmt::format("task {} has no title", fields_.back().tasks.back().id));
  }

  void start_task(int n, const std::string& title) {
    task_numbers_.insert(n);
    Task task;
    task.id = fmt::format("{}.{}", fields_.back().id, n);
    task.title = title;
    fields_.back().tasks.push_back(std::move(task));
    tasks_.emplace_back(n, TaskNumbers{});
  }

  void add_activity(const SourceRow& r, const RowLabel& label, const std::string& title) {
    if (label.field.empty()) ensure_field(r);
    using Kind = RowLabel::Kind;
    bool dotted = label.kind == Kind::activity && label.numbers.size() >= 2;
    int wanted_task = dotted ? label.numbers[label.numbers.size() - 2] : 0;
    // A full id ("II.1.2", a list export has no field or task rows) opens its field and task.
    if (!label.field.empty()) {
      if (fields_.empty() || fields_.back().id != label.field) {
        RowLabel field_label;
        field_label.kind = Kind::field;
        field_label.numbers = {roman_number(label.field)};
        add_field(r, field_label, "Lĩnh vực " + label.field);
        warn(r, Role::number,
             fmt::format("no field row for {}; titled 'Lĩnh vực {}': give it its real title",
                         label.field, label.field));
      }
      if (tasks_.empty() || tasks_.back().first != wanted_task) {
        warn(r, Role::number,
             fmt::format("no task row for {}.{}; titled 'Nhiệm vụ {}': give it its real title",
                         label.field, wanted_task, wanted_task));
        start_task(wanted_task, fmt::format("Nhiệm vụ {}", wanted_task));
      }
    }
    if (tasks_.empty()) {
      int n = wanted_task > 0 ? wanted_task : next_after(task_numbers_);
      warn(r, Role::number,
           fmt::format("no task row (Nhiệm vụ {}) before this activity; its task is {}.{}, "
                       "titled 'Nhiệm vụ {}': give it its real title",
                       n, fields_.back().id, n, n));
      start_task(n, fmt::format("Nhiệm vụ {}", n));
    } else if (dotted && wanted_task != tasks_.back().first) {
      warn(r, Role::number,
           fmt::format("'{}' names task {} but the row is under task {}; numbered within {}",
                       label.text, wanted_task, fields_.back().tasks.back().id,
                       fields_.back().tasks.back().id));
    }
    Task& task = fields_.back().tasks.back();
    auto& numbers = tasks_.back().second.activities;
    int n = label.numbers.empty() ? 0 : label.numbers.back();
    Activity a;
    if (n <= 0 || numbers.count(n)) {
      int renumbered = numbers.empty() ? 1 : numbers.rbegin()->first + 1;
      if (n > 0) {
        std::string short_id = fmt::format("{}.{}", tasks_.back().first, renumbered);
        warn(r, Role::number,
             fmt::format("'{}' appears twice in task {}; this row is numbered {}.{}", label.text,
                         task.id, task.id, renumbered));
        a.note = fmt::format("Nguồn đánh số trùng {}; dòng sau được đánh số tiếp theo là {}.",
                             label.text, short_id);
      }
      n = renumbered;
    }
    numbers.emplace(n, label.text);
    a.id = fmt::format("{}.{}", task.id, n);
    a.field = fields_.back().id;
    a.task = task.id;
    a.title = title;
    if (title.empty()) warn(r, Role::content, fmt::format("activity {} has no title", a.id));
    a.result = one_line(r.text(Role::result));
    a.output = one_line(r.text(Role::output));
    append_note(a, one_line(r.text(Role::note)));
    a.lead = owner_ids(r.text(Role::lead));
    a.support = owner_ids(r.text(Role::support));
    if (a.lead.empty())
      warn(r, Role::lead,
           fmt::format("activity {} has no lead (Chủ trì); written as lead: []", a.id));
    read_schedule(r, a);
    task.activities.push_back(std::move(a));
  }

  static void append_note(Activity& a, const std::string& text) {
    if (text.empty()) return;
    a.note += (a.note.empty() ? "" : " ") + text;
  }

  std::vector<std::string> owner_ids(const std::string& cell) {
    std::vector<std::string> ids;
    for (const std::string& name : split_owners(cell)) {
      std::string id = owners_.id_for(name);
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return ids;
  }

  void read_schedule(const SourceRow& r, Activity& a) {
    const Layout& layout = *r.layout;
    bool has_pair = layout[Role::start] >= 0 && layout[Role::end] >= 0;
    bool merged_pair =
        has_pair && r.spans_next(Role::start) && layout[Role::end] == layout[Role::start] + 1;
    bool one_cell = !has_pair || merged_pair;
    Role first_role = layout[Role::start] >= 0 && (has_pair || layout[Role::time] < 0) ? Role::start
                      : layout[Role::end] >= 0 && layout[Role::time] < 0               ? Role::end
                                                                                       : Role::time;
    TimeCell first = read_time_cell(r.text(first_role), year_);
    TimeCell second = one_cell ? TimeCell{} : read_time_cell(r.text(Role::end), year_);
    Schedule s = combine_schedule(first, second, one_cell);
    a.start = s.start;
    a.end = s.end;
    if (s.ongoing) a.schedule = ScheduleKind::ongoing;
    a.after = s.after;
    a.per = s.per;
    for (const std::string& note : s.notes) append_note(a, note);
    if (first_role == Role::end && a.start)
      append_note(a, "Nguồn chỉ ghi thời hạn hoàn thành; start lấy bằng tháng đó.");
    for (const ScheduleProblem& p : s.problems)
      warn(r,
           one_cell                        ? first_role
           : p.column == TimeColumn::start ? Role::start
                                           : Role::end,
           p.message);
  }

  int year_;
  OwnerRegistry& owners_;
  std::vector<Field> fields_;
  std::vector<Warning> warnings_;
  std::set<int> field_numbers_;
  std::set<int> task_numbers_;                      // in the current field
  std::vector<std::pair<int, TaskNumbers>> tasks_;  // in the current field
};

}  // namespace

BuiltPlan build_plan(const Appendix& appendix, int year, OwnerRegistry& owners) {
  Builder builder(year, owners);
  for (const SourceRow& row : appendix.rows) builder.add(row);
  return builder.finish();
}

}  // namespace parplan::import
