#include "completion_scripts.hpp"

#include <fmt/format.h>

#include "embedded.hpp"

namespace parplan::cli {

namespace {

// The text between single quotes in bash and zsh: ' closes the quote, so it is spliced in.
std::string sh_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// fish's single quotes take \\ and \' as escapes.
std::string fish_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// A template of cli/completion/ (compiled in) with its @NAME@ marks replaced.
std::string fill(std::string_view name,
                 const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out(embedded(name));
  for (const auto& [mark, value] : values)
    for (std::size_t at = out.find(mark); at != std::string::npos;
         at = out.find(mark, at + value.size()))
      out.replace(at, mark.size(), value);
  return out;
}

// The first line of a description: completion menus show one line.
std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string joined_names(const std::vector<OptionSpec>& options) {
  std::string out;
  for (const OptionSpec& o : options)
    for (const std::string& name : o.names) out += (out.empty() ? "" : " ") + name;
  return out;
}

const OptionSpec* first_positional(const CommandSpec& command) {
  return command.positionals.empty() ? nullptr : &command.positionals.front();
}

// ---- bash ----------------------------------------------------------------------------------

// The statement that fills COMPREPLY for a value, from `$cur`.
std::string bash_action(const OptionSpec& o) {
  switch (o.completion) {
    case Completion::choices: {
      const std::string words = fmt::format("{}", fmt::join(o.choices, " "));
      return fmt::format("COMPREPLY=($(compgen -W {} -- \"$cur\"))", sh_quote(words));
    }
    case Completion::activities:
    case Completion::owners:
    case Completion::fields:
      return fmt::format("_parplan_from_plan {}", to_string(o.completion));
    case Completion::files:
      return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))";
    case Completion::directories:
      return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))";
    case Completion::none:
      break;
  }
  return ":";
}

}  // namespace

std::string bash_completion(const std::vector<CommandSpec>& commands) {
  const CommandSpec& root = commands.front();
  std::string value_options;  // the global options that take a value, as a case pattern
  for (const OptionSpec& o : root.options)
    if (o.takes_value())
      for (const std::string& name : o.names)
        value_options += (value_options.empty() ? "" : "|") + name;

  std::string value_arms;  // `command:--option) action; return ;;`, globals last
  for (std::size_t i = commands.size(); i-- > 0;) {
    const CommandSpec& c = commands[i];
    for (const OptionSpec& o : c.options) {
      if (!o.takes_value()) continue;
      std::string pattern;
      for (const std::string& name : o.names)
        pattern +=
            fmt::format("{}{}:{}", pattern.empty() ? "" : "|", c.name.empty() ? "*" : c.name, name);
      value_arms += fmt::format("        {}) {}; return ;;\n", pattern, bash_action(o));
    }
  }

  std::string option_arms, argument_arms, subcommands;
  for (const CommandSpec& c : commands) {
    if (c.name.empty()) continue;
    subcommands += (subcommands.empty() ? "" : " ") + c.name;
    option_arms += fmt::format("            {}) options+={} ;;\n", c.name,
                               sh_quote(" " + joined_names(c.options)));
    if (const OptionSpec* p = first_positional(c); p && p->completion != Completion::none)
      argument_arms += fmt::format("        {}) {} ;;\n", c.name, bash_action(*p));
  }

  return fill("cli/completion/bash.in",
              {{"@GLOBAL_VALUE_OPTIONS@", value_options.empty() ? "--" : value_options},
               {"@VALUE_ARMS@", value_arms},
               {"@GLOBAL_OPTIONS@", sh_quote(joined_names(root.options) + " --help")},
               {"@OPTION_ARMS@", option_arms},
               {"@COMMANDS@", sh_quote(subcommands)},
               {"@ARGUMENT_ARMS@", argument_arms}});
}

// ---- zsh -----------------------------------------------------------------------------------

