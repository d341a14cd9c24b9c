#pragma once

// A real git repository in a temporary directory for the diff tests: no mocks, the git the user
// has, with a local identity so commits work on any machine.

#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace parplan::test {

class GitRepo {
 public:
  GitRepo() {
    git({"init", "-q", "-b", "main"});
    git({"config", "user.name", "parplan tests"});
    git({"config", "user.email", "tests@parplan.invalid"});
    git({"config", "commit.gpgsign", "false"});
  }

  [[nodiscard]] std::string root() const { return dir_.str(); }
  [[nodiscard]] std::string path(const std::string& relative) const {
    return (dir_.path() / relative).string();
  }

  // Runs git in the repository (or a directory below it) and requires it to succeed.
  RunResult git(const std::vector<std::string>& args, const std::string& below = "") const {
    std::vector<std::string> argv = {"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    RunResult r = run_program(argv, {below.empty() ? root() : path(below), {}, ""});
    INFO("git ", args.front(), ": ", r.err);
    REQUIRE(r.exit_code == 0);
    return r;
  }

  RunResult parplan(const std::vector<std::string>& args, const std::string& below = "",
                    const std::map<std::string, std::string>& env = {}) const {
    return run_parplan(args, {below.empty() ? root() : path(below), env, ""});
  }

  // The shipped plan, copied to `at` inside the repository.
  void add_shipped_plan(const std::string& at = "data") const {
    copy_tree(source_path("data"), path(at));
  }

  void commit(const std::string& message) const {
    git({"add", "-A"});
    git({"commit", "-q", "-m", message});
  }

  [[nodiscard]] std::string read(const std::string& relative) const {
    return read_file(path(relative));
  }
  void write(const std::string& relative, const std::string& content) const {
    dir_.write(relative, content);
  }
  // Replaces the first occurrence of `from`, which must be there.
  void replace(const std::string& relative, const std::string& from, const std::string& to) const {
    std::string content = read(relative);
    auto at = content.find(from);
    INFO(relative, ": ", from);
    REQUIRE(at != std::string::npos);
    content.replace(at, from.size(), to);
    write(relative, content);
  }

  // Every path in the work tree outside .git, to show a command created nothing.
  [[nodiscard]] std::set<std::string> files() const {
    std::set<std::string> out;
    for (auto it = std::filesystem::recursive_directory_iterator(dir_.path());
         it != std::filesystem::recursive_directory_iterator(); ++it) {
      if (it->path().filename() == ".git") {
        it.disable_recursion_pending();
        continue;
      }
      out.insert(it->path().lexically_relative(dir_.path()).string());
    }
    return out;
  }

 private:
  TempDir dir_;
};

}  // namespace parplan::test
