#include "parplan/loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <unordered_map>

#include "encoding.hpp"
#include "parplan/error.hpp"
#include "parplan/suggest.hpp"
#include "parplan/unicode.hpp"
#include "yaml_tree.hpp"

namespace parplan {

namespace fs = std::filesystem;
using yaml::Node;

namespace {

using KeyHandler = std::function<void(const Node& key, const Node& value)>;

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// Walks one file's tree against the schema, reporting every problem with its position.
class Walker {
 public:
  Walker(const std::string& file, std::vector<Diagnostic>& out) : file_(file), out_(out) {}

  void error(const Node& at, std::string message) {
    out_.push_back({Severity::error, file_, at.line, at.column, std::move(message)});
  }
  void warning(const Node& at, std::string message) {
    out_.push_back({Severity::warning, file_, at.line, at.column, std::move(message)});
  }
  [[nodiscard]] const std::string& file() const { return file_; }

  bool expect(const Node& node, Node::Kind kind, std::string_view what) {
    if (node.kind == kind) return true;
    error(node, fmt::format("{} must be {}, not {}", what, yaml::describe(kind),
                            yaml::describe(node.kind)));
    return false;
  }

  // Calls `handle` for each known key; reports unknown keys and missing required ones.
  void each_key(const Node& map, std::string_view context, const std::vector<std::string>& allowed,
                const std::vector<std::string>& required, const KeyHandler& handle) {
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2) {
      const Node& key = map.items[i];
      if (!key.is_scalar()) continue;  // already reported by the parser
      seen.insert(key.value);
      if (std::find(allowed.begin(), allowed.end(), key.value) == allowed.end()) {
        if (auto guess = did_you_mean(key.value, allowed))
          error(key, fmt::format("unknown key '{}' in {}; did you mean '{}'?", key.value, context,
                                 *guess));
        else
          error(key, fmt::format("unknown key '{}' in {} (expected one of: {})", key.value, context,
                                 join(allowed, ", ")));
        continue;
      }
      handle(key, map.items[i + 1]);
    }
    for (const std::string& key : required)
      if (!seen.contains(key))
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
      error(value, fmt::format("'{}' must be a month from 1 to 12 or YYYY-MM, got '{}'", key.value,
                               value.value));
    return ym;
  }

  [[nodiscard]] SourceLocation location(const Node& node) const {
    return {file_, node.line, node.column};
  }

 private:
  const std::string& file_;
  std::vector<Diagnostic>& out_;
};

std::string where(const SourceLocation& loc) {
  return fmt::format("{}:{}:{}", loc.file, loc.line, loc.column);
}

class PlanBuilder {
 public:
  PlanBuilder(std::string directory, std::vector<Diagnostic>& out) : out_(out) {
    plan_.directory = std::move(directory);
  }

  void read_plan_file(const std::string& file, const Node& root) {
    Walker w(file, out_);
    if (!w.expect(root, Node::Kind::map, "plan.yaml")) return;
    w.each_key(root, "plan.yaml", {"plan", "owners"}, {"plan", "owners"},
               [&](const Node& key, const Node& value) {
                 if (key.value == "plan") read_info(w, value);
                 if (key.value == "owners") read_owners(w, value);
               });
    owners_known_ = true;
    plan_.index_owners();
    for (const Owner& owner : plan_.owners) owner_ids_.push_back(owner.id);
  }

