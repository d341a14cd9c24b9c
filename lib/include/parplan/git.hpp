#pragma once

// Reading a plan as it was at a git revision, through the `git` command (spawned directly, never
// through a shell), and loading single files for `git diff`'s external diff driver.

#include <optional>
#include <string>
#include <vector>

#include "parplan/loader.hpp"

namespace parplan::git {

struct Output {
  int status = 0;  // exit status; 128 + signal number when git was killed
  std::string out;
  std::string err;
};

// Runs `git args...` in `directory` with stdin from /dev/null and captures both streams. Throws
// parplan::Error when git cannot be started (not installed).
Output run(const std::vector<std::string>& args, const std::string& directory);

// Where a directory sits in its repository.
struct Location {
  std::string top;   // the work tree's top directory, absolute
  std::string path;  // the directory relative to top, "" at the top itself
};
// Throws parplan::Error when `directory` is not inside a git work tree.
Location locate(const std::string& directory);

// The commit id a revision names (HEAD~1, main, v2024-06, HEAD@{1.week.ago}, a hash). Refuses
// anything starting with '-' (git would read it as an option) and ranges (A..B, A...B) before
// git sees them; an unknown revision throws parplan::Error.
std::string resolve_commit(const std::string& top, const std::string& revision);

// The plan in `plan_directory` (a directory of the work tree) as it was at `revision`, checked
// like load_plan. Files are named `<revision>:<path in repository>` (`<revision>:./plan.yaml` for
// a plan at the top), so every diagnostic says which version it belongs to. Throws
// parplan::Error when the revision is unknown or the plan directory did not exist at it.
LoadResult load_plan_at(const std::string& revision, const std::string& plan_directory,
                        const LoadOptions& options = {});

// One version of one plan file, as git gives it to a diff driver.
struct FileVersion {
  std::string label;                   // the plan directory's name for this side, e.g. "a/data"
  std::string name;                    // the file's name in it: plan.yaml or a field file
  std::optional<std::string> content;  // nullopt: the file does not exist on this side
};
struct FileVersions {
  LoadResult old_side;
  LoadResult new_side;
};

// For the diff driver, which sees one file at a time: loads both versions of a plan file as plans
// of their own, to compare with diff_plans. plan.yaml loads as it is. A field file borrows the
// year and owners of `context` (the work tree's plan.yaml); owners either version names that
// `context` lacks are declared under their ids on both sides, so an old version whose owners have
// since been removed still loads and only the file's own changes show. A missing side is a plan
// without that file, so its activities read as added or removed.
FileVersions load_file_versions(const FileVersion& old_version, const FileVersion& new_version,
                                const Plan& context, const LoadOptions& options = {});

}  // namespace parplan::git
