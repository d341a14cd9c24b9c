#pragma once

// Dates where a revision is accepted: `--since 2024-07-01` means the last commit of the current
// branch before that day, found by git itself (`--before`), so the answer is the one `git log`
// would give.

#include <string>
#include <string_view>
#include <vector>

#include "parplan/git.hpp"

namespace parplan::git {

// "YYYY-MM-DD" with a day the month has: a date, not a revision.
bool is_date(std::string_view text);

struct DatedCommit {
  std::string id;        // full hash
  std::string short_id;  // git's unique abbreviation
  std::string date;      // committer date, YYYY-MM-DD
  std::string subject;
  std::vector<std::string> warnings;  // git's, to pass on
};

// The last commit on HEAD's first-parent line committed before the start of `date` (local
// time, as git reads dates). Throws parplan::Error when HEAD has no commit that old.
DatedCommit commit_before(const std::string& top, const std::string& date, const Options& options);

// "using commit abc1234 (2024-06-28, Dời hạn tập huấn)", for the note that says which commit a
// date chose.
std::string describe(const DatedCommit& commit);

}  // namespace parplan::git
