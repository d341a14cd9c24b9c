#include "app.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "encoding.hpp"
#include "help_formatter.hpp"
#include "parplan/discover.hpp"
#include "parplan/error.hpp"
#include "parplan/output.hpp"
#include "parplan/suggest.hpp"
#include "parplan/unicode.hpp"
#include "version.hpp"

namespace parplan::cli {

namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

// Messages quote what the user typed (--plan, PARPLAN_PLAN, revisions): an ESC or other control
// in it must not reach the terminal raw. Line feeds separate a message's lines.
void print_error(std::string_view message) {
  std::string shown;
  for (std::size_t pos = 0; pos <= message.size();) {
    std::size_t end = std::min(message.find('\n', pos), message.size());
    if (pos > 0) shown += '\n';
    shown += escape_text(message.substr(pos, end - pos));
    pos = end + 1;
  }
  std::cerr << "parplan: error: " << shown << '\n';
}

// With stdout closed (`parplan validate >&-`) the next file opened would become fd 1 and receive
// the output. Holding 0-2 open on /dev/null in the direction they cannot be used keeps the numbers
// taken, while every read or write on them still fails with EBADF as on a closed descriptor.
void hold_closed_standard_fds() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    int held = ::open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
    if (held >= 0 && held != fd) {
      ::dup2(held, fd);
      ::close(held);
    }
  }
}

}  // namespace

std::string Context::plan_directory() const {
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  if (ec && ec.value() == ENOENT)
    throw Error("the current directory no longer exists; cd somewhere else");
  if (ec) throw Error("cannot find the current directory: " + ec.message());
  return discover_plan_directory(plan_option, env("PARPLAN_PLAN"), cwd);
}

git::Options Context::git_options() const {
  static const std::string program = git::find_git(env("PATH").value_or(""));
  return {program, std::chrono::milliseconds(static_cast<long long>(git_timeout * 1000))};
}

std::vector<std::string> plan_files(const Plan& plan) {
  std::vector<std::string> files = {(std::filesystem::path(plan.directory) / "plan.yaml").string()};
  for (const Field& field : plan.fields) files.push_back(field.file);
  return files;
}

std::string error_lines(const LoadResult& result) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics)
    if (d.severity == Severity::error) out += format_text(d) + "\n";
  return out;
}

std::optional<Plan> Context::load_valid_plan(const LoadOptions& options) const {
  LoadResult result = load_plan(plan_directory(), options);
  if (result.ok()) return std::move(result.plan);
  std::cerr << error_lines(result)
            << fmt::format("parplan: {} has {} error(s); fix them first (parplan validate)\n",
                           result.plan.directory, count(result.diagnostics, Severity::error));
  return std::nullopt;
}

bool Context::color(int fd) const {
  if (color_option == "always") return true;
  if (color_option == "never") return false;
  if (env("NO_COLOR")) return false;
  if (auto term = env("TERM"); term && *term == "dumb") return false;
  return ::isatty(fd) == 1;
}

std::optional<std::size_t> Context::terminal_width(int fd) {
  if (::isatty(fd) != 1) return std::nullopt;
  struct winsize ws {};
  if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (auto columns = env("COLUMNS")) {
    char* end = nullptr;
    unsigned long n = std::strtoul(columns->c_str(), &end, 10);
    if (*end == '\0' && n > 0) return n;
  }
  return 80;
}

YearMonth Context::today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1};
}

