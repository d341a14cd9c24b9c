#include "parplan/history.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "encoding.hpp"
#include "parplan/error.hpp"
#include "parplan/query.hpp"
#include "plan_files.hpp"

namespace parplan::history {

namespace {

// One commit of `git log --raw -z`: its header, then the files it changed under the plan
// directory (name -> new blob, or nullopt when deleted).
struct LoggedCommit {
  Commit commit;
  bool has_parents = false;
  // The first commit under a directory the plan was renamed to: its files are the whole plan.
  bool renamed_here = false;
  std::vector<std::pair<std::string, std::optional<std::string>>> changed;
};

constexpr char record_start = '\x01';

// `git log -z --raw --format=%x01%H%x00%h%x00%P%x00%as%x00%an%x00%s`: per commit the header
// fields, each ended by NUL (none can hold a NUL), then raw entries `:meta\0path\0`. Read in
// order rather than split on %x01, so a subject holding that byte cannot derail the parse.
std::vector<LoggedCommit> parse_log(std::string_view out, const std::string& prefix) {
  std::vector<LoggedCommit> commits;
  std::size_t pos = 0;
  auto field = [&]() -> std::optional<std::string_view> {
    std::size_t end = out.find('\0', pos);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view text = out.substr(pos, end - pos);
    pos = end + 1;
    return text;
  };
  while (pos < out.size()) {
    if (out[pos] == '\n' || out[pos] == '\0') {
      ++pos;
      continue;
    }
    if (out[pos] == record_start) {
      ++pos;
      std::string_view parts[6];
      for (std::string_view& part : parts) {
        auto text = field();
        if (!text) return commits;
        part = *text;
      }
      LoggedCommit c;
      c.commit = {std::string(parts[0]), std::string(parts[1]), std::string(parts[3]),
                  escape_text(parts[4]), escape_text(parts[5])};
      c.has_parents = !parts[2].empty();
      commits.push_back(std::move(c));
      continue;
    }
    // ":100644 100644 <old> <new> M" then the path.
    auto meta = field();
    auto path = field();
    if (!meta || !path || commits.empty()) break;
    if (!path->starts_with(prefix)) continue;
    std::string_view name = path->substr(prefix.size());
    if (name.find('/') != std::string_view::npos || !is_plan_file_name(name)) continue;
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < meta->size();) {
      std::size_t j = std::min(meta->find(' ', i), meta->size());
      words.push_back(meta->substr(i, j - i));
      i = j + 1;
    }
    if (words.size() < 5) continue;
    std::optional<std::string> blob;
    // Deleted, or no longer a file git can give (a submodule or a link is not a plan file).
    if (words[4] != "D" && words[1] != "160000" && words[1] != "120000" && words[1] != "040000")
      blob = std::string(words[3]);
    commits.back().changed.emplace_back(std::string(name), std::move(blob));
  }
  return commits;
}

// The files of the plan directory at one commit: name -> blob.
using Tree = std::map<std::string, std::string>;

class Reader {
 public:
  Reader(const std::string& top, const std::string& label, const LoadOptions& load,
         const git::Options& options)
      : objects_(top, options), label_(label), load_(load) {}

  git::ObjectReader& objects() { return objects_; }

  // Reads every blob named in `trees` that is not read yet, in one exchange.
  void fetch(const std::vector<Tree>& trees) {
    std::vector<std::string> wanted;
    std::unordered_set<std::string> asked;
    for (const Tree& tree : trees)
      for (const auto& [name, blob] : tree)
        if (!contents_.contains(blob) && asked.insert(blob).second) wanted.push_back(blob);
    auto read = objects_.read(wanted, load_.max_file_size);
    for (std::size_t i = 0; i < read.size(); ++i) {
      if (read[i].missing)
        throw Error(
            "this clone lacks the file contents of some commits (partial clone); fetch them "
            "first, e.g. git fetch origin");
      contents_[wanted[i]] = std::move(read[i].content);
    }
  }

