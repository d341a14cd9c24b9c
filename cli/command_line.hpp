#pragma once

// The command line as data: every subcommand and option of the CLI11 app, read from the app
// itself, so that shell completions and man pages are generated from what the parser accepts
// and cannot drift from it.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace parplan::cli {

// Metavariables (type names) whose values shell completion fills from the plan through the hidden
// `parplan __complete`. Any option or positional given one of them is completed; nothing else
// has to be registered.
inline constexpr const char* activity_ids_type = "ID";
inline constexpr const char* owner_type = "OWNER";
inline constexpr const char* field_type = "FIELD";

// What a shell offers for an option's value or a positional argument.
enum class Completion {
  none,        // free text (a month, a number)
  choices,     // a fixed set (CLI::IsMember)
  activities,  // activity ids of the plan
  owners,      // owner ids and names of the plan
  fields,      // field ids of the plan
  files,
  directories,
};

struct OptionSpec {
  std::vector<std::string> names;  // "-o", "--output"; empty for a positional
  std::string positional;          // a positional's name ("ids")
  std::string metavar;             // "FMT", "ID"; empty for a flag
  std::vector<std::string> choices;
  Completion completion = Completion::none;
  bool repeatable = false;  // a positional taking any number of values
  std::string description;

  [[nodiscard]] bool takes_value() const { return !metavar.empty(); }
};

struct CommandSpec {
  std::string name;  // empty for parplan itself
  std::string description;
  std::string footer;
  std::vector<OptionSpec> options;      // without --help
  std::vector<OptionSpec> positionals;  // in order
};

// parplan itself first (its options are the global ones), then every visible subcommand in
// registration order. Hidden subcommands (an empty group, e.g. __complete) are left out.
std::vector<CommandSpec> describe_command_line(const CLI::App& app);
// The same for parplan with every subcommand registered (a run registers only the one it runs).
std::vector<CommandSpec> describe_full_command_line();

// The keyword `__complete` uses on its command line for a completion ("activities", ...).
const char* to_string(Completion completion);

}  // namespace parplan::cli