namespace {

// Every subcommand in the order `parplan --help` lists them.
struct CommandEntry {
  const char* name;
  void (*add)(CLI::App&, Context&);
};
constexpr CommandEntry all_commands[] = {
    {"validate", register_validate},
    {"due", register_due},
    {"list", register_list},
    {"report", register_report},
    {"diff", register_diff},
    {"import", register_import},
    {"schema", register_schema},
    {"completion", register_completion},
    {"__complete", register_complete},
    {"__man", register_man},
    {"set", register_set},
    {"done", register_done},
    {"log", register_log},
};

// parplan itself: its description, the global options and the help formatter the subcommands
// inherit.
void add_globals(CLI::App& app, Context& ctx) {
  app.description(
      "parplan: keep an administrative-reform plan in YAML and ask it what is due, "
      "what is late and what changed.");
  app.formatter(std::make_shared<HelpFormatter>());
  app.set_version_flag("-V,--version", PARPLAN_VERSION_TEXT);
  app.require_subcommand(1);
  // Global options may also follow the subcommand: `parplan validate --plan data`.
  app.fallthrough();
  app.add_option("--plan", ctx.plan_option,
                 "Plan directory (default: $PARPLAN_PLAN, else the nearest directory upward "
                 "holding plan.yaml or data/plan.yaml)")
      ->type_name("DIR");
  app.add_option("--max-file-size", ctx.max_file_size,
                 "Refuse plan files larger than this (default 16MiB)")
      ->transform(CLI::AsSizeValue(false))
      ->type_name("SIZE");
  app.add_option("--color", ctx.color_option,
                 "Colour output: auto (on a terminal, unless "
                 "NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
  app.add_option("--git-timeout", ctx.git_timeout,
                 "Stop a git command that takes longer than this many seconds (default 30)")
      ->check(CLI::Range(0.001, 86400.0))
      ->type_name("SECONDS");
  app.footer("Run 'parplan COMMAND --help' for the options of a command.");
}

// The subcommand argv names: the first word that is neither an option nor the value of a global
// option; nullopt when there is none (`parplan --help`).
std::optional<std::string> named_command(const CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view word = argv[i];
    if (word == "--") return std::nullopt;
    if (!word.starts_with('-')) return std::string(word);
    if (word.find('=') != std::string_view::npos) continue;
    for (const CLI::Option* option : app.get_options())
      if (option->get_type_size() > 0 && option->check_name(std::string(word))) ++i;
  }
  return std::nullopt;
}

// The word a user most likely meant, compared without case, accents and leading dashes.
std::optional<std::string> closest(std::string_view typed, const std::vector<std::string>& names) {
  auto bare = [](std::string_view name) {
    return unicode::fold(name.substr(std::min(name.find_first_not_of('-'), name.size())));
  };
  std::vector<std::string> keys;
  for (const std::string& name : names) keys.push_back(bare(name));
  std::optional<std::string> key = did_you_mean(bare(typed), keys);
  if (!key) return std::nullopt;
  return names[static_cast<std::size_t>(std::find(keys.begin(), keys.end(), *key) - keys.begin())];
}

std::string unknown_command(std::string_view typed) {
  std::vector<std::string> names;
  for (const CommandEntry& command : all_commands)
    if (!std::string_view(command.name).starts_with("__")) names.emplace_back(command.name);
  if (auto guess = closest(typed, names))
    return fmt::format("unknown command `{}`; did you mean `{}`?", typed, *guess);
  std::string message = fmt::format("unknown command `{}`; the commands are", typed);
  for (const std::string& name : names) message += " " + name + ",";
  message.back() = '.';
  return message;
}

// CLI11 says "The following argument was not expected: --fromat"; for an option that is close to
// one the command has, say which.
std::string unknown_option(const CLI::App& app, const CLI::App* command,
                           const CLI::ParseError& error, int argc, char** argv) {
  // Options are what comes before "--"; after it, "-x" is an argument CLI11 did not expect.
  std::vector<std::string> options;
  for (int i = 1; i < argc && std::string_view(argv[i]) != "--"; ++i)
    if (argv[i][0] == '-') options.emplace_back(argv[i]);
  std::vector<std::string> extras = app.remaining(true);
  auto option = std::find_if(extras.begin(), extras.end(), [&](const std::string& word) {
    return std::find(options.begin(), options.end(), word) != options.end();
  });
  if (option == extras.end()) return error.what();
  std::string typed = option->substr(0, option->find('='));
  std::vector<std::string> names = {"--help"};
  for (const CLI::App* scope : {&app, command})
    if (scope)
      for (const CLI::Option* o : scope->get_options())
        for (const std::string& name : o->get_lnames()) names.push_back("--" + name);
  if (auto guess = closest(typed, names))
    return fmt::format("unknown option `{}`; did you mean `{}`?", typed, *guess);
  return fmt::format("unknown option `{}`", typed);
}

}  // namespace

void build_command_line(CLI::App& app, Context& ctx) {
  add_globals(app, ctx);
  for (const CommandEntry& command : all_commands) command.add(app, ctx);
}

int run(int argc, char** argv) {
  hold_closed_standard_fds();
  // A reader that stops early (`| head`) then gives EPIPE instead of killing parplan mid-write,
  // whatever the parent's disposition; it ends in exit 2 without a message.
  std::signal(SIGPIPE, SIG_IGN);
  Context ctx;
  CLI::App app{"", "parplan"};
  add_globals(app, ctx);
  // Only the named subcommand is built: a process start is most of a small plan's cost. Help
  // without one lists them all.
  std::optional<std::string> named = named_command(app, argc, argv);
  const CLI::App* command = nullptr;
  auto entry = std::find_if(std::begin(all_commands), std::end(all_commands),
                            [&](const CommandEntry& c) { return named && *named == c.name; });
  if (named && entry == std::end(all_commands)) {
    print_error(unknown_command(*named));
    std::cerr << "Run 'parplan --help' for usage.\n";
    return exit_trouble;
  }
  if (entry != std::end(all_commands)) {
    entry->add(app, ctx);
    command = app.get_subcommand(entry->name);
  } else {
    for (const CommandEntry& c : all_commands) c.add(app, ctx);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    write_stdout(app.help());
    return exit_ok;
  } catch (const CLI::CallForAllHelp&) {
    write_stdout(app.help("", CLI::AppFormatMode::All));
    return exit_ok;
  } catch (const CLI::CallForVersion&) {
    write_stdout(app.version() + "\n");
    return exit_ok;
  } catch (const CLI::ExtrasError& e) {
    print_error(unknown_option(app, command, e, argc, argv));
    std::cerr << fmt::format("Run 'parplan {}--help' for usage.\n", named ? *named + " " : "");
    return exit_trouble;
  } catch (const CLI::ParseError& e) {
    // CLI11's own exit codes (100+) would mean nothing to a script: every usage error is 2.
    print_error(e.what());
    std::cerr << fmt::format("Run 'parplan {}--help' for usage.\n", named ? *named + " " : "");
    return exit_trouble;
  } catch (const Error& e) {
    if (!stdout_closed_by_reader()) print_error(e.what());
    return exit_trouble;
  } catch (const std::exception& e) {
    print_error(std::string("unexpected failure: ") + e.what());
    return exit_trouble;
  }
  return ctx.exit_code;
}

}  // namespace parplan::cli
