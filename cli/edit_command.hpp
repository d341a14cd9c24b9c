#pragma once

// What `set` and `done` share once they know the edits: check, preview or write, and report.

#include <vector>

#include "app.hpp"
#include "parplan/edit.hpp"

namespace parplan::cli {

// The plan as an editor needs it: loaded with the bytes of its files.
LoadResult load_plan_for_edit(const Context& ctx);

// Prepares `edits`; refuses (exit 1, the new errors on stderr) when they add an error; with
// `dry_run` prints the unified diff of every file that would change, else writes the files and
// prints one line per change.
void apply_edits(Context& ctx, const LoadResult& plan, const std::vector<ActivityEdit>& edits,
                 bool dry_run);

}  // namespace parplan::cli
