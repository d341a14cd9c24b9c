// Nothing lost: parplan never writes to the plan, and output it could not deliver is exit 2.

#include <doctest/doctest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>
#include <tuple>

#include "test_support.hpp"

namespace fs = std::filesystem;
using parplan::test::RunResult;
using parplan::test::source_path;
using parplan::test::TempDir;

extern char** environ;

namespace {

// `parplan validate --plan data` through sh, with the redirection `redirect` applied to it.
RunResult validate_with(const std::string& redirect) {
  return parplan::test::run_program(
      {"sh", "-c", "exec \"$0\" validate --plan data " + redirect, PARPLAN_BINARY});
}

// Everything about a directory tree that a write would change.
using Snapshot = std::map<std::string, std::tuple<std::string, fs::file_time_type, fs::perms>>;

Snapshot snapshot(const fs::path& dir) {
  Snapshot out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    std::string content = entry.is_regular_file() ? parplan::test::read_file(entry.path()) : "";
    out[fs::relative(entry.path(), dir).string()] = {content, entry.last_write_time(),
                                                     entry.status().permissions()};
  }
  return out;
}

}  // namespace

TEST_CASE("output errors: validate into /dev/full exits 2 with a message") {
  RunResult r = validate_with("> /dev/full");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "parplan: error: cannot write to standard output: No space left on device\n");
}

TEST_CASE("output errors: validate with stdout closed exits 2 with a message") {
  RunResult r = validate_with(">&-");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "parplan: error: cannot write to standard output: Bad file descriptor\n");
}

TEST_CASE("output errors: a reader that has gone away ends in exit 2 without a message") {
  // The pipe's read end is closed before parplan starts, as when `| head -1` has exited: the write
  // gets EPIPE (parplan ignores SIGPIPE) every time, not just when a race is lost.
  int out[2];
  REQUIRE(::pipe(out) == 0);
  ::close(out[0]);
  TempDir dir;
  std::string err_path = (dir.path() / "stderr").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addchdir_np(&actions, PARPLAN_SOURCE_DIR);
  std::string binary = PARPLAN_BINARY;
  std::string validate = "validate", plan = "--plan", data = "data";
  char* argv[] = {binary.data(), validate.data(), plan.data(), data.data(), nullptr};
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv, environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));  // not killed by SIGPIPE
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(parplan::test::read_file(err_path).empty());
}

TEST_CASE("nothing lost: validate never writes to the plan, whatever happens to its output") {
  TempDir dir;
  std::string plan = (dir.path() / "plan").string();
  parplan::test::copy_tree(source_path("data"), plan);
  // A broken file too, so the error paths run as well.
  dir.write("plan/99-broken.yaml", "field: X\ntitle: \"unterminated\ntasks: [\n");
  Snapshot before = snapshot(plan);
  parplan::test::RunOptions options;
  options.cwd = dir.str();
  for (const std::string redirect : {"", "> /dev/full", ">&-", "<&- 2>&-"}) {
    INFO("redirect: " << redirect);
    RunResult r = parplan::test::run_program(
        {"sh", "-c", "exec \"$0\" validate --plan plan " + redirect, PARPLAN_BINARY}, options);
    CHECK(r.exit_code != 0);
    CHECK(snapshot(plan) == before);
  }
}
