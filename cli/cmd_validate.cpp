#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "parplan/json_text.hpp"
#include "parplan/output.hpp"
#include "util/colour.hpp"

namespace parplan::cli {

namespace {

struct ValidateOptions {
  bool strict = false;
  std::string format = "text";
};

std::string colored_text(const Diagnostic& d, bool color) {
  std::string line = format_text(d);
  if (!color) return line;
  // Colour only the severity word, as compilers do.
  std::string word = std::string(to_string(d.severity)) + ":";
  auto pos = line.find(" " + word);
  if (pos == std::string::npos) return line;
  auto style = d.severity == Severity::error ? util::sgr::bold_red : util::sgr::bold_yellow;
  return line.substr(0, pos + 1) + util::paint(word, style, true) +
         line.substr(pos + 1 + word.size());
}

nlohmann::json to_json(const LoadResult& result, bool valid) {
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const Diagnostic& d : result.diagnostics)
    diagnostics.push_back({{"file", d.file},
                           {"line", d.line},
                           {"column", d.column},
                           {"severity", to_string(d.severity)},
                           {"message", d.message}});
  return {{"plan", result.plan.directory},
          {"valid", valid},
          {"errors", count(result.diagnostics, Severity::error)},
          {"warnings", count(result.diagnostics, Severity::warning)},
          {"diagnostics", diagnostics}};
}

void run_validate(Context& ctx, const ValidateOptions& options) {
  LoadResult result = load_plan(ctx.plan_directory(), ctx.load_options());
  const std::size_t errors = count(result.diagnostics, Severity::error);
  const std::size_t warnings = count(result.diagnostics, Severity::warning);
  const bool valid = errors == 0 && (!options.strict || warnings == 0);

  std::string out;
  if (options.format == "json") {
    // --plan may name a directory whose path is not UTF-8; JSON output must not fail on it.
    out = json_text(to_json(result, valid)) + "\n";
  } else {
    bool color = options.format == "text" && ctx.color(STDOUT_FILENO);
    for (const Diagnostic& d : result.diagnostics)
      out += (options.format == "github" ? format_github(d) : colored_text(d, color)) + "\n";
  }
  write_stdout(out);

  std::size_t activities = result.plan.activities().size();
  std::string counts =
      fmt::format("{} activities in {} fields", activities, result.plan.fields.size());
  if (valid)
    std::cerr << fmt::format("{}: valid, {}; {} warning(s)\n", result.plan.directory, counts,
                             warnings);
  else
    std::cerr << fmt::format("{}: {} error(s), {} warning(s){}\n", result.plan.directory, errors,
                             warnings, errors == 0 ? " (--strict treats warnings as errors)" : "");
  ctx.exit_code = valid ? exit_ok : exit_problems;
}

}  // namespace

void register_validate(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* cmd = app.add_subcommand("validate", "Check the plan and report every problem");
  cmd->add_flag("--strict", options->strict, "Treat warnings as errors");
  cmd->add_option("--format", options->format, "Output: text, json or github (annotations)")
      ->check(CLI::IsMember({"text", "json", "github"}))
      ->type_name("FMT");
  cmd->footer(
      "Each problem is one line, FILE:LINE:COL: error|warning: message; a summary goes to "
      "stderr.\nExit status: 0 valid, 1 errors (or warnings with --strict), 2 trouble.\n\n"
      "Examples:\n  parplan validate\n  parplan validate --plan data --format github");
  cmd->callback([&ctx, options] { run_validate(ctx, *options); });
}

}  // namespace parplan::cli
