#include "edit_command.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "parplan/output.hpp"

namespace parplan::cli {

LoadResult load_plan_for_edit(const Context& ctx) {
  LoadOptions options = ctx.load_options();
  options.keep_sources = true;
  return load_plan(ctx.plan_directory(), options);
}

namespace {

// The test hook: PARPLAN_TEST_CHANGE_BEFORE_WRITE=TEXT appends TEXT to each file just before
// parplan checks that it is unchanged, as another program saving the file at that moment would.
// Read here only, never by the library.
std::function<void(const std::string&)> test_hook() {
  const char* text = std::getenv("PARPLAN_TEST_CHANGE_BEFORE_WRITE");
  if (!text || !*text) return {};
  std::string appended = text;
  return [appended](const std::string& path) {
    std::ofstream(path, std::ios::binary | std::ios::app) << appended;
  };
}

}  // namespace

void apply_edits(Context& ctx, const LoadResult& plan, const std::vector<ActivityEdit>& edits,
                 bool dry_run) {
  EditOutcome outcome = prepare_edit(plan, edits, ctx.load_options());
  for (const Diagnostic& d : outcome.added_warnings) std::cerr << format_text(d) << '\n';
  if (outcome.refused()) {
    for (const Diagnostic& d : outcome.added_errors) std::cerr << format_text(d) << '\n';
    std::cerr << fmt::format(
        "parplan: refused: the edit would add {} error(s) to the plan; "
        "nothing was written\n",
        outcome.added_errors.size());
    ctx.exit_code = exit_problems;
    return;
  }
  if (outcome.errors_before > 0)
    std::cerr << fmt::format(
        "parplan: note: the plan already has {} error(s) elsewhere "
        "(parplan validate lists them); this edit adds none\n",
        outcome.errors_before);
  if (outcome.changes.empty()) {
    std::cerr << "parplan: nothing to change: every value is already as given\n";
    return;
  }
  std::string out;
  if (dry_run) {
    for (const EditedFile& file : outcome.files)
      out += unified_diff(file.path, file.before, file.after);
  } else {
    write_edit(outcome, test_hook());
    for (const ChangeLine& change : outcome.changes) out += format_change(change) + "\n";
  }
  write_stdout(out);
}

}  // namespace parplan::cli