namespace {

// Text inside an _arguments [description] or a message: brackets and colons are syntax there.
std::string zsh_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string zsh_action(const OptionSpec& o) {
  switch (o.completion) {
    case Completion::choices: {
      const std::string words = fmt::format("{}", fmt::join(o.choices, " "));
      return "(" + words + ")";
    }
    case Completion::activities:
    case Completion::owners:
    case Completion::fields:
      return fmt::format("_parplan_from_plan {}", to_string(o.completion));
    case Completion::files:
      return "_files";
    case Completion::directories:
      return "_files -/";
    case Completion::none:
      break;
  }
  return " ";
}

// One _arguments spec a line, each line `indent SPEC end`.
std::string zsh_specs(const CommandSpec& c, const std::string& indent, const std::string& end) {
  std::string out;
  for (const OptionSpec& o : c.options)
    for (const std::string& name : o.names) {
      std::string spec = name;
      if (o.takes_value())
        spec += fmt::format("=[{}]:{}:{}", zsh_escape(first_line(o.description)),
                            zsh_escape(o.metavar), zsh_action(o));
      else
        spec += fmt::format("[{}]", zsh_escape(first_line(o.description)));
      out += indent + sh_quote(spec) + end;
    }
  for (std::size_t i = 0; i < c.positionals.size(); ++i) {
    const OptionSpec& p = c.positionals[i];
    std::string position = p.repeatable ? "*" : std::to_string(i + 1);
    out += indent +
           sh_quote(fmt::format("{}:{}:{}", position, zsh_escape(p.metavar), zsh_action(p))) + end;
  }
  return out;
}

}  // namespace

std::string zsh_completion(const std::vector<CommandSpec>& commands) {
  const CommandSpec& root = commands.front();
  std::string descriptions, arms;
  for (const CommandSpec& c : commands) {
    if (c.name.empty()) continue;
    descriptions += "        " + sh_quote(c.name + ":" + first_line(c.description)) + "\n";
    arms += fmt::format(
        "        {})\n          _arguments -s \"${{globals[@]}}\" \\\n"
        "            '(- *)--help[Print this help message and exit]' \\\n{}"
        "            && ret=0 ;;\n",
        c.name, zsh_specs(c, "            ", " \\\n"));
  }
  return fill("cli/completion/zsh.in", {{"@GLOBAL_SPECS@", zsh_specs(root, "    ", "\n")},
                                        {"@COMMANDS@", descriptions},
                                        {"@COMMAND_ARMS@", arms}});
}

// ---- fish ----------------------------------------------------------------------------------

namespace {

std::string fish_action(const OptionSpec& o) {
  switch (o.completion) {
    case Completion::choices: {
      const std::string words = fmt::format("{}", fmt::join(o.choices, " "));
      return " -x -a " + fish_quote(words);
    }
    case Completion::activities:
    case Completion::owners:
    case Completion::fields:
      return fmt::format(" -x -a '(__parplan_from_plan {})'", to_string(o.completion));
    case Completion::files:
      return " -r -F";
    case Completion::directories:
      return " -x -a '(__fish_complete_directories)'";
    case Completion::none:
      break;
  }
  return " -x";
}

std::string fish_lines(const CommandSpec& c) {
  std::string condition =
      c.name.empty() ? "" : fmt::format(" -n '__fish_seen_subcommand_from {}'", c.name);
  std::string out;
  for (const OptionSpec& o : c.options) {
    std::string names;
    for (const std::string& name : o.names)
      names += name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1);
    out +=
        fmt::format("complete -c parplan{}{}{} -d {}\n", condition, names,
                    o.takes_value() ? fish_action(o) : "", fish_quote(first_line(o.description)));
  }
  if (const OptionSpec* p = first_positional(c); p && p->completion != Completion::none)
    out += fmt::format("complete -c parplan{}{}\n", condition, fish_action(*p));
  return out;
}

}  // namespace

std::string fish_completion(const std::vector<CommandSpec>& commands) {
  std::string lines = fish_lines(commands.front());
  for (const CommandSpec& c : commands) {
    if (c.name.empty()) continue;
    lines += fmt::format("complete -c parplan -n __fish_use_subcommand -a {} -d {}\n", c.name,
                         fish_quote(first_line(c.description)));
    lines += fish_lines(c);
  }
  lines.pop_back();  // the template ends the last line
  return fill("cli/completion/fish.in", {{"@LINES@", lines}});
}

}  // namespace parplan::cli
