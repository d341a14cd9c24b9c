#include <fmt/format.h>

#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "file_output.hpp"
#include "parplan/diff.hpp"
#include "parplan/error.hpp"
#include "parplan/export.hpp"
#include "parplan/history_render.hpp"
#include "parplan/html_report.hpp"
#include "parplan/json_text.hpp"
#include "parplan/on_time.hpp"
#include "parplan/output.hpp"
#include "parplan/report.hpp"
#include "period_option.hpp"
#include "selection.hpp"
#include "versions.hpp"

namespace parplan::cli {

namespace {

struct ReportCliOptions {
  SelectionOptions selection;
  std::optional<std::string> lang;
  std::optional<std::string> output;
  std::optional<std::string> since;
  std::string format = "md";
  std::vector<std::string> sections;
  bool no_gantt = false;
  bool stamp = false;
  std::optional<std::string> period;
};

// --sections and --no-gantt as the list of sections to write (empty: all, in the default order).
std::vector<std::string> chosen_sections(const ReportCliOptions& options) {
  std::vector<std::string> sections = options.sections;
  for (std::size_t i = 0; i < sections.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (sections[i] == sections[j])
        throw Error(fmt::format("--sections names '{}' twice", sections[i]));
  if (!options.since && std::find(sections.begin(), sections.end(), "changes") != sections.end())
    throw Error("--sections changes needs --since REV (the changes since what?)");
  for (const std::string& name : sections)
    if (name.starts_with("period-") && !options.period)
      throw Error(fmt::format("--sections {} needs --period (which period?)", name));
  if (options.no_gantt) {
    if (sections.empty()) {
      auto names = default_report_sections(options.period.has_value());
      sections.assign(names.begin(), names.end());
    }
    std::erase(sections, "gantt");
  }
  return sections;
}

// What git says was added, removed or slipped in the period; nullopt when the plan is not in a
// repository.
std::optional<std::vector<PeriodChange>> changes_in(const Context& ctx, const ReportPeriod& period,
                                                    const Filter& filter, i18n::Language language) {
  const std::string directory = ctx.plan_directory();
  try {
    git::locate(directory, ctx.git_options());
  } catch (const Error&) {
    return std::nullopt;
  }
  history::History history =
      history::read_history(directory, {"HEAD", {}, {}, ctx.load_options()}, ctx.git_options());
  return history::period_changes(history, period, filter, language);
}

// The wall clock, read here and only with --stamp, so reports stay byte-identical without it.
std::string now_stamp() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  char text[64];
  if (std::strftime(text, sizeof text, "%Y-%m-%d %H:%M %z", &local) == 0)
    throw Error("cannot format the current time");
  return text;
}

void run_report(Context& ctx, const ReportCliOptions& options) {
  std::vector<std::string> sections = chosen_sections(options);
  // With --since, the version loaded second takes the first's parse of each unchanged file.
  LoadOptions new_options = ctx.load_options(), old_options = new_options;
  if (options.since) {
    new_options.sharing = old_options.sharing = make_parse_sharing();
    old_options.side = 1;
  }
  std::optional<Plan> loaded = ctx.load_valid_plan(new_options);
  if (!loaded) {
    ctx.exit_code = exit_problems;
    return;
  }
  const Plan& plan = *loaded;
  // --since loads the old version first: an owner or field that only it has (say, an owner since
  // removed) selects what `parplan diff REV --owner X` would.
  std::optional<LoadResult> old_side;
  if (options.since) {
    old_side = load_version(ctx, options.since, old_options, "--since ");
    if (!old_side->ok()) {
      std::cerr << error_lines(*old_side)
                << fmt::format("parplan: {} (--since) has {} error(s); no report written\n",
                               old_side->plan.directory,
                               count(old_side->diagnostics, Severity::error));
      ctx.exit_code = exit_problems;
      return;
    }
  }
  Selection selection = resolve_selection(old_side ? combined_catalog(old_side->plan, plan) : plan,
                                          options.selection, Context::today());
  for (const std::string& note : selection.notes) std::cerr << "parplan: note: " << note << '\n';

  ReportOptions report;
  report.language = i18n::choose_language(options.lang, plan.info.language);
  report.as_of = selection.as_of;
  report.period = chosen_period(options.period);
  if (report.period) {
    report.as_of = report.period->last;
    // git's history is read only when the changes section is written.
    if (options.format != "json" &&
        (sections.empty() ||
         std::find(sections.begin(), sections.end(), "period-changes") != sections.end()))
      report.period_changes = changes_in(ctx, *report.period, selection.filter, report.language);
  }
  report.within = options.selection.within;
  report.filter = std::move(selection.filter);
  report.sections = std::move(sections);
  if (options.stamp) report.generated = now_stamp();
  if (old_side) {
    // The same engine and Markdown as `parplan diff --format md`, restricted by the same filter.
    PlanDiff diff = diff_plans(old_side->plan, plan, {report.filter});
    DiffMarkdownOptions md;
    md.language = report.language;
    md.section_level = 3;
    md.title = false;
    report.changes = ReportChanges{*options.since, diff_to_markdown(diff, md)};
  }

  if (options.format == "json") {
    // For scripts: the on-time counts (the tables of the on-time section).
    auto [first, last] = on_time_window(report);
    nlohmann::json j = {
        {"plan", plan.info.id},
        {"as_of", to_string(report.as_of)},
        {"period", report.period ? nlohmann::json(report.period->key()) : nlohmann::json(nullptr)},
        {"filter", filter_json(plan, report.filter)},
        {"on_time", on_time_json(on_time(plan, report.filter, first, last))}};
    emit(plan, options.output, json_text(j) + "\n");
    return;
  }
  report::Document document = build_report(plan, report);
  std::string text = options.format == "html" ? render_html(document) : render_markdown(document);
  emit(plan, options.output, text);
}

}  // namespace

void register_report(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<ReportCliOptions>();
  CLI::App* cmd = app.add_subcommand("report", "Write the progress report (Markdown or HTML)");
  add_selection_options(cmd, options->selection, true, false);
  cmd->add_option("--lang", options->lang,
                  "Language of the report: vi or en (default: the plan's language:, else en)")
      ->check(CLI::IsMember({"vi", "en"}))
      ->type_name("LANG");
  cmd->add_option("--format", options->format,
                  "md (default: GitHub Markdown, Mermaid gantt), html (one self-contained page, "
                  "timeline drawn as SVG, prints on A4 landscape) or json (the on-time counts)")
      ->check(CLI::IsMember({"md", "html", "json"}))
      ->type_name("FMT");
  std::string names;
  for (std::string_view name : report_sections())
    names += (names.empty() ? "" : ",") + std::string(name);
  cmd->add_option("--sections", options->sections,
                  "Only these sections, in this order (comma-separated): " + names)
      ->delimiter(',')
      ->check(CLI::IsMember(
          std::vector<std::string>(report_sections().begin(), report_sections().end())))
      ->type_name("LIST");
  cmd->add_flag("--no-gantt", options->no_gantt, "Leave the timeline out");
  cmd->add_option("-o,--output", options->output,
                  "Write to FILE (atomically: the old content survives any failure) instead of "
                  "stdout")
      ->type_name("FILE");
  cmd->add_option("--since", options->since,
                  "Add a \"Changes since REV\" section: a git revision, a date (YYYY-MM-DD: the "
                  "last commit before it) or a plan directory, compared as `parplan diff REV` "
                  "would")
      ->type_name("REV");
  add_period_option(cmd, options->period,
                    "A report for a period (2024-Q2, 2024-H1, 2024-9M, 2024): what was due, "
                    "finished and overdue in it, and what git says was added, removed or slipped");
  cmd->add_flag("--stamp", options->stamp,
                "Add the generation time (without it, the same inputs give the same bytes)");
  cmd->footer(
      "The as-of month and the filters mean what they mean for `parplan due`.\n"
      "Exit status: 0 written, 1 the plan has errors, 2 usage or I/O trouble.\n\n"
      "Examples:\n"
      "  parplan report --month 6 --lang vi -o report.md\n"
      "  parplan report --format html --lang vi -o report.html\n"
      "  parplan report --sections summary,overdue,due --no-gantt\n"
      "  parplan report --format html | pandoc -f html -o report.docx \\\n"
      "      --reference-doc examples/word/reference.docx\n"
      "  parplan report --owner \"noi vu\" --within 2\n"
      "  parplan report --since HEAD~4 -o reports/latest.md\n"
      "  parplan report --period 2024-Q2 --lang vi -o bao-cao-quy-II.md\n"
      "  parplan report --since 2024-07-01      # changes since the last commit before July");
  cmd->callback([&ctx, options] { run_report(ctx, *options); });
}

}  // namespace parplan::cli
