#include "schema_walk.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "encoding.hpp"
#include "parplan/keys.hpp"
#include "parplan/suggest.hpp"
#include "parplan/unicode.hpp"

namespace parplan {

using keys::KeyInfo;
using keys::Section;
using keys::ValueKind;
using yaml::Node;

namespace schema {

namespace {

std::string where(const SourceLocation& loc) {
  return fmt::format("{}:{}:{}", loc.file, loc.line, loc.column);
}

// One key of a section: what the docs say about it, and how the walk reads it into `State`.
template <typename State>
struct KeyRule {
  KeyInfo info;
  void (*read)(State& state, const Node& key, const Node& value);
};

}  // namespace

// Reads one file's nodes, reporting every problem with its position.
class Walker {
 public:
  explicit Walker(FileReport& report) : report_(report) {}

  void error(const Node& at, std::string message) {
    report_.error(at.line, at.column, std::move(message));
  }
  void warning(const Node& at, std::string message) {
    report_.warning(at.line, at.column, std::move(message));
  }

  bool expect(const Node& node, Node::Kind kind, std::string_view what) {
    if (node.kind == kind) return true;
    error(node, fmt::format("{} must be {}, not {}", what, yaml::describe(kind),
                            yaml::describe(node.kind)));
    return false;
  }

  // Reads each key of `map` with its rule; reports unknown keys and missing required ones.
  template <typename State, std::size_t N>
  void each_key(const Node& map, std::string_view context, const KeyRule<State> (&rules)[N],
                State& state) {
    static_assert(N <= 64, "the seen-keys set is one 64-bit word");
    static const std::vector<std::string> allowed = [&] {
      std::vector<std::string> names;
      for (const KeyRule<State>& rule : rules) names.emplace_back(rule.info.name);
      return names;
    }();
    std::uint64_t seen = 0;  // bit i: rules[i] was given
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2) {
      const Node& key = map.items[i];
      if (!key.is_scalar()) continue;  // already reported by the parser
      auto known = std::find(allowed.begin(), allowed.end(), key.value);
      if (known == allowed.end()) {
        unknown_key(key, context, allowed);
        continue;
      }
      auto index = static_cast<std::size_t>(known - allowed.begin());
      seen |= std::uint64_t{1} << index;
      rules[index].read(state, key, map.items[i + 1]);
    }
    for (std::size_t i = 0; i < N; ++i)
      if (rules[i].info.required && !(seen & (std::uint64_t{1} << i)))
        error(map, fmt::format("missing required key '{}' in {}", rules[i].info.name, context));
  }

  // Free text, which a ` #` cuts short without a word from YAML: "title: Hội nghị #2" is
  // "Hội nghị". Otherwise as plain_text.
  std::string text(const Node& key, const Node& value, bool required) {
    if (value.is_scalar() && value.comment_column > 0)
      report_.warning(value.line, value.comment_column,
                      fmt::format("`#` starts a comment here; quote the {} to keep it", key.value));
    return plain_text(key, value, required);
  }

  // Text value; empty or null is an error when required (never the string "null").
  std::string plain_text(const Node& key, const Node& value, bool required) {
    if (value.is_scalar()) {
      if (required && value.value.find_first_not_of(" \t\n") == std::string::npos)
        error(value, fmt::format("'{}' is empty", key.value));
      // A block scalar (`>` or `|`) ends in a line break that is layout, not text: `note: >` over
      // "x" is the note "x", as a plain `note: x` is.
      std::string_view text = value.value;
      while (text.ends_with('\n')) text.remove_suffix(1);
      return std::string(text);
    }
    if (value.is_null()) {
      if (required) error(key, fmt::format("'{}' has no value", key.value));
      return {};
    }
    error(value, fmt::format("'{}' must be text, not {}", key.value, yaml::describe(value.kind)));
    return {};
  }

  // A list of text items, or a single text item.
  std::vector<std::pair<std::string, const Node*>> text_list(const Node& key, const Node& value) {
    std::vector<std::pair<std::string, const Node*>> items;
    if (value.is_scalar()) {
      items.emplace_back(value.value, &value);
    } else if (value.is_sequence()) {
      for (const Node& item : value.items) {
        if (item.is_scalar())
          items.emplace_back(item.value, &item);
        else
          error(item, fmt::format("items of '{}' must be text, not {}", key.value,
                                  yaml::describe(item.kind)));
      }
    } else if (!value.is_null()) {
      error(value,
            fmt::format("'{}' must be a list, not {}", key.value, yaml::describe(value.kind)));
    }
    return items;
  }