  // The plan at a tree, or null when it does not load without errors. With `only`, just those
  // field files (plan.yaml always gives the year and owners): comparing two versions needs only
  // the files that differ between them. One file or none is the plan its load gave, shared, not
  // copied: copying plans per commit would cost more than everything else.
  std::shared_ptr<const Plan> plan(const Tree& tree,
                                   const std::optional<std::set<std::string>>& only = {}) {
    auto plan_yaml = tree.find("plan.yaml");
    if (plan_yaml == tree.end()) return nullptr;
    std::shared_ptr<const LoadResult> context = plan_file(plan_yaml->second);
    if (!context) return nullptr;
    std::vector<std::shared_ptr<const LoadResult>> files;
    for (const auto& [name, blob] : tree) {
      if (name == "plan.yaml" || (only && !only->contains(name))) continue;
      files.push_back(field_file(plan_yaml->second, name, blob, context->plan));
      if (!files.back()) return nullptr;
    }
    if (only && files.size() <= 1) {
      const auto& loaded = files.empty() ? context : files.front();
      return {loaded, &loaded->plan};
    }
    auto plan = std::make_shared<Plan>();
    plan->info = context->plan.info;
    plan->directory = label_;
    for (const Owner& owner : context->plan.owners()) plan->add_owner(owner);
    for (const auto& loaded : files)
      plan->fields.insert(plan->fields.end(), loaded->plan.fields.begin(),
                          loaded->plan.fields.end());
    // Each file was checked alone: an id in two files is the one check left to make.
    if (!only) {
      std::unordered_set<std::string_view> ids;
      for (const Activity* a : plan->activities())
        if (!ids.insert(a->id).second) return nullptr;
    }
    return plan;
  }

  // Loads every field-file version of `trees` not loaded yet, on all cores: the versions are
  // independent, and parsing them is most of the work of a long history.
  void preload(const std::vector<Tree>& trees) {
    struct Job {
      std::string key;
      std::shared_ptr<const LoadResult> context;
      std::string name;
      const std::string* text;
    };
    std::vector<Job> jobs;
    std::unordered_set<std::string> seen;
    for (const Tree& tree : trees) {
      auto plan_yaml = tree.find("plan.yaml");
      if (plan_yaml == tree.end()) continue;
      std::shared_ptr<const LoadResult> context = plan_file(plan_yaml->second);
      if (!context) continue;
      for (const auto& [name, blob] : tree) {
        std::string key = plan_yaml->second + '\0' + name + '\0' + blob;
        const std::optional<std::string>& content = text(blob);
        if (name == "plan.yaml" || !content || field_files_.contains(key) ||
            !seen.insert(key).second)
          continue;
        jobs.push_back({std::move(key), context, name, &*content});
      }
    }
    std::vector<std::shared_ptr<const LoadResult>> loaded(jobs.size());
    const std::size_t workers = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::future<void>> running;
    for (std::size_t w = 0; w < workers; ++w)
      running.push_back(std::async(std::launch::async, [&, w] {
        for (std::size_t j = w; j < jobs.size(); j += workers)
          loaded[j] = std::make_shared<const LoadResult>(load_fields_from_sources(
              label_, jobs[j].context->plan, {{jobs[j].name, *jobs[j].text}}, load_));
      }));
    for (auto& job : running) job.get();
    for (std::size_t j = 0; j < jobs.size(); ++j)
      field_files_.emplace(std::move(jobs[j].key), std::move(loaded[j]));
  }

  // A blob's text as read (nullopt when it was over the size limit).
  const std::optional<std::string>& text(const std::string& blob) { return contents_[blob]; }

 private:
  // Null when the file does not load without errors (or is too large to read).
  std::shared_ptr<const LoadResult> checked(std::shared_ptr<const LoadResult> loaded) {
    return loaded && loaded->ok() ? loaded : nullptr;
  }

  std::shared_ptr<const LoadResult> plan_file(const std::string& blob) {
    auto [it, fresh] = plan_files_.try_emplace(blob);
    if (fresh)
      if (const auto& loaded_text = text(blob))
        it->second = std::make_shared<const LoadResult>(
            load_plan_from_sources(label_, {{"plan.yaml", *loaded_text}}, load_));
    return checked(it->second);
  }

  std::shared_ptr<const LoadResult> field_file(const std::string& plan_blob,
                                               const std::string& name, const std::string& blob,
                                               const Plan& context) {
    auto [it, fresh] = field_files_.try_emplace(plan_blob + '\0' + name + '\0' + blob);
    if (fresh)
      if (const auto& loaded_text = text(blob))
        it->second = std::make_shared<const LoadResult>(
            load_fields_from_sources(label_, context, {{name, *loaded_text}}, load_));
    return checked(it->second);
  }

