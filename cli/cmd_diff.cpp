#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "parplan/diff.hpp"
#include "parplan/error.hpp"
#include "parplan/git.hpp"
#include "parplan/json_text.hpp"
#include "parplan/output.hpp"
#include "selection.hpp"
#include "util/read_file.hpp"
#include "versions.hpp"

namespace parplan::cli {

namespace {

namespace fs = std::filesystem;

struct DiffCommandOptions {
  std::vector<std::string> versions;
  std::string format = "text";
  bool exit_code = false;
  std::optional<std::string> lang;
  bool git_driver = false;
  SelectionOptions selection;
};

std::string render(const Context& ctx, const DiffCommandOptions& options, const PlanDiff& diff) {
  if (options.format == "json") return json_text(diff_to_json(diff)) + "\n";
  if (options.format == "md") {
    DiffMarkdownOptions md;
    md.language = i18n::choose_language(options.lang, diff.new_plan->info.language);
    return diff_to_markdown(diff, md);
  }
  return diff_to_text(diff, ctx.color(STDOUT_FILENO));
}

void run_diff(Context& ctx, const DiffCommandOptions& options) {
  if (options.versions.size() > 2)
    throw Error(fmt::format("diff takes at most two versions, OLD and NEW; got {} arguments",
                            options.versions.size()));
  std::optional<std::string> old_version = "HEAD", new_version;
  if (!options.versions.empty()) old_version = options.versions[0];
  if (options.versions.size() == 2) new_version = options.versions[1];

  // The sides load at once, on two cores, and parse a file that is the same on both sides once;
  // the old side's trouble is reported first whichever finishes first.
  LoadOptions old_options = ctx.load_options(), new_options = old_options;
  old_options.sharing = new_options.sharing = make_parse_sharing();
  new_options.side = 1;
  auto old_future =
      std::async(std::launch::async, [&] { return load_version(ctx, old_version, old_options); });
  std::optional<LoadResult> new_loaded;
  std::exception_ptr new_error;
  try {
    new_loaded = load_version(ctx, new_version, new_options);
  } catch (...) {
    new_error = std::current_exception();
  }
  LoadResult old_side = old_future.get();
  if (new_error) std::rethrow_exception(new_error);
  LoadResult& new_side = *new_loaded;
  std::string errors;
  for (const auto& [side, result] : {std::pair{"old", &old_side}, std::pair{"new", &new_side}}) {
    if (result->ok()) continue;
    errors += error_lines(*result) +
              fmt::format("parplan: the {} side, {}, has {} error(s); nothing compared\n", side,
                          result->plan.directory, count(result->diagnostics, Severity::error));
  }
  if (!errors.empty()) {
    std::cerr << errors;
    ctx.exit_code = exit_problems;
    return;
  }

  Plan catalog = combined_catalog(old_side.plan, new_side.plan);
  Selection selection = resolve_selection(catalog, options.selection, Context::today());
  for (const std::string& note : selection.notes) std::cerr << "parplan: note: " << note << '\n';
  PlanDiff diff = diff_plans(old_side.plan, new_side.plan, {selection.filter});
  write_stdout(render(ctx, options, diff));
  ctx.exit_code = options.exit_code && !diff.empty() ? exit_problems : exit_ok;
}

std::optional<std::string> read_version(const std::string& path, const LoadOptions& load) {
  if (path == "/dev/null") return std::nullopt;
  util::ReadProblem problem;
  if (auto content = util::read_regular_file(path, load.max_file_size, problem)) return content;
  if (problem.kind == util::ReadProblem::Kind::too_large)
    throw Error(fmt::format("{} is larger than --max-file-size", path));
  throw Error(fmt::format("{} {}", path, util::describe(problem, load.max_file_size)));
}

// git diff runs `parplan diff --git-driver path old-file old-hex old-mode new-file new-hex
// new-mode` from the top of the work tree, adding new-path and a message for renames and giving
// only the path for an unmerged file. Git stops the whole diff when a driver fails, so plan
// problems are shown in the output and the exit status stays 0.
void run_git_driver(Context& ctx, const DiffCommandOptions& options) {
  const std::vector<std::string>& args = options.versions;
  if (args.size() == 1) {
    write_stdout(fmt::format("diff --parplan {}\nunmerged: resolve the conflict first\n", args[0]));
    return;
  }
  if (args.size() != 7 && args.size() != 9)
    throw Error(
        fmt::format("--git-driver takes the arguments git gives an external diff driver "
                    "(path old-file old-hex old-mode new-file new-hex new-mode, then "
                    "new-path and a message for a rename); got {}",
                    args.size()));
  const LoadOptions load = ctx.load_options();
  const fs::path old_path(args[0]);
  const fs::path new_path(args.size() == 9 ? args[7] : args[0]);
  std::string out = fmt::format("diff --parplan a/{} b/{}\n", old_path.generic_string(),
                                new_path.generic_string());

  // Any trouble (a file over --max-file-size, an unreadable plan.yaml, plan errors) falls back to
  // a text diff: a driver that fails makes git stop the whole `git diff`.
  std::string problems;
  try {
    // The year and owner names come from the work tree's plan.yaml next to the file, if any.
    Plan context;
    fs::path directory = new_path.parent_path();
    fs::path plan_yaml = (directory.empty() ? fs::path(".") : directory) / "plan.yaml";
    std::error_code ec;
    if (fs::is_regular_file(plan_yaml, ec))
      if (auto text = read_version(plan_yaml.string(), load))
        context =
            load_plan_from_sources(directory.generic_string(), {{"plan.yaml", *text}}, load).plan;

    auto version = [&](const char* prefix, const fs::path& path, const std::string& file) {
      std::string label = (fs::path(prefix) / path.parent_path()).generic_string();
      if (label.ends_with('/')) label.pop_back();
      return git::FileVersion{label, path.filename().string(), read_version(file, load)};
    };
    auto [old_side, new_side] = git::load_file_versions(
        version("a", old_path, args[1]), version("b", new_path, args[4]), context, load);
    if (old_side.ok() && new_side.ok())
      out += diff_to_text(diff_plans(old_side.plan, new_side.plan), ctx.color(STDOUT_FILENO));
    else
      problems = error_lines(old_side) + error_lines(new_side);
  } catch (const Error& e) {
    problems = fmt::format("parplan: {}\n", e.what());
  }
  if (!problems.empty()) {
    out += problems + "parplan: cannot compare in plan terms; the text diff follows\n";
    std::string text = git::run({"diff", "--no-index", "--no-ext-diff", "--no-textconv",
                                 "--color=never", "--", args[1], args[4]},
                                ".", ctx.git_options())
                           .out;
    // Only the hunks: the header would name git's temporary files, ours already names the path.
    auto hunks = text.starts_with("@@") ? 0 : text.find("\n@@");
    if (hunks != std::string::npos) out += text.substr(hunks == 0 ? 0 : hunks + 1);
  }
  write_stdout(out);
}

}  // namespace

void register_diff(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<DiffCommandOptions>();
  CLI::App* cmd = app.add_subcommand("diff", "Show what changed between two versions of the plan");
  cmd->add_option("versions", options->versions,
                  "OLD and NEW: plan directories, git revisions or dates (YYYY-MM-DD: the last "
                  "commit of the current branch before that day) (default: HEAD and the working "
                  "tree; with one, that version against the working tree)")
      ->type_name("[OLD [NEW]]");
  cmd->add_option("--format", options->format, "Output: text, md (Markdown) or json")
      ->check(CLI::IsMember({"text", "md", "json"}))
      ->type_name("FMT");
  cmd->add_flag("--exit-code", options->exit_code, "Exit 1 when the plans differ, as git diff");
  cmd->add_option("--lang", options->lang,
                  "Language of --format md: vi or en (default: the plan's language)")
      ->check(CLI::IsMember({"vi", "en"}))
      ->type_name("LANG");
  add_selection_options(cmd, options->selection, false, false);
  cmd->add_flag("--git-driver", options->git_driver,
                "Act as git's external diff driver (see the README); takes git's 7 arguments");
  cmd->footer(
      "A directory that exists wins over a revision of the same name. Formatting (comments, key "
      "order, quoting, NFC/NFD, CRLF) is never a change.\nExit status: 0 (1 with --exit-code "
      "when the plans differ), 1 when a side has errors, 2 trouble (unknown revision, not a git "
      "repository, no plan at that revision).\n\n"
      "Examples:\n  parplan diff                 # HEAD against the working tree\n"
      "  parplan diff HEAD~1 HEAD --format md\n  parplan diff v2024-06 --owner \"noi vu\"\n"
      "  parplan diff 2024-07-01            # the plan as it was on 1 July against today's\n"
      "  parplan diff old-plan/ data/ --format json");
  cmd->callback([&ctx, options] {
    if (options->git_driver)
      run_git_driver(ctx, *options);
    else
      run_diff(ctx, *options);
  });
}

}  // namespace parplan::cli
