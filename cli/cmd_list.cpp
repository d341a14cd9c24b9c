#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "app.hpp"
#include "parplan/export.hpp"
#include "parplan/list_render.hpp"
#include "parplan/output.hpp"
#include "selection.hpp"

namespace parplan::cli {

namespace {

struct ListOptions {
  SelectionOptions selection;
  std::string format = "text";
  bool bom = false;
};

void run_list(Context& ctx, const ListOptions& options) {
  check_bom_format(options.bom, options.format);
  std::optional<SelectedPlan> selected = load_selected_plan(ctx, options.selection);
  if (!selected) return;
  const Plan& plan = selected->plan;
  const Selection& selection = selected->selection;
  std::vector<const Activity*> activities = plan.activities();
  std::erase_if(activities, [&](const Activity* a) { return !selection.filter.matches(*a); });

  std::string out;
  if (options.format == "json") {
    out = list_json(plan, activities).dump(2) + "\n";
  } else if (options.format == "csv") {
    out = std::string(options.bom ? utf8_bom : "") + list_csv(plan, activities);
  } else {
    text::TableStyle style{.color = ctx.color(STDOUT_FILENO),
                           .width = Context::terminal_width(STDOUT_FILENO)};
    out = list_text(plan, activities, describe_filter(plan, selection.filter), style);
  }
  write_stdout(out);
}

}  // namespace

void register_list(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<ListOptions>();
  CLI::App* cmd = app.add_subcommand("list", "List the plan's activities, filtered, in plan order");
  add_selection_options(cmd, options->selection, false, true);
  cmd->add_option("--format", options->format, "Output: text (default), json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->type_name("FMT");
  cmd->add_flag("--bom", options->bom,
                "Start CSV with a UTF-8 byte order mark so Excel reads Vietnamese correctly");
  cmd->footer(
      "JSON is an array of activity objects (id, field, task, title, result, output, lead, "
      "support,\nschedule, start, end, after, per, status, completed, progress, note, file, line); "
      "CSV has the\nsame columns, owners by name joined with \"; \".\n"
      "Exit status: 0 ok, 1 invalid plan, 2 usage or I/O trouble.\n\n"
      "Examples:\n"
      "  parplan list --owner snv --role any\n"
      "  parplan list --field III --status planned --format json\n"
      "  parplan list --format csv --bom > plan.csv   # opens in Excel with Vietnamese intact");
  cmd->callback([&ctx, options] { run_list(ctx, *options); });
}

}  // namespace parplan::cli