  git::ObjectReader objects_;
  std::string label_;
  LoadOptions load_;
  std::unordered_map<std::string, std::optional<std::string>> contents_;  // nullopt: too large
  std::unordered_map<std::string, std::shared_ptr<const LoadResult>> plan_files_;
  std::unordered_map<std::string, std::shared_ptr<const LoadResult>> field_files_;
};

// The directory `path`/plan.yaml was renamed from by `commit` (against its first parent), if it
// was: `git mv plan data` keeps the plan's history under its old name.
std::optional<std::string> renamed_from(const std::string& top, const std::string& commit,
                                        const std::string& path, const git::Options& options) {
  git::Output out = git::run({"diff-tree", "-r", "-M", "--raw", "-z", "--no-commit-id",
                              "--end-of-options", commit + "^", commit},
                             top, options);
  if (out.status != 0) return std::nullopt;
  // ":meta R100\0from\0to\0" for a rename, ":meta M\0path\0" otherwise.
  std::string_view rest(out.out);
  auto next = [&]() {
    std::size_t end = std::min(rest.find('\0'), rest.size());
    std::string_view item = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    return item;
  };
  while (!rest.empty()) {
    std::string_view meta = next();
    std::string_view first = next();
    if (meta.empty() || meta[meta.rfind(' ') + 1] != 'R') continue;
    std::string_view second = next();
    if (second == path + "/plan.yaml") {
      std::size_t slash = first.rfind('/');
      return std::string(slash == std::string_view::npos ? "" : first.substr(0, slash));
    }
  }
  return std::nullopt;
}

// Every first-parent commit up to `since`, which give no entries.
std::unordered_set<std::string> commits_up_to(const std::string& top, const std::string& since,
                                              const git::Options& options) {
  git::Output out =
      git::run({"rev-list", "--first-parent", "--end-of-options", since}, top, options);
  if (out.status != 0) throw Error(fmt::format("cannot list the history of {}", since));
  std::unordered_set<std::string> ids;
  for (std::size_t pos = 0; pos < out.out.size();) {
    std::size_t end = std::min(out.out.find('\n', pos), out.out.size());
    if (end > pos) ids.insert(out.out.substr(pos, end - pos));
    pos = end + 1;
  }
  return ids;
}

// A commit with no parents in the log but a parent line in its object is a shallow clone's
// graft.
bool is_graft(git::ObjectReader& objects, const std::string& id) {
  auto object = objects.read({id}, 1 << 20);
  return object[0].content && object[0].content->find("\nparent ") != std::string::npos;
}

// Gives each entry the id its activity has at the newest version: walking back, a renumbering
// from A to B hands B's lineage to A.
void assign_lineages(std::vector<Entry>& entries) {
  std::unordered_map<std::string, std::string> lineage;
  auto of = [&](const std::string& id) {
    auto it = lineage.find(id);
    return it == lineage.end() ? id : it->second;
  };
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    it->lineage = of(it->diff.id);
    if (it->diff.renumbered()) {
      lineage[it->diff.old_activity->id] = it->lineage;
      lineage.erase(it->diff.new_activity->id);
    }
  }
}

std::optional<std::string> blob_of(const Tree& tree, const std::string& name) {
  auto it = tree.find(name);
  return it == tree.end() ? std::nullopt : std::optional(it->second);
}

// The field files that differ between two versions, when plan.yaml is the same: only they can
// hold changes. nullopt when plan.yaml differs: owners and the year reach every file.
std::optional<std::set<std::string>> changed_files(const Tree& from, const Tree& to) {
  if (blob_of(from, "plan.yaml") != blob_of(to, "plan.yaml")) return std::nullopt;
  std::set<std::string> names;
  for (const Tree* side : {&from, &to})
    for (const auto& [name, blob] : *side)
      if (blob_of(from, name) != blob_of(to, name)) names.insert(name);
  return names;
}

// Which commits can change the activities named (all commits when none are): walking back from
// the newest, a commit matters when a file it changed mentions one of their ids (or plan.yaml
// changed); only those are parsed, and a renumbering found there adds the earlier id. A history
// of thousands of commits then parses the few that touch one activity.
std::vector<bool> relevant_commits(const std::vector<Tree>& trees,
                                   const std::vector<std::string>& ids, Reader& reader) {
  std::vector<bool> relevant(trees.size(), ids.empty());
  if (ids.empty()) return relevant;
  std::set<std::string> wanted(ids.begin(), ids.end());
  const Tree none;
  for (std::size_t i = trees.size(); i-- > 0;) {
    const Tree& from = i == 0 ? none : trees[i - 1];
    const Tree& to = trees[i];
    std::optional<std::set<std::string>> only = changed_files(from, to);
    bool mentions = !only;
    for (const std::string& name : only ? *only : std::set<std::string>{})
      for (const Tree* side : {&from, &to})
        if (auto blob = blob_of(*side, name)) {
          const std::optional<std::string>& text = reader.text(*blob);
          for (const std::string& id : wanted)
            mentions = mentions || !text || text->find(id) != std::string::npos;
        }
    relevant[i] = mentions;
    if (!mentions) continue;
    auto old_plan = from.contains("plan.yaml") ? reader.plan(from, only) : nullptr;
    auto new_plan = to.contains("plan.yaml") ? reader.plan(to, only) : nullptr;
    if (!old_plan || !new_plan) continue;
    for (const ActivityDiff& d : diff_plans(*old_plan, *new_plan).activities)
      if (d.renumbered() && wanted.contains(d.new_activity->id)) wanted.insert(d.old_activity->id);
  }
  return relevant;
}

}  // namespace

