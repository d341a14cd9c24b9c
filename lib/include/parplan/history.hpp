#pragma once

// The history of a plan kept in git (`parplan log`): every commit of the current branch's
// first-parent line that changed an activity, with the change in the plan's own terms.
//
// One `git log` lists the commits that touch the plan directory and the files each one changed;
// one `git cat-file --batch-command` reads the blobs; each distinct blob is parsed once (plan.yaml
// once per blob, each field file once per blob and plan.yaml it is read against). Consecutive
// versions are compared with diff_plans, so comments and formatting never show, and a moved
// activity is followed through match_renumbered.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/diff.hpp"
#include "parplan/git.hpp"
#include "parplan/loader.hpp"

namespace parplan::history {

struct Commit {
  std::string id;        // full hash
  std::string short_id;  // git's unique abbreviation
  std::string date;      // author date, YYYY-MM-DD
  std::string author;    // author name
  std::string subject;
};

// One activity changed by one commit.
struct Entry {
  std::size_t commit = 0;  // into History::commits
  // The activity's id at the newest version read: the entries of one activity share it across
  // renumberings.
  std::string lineage;
  ActivityDiff diff;
  const Plan* old_plan = nullptr;  // the versions compared, owned by the History
  const Plan* new_plan = nullptr;
};

struct History {
  std::string directory;        // the plan directory, relative to the top of the work tree
  std::vector<Commit> commits;  // the commits read, oldest first
  std::vector<Entry> entries;   // oldest first; within a commit by id
  // A shallow clone: the oldest commit git has, whose parents are missing. Its plan is the
  // starting point, so nothing before it is known and nothing in it shows as added.
  std::optional<Commit> cut_off;
  // Commits whose plan did not load (errors), by short id: their changes show with the next
  // commit whose plan loads.
  std::vector<std::string> unloadable;
  // The newest plan read (for --owner and --field); null when no commit touches the plan.
  std::shared_ptr<const Plan> latest;
  std::vector<std::shared_ptr<const Plan>> plans;  // every version the entries point into
};

struct ReadOptions {
  std::string tip = "HEAD";          // the newest commit to read (--until): a full hash or HEAD
  std::optional<std::string> since;  // commits up to this one (a full hash) give no entries
  // The activities wanted (any id they had); empty: all. Commits that cannot touch them are
  // not parsed, so their entries may be missing from the History.
  std::vector<std::string> ids;
  LoadOptions load;
};

// What to do when the plan is not in a git repository, for the commands that read its history.
inline constexpr std::string_view history_needs_git =
    "history comes from git: commit the plan to a git repository (git init, git add, git commit) "
    "first";

// Reads the history of the plan in `plan_directory` (a directory of a git work tree). Throws
// parplan::Error for git trouble (not a repository, an unknown revision, a partial clone lacking
// blobs).
History read_history(const std::string& plan_directory, const ReadOptions& options,
                     const git::Options& git_options);

// The lineages of the activities named (by any id they had), in the order given; throws
// parplan::Error naming an id no version of the plan had.
std::vector<std::string> lineages_of(const History& history, const std::vector<std::string>& ids);

}  // namespace parplan::history