  std::optional<YearMonth> month(const Node& key, const Node& value, int plan_year) {
    if (!value.is_scalar()) {
      error(value.is_null() ? key : value,
            fmt::format("'{}' must be a month (1-12 or YYYY-MM), not {}", key.value,
                        yaml::describe(value.kind)));
      return std::nullopt;
    }
    auto ym = parse_plan_month(value.value, plan_year);
    if (!ym)
      error(value, fmt::format("'{}' must be a month from 1 to 12 or YYYY-MM, got {}", key.value,
                               quote_text(value.value)));
    return ym;
  }

  // An id names its thing in every message, report and command line: one word.
  std::string id(const Node& key, const Node& value) {
    std::string text = plain_text(key, value, true);
    if (text.find_first_of(" \t\n") != std::string::npos)
      error(value, fmt::format("'{}' must be one word without spaces or line breaks, got {}",
                               key.value, quote_text(text)));
    return text;
  }

  [[nodiscard]] SourceLocation location(const Node& node) const {
    return {report_.file(), node.line, node.column};
  }

 private:
  void unknown_key(const Node& key, std::string_view context,
                   const std::vector<std::string>& allowed) {
    // "end 12" on the last line of a mapping reads as a key without a value.
    if (auto meant = yaml::with_colon(key.value);
        meant && std::find(allowed.begin(), allowed.end(), meant->substr(0, meant->find(':'))) !=
                     allowed.end()) {
      error(key, fmt::format("no ': ' after the key; did you mean `{}`?", *meant));
      return;
    }
    // Schema keys are short; comparing a megabyte-long key with each would only cost time.
    auto guess = key.value.size() <= 32 ? did_you_mean(key.value, allowed) : std::nullopt;
    if (guess)
      error(key, fmt::format("unknown key {} in {}; did you mean '{}'?", quote_text(key.value),
                             context, *guess));
    else
      error(key, fmt::format("unknown key {} in {} (expected one of: {})", quote_text(key.value),
                             context, fmt::join(allowed, ", ")));
  }

  FileReport& report_;
};

// The walk's state across files: the plan so far and the tables that check ids and owners.
class Builder {
 public:
  explicit Builder(std::string directory) { plan_.directory = std::move(directory); }

  void read_plan_file(FileReport& report, const Node& root);
  void read_field_file(FileReport& report, const Node& root);
  void use_context(const Plan& context) {
    plan_.info = context.info;
    for (const Owner& owner : context.owners()) plan_.add_owner(owner);
    know_owners();
  }
  Plan finish() { return std::move(plan_); }
  void know_owners();

  // What the key rules below use.
  void read_info(Walker& w, const Node& node);
  void read_owners(Walker& w, const Node& node);
  void read_task(Walker& w, Field& field, const Node& node);
  void read_activity(Walker& w, const Field& field, Task& task, const Node& node);
  // False (and an error naming both files) when another file declared the field already.
  bool check_field_id(Walker& w, const Node& at, const std::string& id);
  void check_prefix(Walker& w, const Node& at, const std::string& id, const std::string& parent,
                    std::string_view kind, std::string_view parent_kind);
  void check_unique(Walker& w, const Node& at, std::string_view kind, const std::string& id);
  void check_owners(Walker& w, const std::vector<std::pair<std::string, const Node*>>& refs);
  [[nodiscard]] int year() const { return plan_.info.year; }

 private:
  // "did you mean" compares an unknown owner with every owner; a hostile plan with 100,000 of
  // each would take hours, so the comparisons of one load are budgeted (real plans use ~0.1%).
  static constexpr std::size_t suggestion_budget = 200'000;

  // Someone wrote the agency's name where its id belongs.
  const Owner* owner_by_folded_name(const std::string& text) const {
    auto it = folded_owner_names_.find(unicode::fold(text));
    return it == folded_owner_names_.end() ? nullptr : it->second;
  }

  void resolve_schedule(Walker& w, const Node& node, const std::string& context, Activity& a,
                        const Node* start_node, const Node* end_node,
                        const std::vector<std::pair<std::string_view, const Node*>>& kinds);

