// The three renderings of a PlanDiff: text for people at a terminal, JSON for scripts, Markdown for
// pull-request comments and `report --since`.

#include <fmt/format.h>

#include <algorithm>

#include "parplan/diff.hpp"
#include "parplan/export.hpp"
#include "parplan/markdown.hpp"

namespace parplan {

namespace {

using Phrases = std::map<std::string_view, std::string_view>;

// Both tables have the same keys (a unit test checks); values are fmt patterns. Plurals come as
// _one/_other pairs even where Vietnamese does not need them, so the keys stay the same.
const Phrases english = {
    {"title", "Plan changes: {old} → {new}"},
    {"no_changes", "No changes"},
    {"summary_changed", "{n} changed"},
    {"summary_added", "{n} added"},
    {"summary_removed", "{n} removed"},
    {"summary_moved", "{n} moved"},
    {"summary_plan_one", "{n} plan-level change"},
    {"summary_plan_other", "{n} plan-level changes"},
    {"summary_slipped_one", "{n} deadline slipped ({months})"},
    {"summary_slipped_other", "{n} deadlines slipped ({months} in total)"},
    {"months_signed_one", "+{n} month"},
    {"months_signed_other", "+{n} months"},
    {"slipped_one", "slipped {n} month"},
    {"slipped_other", "slipped {n} months"},
    {"later_one", "{n} month later"},
    {"later_other", "{n} months later"},
    {"earlier_one", "{n} month earlier"},
    {"earlier_other", "{n} months earlier"},
    {"section_slipped", "Slipped deadlines"},
    {"section_added", "Added activities"},
    {"section_removed", "Removed activities"},
    {"section_other", "Other changes"},
    {"section_plan", "Plan-level changes"},
    {"column_id", "ID"},
    {"column_activity", "Activity"},
    {"column_lead", "Lead"},
    {"column_schedule", "Schedule"},
    {"column_end", "End"},
    {"column_slip", "Slip (months)"},
    {"column_item", "Item"},
    {"column_change", "Change"},
    {"column_before", "Before"},
    {"column_after", "After"},
    {"change_with_shift", "{change} ({shift})"},
    {"none", "—"},
    {"attribute_title", "Title"},
    {"attribute_result", "Expected result"},
    {"attribute_output", "Output"},
    {"attribute_note", "Note"},
    {"attribute_lead", "Lead"},
    {"attribute_support", "Support"},
    {"attribute_schedule", "Schedule"},
    {"attribute_start", "Start"},
    {"attribute_end", "End"},
    {"attribute_after", "After event"},
    {"attribute_per", "Per timetable"},
    {"attribute_status", "Status"},
    {"attribute_completed", "Completed"},
    {"attribute_progress", "Progress"},
    {"attribute_moved", "Moved"},
    {"status_planned", "planned"},
    {"status_in-progress", "in progress"},
    {"status_done", "done"},
    {"status_cancelled", "cancelled"},
    {"schedule_month", "month {start}"},
    {"schedule_months", "months {start}–{end}"},
    {"schedule_ongoing", "ongoing"},
    {"schedule_after-event", "after: {after}"},
    {"schedule_external", "per: {per}"},
    {"schedule_unknown", "no schedule"},
    {"progress", "{n}%"},
    {"place", "{file}"},
    {"place_task", "task {task} in {file}"},
    {"item_plan", "Plan"},
    {"item_owner", "Owner {id}"},
    {"item_field", "Field {id}"},
    {"item_task", "Task {id}"},
    {"plan_id", "Id"},
    {"plan_title", "Title"},
    {"plan_year", "Year"},
    {"plan_issued_by", "Issued by"},
    {"plan_language", "Language"},
    {"owner_name", "Name"},
    {"field_title", "Title"},
    {"field_file", "File"},
    {"task_title", "Title"},
    {"item_added", "Added"},
    {"item_removed", "Removed"},
};

const Phrases vietnamese = {
    {"title", "Thay đổi kế hoạch: {old} → {new}"},
    {"no_changes", "Không có thay đổi"},
    {"summary_changed", "{n} hoạt động thay đổi"},
    {"summary_added", "{n} thêm mới"},
    {"summary_removed", "{n} bị bỏ"},
    {"summary_moved", "{n} chuyển tệp"},
    {"summary_plan_one", "{n} thay đổi chung của kế hoạch"},
    {"summary_plan_other", "{n} thay đổi chung của kế hoạch"},
    {"summary_slipped_one", "{n} thời hạn bị lùi ({months})"},
    {"summary_slipped_other", "{n} thời hạn bị lùi (tổng cộng {months})"},
    {"months_signed_one", "+{n} tháng"},
    {"months_signed_other", "+{n} tháng"},
    {"slipped_one", "lùi {n} tháng"},
    {"slipped_other", "lùi {n} tháng"},
    {"later_one", "muộn hơn {n} tháng"},
    {"later_other", "muộn hơn {n} tháng"},
    {"earlier_one", "sớm hơn {n} tháng"},
    {"earlier_other", "sớm hơn {n} tháng"},
    {"section_slipped", "Thời hạn bị lùi"},
    {"section_added", "Hoạt động thêm mới"},
    {"section_removed", "Hoạt động bị bỏ"},
    {"section_other", "Thay đổi khác"},
    {"section_plan", "Thay đổi chung của kế hoạch"},
    {"column_id", "Mã"},
    {"column_activity", "Hoạt động"},
    {"column_lead", "Cơ quan chủ trì"},
    {"column_schedule", "Thời gian thực hiện"},
    {"column_end", "Thời hạn"},
    {"column_slip", "Số tháng lùi"},
    {"column_item", "Mục"},
    {"column_change", "Nội dung thay đổi"},
    {"column_before", "Trước"},
    {"column_after", "Sau"},
    {"change_with_shift", "{change} ({shift})"},
    {"none", "—"},
    {"attribute_title", "Tên hoạt động"},
    {"attribute_result", "Kết quả dự kiến"},
    {"attribute_output", "Hình thức đầu ra"},
    {"attribute_note", "Ghi chú"},
    {"attribute_lead", "Cơ quan chủ trì"},
    {"attribute_support", "Cơ quan phối hợp"},
    {"attribute_schedule", "Thời gian thực hiện"},
    {"attribute_start", "Tháng bắt đầu"},
    {"attribute_end", "Tháng kết thúc"},
    {"attribute_after", "Sau sự kiện"},
    {"attribute_per", "Theo quy định"},
    {"attribute_status", "Trạng thái"},
    {"attribute_completed", "Tháng hoàn thành"},
    {"attribute_progress", "Tiến độ"},
    {"attribute_moved", "Chuyển vị trí"},
    {"status_planned", "chưa thực hiện"},
    {"status_in-progress", "đang thực hiện"},
    {"status_done", "hoàn thành"},
    {"status_cancelled", "đã hủy"},
    {"schedule_month", "tháng {start}"},
    {"schedule_months", "tháng {start}–{end}"},
    {"schedule_ongoing", "thường xuyên"},
    {"schedule_after-event", "sau khi: {after}"},
    {"schedule_external", "theo: {per}"},
    {"schedule_unknown", "chưa xác định"},
    {"progress", "{n}%"},
    {"place", "{file}"},
    {"place_task", "nhiệm vụ {task} trong {file}"},
    {"item_plan", "Kế hoạch"},
    {"item_owner", "Cơ quan {id}"},
    {"item_field", "Lĩnh vực {id}"},
    {"item_task", "Nhiệm vụ {id}"},
    {"plan_id", "Mã"},
    {"plan_title", "Tên"},
    {"plan_year", "Năm"},
    {"plan_issued_by", "Ban hành theo"},
    {"plan_language", "Ngôn ngữ"},
    {"owner_name", "Tên"},
    {"field_title", "Tên"},
    {"field_file", "Tệp"},
    {"task_title", "Tên"},
    {"item_added", "Thêm mới"},
    {"item_removed", "Bị bỏ"},
};

// Looks up and formats one phrase; `args` are fmt::arg(name, value) pairs.
template <typename... Args>
std::string say(const Phrases& phrases, std::string_view key, const Args&... args) {
  return fmt::format(fmt::runtime(phrases.at(key)), args...);
}

template <typename... Args>
std::string say_count(const Phrases& phrases, std::string_view key, long n, const Args&... args) {
  std::string plural = fmt::format("{}_{}", key, n == 1 ? "one" : "other");
  return say(phrases, plural, fmt::arg("n", n), args...);
}

std::string_view file_name(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string month_label(const std::optional<YearMonth>& month, int year, std::string_view none) {
  return month ? plan_month_label(*month, year) : std::string(none);
}

std::string schedule_text(const Phrases& p, const Activity& a, int year) {
  switch (a.schedule) {
    case ScheduleKind::months: {
      std::string start = plan_month_label(*a.start, year), end = plan_month_label(*a.end, year);
      if (start == end) return say(p, "schedule_month", fmt::arg("start", start));
      return say(p, "schedule_months", fmt::arg("start", start), fmt::arg("end", end));
    }
    case ScheduleKind::after_event:
      return say(p, "schedule_after-event", fmt::arg("after", a.after));
    case ScheduleKind::external:
      return say(p, "schedule_external", fmt::arg("per", a.per));
    case ScheduleKind::ongoing:
    case ScheduleKind::unknown:
      break;
  }
  return say(p, std::string("schedule_") + to_string(a.schedule));
}

// "slipped 2 months" for a later end, "1 month earlier", "3 months later".
std::string shift_text(const Phrases& p, Attribute attribute, int delta) {
  if (delta > 0) return say_count(p, attribute == Attribute::end ? "slipped" : "later", delta);
  return say_count(p, "earlier", -delta);
}

std::string place_text(const Phrases& p, const Activity& a, bool with_task) {
  std::string file(file_name(a.location.file));
  if (with_task) return say(p, "place_task", fmt::arg("task", a.task), fmt::arg("file", file));
  return say(p, "place", fmt::arg("file", file));
}

std::string summary_text(const Phrases& p, const PlanDiff& diff) {
  if (diff.empty()) return say(p, "no_changes");
  DiffSummary s = diff.summary();
  auto n = [](std::size_t v) { return static_cast<long>(v); };
  std::string out = say(p, "summary_changed", fmt::arg("n", n(s.changed))) + ", " +
                    say(p, "summary_added", fmt::arg("n", n(s.added))) + ", " +
                    say(p, "summary_removed", fmt::arg("n", n(s.removed)));
  if (s.moved) out += ", " + say(p, "summary_moved", fmt::arg("n", n(s.moved)));
  if (s.plan) out += ", " + say_count(p, "summary_plan", n(s.plan));
  if (s.slipped)
    out += "; " + say_count(p, "summary_slipped", n(s.slipped),
                            fmt::arg("months", say_count(p, "months_signed", s.slipped_months)));
  return out;
}

// The text attributes (title, result, output, note, after, per).
const std::string& text_of(const Activity& a, Attribute attribute) {
  switch (attribute) {
    case Attribute::result:
      return a.result;
    case Attribute::output:
      return a.output;
    case Attribute::note:
      return a.note;
    case Attribute::after:
      return a.after;
    case Attribute::per:
      return a.per;
    default:
      return a.title;
  }
}

bool is_text(Attribute attribute) {
  return attribute == Attribute::title || attribute == Attribute::result ||
         attribute == Attribute::output || attribute == Attribute::note ||
         attribute == Attribute::after || attribute == Attribute::per;
}

// The status line carries the completion month when it came with the status change:
// "planned → done (completed 5)".
bool completed_folded(const ActivityDiff& d) {
  return d.find(Attribute::status) && d.find(Attribute::completed) && d.new_activity->completed;
}

// ---------------------------------------------------------------------------------------------
// Text

class TextWriter {
 public:
  TextWriter(const PlanDiff& diff, bool color)
      : diff_(diff), color_(color), old_(*diff.old_plan), new_(*diff.new_plan) {}

  std::string render() {
    out_ = summary_text(english, diff_) + "\n";
    if (!diff_.plan_changes.empty()) plan_block();
    for (const ActivityDiff& d : diff_.activities) activity_block(d);
    return out_;
  }

 private:
  std::string paint(std::string_view code, std::string_view text) const {
    if (!color_) return std::string(text);
    return fmt::format("\033[{}m{}\033[0m", code, text);
  }
  std::string bold(std::string_view t) const { return paint("1", t); }
  std::string red(std::string_view t) const { return paint("31", t); }
  std::string green(std::string_view t) const { return paint("32", t); }
  std::string yellow(std::string_view t) const { return paint("33", t); }

  static std::string or_none(const std::optional<std::string>& v) {
    return v && !v->empty() ? *v : "(none)";
  }

  void plan_block() {
    out_ += "\n" + bold("plan") + "\n";
    for (const PlanChange& c : diff_.plan_changes) {
      std::string what = c.item == PlanItem::plan
                             ? c.attribute
                             : fmt::format("{} {} {}", to_string(c.item), c.id, c.attribute);
      if (!c.old_value) {
        out_ +=
            fmt::format("  {} {} {}: {}\n", to_string(c.item), c.id, green("added"), *c.new_value);
      } else if (!c.new_value) {
        out_ +=
            fmt::format("  {} {} {}: {}\n", to_string(c.item), c.id, red("removed"), *c.old_value);
      } else {
        out_ += fmt::format("  {}: {} → {}\n", what, or_none(c.old_value), or_none(c.new_value));
      }
    }
  }

  void activity_block(const ActivityDiff& d) {
    out_ += "\n";
    if (d.added() || d.removed()) {
      const Plan& plan = d.added() ? new_ : old_;
      const Activity& a = d.added() ? *d.new_activity : *d.old_activity;
      std::string word = d.added() ? green("added") : red("removed");
      out_ += fmt::format("{} {}: {}\n", bold(a.id), word, a.title);
      out_ += fmt::format("  lead: {}\n", plan.owner_names(a.lead, "; ", "(none)"));
      out_ += fmt::format("  schedule: {}\n", schedule_text(english, a, plan.info.year));
      return;
    }
    const Activity& a = *d.old_activity;
    const Activity& b = *d.new_activity;
    out_ += fmt::format("{} {}\n", bold(b.id), b.title);
    if (d.moved()) {
      bool tasks = a.task != b.task;
      out_ += fmt::format("  moved: {} → {}\n", place_text(english, a, tasks),
                          place_text(english, b, tasks));
    }
    for (const Change& c : d.changes) change_line(d, c);
  }

  void change_line(const ActivityDiff& d, const Change& c) {
    const Activity& a = *d.old_activity;
    const Activity& b = *d.new_activity;
    const int old_year = old_.info.year, new_year = new_.info.year;
    const char* name = to_string(c.attribute);
    if (is_text(c.attribute)) {
      out_ += fmt::format("  {}:\n", name);
      if (!text_of(a, c.attribute).empty())
        out_ += "    " + red("- " + text_of(a, c.attribute)) + "\n";
      if (!text_of(b, c.attribute).empty())
        out_ += "    " + green("+ " + text_of(b, c.attribute)) + "\n";
      return;
    }
    switch (c.attribute) {
      case Attribute::lead:
      case Attribute::support: {
        const auto& before = c.attribute == Attribute::lead ? a.lead : a.support;
        const auto& after = c.attribute == Attribute::lead ? b.lead : b.support;
        out_ += fmt::format("  {}: {} → {}\n", name, old_.owner_names(before, "; ", "(none)"),
                            new_.owner_names(after, "; ", "(none)"));
        return;
      }
      case Attribute::schedule:
        out_ += fmt::format("  schedule: {} → {}\n", schedule_text(english, a, old_year),
                            schedule_text(english, b, new_year));
        return;
      case Attribute::start:
      case Attribute::end: {
        const auto& before = c.attribute == Attribute::start ? a.start : a.end;
        const auto& after = c.attribute == Attribute::start ? b.start : b.end;
        std::string shift = fmt::format("({})", shift_text(english, c.attribute, c.delta));
        if (c.attribute == Attribute::end && c.delta > 0) shift = yellow(shift);
        out_ += fmt::format("  {}: {} → {} {}\n", name, month_label(before, old_year, "(none)"),
                            month_label(after, new_year, "(none)"), shift);
        return;
      }
      case Attribute::status: {
        std::string completed;
        if (completed_folded(d))
          completed = " (completed " + plan_month_label(*b.completed, new_year) + ")";
        out_ += fmt::format("  status: {} → {}{}\n", to_string(a.status), to_string(b.status),
                            completed);
        return;
      }
      case Attribute::completed:
        if (completed_folded(d)) return;
        out_ += fmt::format("  completed: {} → {}\n", month_label(a.completed, old_year, "(none)"),
                            month_label(b.completed, new_year, "(none)"));
        return;
      case Attribute::progress: {
        auto pct = [](const std::optional<int>& v) {
          return v ? fmt::format("{}%", *v) : std::string("(none)");
        };
        std::string delta =
            a.progress && b.progress ? fmt::format(" ({:+})", c.delta) : std::string();
        out_ += fmt::format("  progress: {} → {}{}\n", pct(a.progress), pct(b.progress), delta);
        return;
      }
      default:
        return;
    }
  }

  const PlanDiff& diff_;
  bool color_;
  const Plan& old_;
  const Plan& new_;
  std::string out_;
};

// ---------------------------------------------------------------------------------------------
// JSON

nlohmann::json text_json(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json owners_json(const Plan& plan, const std::vector<std::string>& ids) {
  nlohmann::json list = nlohmann::json::array();
  for (const std::string& id : ids) list.push_back({{"id", id}, {"name", plan.owner_name(id)}});
  return list;
}

nlohmann::json schedule_json(const Activity& a, int year) {
  return {{"schedule", to_string(a.schedule)},
          {"start", month_json(a.start, year)},
          {"end", month_json(a.end, year)},
          {"after", text_json(a.after)},
          {"per", text_json(a.per)}};
}

nlohmann::json place_json(const Activity& a) {
  return {{"field", a.field}, {"task", a.task}, {"file", file_name(a.location.file)}};
}

nlohmann::json change_json(const PlanDiff& diff, const ActivityDiff& d, const Change& c) {
  const Plan& old_plan = *diff.old_plan;
  const Plan& new_plan = *diff.new_plan;
  const Activity& a = *d.old_activity;
  const Activity& b = *d.new_activity;
  const int old_year = old_plan.info.year, new_year = new_plan.info.year;
  nlohmann::json j = {{"attribute", to_string(c.attribute)}};
  if (is_text(c.attribute)) {
    j["old"] = text_json(text_of(a, c.attribute));
    j["new"] = text_json(text_of(b, c.attribute));
    return j;
  }
  switch (c.attribute) {
    case Attribute::lead:
    case Attribute::support: {
      bool lead = c.attribute == Attribute::lead;
      j["old"] = owners_json(old_plan, lead ? a.lead : a.support);
      j["new"] = owners_json(new_plan, lead ? b.lead : b.support);
      j["removed"] = owners_json(old_plan, c.removed);
      j["added"] = owners_json(new_plan, c.added);
      break;
    }
    case Attribute::schedule:
      j["old"] = schedule_json(a, old_year);
      j["new"] = schedule_json(b, new_year);
      break;
    case Attribute::start:
    case Attribute::end: {
      bool start = c.attribute == Attribute::start;
      j["old"] = month_json(start ? a.start : a.end, old_year);
      j["new"] = month_json(start ? b.start : b.end, new_year);
      j["months"] = c.delta;
      break;
    }
    case Attribute::status:
      j["old"] = to_string(a.status);
      j["new"] = to_string(b.status);
      break;
    case Attribute::completed:
      j["old"] = month_json(a.completed, old_year);
      j["new"] = month_json(b.completed, new_year);
      break;
    case Attribute::progress:
      j["old"] = a.progress ? nlohmann::json(*a.progress) : nlohmann::json(nullptr);
      j["new"] = b.progress ? nlohmann::json(*b.progress) : nlohmann::json(nullptr);
      if (a.progress && b.progress) j["delta"] = c.delta;
      break;
    default:
      break;
  }
  return j;
}

nlohmann::json plan_value_json(const PlanChange& c, const std::optional<std::string>& value) {
  if (!value) return nullptr;
  if (c.item == PlanItem::plan && c.attribute == "year")
    return value->empty() ? nlohmann::json(nullptr) : nlohmann::json(std::stoi(*value));
  return *value;
}

// ---------------------------------------------------------------------------------------------
// Markdown

class MarkdownWriter {
 public:
  MarkdownWriter(const PlanDiff& diff, const DiffMarkdownOptions& options)
      : diff_(diff),
        options_(options),
        p_(diff_phrases(options.language)),
        old_(*diff.old_plan),
        new_(*diff.new_plan) {}

  std::string render() {
    int level = std::clamp(options_.section_level, 1, 6);
    if (options_.title)
      out_ += heading(std::max(level - 1, 1), say(p_, "title", fmt::arg("old", old_.directory),
                                                  fmt::arg("new", new_.directory)));
    out_ += markdown::escape(summary_text(p_, diff_)) + ".\n";

    std::vector<std::vector<std::string>> slipped, added, removed, other;
    for (const ActivityDiff& d : diff_.activities) {
      if (d.added()) {
        added.push_back(listing_row(new_, *d.new_activity));
      } else if (d.removed()) {
        removed.push_back(listing_row(old_, *d.old_activity));
      } else {
        if (d.moved()) {
          bool tasks = d.old_activity->task != d.new_activity->task;
          other.push_back({d.id, d.new_activity->title, say(p_, "attribute_moved"),
                           place_text(p_, *d.old_activity, tasks),
                           place_text(p_, *d.new_activity, tasks)});
        }
        for (const Change& c : d.changes) {
          if (c.attribute == Attribute::end && c.delta > 0)
            slipped.push_back(slipped_row(d, c));
          else
            other.push_back(change_row(d, c));
        }
      }
    }
    // One activity's rows read as a group: its title only on the first.
    for (std::size_t i = 1; i < other.size(); ++i)
      if (other[i][0] == other[i - 1][0]) other[i][1].clear();
    section(level, "section_slipped",
            {"column_id", "column_activity", "column_lead", "column_end", "column_slip"}, slipped,
            {false, false, false, false, true});
    section(level, "section_added",
            {"column_id", "column_activity", "column_lead", "column_schedule"}, added);
    section(level, "section_removed",
            {"column_id", "column_activity", "column_lead", "column_schedule"}, removed);
    section(level, "section_other",
            {"column_id", "column_activity", "column_change", "column_before", "column_after"},
            other);
    std::vector<std::vector<std::string>> plan;
    for (const PlanChange& c : diff_.plan_changes) plan.push_back(plan_row(c));
    section(level, "section_plan",
            {"column_item", "column_change", "column_before", "column_after"}, plan);
    return out_;
  }

 private:
  static std::string heading(int level, const std::string& text) {
    return std::string(static_cast<std::size_t>(level), '#') + " " + markdown::escape(text) +
           "\n\n";
  }

  void section(int level, std::string_view title, const std::vector<std::string_view>& columns,
               const std::vector<std::vector<std::string>>& rows,
               const std::vector<bool>& right = {}) {
    if (rows.empty()) return;
    std::vector<std::string> header;
    for (std::string_view key : columns) header.push_back(say(p_, key));
    out_ += "\n" + heading(level, say(p_, title)) + markdown::table(header, rows, right);
  }

  std::string none() const { return say(p_, "none"); }

  std::vector<std::string> listing_row(const Plan& plan, const Activity& a) const {
    return {a.id, a.title, plan.owner_names(a.lead, "; ", none()),
            schedule_text(p_, a, plan.info.year)};
  }

  std::vector<std::string> slipped_row(const ActivityDiff& d, const Change& c) const {
    const Activity& a = *d.old_activity;
    const Activity& b = *d.new_activity;
    return {d.id, b.title, new_.owner_names(b.lead, "; ", none()),
            fmt::format("{} → {}", plan_month_label(*a.end, old_.info.year),
                        plan_month_label(*b.end, new_.info.year)),
            fmt::format("{:+}", c.delta)};
  }

  std::string status_text(Status s) const { return say(p_, std::string("status_") + to_string(s)); }

  std::vector<std::string> change_row(const ActivityDiff& d, const Change& c) const {
    const Activity& a = *d.old_activity;
    const Activity& b = *d.new_activity;
    const int old_year = old_.info.year, new_year = new_.info.year;
    std::string what = say(p_, std::string("attribute_") + to_string(c.attribute));
    std::string before, after;
    if (is_text(c.attribute)) {
      before = text_of(a, c.attribute);
      after = text_of(b, c.attribute);
    } else {
      switch (c.attribute) {
        case Attribute::lead:
          before = old_.owner_names(a.lead, "; ", none());
          after = new_.owner_names(b.lead, "; ", none());
          break;
        case Attribute::support:
          before = old_.owner_names(a.support, "; ", none());
          after = new_.owner_names(b.support, "; ", none());
          break;
        case Attribute::schedule:
          before = schedule_text(p_, a, old_year);
          after = schedule_text(p_, b, new_year);
          break;
        case Attribute::start:
        case Attribute::end: {
          bool start = c.attribute == Attribute::start;
          before = month_label(start ? a.start : a.end, old_year, none());
          after = month_label(start ? b.start : b.end, new_year, none());
          what = say(p_, "change_with_shift", fmt::arg("change", what),
                     fmt::arg("shift", shift_text(p_, c.attribute, c.delta)));
          break;
        }
        case Attribute::status:
          before = status_text(a.status);
          after = status_text(b.status);
          break;
        case Attribute::completed:
          before = month_label(a.completed, old_year, none());
          after = month_label(b.completed, new_year, none());
          break;
        case Attribute::progress:
          before = a.progress ? say(p_, "progress", fmt::arg("n", *a.progress)) : none();
          after = b.progress ? say(p_, "progress", fmt::arg("n", *b.progress)) : none();
          break;
        default:
          break;
      }
    }
    if (before.empty()) before = none();
    if (after.empty()) after = none();
    return {d.id, b.title, what, before, after};
  }

  std::vector<std::string> plan_row(const PlanChange& c) const {
    std::string item = c.item == PlanItem::plan ? say(p_, "item_plan")
                                                : say(p_, std::string("item_") + to_string(c.item),
                                                      fmt::arg("id", c.id));
    std::string key = std::string(to_string(c.item)) + "_" + c.attribute;
    auto value = [&](const std::optional<std::string>& v) {
      return v && !v->empty() ? *v : none();
    };
    std::string what = !c.old_value   ? say(p_, "item_added")
                       : !c.new_value ? say(p_, "item_removed")
                                      : say(p_, key);
    return {item, what, value(c.old_value), value(c.new_value)};
  }

  const PlanDiff& diff_;
  const DiffMarkdownOptions& options_;
  const Phrases& p_;
  const Plan& old_;
  const Plan& new_;
  std::string out_;
};

}  // namespace

const std::map<std::string_view, std::string_view>& diff_phrases(std::string_view language) {
  return language == "vi" ? vietnamese : english;
}

std::string diff_to_text(const PlanDiff& diff, bool color) {
  return TextWriter(diff, color).render();
}

nlohmann::json diff_to_json(const PlanDiff& diff) {
  const Plan& old_plan = *diff.old_plan;
  const Plan& new_plan = *diff.new_plan;
  DiffSummary s = diff.summary();
  nlohmann::json j;
  j["old"] = old_plan.directory;
  j["new"] = new_plan.directory;
  j["summary"] = {{"changed", s.changed},
                  {"added", s.added},
                  {"removed", s.removed},
                  {"moved", s.moved},
                  {"plan", s.plan},
                  {"slipped", s.slipped},
                  {"slipped_months", s.slipped_months}};
  j["added"] = nlohmann::json::array();
  j["removed"] = nlohmann::json::array();
  j["moved"] = nlohmann::json::array();
  j["changed"] = nlohmann::json::array();
  j["plan"] = nlohmann::json::array();
  for (const ActivityDiff& d : diff.activities) {
    if (d.added()) j["added"].push_back(activity_json(new_plan, *d.new_activity));
    if (d.removed()) j["removed"].push_back(activity_json(old_plan, *d.old_activity));
    if (d.moved())
      j["moved"].push_back({{"id", d.id},
                            {"from", place_json(*d.old_activity)},
                            {"to", place_json(*d.new_activity)}});
    if (!d.changes.empty()) {
      nlohmann::json changes = nlohmann::json::array();
      for (const Change& c : d.changes) changes.push_back(change_json(diff, d, c));
      j["changed"].push_back({{"id", d.id}, {"changes", changes}});
    }
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

std::string diff_to_markdown(const PlanDiff& diff, const DiffMarkdownOptions& options) {
  return MarkdownWriter(diff, options).render();
}

}  // namespace parplan
