#include "parplan/loader.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <thread>
#include <unordered_map>

#include "encoding.hpp"
#include "file_report.hpp"
#include "parplan/error.hpp"
#include "parplan/suggest.hpp"
#include "parplan/unicode.hpp"
#include "yaml_tree.hpp"

namespace parplan {

namespace fs = std::filesystem;
using yaml::Node;

namespace {

using KeyHandler = std::function<void(const Node& key, const Node& value)>;

// Walks one file's tree against the schema, reporting every problem with its position.
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

  // Calls `handle` for each known key; reports unknown keys and missing required ones.
  void each_key(const Node& map, std::string_view context, const std::vector<std::string>& allowed,
                const std::vector<std::string>& required, const KeyHandler& handle) {
    std::uint64_t seen = 0;  // bit i: allowed[i] was given; schemas have far fewer than 64 keys
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2) {
      const Node& key = map.items[i];
      if (!key.is_scalar()) continue;  // already reported by the parser
      auto known = std::find(allowed.begin(), allowed.end(), key.value);
      if (known != allowed.end()) seen |= std::uint64_t{1} << (known - allowed.begin());
      if (known == allowed.end()) {
        // Schema keys are short; comparing a megabyte-long key with each would only cost time.
        auto guess = key.value.size() <= 32 ? did_you_mean(key.value, allowed) : std::nullopt;
        if (guess)
          error(key, fmt::format("unknown key {} in {}; did you mean '{}'?", quote_text(key.value),
                                 context, *guess));
        else
          error(key, fmt::format("unknown key {} in {} (expected one of: {})",
                                 quote_text(key.value), context, fmt::join(allowed, ", ")));
        continue;
      }
      handle(key, map.items[i + 1]);
    }
    for (const std::string& key : required)
      if (auto at = std::find(allowed.begin(), allowed.end(), key);
          !(seen & (std::uint64_t{1} << (at - allowed.begin()))))
        error(map, fmt::format("missing required key '{}' in {}", key, context));
  }

  // Text value; empty or null is an error when required (never the string "null").
  std::string text(const Node& key, const Node& value, bool required) {
    if (value.is_scalar()) {
      if (required && value.value.find_first_not_of(" \t\n") == std::string::npos)
        error(value, fmt::format("'{}' is empty", key.value));
      return value.value;
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
    std::string text = this->text(key, value, true);
    if (text.find_first_of(" \t\n") != std::string::npos)
      error(value, fmt::format("'{}' must be one word without spaces or line breaks, got {}",
                               key.value, quote_text(text)));
    return text;
  }

  [[nodiscard]] SourceLocation location(const Node& node) const {
    return {report_.file(), node.line, node.column};
  }

 private:
  FileReport& report_;
};

std::string where(const SourceLocation& loc) {
  return fmt::format("{}:{}:{}", loc.file, loc.line, loc.column);
}

class PlanBuilder {
 public:
  explicit PlanBuilder(std::string directory) { plan_.directory = std::move(directory); }

  void read_plan_file(FileReport& report, const Node& root) {
    Walker w(report);
    if (!w.expect(root, Node::Kind::map, "plan.yaml")) return;
    w.each_key(root, "plan.yaml", {"plan", "owners"}, {"plan", "owners"},
               [&](const Node& key, const Node& value) {
                 if (key.value == "plan") read_info(w, value);
                 if (key.value == "owners") read_owners(w, value);
               });
    owners_known_ = true;
    plan_.index_owners();
    for (const Owner& owner : plan_.owners) {
      owner_ids_.push_back(owner.id);
      folded_owner_names_.emplace(unicode::fold(owner.name), &owner);
    }
  }

  void read_field_file(FileReport& report, const Node& root) {
    Walker w(report);
    if (!w.expect(root, Node::Kind::map, "a field file")) return;
    Field field;
    field.file = report.file();
    field.location = w.location(root);
    const Node* tasks = nullptr;
    w.each_key(root, "field file", {"field", "title", "tasks"}, {"field", "title", "tasks"},
               [&](const Node& key, const Node& value) {
                 if (key.value == "field") {
                   field.id = w.id(key, value);
                   if (auto it = field_ids_.find(field.id);
                       !field.id.empty() && it != field_ids_.end())
                     w.error(value, fmt::format("duplicate field {} (first defined at {})",
                                                quote_text(field.id), where(it->second)));
                   else
                     field_ids_.emplace(field.id, w.location(value));
                 }
                 if (key.value == "title") field.title = w.text(key, value, true);
                 if (key.value == "tasks" && w.expect(value, Node::Kind::sequence, "'tasks'"))
                   tasks = &value;
               });
    if (tasks)
      for (const Node& task_node : tasks->items) read_task(w, field, task_node);
    plan_.fields.push_back(std::move(field));
  }

