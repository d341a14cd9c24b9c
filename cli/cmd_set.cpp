#include <fmt/format.h>

#include "app.hpp"
#include "edit_command.hpp"
#include "parplan/error.hpp"

namespace parplan::cli {

namespace {

struct SetOptions {
  std::string id;
  std::vector<std::string> pairs;
  bool dry_run = false;
};

void run_set(Context& ctx, const SetOptions& options) {
  ActivityEdit edit{options.id, {}};
  for (const std::string& pair : options.pairs) {
    auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(
          fmt::format("'{}' is not KEY=VALUE (for example end=8; 'note=' removes a note)", pair));
    edit.assignments.push_back({pair.substr(0, eq), pair.substr(eq + 1)});
  }
  LoadResult plan = load_plan_for_edit(ctx);
  apply_edits(ctx, plan, {edit}, options.dry_run);
}

}  // namespace

void register_set(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<SetOptions>();
  CLI::App* cmd = app.add_subcommand("set", "Change keys of one activity, keeping its file");
  cmd->add_option("id", options->id, "Activity id, e.g. III.1.4")->required()->type_name("ID");
  cmd->add_option("pairs", options->pairs,
                  "KEY=VALUE, applied together: status, progress, completed, start, end, "
                  "schedule, after, per, lead, support, title, result, output, note; KEY= removes "
                  "an optional key")
      ->required()
      ->type_name("KEY=VALUE");
  cmd->add_flag("--dry-run", options->dry_run,
                "Print the unified diff of every file that would change and write nothing");
  cmd->footer(
      "Months are 8 or 2025-02; owners are comma-separated ids, names or aliases, matched like "
      "--owner. Only the values concerned change: comments, quoting, key order and line endings "
      "stay. The whole plan is loaded again first; an edit that would add an error is refused.\n"
      "Exit status: 0 written (or --dry-run), 1 the edit would make the plan invalid, 2 unknown "
      "id or key, bad syntax, a file changed meanwhile, I/O trouble.\n\n"
      "Examples:\n"
      "  parplan set III.1.4 end=8\n"
      "  parplan set III.1.4 status=in-progress progress=40 note=\"chờ kinh phí\"\n"
      "  parplan set III.1.4 lead=snv,stp support= --dry-run");
  cmd->callback([&ctx, options] { run_set(ctx, *options); });
}

}  // namespace parplan::cli
