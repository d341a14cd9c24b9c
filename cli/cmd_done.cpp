#include "app.hpp"
#include "as_of_option.hpp"
#include "edit_command.hpp"
#include "parplan/error.hpp"

namespace parplan::cli {

namespace {

struct DoneOptions {
  std::vector<std::string> ids;
  std::optional<std::string> month;
  std::optional<std::string> as_of;
  bool dry_run = false;
};

void run_done(Context& ctx, const DoneOptions& options) {
  LoadResult plan = load_plan_for_edit(ctx);
  const int year = plan.plan.info.year;
  YearMonth month = Context::today();
  if (options.month) month = parse_plan_month(*options.month, year).value();
  if (options.as_of) month = parse_as_of(*options.as_of).value();
  std::vector<ActivityEdit> edits;
  for (const std::string& id : options.ids) {
    const Activity* found = nullptr;
    for (const Activity* a : plan.plan.activities())
      if (a->id == id && !found) found = a;
    // An unknown id is reported by prepare_edit, with a suggestion.
    edits.push_back(found ? done_edit(*found, month, year) : ActivityEdit{id, {}});
  }
  apply_edits(ctx, plan, edits, options.dry_run);
}

}  // namespace

void register_done(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<DoneOptions>();
  CLI::App* cmd = app.add_subcommand("done", "Mark activities done (status, completed month)");
  cmd->add_option("ids", options->ids, "Activity ids, e.g. III.1.4 III.2.1")
      ->required()
      ->type_name("ID");
  auto* month = cmd->add_option("--month", options->month,
                                "Completed in month N (1-12) of the plan year, "
                                "or YYYY-MM")
                    ->check(CLI::Validator(
                        [](const std::string& text) {
                          return parse_plan_month(text, 2000) ? std::string()
                                                              : "'" + text +
                                                                    "' is not a month; give 1 to "
                                                                    "12 or YYYY-MM";
                        },
                        "", "month"))
                    ->type_name("N");
  auto* as_of = cmd->add_option("--as-of", options->as_of,
                                "Completed in the month of YYYY-MM or YYYY-MM-DD (default: today)")
                    ->check(as_of_validator())
                    ->type_name("DATE");
  month->excludes(as_of);
  cmd->add_flag("--dry-run", options->dry_run,
                "Print the unified diff of every file that would change and write nothing");
  cmd->footer(
      "Sets status: done and completed: to the month (the current month unless --month or "
      "--as-of says otherwise); a progress key, when the activity has one, becomes 100. The edit "
      "is made and checked as `parplan set` makes it.\n"
      "Exit status: 0 written (or --dry-run), 1 the edit would make the plan invalid, 2 unknown "
      "id, a file changed meanwhile, I/O trouble.\n\n"
      "Examples:\n"
      "  parplan done III.1.4\n"
      "  parplan done III.1.4 III.2.1 --month 6\n"
      "  parplan done III.1.4 --as-of 2024-07-02 --dry-run");
  cmd->callback([&ctx, options] { run_done(ctx, *options); });
}

}  // namespace parplan::cli
