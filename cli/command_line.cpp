#include "command_line.hpp"

#include "app.hpp"

namespace parplan::cli {

namespace {

Completion completion_of(const std::string& metavar, bool has_choices) {
  if (has_choices) return Completion::choices;
  if (metavar == activity_ids_type) return Completion::activities;
  if (metavar == owner_type) return Completion::owners;
  if (metavar == field_type) return Completion::fields;
  if (metavar == "FILE") return Completion::files;
  if (metavar == "DIR") return Completion::directories;
  return Completion::none;
}

// CLI11 shows a checked option's type as "FMT:{text,md,json}": the metavariable, then one part
// per validator; CLI::IsMember's part is the set in braces.
OptionSpec describe_option(const CLI::Option& option) {
  OptionSpec spec;
  for (const std::string& s : option.get_snames()) spec.names.push_back("-" + s);
  for (const std::string& l : option.get_lnames()) spec.names.push_back("--" + l);
  if (spec.names.empty()) spec.positional = option.get_name();
  spec.description = option.get_description();
  spec.repeatable = spec.names.empty() && option.get_items_expected_max() > 1;
  if (option.get_type_size() == 0) return spec;  // a flag
  std::string type = option.get_type_name();
  spec.metavar = type.substr(0, type.find(':'));
  for (std::size_t open = type.find(":{"); open != std::string::npos;
       open = type.find(":{", open + 1)) {
    std::size_t close = type.find('}', open);
    if (close == std::string::npos) break;
    std::string set = type.substr(open + 2, close - open - 2);
    for (std::size_t start = 0; start <= set.size();) {
      std::size_t comma = std::min(set.find(',', start), set.size());
      if (comma > start) spec.choices.push_back(set.substr(start, comma - start));
      start = comma + 1;
    }
  }
  spec.completion = completion_of(spec.metavar, !spec.choices.empty());
  return spec;
}

CommandSpec describe_command(const CLI::App& app, const std::string& name) {
  CommandSpec command{
      .name = name, .description = app.get_description(), .footer = app.get_footer()};
  for (const CLI::Option* option : app.get_options()) {
    if (option == app.get_help_ptr()) continue;
    OptionSpec spec = describe_option(*option);
    (spec.names.empty() ? command.positionals : command.options).push_back(std::move(spec));
  }
  return command;
}

}  // namespace

std::vector<CommandSpec> describe_command_line(const CLI::App& app) {
  std::vector<CommandSpec> commands{describe_command(app, "")};
  for (const CLI::App* sub :
       app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
    commands.push_back(describe_command(*sub, sub->get_name()));
  return commands;
}

std::vector<CommandSpec> describe_full_command_line() {
  Context ctx;
  CLI::App app{"", "parplan"};
  build_command_line(app, ctx);
  return describe_command_line(app);
}

const char* to_string(Completion completion) {
  switch (completion) {
    case Completion::activities:
      return "activities";
    case Completion::owners:
      return "owners";
    case Completion::fields:
      return "fields";
    case Completion::none:
    case Completion::choices:
    case Completion::files:
    case Completion::directories:
      break;
  }
  return "";
}

}  // namespace parplan::cli