  Plan plan_;
  bool owners_known_ = false;
  std::vector<std::string> owner_ids_;
  std::unordered_map<std::string, const Owner*> folded_owner_names_;  // first declaration wins
  std::size_t suggestions_used_ = 0;
  std::unordered_map<std::string, SourceLocation> field_ids_;
  std::unordered_map<std::string, SourceLocation> task_ids_;
  std::unordered_map<std::string, SourceLocation> activity_ids_;
};

namespace {

// ---------------------------------------------------------------------------------------------
// The key tables. Each section's rules say what a key is and read it; adding a key is one entry
// here (and the model member it fills).

struct PlanFileState {
  Builder& b;
  Walker& w;
};

const KeyRule<PlanFileState> plan_file_rules[] = {
    {{"plan", true, ValueKind::map, Section::plan, "what the plan is: id, title, year",
      "thông tin kế hoạch: mã, tên, năm"},
     [](PlanFileState& s, const Node&, const Node& value) { s.b.read_info(s.w, value); }},
    {{"owners", true, ValueKind::owner_map, Section::owner,
      "the agencies that lead or support activities, by id",
      "các cơ quan chủ trì, phối hợp, theo mã"},
     [](PlanFileState& s, const Node&, const Node& value) { s.b.read_owners(s.w, value); }},
};

struct PlanState {
  Walker& w;
  PlanInfo& info;
};

const KeyRule<PlanState> plan_rules[] = {
    {{"id", true, ValueKind::id, {}, "the plan's id, one word", "mã kế hoạch, một từ"},
     [](PlanState& s, const Node& key, const Node& value) { s.info.id = s.w.id(key, value); }},
    {{"title", true, ValueKind::text, {}, "the plan's title", "tên kế hoạch"},
     [](PlanState& s, const Node& key, const Node& value) {
       s.info.title = s.w.text(key, value, true);
     }},
    {{"year",
      true,
      ValueKind::year,
      {},
      "the plan year; bare months are in it",
      "năm kế hoạch; tháng không ghi năm thuộc năm này"},
     [](PlanState& s, const Node& key, const Node& value) {
       std::string year = s.w.plain_text(key, value, true);
       if (year.size() == 4 && year.find_first_not_of("0123456789") == year.npos)
         s.info.year = std::stoi(year);
       else if (!year.empty())
         s.w.error(value,
                   fmt::format("'year' must be a four-digit year, got {}", quote_text(year)));
     }},
    {{"issued_by",
      false,
      ValueKind::text,
      {},
      "the decision that issued the plan",
      "văn bản ban hành kế hoạch"},
     [](PlanState& s, const Node& key, const Node& value) {
       s.info.issued_by = s.w.text(key, value, false);
     }},
    {{"language",
      false,
      ValueKind::language,
      {},
      "the language of reports: vi or en",
      "ngôn ngữ của báo cáo: vi hoặc en"},
     [](PlanState& s, const Node& key, const Node& value) {
       s.info.language = s.w.plain_text(key, value, false);
       if (s.info.language != "vi" && s.info.language != "en" && !s.info.language.empty())
         s.w.error(value, fmt::format("'language' must be 'vi' or 'en', got {}",
                                      quote_text(s.info.language)));
     }},
};

struct OwnerState {
  Walker& w;
  Owner& owner;
};

const KeyRule<OwnerState> owner_rules[] = {
    {{"name", true, ValueKind::text, {}, "the agency's full name", "tên đầy đủ của cơ quan"},
     [](OwnerState& s, const Node& key, const Node& value) {
       s.owner.name = s.w.text(key, value, true);
     }},
    {{"aliases",
      false,
      ValueKind::text_list,
      {},
      "other names --owner also matches",
      "tên khác mà --owner cũng nhận"},
     [](OwnerState& s, const Node& key, const Node& value) {
       for (auto& [alias, at] : s.w.text_list(key, value)) s.owner.aliases.push_back(alias);
     }},
};

struct FieldState {
  Builder& b;
  Walker& w;
  Field& field;
  const Node* tasks = nullptr;
  bool duplicate = false;  // another file declares the same field
};

const KeyRule<FieldState> field_rules[] = {
    {{"field",
      true,
      ValueKind::id,
      {},
      "the field's id, a Roman numeral such as III",
      "mã lĩnh vực, số La Mã như III"},
     [](FieldState& s, const Node& key, const Node& value) {
       s.field.id = s.w.id(key, value);
       s.duplicate = !s.b.check_field_id(s.w, value, s.field.id);
     }},
    {{"title", true, ValueKind::text, {}, "the field's title", "tên lĩnh vực"},
     [](FieldState& s, const Node& key, const Node& value) {
       s.field.title = s.w.text(key, value, true);
     }},
    {{"tasks", true, ValueKind::list, Section::task, "the field's tasks, in order",
      "các nhiệm vụ của lĩnh vực, theo thứ tự"},
     [](FieldState& s, const Node&, const Node& value) {
       if (s.w.expect(value, Node::Kind::sequence, "'tasks'")) s.tasks = &value;
     }},
    {{"note",
      false,
      ValueKind::text,
      {},
      "a remark, e.g. where the title comes from",
      "ghi chú, ví dụ nguồn của tên lĩnh vực"},
     [](FieldState& s, const Node& key, const Node& value) {
       s.field.note = s.w.text(key, value, false);
     }},
};

struct TaskState {
  Builder& b;
  Walker& w;
  const Field& field;
  Task& task;
  const Node* activities = nullptr;
};

const KeyRule<TaskState> task_rules[] = {
    {{"id",
      true,
      ValueKind::id,
      {},
      "the task's id: its field's id, a dot and a number",
      "mã nhiệm vụ: mã lĩnh vực, dấu chấm và số thứ tự"},
     [](TaskState& s, const Node& key, const Node& value) {
       s.task.id = s.w.id(key, value);
       s.b.check_prefix(s.w, value, s.task.id, s.field.id, "task", "field");
       s.b.check_unique(s.w, value, "task", s.task.id);
     }},
    {{"title", true, ValueKind::text, {}, "the task's title", "tên nhiệm vụ"},
     [](TaskState& s, const Node& key, const Node& value) {
       s.task.title = s.w.text(key, value, true);
     }},
    {{"activities", true, ValueKind::list, Section::activity, "the task's activities, in order",
      "các hoạt động của nhiệm vụ, theo thứ tự"},
     [](TaskState& s, const Node&, const Node& value) {
       if (s.w.expect(value, Node::Kind::sequence, "'activities'")) s.activities = &value;
     }},
    {{"note",
      false,
      ValueKind::text,
      {},
      "a remark, e.g. where the title comes from",
      "ghi chú, ví dụ nguồn của tên nhiệm vụ"},
     [](TaskState& s, const Node& key, const Node& value) {
       s.task.note = s.w.text(key, value, false);
     }},
};

struct ActivityState {
  Builder& b;
  Walker& w;
  const Task& task;
  Activity& a;
  const Node* start_node = nullptr;
  const Node* end_node = nullptr;
  const Node* completed_node = nullptr;
  std::vector<std::pair<std::string_view, const Node*>> schedule_keys;
  bool has_lead = false;
};

void read_owner_list(ActivityState& s, const Node& key, const Node& value,
                     std::vector<std::string>& target) {
  auto refs = s.w.text_list(key, value);
  // `lead: snv, stp` is one text, not two owners: YAML needs the brackets. Say so, then check
  // the owners as they were meant.
  if (value.is_scalar() && value.value.find(',') != std::string::npos) {
    std::vector<std::string> ids;
    for (std::size_t start = 0; start <= value.value.size();) {
      std::size_t comma = std::min(value.value.find(',', start), value.value.size());
      std::string id = value.value.substr(start, comma - start);
      id.erase(0, std::min(id.find_first_not_of(" \t"), id.size()));
      id.erase(id.find_last_not_of(" \t") + 1);
      if (!id.empty()) ids.push_back(id);
      start = comma + 1;
    }
    s.w.error(value, fmt::format("several owners need brackets; did you mean `{}: [{}]`?",
                                 key.value, fmt::join(ids, ", ")));
    refs.clear();
    for (const std::string& id : ids) refs.emplace_back(id, &value);
  }
  s.b.check_owners(s.w, refs);
  for (auto& [id, at] : refs) target.push_back(id);
}

const KeyRule<ActivityState> activity_rules[] = {
    {{"id",
      true,
      ValueKind::id,
      {},
      "the activity's id: its task's id, a dot and a number",
      "mã hoạt động: mã nhiệm vụ, dấu chấm và số thứ tự"},
     [](ActivityState& s, const Node& key, const Node& value) {
       s.a.id = s.w.id(key, value);
       s.b.check_prefix(s.w, value, s.a.id, s.task.id, "activity", "task");
       s.b.check_unique(s.w, value, "activity", s.a.id);
     }},
    {{"title", true, ValueKind::text, {}, "what is to be done", "nội dung hoạt động"},
     [](ActivityState& s, const Node& key, const Node& value) {
       s.a.title = s.w.text(key, value, true);
     }},
    {{"result", false, ValueKind::text, {}, "the expected result", "kết quả dự kiến"},
     [](ActivityState& s, const Node& key, const Node& value) {
       s.a.result = s.w.text(key, value, false);
     }},
    {{"output",
      false,
      ValueKind::text,
      {},
      "the form of the output, e.g. a report",
      "hình thức đầu ra, ví dụ báo cáo"},
     [](ActivityState& s, const Node& key, const Node& value) {
       s.a.output = s.w.text(key, value, false);
     }},
    {{"note", false, ValueKind::text, {}, "a remark", "ghi chú"},
     [](ActivityState& s, const Node& key, const Node& value) {
       s.a.note = s.w.text(key, value, false);
     }},
    {{"lead", true, ValueKind::owner_list, {}, "the owner ids that lead it", "mã cơ quan chủ trì"},
     [](ActivityState& s, const Node& key, const Node& value) {
       read_owner_list(s, key, value, s.a.lead);
       s.has_lead = true;
     }},
    {{"support",
      false,
      ValueKind::owner_list,
      {},
      "the owner ids that support it",
      "mã cơ quan phối hợp"},
     [](ActivityState& s, const Node& key, const Node& value) {
       read_owner_list(s, key, value, s.a.support);
     }},
    {{"start",
      false,
      ValueKind::month,
      {},
      "the first month; given with end",
      "tháng bắt đầu; đi cùng end"},
     [](ActivityState& s, const Node& key, const Node& value) {
       s.start_node = &key;
       s.a.start = s.w.month(key, value, s.b.year());
     }},
    {{"end",
      false,
      ValueKind::month,
      {},
      "the deadline month; given with start",
      "tháng kết thúc (thời hạn); đi cùng start"},
     [](ActivityState& s, const Node& key, const Node& value) {
       s.end_node = &key;
       s.a.end = s.w.month(key, value, s.b.year());
     }},
    {{"schedule",
      false,
      ValueKind::schedule,
      {},
      "ongoing: done all year round",
      "ongoing: thực hiện thường xuyên"},
     [](ActivityState& s, const Node& key, const Node& value) {
       s.schedule_keys.emplace_back("schedule: ongoing", &key);
       std::string text = s.w.plain_text(key, value, true);
       if (!text.empty() && text != "ongoing")
         s.w.error(value, fmt::format("'schedule' must be 'ongoing' (Thường xuyên), got {}; "
                                      "use start/end, after: or per: for other schedules",
                                      quote_text(text)));
     }},
    {{"after",
      false,
      ValueKind::text,
      {},
      "the event the activity waits for",
      "sự kiện mà hoạt động chờ"},
     [](ActivityState& s, const Node& key, const Node& value) {
       s.schedule_keys.emplace_back("after", &key);
       s.a.after = s.w.text(key, value, true);
     }},
    {{"per",
      false,
      ValueKind::text,
      {},
      "the outside timetable it follows",
      "lịch bên ngoài mà hoạt động theo"},
     [](ActivityState& s, const Node& key, const Node& value) {
       s.schedule_keys.emplace_back("per", &key);
       s.a.per = s.w.text(key, value, true);
     }},
    {{"status",
      false,
      ValueKind::status,
      {},
      "planned, in-progress, done or cancelled",
      "planned, in-progress, done hoặc cancelled"},
     [](ActivityState& s, const Node& key, const Node& value) {
       std::string text = s.w.plain_text(key, value, true);
       if (auto status = parse_status(text))
         s.a.status = *status;
       else if (!text.empty())
         s.w.error(value, fmt::format("invalid status {}; expected planned, in-progress, done "
                                      "or cancelled",
                                      quote_text(text)));
     }},
    {{"completed", false, ValueKind::month, {}, "the month it was done", "tháng hoàn thành"},
     [](ActivityState& s, const Node& key, const Node& value) {
       s.completed_node = &key;
       s.a.completed = s.w.month(key, value, s.b.year());
     }},
    {{"progress", false, ValueKind::progress, {}, "percent done, 0-100", "phần trăm đã làm, 0-100"},
     [](ActivityState& s, const Node& key, const Node& value) {
       std::string text = s.w.plain_text(key, value, true);
       // No leading zeros: YAML 1.1 reads "010" as octal 8, so it is ambiguous to a reader.
       bool digits = !text.empty() && text.size() <= 3 &&
                     text.find_first_not_of("0123456789") == std::string::npos &&
                     (text.size() == 1 || text[0] != '0');
       int percent = digits ? std::stoi(text) : -1;
       if (digits && percent <= 100)
         s.a.progress = percent;
       else if (!text.empty())
         s.w.error(value, fmt::format("'progress' must be a whole number from 0 to 100 without "
                                      "leading zeros, got {}",
                                      quote_text(text)));
     }},
};

template <typename State, std::size_t N>
std::vector<KeyInfo> infos(const KeyRule<State> (&rules)[N]) {
  std::vector<KeyInfo> out;
  for (const KeyRule<State>& rule : rules) out.push_back(rule.info);
  return out;
}

// The id names its thing in every other message, so it is read before the walk.
std::string context_with_id(const Node& node, std::string_view kind) {
  std::string context(kind);
  for (std::size_t i = 0; i + 1 < node.items.size(); i += 2)
    if (node.items[i].is_scalar() && node.items[i].value == "id" && node.items[i + 1].is_scalar() &&
        !node.items[i + 1].value.empty())
      context = fmt::format("{} {}", kind, display_text(node.items[i + 1].value));
  return context;
}

}  // namespace

void Builder::read_plan_file(FileReport& report, const Node& root) {
  Walker w(report);
  if (!w.expect(root, Node::Kind::map, "plan.yaml")) return;
  PlanFileState state{*this, w};
  w.each_key(root, "plan.yaml", plan_file_rules, state);
  know_owners();
}

void Builder::know_owners() {
  owners_known_ = true;
  for (const Owner& owner : plan_.owners()) {
    owner_ids_.push_back(owner.id);
    folded_owner_names_.emplace(unicode::fold(owner.name), &owner);
  }
}

void Builder::read_field_file(FileReport& report, const Node& root) {
  Walker w(report);
  if (!w.expect(root, Node::Kind::map, "a field file")) return;
  Field field;
  field.file = report.file();
  field.location = w.location(root);
  FieldState state{*this, w, field};
  w.each_key(root, "field file", field_rules, state);
  if (state.duplicate) return;
  if (state.tasks)
    for (const Node& task_node : state.tasks->items) read_task(w, field, task_node);
  plan_.fields.push_back(std::move(field));
}

void Builder::read_info(Walker& w, const Node& node) {
  if (!w.expect(node, Node::Kind::map, "'plan'")) return;
  PlanState state{w, plan_.info};
  w.each_key(node, "plan", plan_rules, state);
}

void Builder::read_owners(Walker& w, const Node& node) {
  if (!w.expect(node, Node::Kind::map, "'owners'")) return;
  for (std::size_t i = 0; i + 1 < node.items.size(); i += 2) {
    const Node& key = node.items[i];
    const Node& value = node.items[i + 1];
    if (!key.is_scalar()) continue;
    Owner owner;
    owner.id = key.value;
    owner.location = w.location(key);
    if (owner.id.find_first_of(" \t\n") != std::string::npos)
      w.error(key, fmt::format("owner id {} must be one word without spaces or line breaks",
                               quote_text(owner.id)));
    std::string context = "owner " + quote_text(key.value);
    if (value.is_scalar()) {  // shorthand: `snv: Sở Nội vụ`
      owner.name = value.value;
      if (owner.name.find_first_not_of(" \t\n") == std::string::npos)
        w.error(value, fmt::format("the name of {} is empty", context));
    } else if (value.is_null()) {
      w.error(key, fmt::format("{} has no name; write `{}: Name` or give 'name:'", context,
                               display_text(key.value)));
    } else if (w.expect(value, Node::Kind::map, context)) {
      OwnerState state{w, owner};
      w.each_key(value, context, owner_rules, state);
    }
    plan_.add_owner(std::move(owner));
  }
}

void Builder::read_task(Walker& w, Field& field, const Node& node) {
  if (!w.expect(node, Node::Kind::map, "a task")) return;
  Task task;
  task.location = w.location(node);
  TaskState state{*this, w, field, task};
  w.each_key(node, context_with_id(node, "task"), task_rules, state);
  if (state.activities)
    for (const Node& activity_node : state.activities->items)
      read_activity(w, field, task, activity_node);
  field.tasks.push_back(std::move(task));
}

bool Builder::check_field_id(Walker& w, const Node& at, const std::string& id) {
  auto it = field_ids_.find(id);
  if (id.empty() || it == field_ids_.end()) {
    field_ids_.emplace(id, w.location(at));
    return true;
  }
  // Only another file can declare it again (a second `field:` in one file is a duplicate key).
  // A stray copy ("02-the-che - Copy.yaml") repeats every task and activity: one error for the
  // file, not one per id.
  const std::string here = w.location(at).file;
  w.error(at, fmt::format("field {} is declared in two files, {} and {}; keep one (is one a "
                          "stray copy?); {} is not read",
                          quote_text(id), escape_text(it->second.file), escape_text(here),
                          escape_text(here)));
  return false;
}

// "III.1" must start with "III." and "III.1.4" with "III.1.".
void Builder::check_prefix(Walker& w, const Node& at, const std::string& id,
                           const std::string& parent, std::string_view kind,
                           std::string_view parent_kind) {
  if (id.empty() || parent.empty()) return;
  if (id.size() > parent.size() + 1 && id.starts_with(parent) && id[parent.size()] == '.') return;
  w.error(at, fmt::format("{} id {} does not start with its {} id {} (expected '{}.<n>')", kind,
                          quote_text(id), parent_kind, quote_text(parent), display_text(parent)));
}

void Builder::check_unique(Walker& w, const Node& at, std::string_view kind,
                           const std::string& id) {
  if (id.empty()) return;
  auto& seen = kind == "task" ? task_ids_ : activity_ids_;
  auto [it, inserted] = seen.emplace(id, w.location(at));
  if (!inserted)
    w.error(at, fmt::format("duplicate {} id {} (first defined at {})", kind, quote_text(id),
                            where(it->second)));
}

void Builder::check_owners(Walker& w,
                           const std::vector<std::pair<std::string, const Node*>>& refs) {
  if (!owners_known_) return;
  for (const auto& [id, at] : refs) {
    if (plan_.find_owner(id)) continue;
    std::string message = fmt::format("unknown owner {}", quote_text(id));
    std::optional<std::string> guess;
    if (id.size() <= 64 && suggestions_used_ + owner_ids_.size() <= suggestion_budget) {
      suggestions_used_ += owner_ids_.size();
      guess = did_you_mean(id, owner_ids_);
    }
    if (guess)
      message += fmt::format("; did you mean '{}' ({})?", display_text(*guess),
                             display_text(plan_.owner_name(*guess)));
    else if (auto by_name = owner_by_folded_name(id))
      message += fmt::format("; did you mean '{}' ({})?", display_text(by_name->id),
                             display_text(by_name->name));
    else
      message += "; declare it under 'owners' in plan.yaml";
    w.error(*at, message);
  }
}

void Builder::read_activity(Walker& w, const Field& field, Task& task, const Node& node) {
  if (!w.expect(node, Node::Kind::map, "an activity")) return;
  Activity a;
  a.field = field.id;
  a.task = task.id;
  a.location = w.location(node);
  const std::string context = context_with_id(node, "activity");
  ActivityState s{*this, w, task, a};
  w.each_key(node, context, activity_rules, s);

  const int year = plan_.info.year;
  resolve_schedule(w, node, context, a, s.start_node, s.end_node, s.schedule_keys);
  if (s.has_lead && a.lead.empty()) w.warning(node, fmt::format("{} has no lead owner", context));
  if (s.completed_node && a.status != Status::done)
    w.warning(*s.completed_node, fmt::format("'completed' is set but status is '{}'; set "
                                             "status: done",
                                             to_string(a.status)));
  if (a.completed && year != 0 && a.completed->year != year)
    w.warning(*s.completed_node, fmt::format("'completed' {} is outside the plan year {}",
                                             to_string(*a.completed), year));
  task.activities.push_back(std::move(a));
}

void Builder::resolve_schedule(Walker& w, const Node& node, const std::string& context, Activity& a,
                               const Node* start_node, const Node* end_node,
                               const std::vector<std::pair<std::string_view, const Node*>>& kinds) {
  if (start_node && !end_node) w.error(*start_node, "'start' without 'end'; give both months");
  if (end_node && !start_node) w.error(*end_node, "'end' without 'start'; give both months");
  bool months = a.start && a.end;
  if (!months) {
    a.start.reset();
    a.end.reset();
  }
  if (months && *a.start > *a.end)
    w.error(*start_node,
            fmt::format("start {} is after end {}", plan_month_label(*a.start, plan_.info.year),
                        plan_month_label(*a.end, plan_.info.year)));
  if (months && plan_.info.year != 0)
    for (auto [node_ptr, ym] : {std::pair{start_node, *a.start}, std::pair{end_node, *a.end}})
      if (ym.year != plan_.info.year)
        w.warning(*node_ptr, fmt::format("'{}' {} is outside the plan year {}", node_ptr->value,
                                         to_string(ym), plan_.info.year));

  // One schedule per activity; only `after` may be joined by the months once the event happened.
  std::vector<std::pair<std::string_view, const Node*>> all = kinds;
  if (start_node || end_node) all.emplace_back("start/end", start_node ? start_node : end_node);
  for (std::size_t i = 1; i < all.size(); ++i) {
    bool after_with_months = (all[0].first == "after" && all[i].first == "start/end") ||
                             (all[0].first == "start/end" && all[i].first == "after");
    if (!after_with_months)
      w.error(*all[i].second, fmt::format("'{}' conflicts with '{}'; an activity has one schedule",
                                          all[i].first, all[0].first));
  }
  if (months)
    a.schedule = ScheduleKind::months;
  else if (!kinds.empty() && kinds[0].first == "schedule: ongoing")
    a.schedule = ScheduleKind::ongoing;
  else if (!a.after.empty())
    a.schedule = ScheduleKind::after_event;
  else if (!a.per.empty())
    a.schedule = ScheduleKind::external;
  else if (kinds.empty() && !start_node && !end_node)
    w.warning(node, fmt::format("{} has no schedule; add start and end, schedule: ongoing, "
                                "after: or per:",
                                context));
}

}  // namespace schema

