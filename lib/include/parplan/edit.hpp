#pragma once

// `parplan set` and `parplan done`: changing activities in the plan files themselves. The edit is
// made on the files' bytes (only the values concerned change), checked by loading the whole plan
// again, and written atomically only when it adds no error. docs/reliability.md has the rules.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/calendar.hpp"
#include "parplan/diagnostic.hpp"
#include "parplan/loader.hpp"

namespace parplan {

// The keys `set` can change, in the canonical order new keys are inserted in (docs/format.md).
const std::vector<std::string>& settable_keys();

// `KEY=VALUE` as typed: months as `8` or `2025-02`, owners as comma-separated ids, names or
// aliases. An empty value removes the key.
struct Assignment {
  std::string key;
  std::string value;
};

struct ActivityEdit {
  std::string id;
  std::vector<Assignment> assignments;  // applied together
};

// What `done` sets: status done, completed in `month`, and progress 100 when the activity has a
// progress key.
ActivityEdit done_edit(const Activity& activity, YearMonth month, int plan_year);

// One changed key, printed as `FILE:LINE: ID KEY OLD → NEW (NOTE)`.
struct ChangeLine {
  std::string file;
  int line = 0;
  std::string id;
  std::string key;
  std::string before;  // "(none)" when the key was absent
  std::string after;   // "(none)" when the key is removed
  std::string note;    // "slipped 2 months", "3 months earlier" or empty
};
std::string format_change(const ChangeLine& change);

struct EditedFile {
  std::string path;  // as diagnostics name it, e.g. "data/03-thu-tuc-hanh-chinh.yaml"
  std::string before;
  std::string after;
};

struct EditOutcome {
  std::vector<EditedFile> files;  // only files whose bytes change
  std::vector<ChangeLine> changes;
  // Errors and warnings the edited plan has that the original did not; the edit is refused when
  // there is any error. Positions are in the edited text.
  std::vector<Diagnostic> added_errors;
  std::vector<Diagnostic> added_warnings;
  std::size_t errors_before = 0;  // errors the plan already had

  [[nodiscard]] bool refused() const { return !added_errors.empty(); }
};

// Prepares the edits against a plan loaded with LoadOptions::keep_sources and loads the edited
// plan again to check it. Writes nothing. Throws parplan::Error for an unknown id or key, a key
// given twice, a required key removed, an owner that matches no owner or several (listing the
// candidates), or a value that cannot be rewritten in place.
EditOutcome prepare_edit(const LoadResult& original, const std::vector<ActivityEdit>& edits,
                         const LoadOptions& options);

// Writes the edited files atomically, each only if it still holds the bytes it was edited from:
// all are checked first, and a file changed on disk since it was read throws parplan::Error
// with nothing written. `before_check` runs once per file just before the check (tests use it
// to change a file underneath).
void write_edit(const EditOutcome& outcome,
                const std::function<void(const std::string& path)>& before_check = {});

// `diff -u` of one file: `--- a/PATH`, `+++ b/PATH`, hunks with 3 lines of context. Empty when
// the texts are equal.
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after);

}  // namespace parplan
