#include "app.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "parplan/discover.hpp"
#include "parplan/error.hpp"
#include "parplan/output.hpp"
#include "version.hpp"

namespace parplan::cli {

namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

// Messages quote what the user typed (--plan, PARPLAN_PLAN, revisions): an ESC or other C0
// control in it must not reach the terminal raw. Line feeds separate a message's lines.
void print_error(const std::string& message) {
  std::string shown;
  for (char c : message) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F)
      shown += fmt::format("\\u{{{:04X}}}", byte);
    else
      shown += c;
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

std::optional<Plan> Context::load_valid_plan() const {
  LoadResult result = load_plan(plan_directory(), load_options());
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

int run(int argc, char** argv) {
  hold_closed_standard_fds();
  // A reader that stops early (`| head`) then gives EPIPE instead of killing parplan mid-write,
  // whatever the parent's disposition; it ends in exit 2 without a message.
  std::signal(SIGPIPE, SIG_IGN);
  Context ctx;
  CLI::App app{
      "parplan: keep an administrative-reform plan in YAML and ask it what is due, "
      "what is late and what changed.",
      "parplan"};
  app.set_version_flag("--version", PARPLAN_VERSION_TEXT);
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

  register_validate(app, ctx);
  register_due(app, ctx);
  register_list(app, ctx);
  register_report(app, ctx);
  register_diff(app, ctx);
  register_import(app, ctx);
  register_schema(app, ctx);
  register_completion(app, ctx);
  register_complete(app, ctx);
  register_man(app, ctx);
  register_set(app, ctx);
  register_done(app, ctx);
  register_log(app, ctx);

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
  } catch (const CLI::ParseError& e) {
    // CLI11's own exit codes (100+) would mean nothing to a script: every usage error is 2.
    print_error(e.what());
    std::cerr << "Run 'parplan --help' for usage.\n";
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
