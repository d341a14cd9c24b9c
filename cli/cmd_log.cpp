#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "command_line.hpp"
#include "parplan/git_dates.hpp"
#include "parplan/history_render.hpp"
#include "parplan/json_text.hpp"
#include "parplan/output.hpp"
#include "selection.hpp"
#include "versions.hpp"

namespace parplan::cli {

namespace {

struct LogOptions {
  std::vector<std::string> ids;
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::string format = "text";
  std::optional<std::string> lang;
  bool deadline_changes = false;
  SelectionOptions selection;
};

// A revision or a date (the last commit before it, named on stderr) as a full commit id.
std::string resolve_bound(const Context& ctx, const std::string& top, const std::string& option,
                          const std::string& value) {
  if (git::is_date(value)) {
    git::DatedCommit commit = git::commit_before(top, value, ctx.git_options());
    print_warnings(commit.warnings);
    std::cerr << fmt::format("parplan: {} {}: {}\n", option, value, git::describe(commit));
    return commit.id;
  }
  git::Commit commit = git::resolve_commit(top, value, ctx.git_options());
  print_warnings(commit.warnings);
  return commit.id;
}

void run_log(Context& ctx, const LogOptions& options) {
  const std::string directory = ctx.plan_directory();
  const std::string top = git::locate(directory, ctx.git_options(), history::history_needs_git).top;
  history::ReadOptions read;
  read.load = ctx.load_options();
  read.ids = options.ids;
  if (options.until) read.tip = resolve_bound(ctx, top, "--until", *options.until);
  if (options.since) read.since = resolve_bound(ctx, top, "--since", *options.since);
  history::History history = history::read_history(directory, read, ctx.git_options());

  if (history.cut_off)
    std::cerr << fmt::format(
        "parplan: note: history is cut off at {} ({}), the oldest commit of this shallow clone; "
        "changes before it are unknown (git fetch --unshallow brings them)\n",
        history.cut_off->short_id, history.cut_off->date);
  for (const std::string& commit : history.unloadable)
    std::cerr << fmt::format(
        "parplan: note: the plan at {} has errors; its changes show with the next commit whose "
        "plan loads\n",
        commit);

  const Plan empty;
  const Plan& catalog = history.latest ? *history.latest : empty;
  Selection selection = resolve_selection(catalog, options.selection, Context::today());
  for (const std::string& note : selection.notes) std::cerr << "parplan: note: " << note << '\n';

  std::vector<std::string> lineages;
  if (!options.ids.empty()) lineages = history::lineages_of(history, options.ids);
  std::vector<const history::Entry*> entries;
  for (const history::Entry& e : history.entries) {
    if (!lineages.empty() &&
        std::find(lineages.begin(), lineages.end(), e.lineage) == lineages.end())
      continue;
    const Filter& filter = selection.filter;
    if ((e.diff.old_activity && filter.matches(*e.diff.old_activity)) ||
        (e.diff.new_activity && filter.matches(*e.diff.new_activity)))
      entries.push_back(&e);
  }
  if (options.ids.empty()) {
    for (const history::Entry* e : entries)
      if (std::find(lineages.begin(), lineages.end(), e->lineage) == lineages.end())
        lineages.push_back(e->lineage);
    std::sort(lineages.begin(), lineages.end(),
              [](const std::string& a, const std::string& b) { return id_less(a, b); });
  }

  history::RenderOptions render;
  // --lang, then the plan's `language:`, then English.
  render.language = i18n::parse_language(options.lang.value_or(catalog.info.language))
                        .value_or(i18n::Language::en);
  render.plan_id = catalog.info.id;
  render.from = options.since;
  render.to = options.until.value_or("HEAD");
  render.color = ctx.color(STDOUT_FILENO);
  std::string out;
  if (options.deadline_changes) {
    if (options.format == "json")
      out = json_text(history::deadlines_json(history, entries, render)) + "\n";
    else if (options.format == "md")
      out = history::deadlines_markdown(history, entries, render);
    else
      out = history::deadlines_text(history, entries, render);
  } else if (options.format == "json") {
    out = json_text(history::log_json(history, entries, render)) + "\n";
  } else if (options.format == "md") {
    out = history::log_markdown(history, lineages, entries, render);
  } else {
    out = history::log_text(history, lineages, entries, render);
  }
  write_stdout(out);
}

}  // namespace

void register_log(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<LogOptions>();
  CLI::App* cmd = app.add_subcommand("log", "Show who changed which activity and when (git)");
  cmd->add_option("ids", options->ids,
                  "Only these activities (any id they had: renumberings are followed)")
      ->type_name(activity_ids_type);
  cmd->add_option("--since", options->since,
                  "Only commits after REV, or after the last commit before DATE (YYYY-MM-DD)")
      ->type_name("REV|DATE");
  cmd->add_option("--until", options->until,
                  "Only commits up to REV, or up to the last commit before DATE (YYYY-MM-DD)")
      ->type_name("REV|DATE");
  cmd->add_option("--format", options->format, "Output: text (default), md (Markdown) or json")
      ->check(CLI::IsMember({"text", "md", "json"}))
      ->type_name("FMT");
  cmd->add_option("--lang", options->lang,
                  "Language of the changes: vi or en (default: the plan's language:, else en)")
      ->check(CLI::IsMember({"vi", "en"}))
      ->type_name("LANG");
  cmd->add_flag("--deadline-changes", options->deadline_changes,
                "Only start and end changes, as one table: who moved which deadline, and when");
  add_selection_options(cmd, options->selection, false, false);
  cmd->footer(
      "Walks the current branch's first-parent history, reading only the commits that touch the "
      "plan\ndirectory; commits that change only comments or formatting do not appear. In a "
      "shallow clone\nthe history starts at the oldest commit there is (a note on stderr says "
      "so).\nExit status: 0 ok, 2 usage or git trouble (not a repository, an unknown revision, a "
      "date\nbefore the first commit).\n\n"
      "Examples:\n"
      "  parplan log III.1.4                       # every change to one activity, oldest first\n"
      "  parplan log --since 2024-07-01 --owner snv\n"
      "  parplan log --deadline-changes --since v2024-06\n"
      "  parplan log --format json | jq '.entries[] | select(.kind == \"added\")'");
  cmd->callback([&ctx, options] { run_log(ctx, *options); });
}

}  // namespace parplan::cli
