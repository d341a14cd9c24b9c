#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "parplan/calendar.hpp"
#include "parplan/git.hpp"
#include "parplan/loader.hpp"

namespace parplan::cli {

// Exit codes every command shares: 0 ok, 1 plan problems (or a requested failure such as
// --fail-on-overdue), 2 usage, I/O or git trouble.
enum ExitCode { exit_ok = 0, exit_problems = 1, exit_trouble = 2 };

// What all subcommands share: the global options and the way they reach the plan and terminal.
class Context {
 public:
  std::optional<std::string> plan_option;
  std::uint64_t max_file_size = LoadOptions{}.max_file_size;
  std::string color_option = "auto";
  double git_timeout = 30;
  int exit_code = exit_ok;

  [[nodiscard]] LoadOptions load_options() const { return {max_file_size}; }
  // git as found on PATH (once), with --git-timeout.
  [[nodiscard]] git::Options git_options() const;
  // The plan directory: --plan, $PARPLAN_PLAN, or the nearest one upward (throws Error).
  [[nodiscard]] std::string plan_directory() const;
  // Loads the plan (with `options`, load_options() by default); when it has errors, prints them
  // as `validate` does and returns nullopt (the caller exits 1).
  std::optional<Plan> load_valid_plan() const { return load_valid_plan(load_options()); }
  std::optional<Plan> load_valid_plan(const LoadOptions& options) const;
  // Colour for a stream: --color, then NO_COLOR, then whether it is a terminal.
  [[nodiscard]] bool color(int fd) const;
  // Columns of the terminal on fd, or nullopt when it is not one (output is piped).
  [[nodiscard]] static std::optional<std::size_t> terminal_width(int fd);
  // The wall clock is read here and nowhere in the library.
  [[nodiscard]] static YearMonth today();
};

// The files a plan was read from, which -o must never overwrite (see write_output).
std::vector<std::string> plan_files(const Plan& plan);

// The error diagnostics of a load, one line each (warnings are validate's business).
std::string error_lines(const LoadResult& result);

// Each subcommand lives in its own cmd_<name>.cpp and registers itself here.
void register_validate(CLI::App& app, Context& ctx);
void register_due(CLI::App& app, Context& ctx);
void register_list(CLI::App& app, Context& ctx);
void register_report(CLI::App& app, Context& ctx);
void register_diff(CLI::App& app, Context& ctx);
void register_import(CLI::App& app, Context& ctx);
void register_schema(CLI::App& app, Context& ctx);
void register_completion(CLI::App& app, Context& ctx);
void register_complete(CLI::App& app, Context& ctx);  // hidden: __complete
void register_man(CLI::App& app, Context& ctx);       // hidden: __man
void register_set(CLI::App& app, Context& ctx);
void register_done(CLI::App& app, Context& ctx);
void register_log(CLI::App& app, Context& ctx);

// The whole command line, every subcommand registered, for what describes it (completion
// scripts, man pages); `run` registers only the subcommand argv names.
void build_command_line(CLI::App& app, Context& ctx);

int run(int argc, char** argv);

}  // namespace parplan::cli