History read_history(const std::string& plan_directory, const ReadOptions& options,
                     const git::Options& git_options) {
  git::Location where = git::locate(plan_directory, git_options, history_needs_git);
  History history;
  history.directory = where.path.empty() ? "." : where.path;
  std::vector<LoggedCommit> logged;
  std::string tip = options.tip;
  std::string path = where.path;
  // One git log per name the plan directory had: newest first, each earlier one reached
  // through the commit that renamed the directory.
  while (true) {
    std::vector<std::string> args = {"log",
                                     "--first-parent",
                                     "--reverse",
                                     "--no-renames",
                                     "--raw",
                                     "-z",
                                     "--format=%x01%H%x00%h%x00%P%x00%as%x00%an%x00%s%x00",
                                     "--end-of-options",
                                     tip,
                                     "--"};
    if (!path.empty()) args.push_back(":(top,literal)" + path);
    git::Output log = git::run(args, where.top, git_options);
    if (log.status != 0)
      throw Error(fmt::format("cannot read the history of {}: {}", history.directory,
                              escape_text(log.err.substr(0, log.err.find('\n')))));
    std::vector<LoggedCommit> part = parse_log(log.out, path.empty() ? "" : path + "/");
    if (part.empty()) break;
    const std::string oldest = part.front().commit.id;
    const bool has_parents = part.front().has_parents;
    if (!logged.empty()) logged.front().renamed_here = true;
    logged.insert(logged.begin(), std::make_move_iterator(part.begin()),
                  std::make_move_iterator(part.end()));
    if (!has_parents || path.empty()) break;
    std::optional<std::string> from = renamed_from(where.top, oldest, path, git_options);
    if (!from) break;
    tip = oldest + "^";
    path = *from;
  }
  std::unordered_set<std::string> before;
  if (options.since) before = commits_up_to(where.top, *options.since, git_options);

  // The tree of the plan directory after each commit.
  std::vector<Tree> trees;
  Tree current;
  for (const LoggedCommit& c : logged) {
    if (c.renamed_here) current.clear();
    for (const auto& [name, blob] : c.changed) {
      if (blob)
        current[name] = *blob;
      else
        current.erase(name);
    }
    trees.push_back(current);
  }
  Reader reader(where.top, history.directory, options.load, git_options);
  reader.fetch(trees);

  if (options.ids.empty()) reader.preload(trees);
  std::vector<bool> relevant = relevant_commits(trees, options.ids, reader);
  // The last version whose plan loaded, as a tree: each commit is compared with it.
  Tree previous;
  const auto empty = std::make_shared<const Plan>();
  for (std::size_t i = 0; i < logged.size(); ++i) {
    const LoggedCommit& c = logged[i];
    const Tree& tree = trees[i];
    if (i == 0 && !c.has_parents && is_graft(reader.objects(), c.commit.id)) {
      history.cut_off = c.commit;
      previous = tree;
      continue;
    }
    history.commits.push_back(c.commit);
    if (!relevant[i]) {
      previous = tree;
      continue;
    }
    std::optional<std::set<std::string>> only = changed_files(previous, tree);
    std::shared_ptr<const Plan> plan = tree.contains("plan.yaml") ? reader.plan(tree, only) : empty;
    if (!plan) {
      history.commits.pop_back();
      history.unloadable.push_back(c.commit.short_id);
      continue;
    }
    if (!before.contains(c.commit.id) && !(only && only->empty())) {
      // The earlier version loaded whole before, so its files load again (from the cache).
      std::shared_ptr<const Plan> old_plan =
          previous.contains("plan.yaml") ? reader.plan(previous, only) : empty;
      PlanDiff diff = diff_plans(*old_plan, *plan);
      if (!diff.activities.empty()) {
        history.plans.push_back(old_plan);
        history.plans.push_back(plan);
      }
      for (ActivityDiff& d : diff.activities)
        history.entries.push_back(
            {history.commits.size() - 1, {}, std::move(d), old_plan.get(), plan.get()});
    }
    previous = tree;
  }
  if (previous.contains("plan.yaml")) history.latest = reader.plan(previous);
  assign_lineages(history.entries);
  return history;
}

std::vector<std::string> lineages_of(const History& history, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    std::optional<std::string> found;
    for (const Entry& e : history.entries)
      for (const Activity* a : {e.diff.old_activity, e.diff.new_activity})
        if (a && a->id == id) found = e.lineage;
    if (!found && history.latest)
      for (const Activity* a : history.latest->activities())
        if (a->id == id) found = id;
    if (!found)
      throw Error(
          fmt::format("no activity {} in the history of {}", quote_text(id), history.directory));
    if (std::find(out.begin(), out.end(), *found) == out.end()) out.push_back(*found);
  }
  return out;
}

}  // namespace parplan::history