  Plan finish() { return std::move(plan_); }

 private:
  // "did you mean" compares an unknown owner with every owner; a hostile plan with 100,000 of
  // each would take hours, so the comparisons of one load are budgeted (real plans use ~0.1%).
  static constexpr std::size_t suggestion_budget = 200'000;

  void read_info(Walker& w, const Node& node) {
    if (!w.expect(node, Node::Kind::map, "'plan'")) return;
    PlanInfo& info = plan_.info;
    w.each_key(node, "plan", {"id", "title", "year", "issued_by", "language"},
               {"id", "title", "year"}, [&](const Node& key, const Node& value) {
                 if (key.value == "id") info.id = w.id(key, value);
                 if (key.value == "title") info.title = w.text(key, value, true);
                 if (key.value == "issued_by") info.issued_by = w.text(key, value, false);
                 if (key.value == "year") {
                   std::string year = w.text(key, value, true);
                   if (year.size() == 4 && year.find_first_not_of("0123456789") == year.npos)
                     info.year = std::stoi(year);
                   else if (!year.empty())
                     w.error(value, fmt::format("'year' must be a four-digit year, got {}",
                                                quote_text(year)));
                 }
                 if (key.value == "language") {
                   info.language = w.text(key, value, false);
                   if (info.language != "vi" && info.language != "en" && !info.language.empty())
                     w.error(value, fmt::format("'language' must be 'vi' or 'en', got {}",
                                                quote_text(info.language)));
                 }
               });
  }

