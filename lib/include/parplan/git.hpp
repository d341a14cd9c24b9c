#pragma once

// Reading a plan as it was at a git revision, through the `git` command (spawned directly, never
// through a shell), and loading single files for `git diff`'s external diff driver.
//
// Every git call is hardened the same way: no pager, no fsmonitor, no hooks, no external diff or
// textconv, no terminal prompt, no optional locks, and no protocol allowed, so that a partial
// clone never fetches (or runs core.sshCommand) to fill in a missing object.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/loader.hpp"

namespace parplan::util {
class Child;
}

namespace parplan::git {

// How git is run. The CLI finds git once on PATH (the library reads no environment).
struct Options {
  std::string program;                        // absolute path of git; empty: there is none on PATH
  std::chrono::milliseconds timeout{30'000};  // per git call (--git-timeout)
};

// The absolute path of `git` in a PATH value, relative entries skipped; "" when there is none.
std::string find_git(std::string_view path_variable);

struct Output {
  int status = 0;  // exit status; 128 + signal number when git was killed
  std::string out;
  std::string err;
};

// Runs `git args...` hardened (see above) in `directory`. Throws parplan::Error when git cannot
// be started, misses the deadline or writes more than 1 GiB.
Output run(const std::vector<std::string>& args, const std::string& directory,
           const Options& options);

// git's "warning: ..." lines of a run's stderr, without the prefix, escaped for a terminal.
std::vector<std::string> warnings_of(const std::string& err);

// Where a directory sits in its repository.
struct Location {
  std::string top;   // the work tree's top directory, absolute
  std::string path;  // the directory relative to top, "" at the top itself
};
// Throws parplan::Error when `directory` is not inside a git work tree (a bare repository or a
// GIT_DIR without a work tree included); `without_git` ends the message with what to do instead.
Location locate(const std::string& directory, const Options& options,
                std::string_view without_git = "");

struct Commit {
  std::string id;
  std::vector<std::string> warnings;  // git's own, e.g. "log for 'HEAD' only goes back to ..."
};
// The commit a revision names (HEAD~1, main, v2024-06, HEAD@{1.week.ago}, :/message, a hash).
// Refuses anything starting with '-' (git would read it as an option), ranges (A..B, A...B) and
// index paths (:path, :0:path) before git sees them; an unknown revision throws parplan::Error.
Commit resolve_commit(const std::string& top, const std::string& revision, const Options& options);

// One entry of `git ls-tree`.
struct TreeEntry {
  std::string mode;    // "100644", "100755", "120000" (a symbolic link), "040000", "160000"
  std::string type;    // blob, tree or commit (a submodule)
  std::string object;  // its id
  std::string name;
};
// The entries of a tree (`<commit>:<path>`). nullopt when there is no such tree.
std::optional<std::vector<TreeEntry>> list_tree(const std::string& top, const std::string& tree,
                                                const Options& options);

// One `git cat-file --batch-command` process that reads any number of objects of a repository,
// in as many calls as needed (one process for a whole revision, or for a whole history).
class ObjectReader {
 public:
  ObjectReader(const std::string& top, const Options& options);
  ~ObjectReader();
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;

  struct Object {
    std::string name;      // as asked for: an object id or `<commit>:<path>`
    bool missing = false;  // not in the repository (a partial clone lacks it, or no such name)
    std::string type;      // blob, tree, commit, tag
    std::uint64_t size = 0;
    std::optional<std::string> content;  // nullopt when missing or larger than the cap
  };
  // The objects named, in order; contents of objects over `cap` bytes are not read. Throws
  // parplan::Error when git dies or misses the deadline.
  std::vector<Object> read(const std::vector<std::string>& names, std::uint64_t cap);

 private:
  std::unique_ptr<util::Child> child_;
  std::chrono::milliseconds timeout_;
};

// The plan in `plan_directory` (a directory of the work tree) as it was at `revision`, read
// exactly as load_plan reads the working tree. Files are named `<revision>:<path in repository>`
// (`<revision>:./plan.yaml` for a plan at the top), so every diagnostic says which version it
// belongs to. Throws parplan::Error when the revision is unknown, the plan directory did not
// exist at it, or a partial clone lacks its files.
struct PlanAtRevision {
  LoadResult loaded;
  std::vector<std::string> warnings;  // git's warnings about the revision, to pass on
};
PlanAtRevision load_plan_at(const std::string& revision, const std::string& plan_directory,
                            const LoadOptions& load_options, const Options& options);

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