  void read_field_file(const std::string& file, const Node& root) {
    Walker w(file, out_);
    if (!w.expect(root, Node::Kind::map, "a field file")) return;
    Field field;
    field.file = file;
    field.location = w.location(root);
    const Node* tasks = nullptr;
    w.each_key(root, "field file", {"field", "title", "tasks"}, {"field", "title", "tasks"},
               [&](const Node& key, const Node& value) {
                 if (key.value == "field") {
                   field.id = w.text(key, value, true);
                   if (auto it = field_ids_.find(field.id);
                       !field.id.empty() && it != field_ids_.end())
                     w.error(value, fmt::format("duplicate field '{}' (first defined at {})",
                                                field.id, where(it->second)));
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
  void read_info(Walker& w, const Node& node) {
    if (!w.expect(node, Node::Kind::map, "'plan'")) return;
    PlanInfo& info = plan_.info;
    w.each_key(
        node, "plan", {"id", "title", "year", "issued_by", "language"}, {"id", "title", "year"},
        [&](const Node& key, const Node& value) {
          if (key.value == "id") info.id = w.text(key, value, true);
          if (key.value == "title") info.title = w.text(key, value, true);
          if (key.value == "issued_by") info.issued_by = w.text(key, value, false);
          if (key.value == "year") {
            std::string year = w.text(key, value, true);
            if (year.size() == 4 && year.find_first_not_of("0123456789") == year.npos)
              info.year = std::stoi(year);
            else if (!year.empty())
              w.error(value, fmt::format("'year' must be a four-digit year, got '{}'", year));
          }
          if (key.value == "language") {
            info.language = w.text(key, value, false);
            if (info.language != "vi" && info.language != "en" && !info.language.empty())
              w.error(value,
                      fmt::format("'language' must be 'vi' or 'en', got '{}'", info.language));
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
      if (value.is_scalar()) {  // shorthand: `snv: Sở Nội vụ`
        owner.name = value.value;
      } else if (w.expect(value, Node::Kind::map, fmt::format("owner '{}'", key.value))) {
        w.each_key(value, fmt::format("owner '{}'", key.value), {"name", "aliases"}, {"name"},
                   [&](const Node& k, const Node& v) {
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
    std::string context = id_node ? "task " + id_node->value : "task";
    w.each_key(
        node, context, {"id", "title", "activities"}, {"id", "title", "activities"},
        [&](const Node& key, const Node& value) {
          if (key.value == "id") {
            task.id = w.text(key, value, true);
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
    w.error(at, fmt::format("{} id '{}' does not start with its {} id '{}' (expected '{}.<n>')",
                            kind, id, parent_kind, parent, parent));
  }

  void check_unique(Walker& w, const Node& at,
                    std::unordered_map<std::string, SourceLocation>& seen, const std::string& id,
                    std::string_view kind) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, w.location(at));
    if (!inserted)
      w.error(at, fmt::format("duplicate {} id '{}' (first defined at {})", kind, id,
                              where(it->second)));
  }

  void check_owners(Walker& w, const std::vector<std::pair<std::string, const Node*>>& refs) {
    if (!owners_known_) return;
    for (const auto& [id, at] : refs) {
      if (plan_.find_owner(id)) continue;
      std::string message = fmt::format("unknown owner '{}'", id);
      if (auto guess = did_you_mean(id, owner_ids_))
        message += fmt::format("; did you mean '{}' ({})?", *guess, plan_.owner_name(*guess));
      else if (auto by_name = owner_by_folded_name(id))
        message += fmt::format("; did you mean '{}' ({})?", by_name->id, by_name->name);
      else
        message += "; declare it under 'owners' in plan.yaml";
      w.error(*at, message);
    }
  }

  // Someone wrote the agency's name where its id belongs.
  const Owner* owner_by_folded_name(const std::string& text) const {
    std::string folded = unicode::fold(text);
    for (const Owner& owner : plan_.owners)
      if (unicode::fold(owner.name) == folded) return &owner;
    return nullptr;
  }

  void read_activity(Walker& w, const Field& field, Task& task, const Node& node) {
    if (!w.expect(node, Node::Kind::map, "an activity")) return;
    Activity a;
    a.field = field.id;
    a.task = task.id;
    a.location = w.location(node);
    std::string context = "activity";
    for (std::size_t i = 0; i + 1 < node.items.size(); i += 2)
      if (node.items[i].is_scalar() && node.items[i].value == "id" && node.items[i + 1].is_scalar())
        context = "activity " + node.items[i + 1].value;

    const int year = plan_.info.year;
    const Node* start_node = nullptr;
    const Node* end_node = nullptr;
    const Node* completed_node = nullptr;
    std::vector<std::pair<std::string_view, const Node*>> schedule_keys;
    bool has_lead = false;
    static const std::vector<std::string> keys = {
        "id",  "title",    "result", "output", "note",   "lead",      "support", "start",
        "end", "schedule", "after",  "per",    "status", "completed", "progress"};
    w.each_key(
        node, context, keys, {"id", "title", "lead"}, [&](const Node& key, const Node& value) {
          const std::string& k = key.value;
          if (k == "id") {
            a.id = w.text(key, value, true);
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
              w.error(value, fmt::format("'schedule' must be 'ongoing' (Thường xuyên), got '{}'; "
                                         "use start/end, after: or per: for other schedules",
                                         text));
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
              w.error(value, fmt::format("invalid status '{}'; expected planned, in-progress, done "
                                         "or cancelled",
                                         text));
          } else if (k == "completed") {
            completed_node = &key;
            a.completed = w.month(key, value, year);
          } else if (k == "progress") {
            std::string text = w.text(key, value, true);
            bool digits = !text.empty() && text.size() <= 3 &&
                          text.find_first_not_of("0123456789") == std::string::npos;
            int value_pct = digits ? std::stoi(text) : -1;
            if (digits && value_pct <= 100)
              a.progress = value_pct;
            else if (!text.empty())
              w.error(
                  value,
                  fmt::format("'progress' must be a whole number from 0 to 100, got '{}'", text));
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
  std::vector<Diagnostic>& out_;
  bool owners_known_ = false;
  std::vector<std::string> owner_ids_;
  std::unordered_map<std::string, SourceLocation> field_ids_;
  std::unordered_map<std::string, SourceLocation> task_ids_;
  std::unordered_map<std::string, SourceLocation> activity_ids_;
};

std::string join_path(const std::string& directory, const std::string& name) {
  if (directory.empty() || directory == ".") return name;
  if (directory.back() == '/') return directory + name;
  return directory + "/" + name;
}

bool is_yaml_name(const std::string& name) {
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

void parse_file(PlanBuilder& builder, const std::string& path, std::string content, bool is_plan,
                std::vector<Diagnostic>& diagnostics) {
  std::size_t first = diagnostics.size();
  if (auto text = check_encoding(std::move(content), path, diagnostics)) {
    Node root = yaml::parse(*text, path, diagnostics);
    if (root.is_null() && first == diagnostics.size())
      diagnostics.push_back({Severity::error, path, 1, 1,
                             is_plan
                                 ? "plan.yaml is empty; it needs 'plan' and 'owners'"
                                 : "field file is empty; it needs 'field', 'title' and 'tasks'"});
    else if (is_plan)
      builder.read_plan_file(path, root);
    else if (!root.is_null())
      builder.read_field_file(path, root);
  }
  // Parser and schema problems interleave; present each file's in reading order.
  std::stable_sort(diagnostics.begin() + static_cast<std::ptrdiff_t>(first), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
}

std::string human_size(std::uint64_t bytes) {
  if (bytes >= 1024 * 1024) return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / 1048576);
  if (bytes >= 1024) return fmt::format("{:.1f} KiB", static_cast<double>(bytes) / 1024);
  return fmt::format("{} bytes", bytes);
}

}  // namespace

LoadResult load_plan_from_sources(const std::string& directory, std::vector<SourceFile> files,
                                  const LoadOptions& options) {
  LoadResult result;
  PlanBuilder builder(directory, result.diagnostics);
  auto plan_it = std::find_if(files.begin(), files.end(),
                              [](const SourceFile& f) { return f.name == "plan.yaml"; });
  if (plan_it == files.end()) throw Error("no plan.yaml in " + directory);
  std::stable_partition(files.begin(), files.end(),
                        [](const SourceFile& f) { return f.name == "plan.yaml"; });
  std::sort(files.begin() + 1, files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  for (SourceFile& file : files) {
    std::string path = join_path(directory, file.name);
    if (file.content.size() > options.max_file_size) {
      result.diagnostics.push_back(
          {Severity::error, path, 0, 0,
           fmt::format("file is too large ({}; the limit is {}, raise it with --max-file-size)",
                       human_size(file.content.size()), human_size(options.max_file_size))});
      continue;
    }
    parse_file(builder, path, std::move(file.content), file.name == "plan.yaml",
               result.diagnostics);
  }
  result.plan = builder.finish();
  return result;
}

LoadResult load_plan(const std::string& directory, const LoadOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) throw Error(directory + " is not a directory");
  if (!fs::exists(fs::path(directory) / "plan.yaml", ec))
    throw Error("no plan.yaml in " + directory);

  std::vector<std::string> names;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec))
    if (is_yaml_name(it->path().filename().string())) names.push_back(it->path().filename());
  if (ec) throw Error(fmt::format("cannot read {}: {}", directory, ec.message()));

  LoadResult unreadable;
  std::vector<SourceFile> files;
  for (const std::string& name : names) {
    std::string path = join_path(directory, name);
    auto fail = [&](std::string message) {
      unreadable.diagnostics.push_back({Severity::error, path, 0, 0, std::move(message)});
    };
    fs::file_status st = fs::status(path, ec);
    if (ec) {
      fail(fmt::format("cannot read: {}", ec.message()));
      continue;
    }
    if (fs::is_directory(st)) {
      fail("is a directory, not a YAML file; rename it so it does not end in .yaml");
      continue;
    }
    if (!fs::is_regular_file(st)) {
      fail("is not a regular file (a FIFO, device or socket); plan files must be plain files");
      continue;
    }
    std::uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > options.max_file_size) {
      fail(fmt::format("file is too large ({}; the limit is {}, raise it with --max-file-size)",
                       human_size(size), human_size(options.max_file_size)));
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::string content;
    if (in) {
      content.resize(static_cast<std::size_t>(ec ? 0 : size));
      in.read(content.data(), static_cast<std::streamsize>(content.size()));
      content.resize(static_cast<std::size_t>(in.gcount()));
    }
    if (!in && !in.eof()) {
      fail("cannot read the file");
      continue;
    }
    files.push_back({name, std::move(content)});
  }
  if (std::none_of(files.begin(), files.end(),
                   [](const SourceFile& f) { return f.name == "plan.yaml"; })) {
    if (!unreadable.diagnostics.empty()) {
      unreadable.plan.directory = directory;
      return unreadable;
    }
    throw Error("no plan.yaml in " + directory);
  }
  LoadResult result = load_plan_from_sources(directory, std::move(files), options);
  result.diagnostics.insert(result.diagnostics.begin(), unreadable.diagnostics.begin(),
                            unreadable.diagnostics.end());
  return result;
}

}  // namespace parplan
