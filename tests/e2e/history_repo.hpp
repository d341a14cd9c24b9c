#pragma once

// A GitRepo whose commits carry chosen authors and dates, for the history tests (`parplan log`,
// dates as revisions, period reports). Times are UTC and far from midnight, and parplan runs with
// TZ=UTC, so a date means the same day to git and to the test.

#include <map>
#include <string>
#include <vector>

#include "diff_repo.hpp"

namespace parplan::test {

class HistoryRepo : public GitRepo {
 public:
  // Stages everything and commits it as `author` on `day` (YYYY-MM-DD) at 10:00 UTC.
  void commit_as(const std::string& message, const std::string& author,
                 const std::string& day) const {
    git({"add", "-A"});
    RunResult r = run_program({"git", "commit", "-q", "--allow-empty", "-m", message},
                              {root(), dated(author, day), ""});
    INFO("git commit: ", r.err);
    REQUIRE(r.exit_code == 0);
  }
  // The environment that gives a commit its author and date.
  [[nodiscard]] static std::map<std::string, std::string> dated(const std::string& author,
                                                                const std::string& day) {
    const std::string when = day + "T10:00:00+0000";
    return {{"GIT_AUTHOR_NAME", author},
            {"GIT_AUTHOR_EMAIL", "author@parplan.invalid"},
            {"GIT_COMMITTER_NAME", author},
            {"GIT_COMMITTER_EMAIL", "author@parplan.invalid"},
            {"GIT_AUTHOR_DATE", when},
            {"GIT_COMMITTER_DATE", when},
            {"TZ", "UTC"}};
  }
  [[nodiscard]] std::string head(const std::string& revision = "HEAD") const {
    std::string out = git({"rev-parse", "--short", revision}).out;
    return out.substr(0, out.find('\n'));
  }
  [[nodiscard]] RunResult run(const std::vector<std::string>& args) const {
    return parplan(args, "", {{"TZ", "UTC"}});
  }
};

}  // namespace parplan::test
