// The command line's manners: typos answered with "did you mean", errors pointing at the help of
// the command they came from, a help layout with descriptions in one column, -V, and every
// command still described in full (help, completion) though a run builds only the one it runs.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

using namespace parplan::test;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t nl = std::min(text.find('\n', at), text.size());
    out.push_back(text.substr(at, nl - at));
    at = nl + 1;
  }
  return out;
}

std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (char c : line)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

TEST_CASE("cli: a mistyped command gets the closest one, ignoring case and accents") {
  for (const std::string typed : {"dua", "DUE", "dùe"}) {
    RunResult r = run_parplan({typed});
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "parplan: error: unknown command `" + typed +
                       "`; did you mean `due`?\nRun 'parplan --help' for usage.\n");
  }
  CHECK(run_parplan({"--plan", "data", "reprot"}).err ==
        "parplan: error: unknown command `reprot`; did you mean `report`?\n"
        "Run 'parplan --help' for usage.\n");
  RunResult far = run_parplan({"frobnicate"});
  CHECK(far.exit_code == 2);
  CHECK(far.err ==
        "parplan: error: unknown command `frobnicate`; the commands are validate, due, list, "
        "report, diff, import, schema, completion, set, done, log.\nRun 'parplan --help' for "
        "usage.\n");
}

TEST_CASE("cli: a mistyped option gets the closest option of its command") {
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{"due", "--fromat", "json"},
       "parplan: error: unknown option `--fromat`; did you mean `--format`?\n"
       "Run 'parplan due --help' for usage.\n"},
      {{"due", "--FORMAT=json"},
       "parplan: error: unknown option `--FORMAT`; did you mean `--format`?\n"
       "Run 'parplan due --help' for usage.\n"},
      {{"list", "--ownr", "snv"},
       "parplan: error: unknown option `--ownr`; did you mean `--owner`?\n"
       "Run 'parplan list --help' for usage.\n"},
      // A global option is a candidate too.
      {{"validate", "--plann", "data"},
       "parplan: error: unknown option `--plann`; did you mean `--plan`?\n"
       "Run 'parplan validate --help' for usage.\n"},
      // list has no --as-of: nothing close, so no guess.
      {{"list", "--zzzzzz"},
       "parplan: error: unknown option `--zzzzzz`\nRun 'parplan list --help' for usage.\n"},
  };
  for (const Case& c : cases) {
    RunResult r = run_parplan(c.args);
    CHECK_MESSAGE(r.exit_code == 2, c.args[1]);
    CHECK(r.out == "");
    CHECK(r.err == c.err);
  }
}

TEST_CASE("cli: a usage error inside a command points to that command's help") {
  RunResult month = run_parplan({"due", "--month", "13"});
  CHECK(month.exit_code == 2);
  CHECK(month.err ==
        "parplan: error: --month: '13' is not a month; give 1 to 12\n"
        "Run 'parplan due --help' for usage.\n");
  RunResult nothing = run_parplan({});
  CHECK(nothing.exit_code == 2);
  CHECK(nothing.err.ends_with("Run 'parplan --help' for usage.\n"));
}

TEST_CASE("cli: -V is --version") {
  RunResult longer = run_parplan({"--version"});
  RunResult shorter = run_parplan({"-V"});
  CHECK(shorter.exit_code == 0);
  CHECK(longer.out.starts_with("parplan "));
  CHECK(shorter.out == longer.out);
}

TEST_CASE("cli: help keeps descriptions in one column, within 80 columns") {
  RunResult due = run_parplan({"due", "--help"});
  RunResult report = run_parplan({"report", "--help"});
  // A long list breaks after a comma.
  CHECK(report.out.find(
            "  --sections LIST             Only these sections, in this order\n"
            "                              (comma-separated): summary,by-field,by-owner,\n"
            "                              overdue,due,upcoming,in-progress,finished,waiting,\n"
            "                              unscheduled,on-time,gantt,changes,period-due,\n"
            "                              period-finished,period-overdue,period-changes\n") !=
        std::string::npos);
  CHECK(due.exit_code == 0);
  CHECK(due.out.find(
            "  --month N                   As of month N (1-12) of the plan year. Not with\n"
            "                              --as-of. Not with --period\n") != std::string::npos);
  CHECK(due.out.find("  --format FMT                Output: text (default), md, json, csv, xlsx\n"
                     "                              (Excel) or ics (calendar)\n") !=
        std::string::npos);
  for (const char* command : {"validate", "due", "list", "report", "diff", "import", "schema",
                              "completion", "set", "done"}) {
    RunResult r = run_parplan({command, "--help"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Excludes") == std::string::npos);
    CHECK(r.out.find("REQUIRED") == std::string::npos);
    bool in_options = false;
    for (const std::string& line :
         lines_of(r.out.substr(0, r.out.find("\n\n", r.out.find(":\n"))))) {
      in_options = in_options || line.ends_with(":");
      if (!in_options || line.ends_with(":")) continue;
      CHECK_MESSAGE(columns(line) <= 80, command << ": " << line);
      // A name and its description, or a description's next line: either way the text at
      // column 30 starts a word, after a space.
      if (columns(line) > 30)
        CHECK_MESSAGE((line[29] == ' ' && line[30] != ' '), command << ": " << line);
    }
  }
  RunResult completion = run_parplan({"completion", "--help"});
  CHECK(completion.out.find("  shell SHELL                 The shell. One of: bash, zsh, fish\n") !=
        std::string::npos);
}

TEST_CASE("cli: help and completion still describe every command") {
  RunResult help = run_parplan({"--help"});
  CHECK(help.exit_code == 0);
  for (const char* command : {"validate", "due", "list", "report", "diff", "import", "schema",
                              "completion", "set", "done"})
    CHECK_MESSAGE(help.out.find("\n  " + std::string(command) + " ") != std::string::npos, command);
  CHECK(help.out.find("__complete") == std::string::npos);
  // One line per command: a wrapped word at the start of a line would read as a command.
  CHECK(help.out.find("\n  due                         What is overdue, due, upcoming; who leads "
                      "it\n  list ") != std::string::npos);
  for (const std::string& line : lines_of(help.out))
    if (line.starts_with("  ")) CHECK_MESSAGE(columns(line) <= 80, line);
  // The script is written by `completion` alone, yet knows the other commands' options.
  RunResult bash = run_parplan({"completion", "bash"});
  CHECK(bash.exit_code == 0);
  for (const char* option : {"--strict", "--delimiter", "--since", "--git-driver", "--version"})
    CHECK_MESSAGE(bash.out.find(option) != std::string::npos, option);
}