  void read_owners(Walker& w, const Node& node) {
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
        static const std::vector<std::string> owner_keys = {"name", "aliases"};
        static const std::vector<std::string> owner_required = {"name"};
        w.each_key(value, context, owner_keys, owner_required, [&](const Node& k, const Node& v) {
          if (k.value == "name") owner.name = w.text(k, v, true);
          if (k.value == "aliases")
            for (auto& [alias, at] : w.text_list(k, v)) owner.aliases.push_back(alias);
        });
      }
      plan_.owners.push_back(std::move(owner));
    }
  }

  void read_task(Walker& w, Field& field, const Node& node) {
    if (!w.expect(node, Node::Kind::map, "a task")) return;
    Task task;
    task.location = w.location(node);
    const Node* activities = nullptr;
    const Node* id_node = nullptr;
    // The id names the task in every other message, so read it first.
    for (std::size_t i = 0; i + 1 < node.items.size(); i += 2)
      if (node.items[i].is_scalar() && node.items[i].value == "id" && node.items[i + 1].is_scalar())
        id_node = &node.items[i + 1];
    std::string context =
        id_node && !id_node->value.empty() ? "task " + display_text(id_node->value) : "task";
    static const std::vector<std::string> task_keys = {"id", "title", "activities"};
    w.each_key(node, context, task_keys, task_keys, [&](const Node& key, const Node& value) {
      if (key.value == "id") {
        task.id = w.id(key, value);
        check_prefix(w, value, task.id, field.id, "task", "field");
        check_unique(w, value, task_ids_, task.id, "task");
      }
      if (key.value == "title") task.title = w.text(key, value, true);
      if (key.value == "activities" && w.expect(value, Node::Kind::sequence, "'activities'"))
        activities = &value;
    });
    if (activities)
      for (const Node& activity_node : activities->items)
        read_activity(w, field, task, activity_node);
    field.tasks.push_back(std::move(task));
  }

  // "III.1" must start with "III." and "III.1.4" with "III.1.".
  void check_prefix(Walker& w, const Node& at, const std::string& id, const std::string& parent,
                    std::string_view kind, std::string_view parent_kind) {
    if (id.empty() || parent.empty()) return;
    if (id.size() > parent.size() + 1 && id.starts_with(parent) && id[parent.size()] == '.') return;
    w.error(at, fmt::format("{} id {} does not start with its {} id {} (expected '{}.<n>')", kind,
                            quote_text(id), parent_kind, quote_text(parent), display_text(parent)));
  }

  void check_unique(Walker& w, const Node& at,
                    std::unordered_map<std::string, SourceLocation>& seen, const std::string& id,
                    std::string_view kind) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, w.location(at));
    if (!inserted)
      w.error(at, fmt::format("duplicate {} id {} (first defined at {})", kind, quote_text(id),
                              where(it->second)));
  }

  void check_owners(Walker& w, const std::vector<std::pair<std::string, const Node*>>& refs) {
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

  // Someone wrote the agency's name where its id belongs.
  const Owner* owner_by_folded_name(const std::string& text) const {
    auto it = folded_owner_names_.find(unicode::fold(text));
    return it == folded_owner_names_.end() ? nullptr : it->second;
  }

  void read_activity(Walker& w, const Field& field, Task& task, const Node& node) {
    if (!w.expect(node, Node::Kind::map, "an activity")) return;
    Activity a;
    a.field = field.id;
    a.task = task.id;
    a.location = w.location(node);
    std::string context = "activity";
    for (std::size_t i = 0; i + 1 < node.items.size(); i += 2)
      if (node.items[i].is_scalar() && node.items[i].value == "id" &&
          node.items[i + 1].is_scalar() && !node.items[i + 1].value.empty())
        context = "activity " + display_text(node.items[i + 1].value);

    const int year = plan_.info.year;
    const Node* start_node = nullptr;
    const Node* end_node = nullptr;
    const Node* completed_node = nullptr;
    std::vector<std::pair<std::string_view, const Node*>> schedule_keys;
    bool has_lead = false;
    static const std::vector<std::string> keys = {
        "id",  "title",    "result", "output", "note",   "lead",      "support", "start",
        "end", "schedule", "after",  "per",    "status", "completed", "progress"};
    static const std::vector<std::string> required = {"id", "title", "lead"};
    w.each_key(node, context, keys, required, [&](const Node& key, const Node& value) {
      const std::string& k = key.value;
      if (k == "id") {
        a.id = w.id(key, value);
        check_prefix(w, value, a.id, task.id, "activity", "task");
        check_unique(w, value, activity_ids_, a.id, "activity");
      } else if (k == "title") {
        a.title = w.text(key, value, true);
      } else if (k == "result") {
        a.result = w.text(key, value, false);
      } else if (k == "output") {
        a.output = w.text(key, value, false);
      } else if (k == "note") {
        a.note = w.text(key, value, false);
      } else if (k == "lead" || k == "support") {
        auto refs = w.text_list(key, value);
        check_owners(w, refs);
        auto& target = k == "lead" ? a.lead : a.support;
        for (auto& [id, at] : refs) target.push_back(id);
        has_lead = has_lead || k == "lead";
      } else if (k == "start") {
        start_node = &key;
        a.start = w.month(key, value, year);
      } else if (k == "end") {
        end_node = &key;
        a.end = w.month(key, value, year);
      } else if (k == "schedule") {
        schedule_keys.emplace_back("schedule: ongoing", &key);
        std::string text = w.text(key, value, true);
        if (!text.empty() && text != "ongoing")
          w.error(value, fmt::format("'schedule' must be 'ongoing' (Thường xuyên), got {}; "
                                     "use start/end, after: or per: for other schedules",
                                     quote_text(text)));
      } else if (k == "after") {
        schedule_keys.emplace_back("after", &key);
        a.after = w.text(key, value, true);
      } else if (k == "per") {
        schedule_keys.emplace_back("per", &key);
        a.per = w.text(key, value, true);
      } else if (k == "status") {
        std::string text = w.text(key, value, true);
        if (auto status = parse_status(text))
          a.status = *status;
        else if (!text.empty())
          w.error(value, fmt::format("invalid status {}; expected planned, in-progress, done "
                                     "or cancelled",
                                     quote_text(text)));
      } else if (k == "completed") {
        completed_node = &key;
        a.completed = w.month(key, value, year);
      } else if (k == "progress") {
        std::string text = w.text(key, value, true);
        // No leading zeros: YAML 1.1 reads "010" as octal 8, so it is ambiguous to a reader.
        bool digits = !text.empty() && text.size() <= 3 &&
                      text.find_first_not_of("0123456789") == std::string::npos &&
                      (text.size() == 1 || text[0] != '0');
        int value_pct = digits ? std::stoi(text) : -1;
        if (digits && value_pct <= 100)
          a.progress = value_pct;
        else if (!text.empty())
          w.error(value, fmt::format("'progress' must be a whole number from 0 to 100 without "
                                     "leading zeros, got {}",
                                     quote_text(text)));
      }
    });

    resolve_schedule(w, node, context, a, start_node, end_node, schedule_keys);
    if (has_lead && a.lead.empty()) w.warning(node, fmt::format("{} has no lead owner", context));
    if (completed_node && a.status != Status::done)
      w.warning(*completed_node, fmt::format("'completed' is set but status is '{}'; set "
                                             "status: done",
                                             to_string(a.status)));
    if (a.completed && year != 0 && a.completed->year != year)
      w.warning(*completed_node, fmt::format("'completed' {} is outside the plan year {}",
                                             to_string(*a.completed), year));
    task.activities.push_back(std::move(a));
  }

  void resolve_schedule(Walker& w, const Node& node, const std::string& context, Activity& a,
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
        w.error(*all[i].second,
                fmt::format("'{}' conflicts with '{}'; an activity has one schedule", all[i].first,
                            all[0].first));
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

  Plan plan_;
  bool owners_known_ = false;
  std::vector<std::string> owner_ids_;
  std::unordered_map<std::string, const Owner*> folded_owner_names_;  // first declaration wins
  std::size_t suggestions_used_ = 0;
  std::unordered_map<std::string, SourceLocation> field_ids_;
  std::unordered_map<std::string, SourceLocation> task_ids_;
  std::unordered_map<std::string, SourceLocation> activity_ids_;
};

std::string join_path(const std::string& directory, const std::string& name) {
  if (directory.empty() || directory == ".") return name;
  if (directory.back() == '/') return directory + name;
  return directory + "/" + name;
}

// Hidden files are editors' lock and backup files (Emacs leaves a dangling `.#name.yaml` link).
bool is_plan_file_name(const std::string& name) {
  return !name.starts_with(".") && (name.ends_with(".yaml") || name.ends_with(".yml"));
}

// Exact, so that a file one byte over the limit does not read "16.0 MiB; the limit is 16.0 MiB".
std::string human_size(std::uint64_t bytes) {
  if (bytes > 0 && bytes % (1024 * 1024) == 0) return fmt::format("{} MiB", bytes / (1024 * 1024));
  if (bytes > 0 && bytes % 1024 == 0) return fmt::format("{} KiB", bytes / 1024);
  return fmt::format("{} bytes", bytes);
}

std::string too_large_message(std::uint64_t size, std::uint64_t limit, bool at_least) {
  return fmt::format("file is too large ({}{}; the limit is {}, raise it with --max-file-size)",
                     at_least ? "more than " : "", human_size(size), human_size(limit));
}

// Below this many bytes in all, a plan is parsed on the calling thread (the shipped plan is 34 KB).
constexpr std::size_t parallel_threshold = 1024 * 1024;

// What reading one file yields before the schema walk: its encoding and syntax problems and its
// tree. Files are independent up to here, so this part runs on several cores.
struct ParsedFile {
  std::vector<Diagnostic> diagnostics;
  Node root;
};

ParsedFile parse_source(const std::string& path, std::string content, std::uint64_t max_size) {
  ParsedFile parsed;
  FileReport report(path, parsed.diagnostics);
  if (content.size() > max_size)
    report.error(0, 0, too_large_message(content.size(), max_size, false));
  else if (auto text = check_encoding(std::move(content), report))
    parsed.root = yaml::parse(*text, report);
  return parsed;
}

// The schema walk shares the id and owner tables, so files go through it one at a time, in order.
void walk_file(PlanBuilder& builder, FileReport& report, ParsedFile parsed, bool is_plan) {
  for (Diagnostic& d : parsed.diagnostics)
    report.add(d.severity, d.line, d.column, std::move(d.message));
  if (!parsed.root.is_null()) {
    if (is_plan)
      builder.read_plan_file(report, parsed.root);
    else
      builder.read_field_file(report, parsed.root);
  } else if (report.count() == 0) {
    report.error(1, 1,
                 is_plan ? "plan.yaml is empty; it needs 'plan' and 'owners'"
                         : "field file is empty; it needs 'field', 'title' and 'tasks'");
  }
  report.finish();
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

// Reads one plan file, or says in `problem` why not. The checks look at the opened file, not at
// its name, which may change in between; O_NONBLOCK keeps a FIFO from blocking the open, and
// reading stops past the limit so that a device or a growing file cannot exhaust memory.
std::optional<std::string> read_plan_file(const std::string& path, std::uint64_t limit,
                                          std::string& problem) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    problem = errno == ELOOP ? "is a symbolic link that loops back on itself; point it at a file"
                             : fmt::format("cannot read: {}", std::strerror(errno));
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    problem = fmt::format("cannot read: {}", std::strerror(errno));
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    problem = "is a directory, not a YAML file; rename it so it does not end in .yaml";
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    problem = "is not a regular file (a FIFO, device or socket); plan files must be plain files";
    return std::nullopt;
  }
  auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > limit) {
    problem = too_large_message(size, limit, false);
    return std::nullopt;
  }
  std::string content(static_cast<std::size_t>(size), '\0');
  std::size_t used = 0;
  while (true) {
    if (used == content.size()) {
      if (content.size() > limit) {
        problem = too_large_message(limit, limit, true);
        return std::nullopt;
      }
      content.resize(std::max<std::size_t>(4096, content.size() + content.size() / 2));
    }
    ssize_t n = ::read(fd.get(), content.data() + used, content.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      problem = fmt::format("cannot read: {}", std::strerror(errno));
      return std::nullopt;
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  content.resize(used);
  if (used > limit) {
    problem = too_large_message(limit, limit, true);
    return std::nullopt;
  }
  return content;
}

}  // namespace

