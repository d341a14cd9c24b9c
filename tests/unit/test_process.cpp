#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>

#include "parplan/error.hpp"
#include "test_support.hpp"
#include "util/process.hpp"

using namespace parplan;
using namespace std::chrono_literals;

namespace {

std::string sh() { return util::find_executable("sh", "/usr/bin:/bin").value(); }

// Running or stopped; a zombie (which an init that does not reap may keep) has ended.
bool alive(pid_t pid) {
  std::string stat;
  try {
    stat = test::read_file("/proc/" + std::to_string(pid) + "/stat");
  } catch (const std::exception&) {
    return false;
  }
  std::size_t state = stat.rfind(") ");
  return state != std::string::npos && stat.compare(state + 2, 1, "Z") != 0;
}

}  // namespace

TEST_CASE("process: find_executable searches absolute PATH entries only") {
  test::TempDir dir;
  std::string tool = dir.write("bin/tool", "#!/bin/sh\n");
  ::chmod(tool.c_str(), 0755);
  dir.write("bin/plain", "not executable");
  // A relative entry would resolve against whatever directory parplan is in.
  CHECK_FALSE(util::find_executable("tool", "bin:.:").has_value());
  CHECK(util::find_executable("tool", "/nonexistent:" + dir.str() + "/bin") == tool);
  CHECK_FALSE(util::find_executable("plain", dir.str() + "/bin").has_value());
  CHECK_FALSE(util::find_executable("bin", dir.str()).has_value());  // a directory
}

TEST_CASE("process: output, status, stdin and environment") {
  util::ProcessOptions options;
  options.environment = {"PARPLAN_PROCESS_TEST=yes"};
  util::ProcessResult r =
      util::run_process(sh(), {"-c", "cat; echo \"$PARPLAN_PROCESS_TEST\"; echo oops >&2; exit 3"},
                        options, "from stdin\n");
  CHECK(r.ending == util::Ending::done);
  CHECK(r.status == 3);
  CHECK(r.out == "from stdin\nyes\n");
  CHECK(r.err == "oops\n");
}

TEST_CASE("process: a child past its deadline is killed with what it started") {
  util::ProcessOptions options;
  options.timeout = 300ms;
  test::TempDir dir;
  std::string pid_file = dir.str() + "/grandchild";
  // The grandchild holds stdout open: only killing the process group ends the wait.
  util::ProcessResult r =
      util::run_process(sh(), {"-c", "sleep 60 & echo $! > " + pid_file + "; wait"}, options);
  CHECK(r.ending == util::Ending::timed_out);
  CHECK(r.status == 128 + SIGKILL);
  pid_t grandchild = std::stoi(test::read_file(pid_file));
  for (int i = 0; i < 100 && alive(grandchild); ++i) ::usleep(10'000);
  CHECK_FALSE(alive(grandchild));
}

TEST_CASE("process: output over the cap stops the child") {
  util::ProcessOptions options;
  options.max_output = 100'000;
  util::ProcessResult r = util::run_process(sh(), {"-c", "yes"}, options);
  CHECK(r.ending == util::Ending::too_much_output);
  CHECK(r.out.size() <= 100'000);
}

TEST_CASE("process: a child is reaped when an exception unwinds past it") {
  pid_t pid = -1;
  try {
    util::Child child(sh(), {"-c", "echo $$; exec sleep 60"}, {});
    child.exchange({}, [](const std::string& out) { return out.find('\n') != std::string::npos; });
    pid = std::stoi(child.out());
    throw Error("unwinding");
  } catch (const Error&) {
  }
  REQUIRE(pid > 0);
  CHECK_FALSE(alive(pid));  // killed and reaped: not even a zombie is left
}

TEST_CASE("process: a program that cannot start is an Error") {
  CHECK_THROWS_WITH_AS(util::run_process("/nonexistent/program", {}),
                       "cannot run /nonexistent/program: No such file or directory", Error);
}
