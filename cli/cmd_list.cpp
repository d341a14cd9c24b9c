#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "csv_options.hpp"
#include "file_output.hpp"
#include "parplan/export.hpp"
#include "parplan/ics_export.hpp"
#include "parplan/json_text.hpp"
#include "parplan/list_render.hpp"
#include "parplan/output.hpp"
#include "parplan/xlsx_export.hpp"
#include "period_option.hpp"
#include "selection.hpp"

namespace parplan::cli {

namespace {

struct ListOptions {
  SelectionOptions selection;
  std::string format = "text";
  CsvOptions csv;
  std::optional<std::string> lang;
  std::optional<std::string> output;
  std::optional<std::string> period;
};

void run_list(Context& ctx, const ListOptions& options) {
  check_csv_options(options.csv, options.format);
  std::optional<SelectedPlan> selected = load_selected_plan(ctx, options.selection);
  if (!selected) return;
  const Plan& plan = selected->plan;
  const Selection& selection = selected->selection;
  std::vector<const Activity*> activities = plan.activities();
  std::erase_if(activities, [&](const Activity* a) { return !selection.filter.matches(*a); });
  // A period keeps the activities whose months overlap it.
  if (std::optional<ReportPeriod> period = chosen_period(options.period))
    std::erase_if(activities, [&](const Activity* a) {
      return !a->dated() || *a->end < period->first || (a->start && *a->start > period->last);
    });

  std::string out;
  // An undated calendar stamp for list: January of the plan year (see ics_calendar).
  const YearMonth stamp{plan.info.year, 1};
  const i18n::Catalog tr(i18n::choose_language(options.lang, plan.info.language));
  if (options.format == "xlsx") {
    emit(plan, options.output, generated_bytes([&](const std::string& path) {
           write_list_xlsx(path, plan, activities, stamp);
         }),
         "xlsx");
    return;
  }
  if (options.format == "ics") {
    out = ics_calendar(plan, activities, stamp, tr);
  } else if (options.format == "json") {
    out = json_text(list_json(plan, activities)) + "\n";
  } else if (options.format == "csv") {
    out = std::string(options.csv.bom ? utf8_bom : "") +
          list_csv(plan, activities, options.csv.separator());
  } else {
    text::TableStyle style{.color = ctx.color(STDOUT_FILENO),
                           .width = Context::terminal_width(STDOUT_FILENO)};
    out = list_text(plan, activities, describe_filter(plan, selection.filter, tr), tr, style);
  }
  emit(plan, options.output, out);
}

}  // namespace

void register_list(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<ListOptions>();
  CLI::App* cmd = app.add_subcommand("list", "List the activities, filtered, in plan order");
  add_selection_options(cmd, options->selection, false, true);
  add_period_option(cmd, options->period,
                    "Only activities whose months overlap a period (2024-Q2, 2024-H1, 2024-9M, "
                    "2024)");
  cmd->add_option("--format", options->format,
                  "Output: text (default), json, csv, xlsx (Excel) or ics (calendar)")
      ->check(CLI::IsMember({"text", "json", "csv", "xlsx", "ics"}))
      ->type_name("FMT");
  cmd->add_option("--lang", options->lang,
                  "Language of text and ics: vi or en (default: the plan's language:, else en)")
      ->check(CLI::IsMember({"vi", "en"}))
      ->type_name("LANG");
  cmd->add_option("-o,--output", options->output,
                  "Write to FILE (atomically) instead of stdout; needed for xlsx on a terminal")
      ->type_name("FILE");
  add_csv_options(cmd, options->csv);
  cmd->footer(
      "JSON is an array of activity objects (id, field, task, title, result, output, lead, "
      "support,\nschedule, start, end, after, per, status, completed, progress, note, file, line); "
      "CSV has the\nsame columns, owners by name joined with \"; \".\n"
      "Exit status: 0 ok, 1 invalid plan, 2 usage or I/O trouble.\n\n"
      "Examples:\n"
      "  parplan list --owner snv --owner stp --role any   # either owner\n"
      "  parplan list --field 3 --field IV.2 --lang en\n"
      "  parplan list --field III --status planned --format json\n"
      "  parplan list --period 2024-Q3              # what runs in July-September\n"
      "  parplan list --format csv --bom > plan.csv   # opens in Excel with Vietnamese intact\n"
      "  parplan list --format csv --delimiter ';' > plan.csv  # where Excel's separator is ;\n"
      "  parplan list --format xlsx -o plan.xlsx\n"
      "  parplan list --owner snv --format ics -o snv.ics  # to-dos for a calendar");
  cmd->callback([&ctx, options] { run_list(ctx, *options); });
}

}  // namespace parplan::cli
