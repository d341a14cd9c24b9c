#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

#include "app.hpp"
#include "csv_options.hpp"
#include "file_output.hpp"
#include "parplan/agenda_render.hpp"
#include "parplan/export.hpp"
#include "parplan/ics_export.hpp"
#include "parplan/output.hpp"
#include "parplan/xlsx_export.hpp"
#include "period_option.hpp"
#include "selection.hpp"

namespace parplan::cli {

namespace {

struct DueOptions {
  SelectionOptions selection;
  std::string format = "text";
  std::optional<std::string> lang;
  bool fail_on_overdue = false;
  CsvOptions csv;
  std::optional<std::string> output;
  std::optional<std::string> period;
};

void run_due(Context& ctx, const DueOptions& options) {
  check_csv_options(options.csv, options.format);
  std::optional<SelectedPlan> selected = load_selected_plan(ctx, options.selection);
  if (!selected) return;
  const Plan& plan = selected->plan;
  const Selection& selection = selected->selection;
  // A period: as of its last month, due covering all of it.
  std::optional<ReportPeriod> period = chosen_period(options.period);
  Agenda agenda =
      period ? build_agenda(plan, selection.filter, period->last, options.selection.within,
                            period->first)
             : build_agenda(plan, selection.filter, selection.as_of, options.selection.within);
  const i18n::Catalog tr(i18n::choose_language(options.lang, plan.info.language));

  std::string out;
  if (options.format == "xlsx") {
    emit(plan, options.output,
         generated_bytes([&](const std::string& path) { write_due_xlsx(path, plan, agenda); }),
         "xlsx");
  } else if (options.format == "ics") {
    // Every dated activity the agenda lists, once, in section order.
    std::vector<const Activity*> listed;
    for (const AgendaSection& section : agenda_sections)
      for (const AgendaItem& item : agenda.*section.items)
        if (std::find(listed.begin(), listed.end(), item.activity) == listed.end())
          listed.push_back(item.activity);
    out = ics_calendar(plan, listed, agenda.as_of, tr);
  } else if (options.format == "json") {
    if (options.output)
      agenda_json(plan, agenda, [&](std::string_view piece) { out += piece; });
    else
      agenda_json(plan, agenda, write_stdout);
  } else if (options.format == "csv") {
    out = std::string(options.csv.bom ? utf8_bom : "") +
          agenda_csv(plan, agenda, options.csv.separator());
  } else if (options.format == "md") {
    out = agenda_markdown(plan, agenda, describe_filter(plan, selection.filter, tr), tr);
  } else {
    text::TableStyle style{.color = ctx.color(STDOUT_FILENO),
                           .width = Context::terminal_width(STDOUT_FILENO)};
    out = agenda_text(plan, agenda, describe_filter(plan, selection.filter, tr), tr, style);
  }
  if (!out.empty()) emit(plan, options.output, out);

  if (options.fail_on_overdue && !agenda.overdue.empty()) {
    std::cerr << fmt::format("parplan: {} overdue activit{} (--fail-on-overdue)\n",
                             agenda.overdue.size(), agenda.overdue.size() == 1 ? "y" : "ies");
    ctx.exit_code = exit_problems;
  }
}

}  // namespace

void register_due(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<DueOptions>();
  CLI::App* cmd = app.add_subcommand("due", "What is overdue, due, upcoming; who leads it");
  add_selection_options(cmd, options->selection, true, false);
  add_period_option(cmd, options->period,
                    "As of the end of a period (2024-Q2, 2024-H1, 2024-9M, 2024), due covering "
                    "all of it");
  cmd->add_option("--format", options->format,
                  "Output: text (default), md, json, csv, xlsx (Excel) or ics (calendar)")
      ->check(CLI::IsMember({"text", "md", "json", "csv", "xlsx", "ics"}))
      ->type_name("FMT");
  cmd->add_option("--lang", options->lang,
                  "Language of text, md and ics: vi or en (default: the plan's language:, else en)")
      ->check(CLI::IsMember({"vi", "en"}))
      ->type_name("LANG");
  cmd->add_flag("--fail-on-overdue", options->fail_on_overdue,
                "Exit 1 when anything is overdue (for cron)");
  cmd->add_option("-o,--output", options->output,
                  "Write to FILE (atomically) instead of stdout; needed for xlsx on a terminal")
      ->type_name("FILE");
  add_csv_options(cmd, options->csv);
  cmd->footer(
      "Months are whole: an activity ending in month 6 is due until the end of June and overdue "
      "from July.\nDone and cancelled activities are finished and never listed.\n"
      "Exit status: 0 ok, 1 overdue with --fail-on-overdue or an invalid plan, 2 usage or I/O "
      "trouble.\n\n"
      "Examples:\n"
      "  parplan due --month 6\n"
      "  parplan due --month 6 --lang en --format md > due.md\n"
      "  parplan due --as-of 2024-10-15 --within 2 --owner \"noi vu\"\n"
      "  parplan due --period 2024-Q2              # due in April-June, overdue before\n"
      "  parplan due --format csv --bom > due.csv\n"
      "  parplan due --month 6 --format xlsx -o due.xlsx   # a sheet per section\n"
      "  parplan due --format ics -o due.ics               # to-dos for a calendar\n"
      "  parplan due --fail-on-overdue > /dev/null    # exit 1 when anything is late");
  cmd->callback([&ctx, options] { run_due(ctx, *options); });
}

}  // namespace parplan::cli