PlanBuilder::PlanBuilder(std::string directory)
    : builder_(std::make_unique<schema::Builder>(std::move(directory))) {}
PlanBuilder::~PlanBuilder() = default;

void PlanBuilder::read_plan_file(FileReport& report, const yaml::Node& root) {
  builder_->read_plan_file(report, root);
}

void PlanBuilder::read_field_file(FileReport& report, const yaml::Node& root) {
  builder_->read_field_file(report, root);
}

void PlanBuilder::use_context(const Plan& context) { builder_->use_context(context); }

Plan PlanBuilder::finish() { return builder_->finish(); }

namespace keys {

std::span<const KeyInfo> keys_of(Section section) {
  static const std::vector<KeyInfo> plan_file = schema::infos(schema::plan_file_rules);
  static const std::vector<KeyInfo> plan = schema::infos(schema::plan_rules);
  static const std::vector<KeyInfo> owner = schema::infos(schema::owner_rules);
  static const std::vector<KeyInfo> field = schema::infos(schema::field_rules);
  static const std::vector<KeyInfo> task = schema::infos(schema::task_rules);
  static const std::vector<KeyInfo> activity = schema::infos(schema::activity_rules);
  switch (section) {
    case Section::plan_file:
      return plan_file;
    case Section::plan:
      return plan;
    case Section::owner:
      return owner;
    case Section::field:
      return field;
    case Section::task:
      return task;
    case Section::activity:
      break;
  }
  return activity;
}

const char* to_string(Section section) {
  switch (section) {
    case Section::plan_file:
      return "plan_file";
    case Section::plan:
      return "plan";
    case Section::owner:
      return "owner";
    case Section::field:
      return "field";
    case Section::task:
      return "task";
    case Section::activity:
      break;
  }
  return "activity";
}

const char* to_string(ValueKind kind) {
  switch (kind) {
    case ValueKind::text:
      return "text";
    case ValueKind::id:
      return "id";
    case ValueKind::year:
      return "year";
    case ValueKind::language:
      return "language";
    case ValueKind::month:
      return "month";
    case ValueKind::owner_list:
      return "owner_list";
    case ValueKind::text_list:
      return "text_list";
    case ValueKind::status:
      return "status";
    case ValueKind::progress:
      return "progress";
    case ValueKind::schedule:
      return "schedule";
    case ValueKind::map:
      return "map";
    case ValueKind::list:
      return "list";
    case ValueKind::owner_map:
      break;
  }
  return "owner_map";
}

}  // namespace keys

}  // namespace parplan