LoadResult load_plan_from_sources(const std::string& directory, std::vector<SourceFile> files,
                                  const LoadOptions& options) {
  LoadResult result;
  PlanBuilder builder(directory);
  auto plan_it = std::find_if(files.begin(), files.end(),
                              [](const SourceFile& f) { return f.name == "plan.yaml"; });
  if (plan_it == files.end()) throw Error("no plan.yaml in " + directory);
  std::stable_partition(files.begin(), files.end(),
                        [](const SourceFile& f) { return f.name == "plan.yaml"; });
  std::sort(files.begin() + 1, files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  // Parsing runs ahead on worker threads, at most one file per core, while this thread walks the
  // files in order; only a few trees are alive at once, so memory stays that of a sequential load.
  // Small plans are parsed inline: threads would cost more than they save.
  std::size_t total = 0;
  for (const SourceFile& file : files) total += file.content.size();
  const std::size_t workers =
      total < parallel_threshold ? 0 : std::max(1u, std::thread::hardware_concurrency());
  std::deque<std::future<ParsedFile>> pending;
  std::size_t next = 0;
  for (SourceFile& file : files) {
    const std::string path = join_path(directory, file.name);
    ParsedFile parsed;
    if (workers == 0) {
      parsed = parse_source(path, std::move(file.content), options.max_file_size);
    } else {
      for (; next < files.size() && pending.size() < workers; ++next)
        pending.push_back(std::async(std::launch::async, parse_source,
                                     join_path(directory, files[next].name),
                                     std::move(files[next].content), options.max_file_size));
      parsed = pending.front().get();
      pending.pop_front();
    }
    FileReport report(path, result.diagnostics);
    walk_file(builder, report, std::move(parsed), file.name == "plan.yaml");
  }
  result.plan = builder.finish();
  return result;
}

LoadResult load_plan(const std::string& directory, const LoadOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) throw Error(directory + " is not a directory");
  // symlink_status: a plan.yaml that is a broken link or a FIFO is reported as such below.
  if (!fs::exists(fs::symlink_status(fs::path(directory) / "plan.yaml", ec)))
    throw Error("no plan.yaml in " + directory);

  std::vector<std::string> names;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec))
    if (std::string name = it->path().filename().string(); is_plan_file_name(name))
      names.push_back(std::move(name));
  if (ec) throw Error(fmt::format("cannot read {}: {}", directory, ec.message()));

  LoadResult unreadable;
  std::vector<SourceFile> files;
  for (const std::string& name : names) {
    // The name goes into every diagnostic and JSON document about the file: it must print.
    if (find_forbidden_text(name)) {
      unreadable.diagnostics.push_back(
          {Severity::error, directory, 0, 0,
           fmt::format("file name {} is not valid UTF-8 or holds control characters; rename it",
                       quote_text(name))});
      continue;
    }
    std::string path = join_path(directory, name);
    std::string problem;
    if (auto content = read_plan_file(path, options.max_file_size, problem))
      files.push_back({name, std::move(*content)});
    else
      unreadable.diagnostics.push_back({Severity::error, path, 0, 0, std::move(problem)});
  }
  std::sort(unreadable.diagnostics.begin(), unreadable.diagnostics.end(),
            [](const Diagnostic& a, const Diagnostic& b) { return a.file < b.file; });
  if (std::none_of(files.begin(), files.end(),
                   [](const SourceFile& f) { return f.name == "plan.yaml"; })) {
    if (unreadable.diagnostics.empty()) throw Error("no plan.yaml in " + directory);
    unreadable.plan.directory = directory;
    return unreadable;
  }
  LoadResult result = load_plan_from_sources(directory, std::move(files), options);
  result.diagnostics.insert(result.diagnostics.begin(), unreadable.diagnostics.begin(),
                            unreadable.diagnostics.end());
  return result;
}

}  // namespace parplan
