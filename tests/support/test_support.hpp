#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parplan/model.hpp"

namespace parplan::test {

// Absolute path of a file in the source tree, e.g. source_path("tests/fixtures/ok").
std::string source_path(const std::string& relative);

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  double seconds = 0;      // wall-clock time of the run
  double cpu_seconds = 0;  // user + system time of the child (wait4)
  long max_rss_kb = 0;     // peak resident memory of the child (wait4)
};

struct RunOptions {
  std::string cwd;                         // empty: the source tree root
  std::map<std::string, std::string> env;  // added to a clean environment (NO_COLOR unset)
  std::string stdin_text;
};

// Runs the built parplan binary with `args` (no shell involved) and captures everything.
RunResult run_parplan(const std::vector<std::string>& args, const RunOptions& options = {});
// Runs any program the same way, e.g. git or cmark-gfm.
RunResult run_program(const std::vector<std::string>& argv, const RunOptions& options = {});

// Runs `parplan COMMAND ARGS... --format json` from the source root, requires exit 0 and returns
// the parsed output.
nlohmann::json run_json(const std::string& command, std::vector<std::string> args);
// The "id" of each activity object in a JSON array, in order.
std::vector<std::string> ids_of(const nlohmann::json& activities);

// The plan in a source-tree directory, e.g. "tests/fixtures/due-all-kinds", loaded once per test
// binary; requires that it loads without errors.
const parplan::Plan& fixture_plan(const std::string& relative);

// A fresh directory under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::string str() const { return path_.string(); }
  // Writes a file (creating directories) and returns its path.
  std::string write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::string& path);
// Copies a directory tree (e.g. data/) into dest.
void copy_tree(const std::string& from, const std::string& to);

}  // namespace parplan::test
