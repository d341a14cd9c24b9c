#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using parplan::test::run_parplan;
using parplan::test::source_path;
using parplan::test::TempDir;

namespace {

// The gaps the damaged source left in the shipped plan; nothing else may be reported.
const char* const shipped_plan_warnings =
    "data/06-tai-chinh-cong.yaml:9:9: warning: activity VI.1.1 has no schedule; add start and "
    "end, schedule: ongoing, after: or per:\n"
    "data/06-tai-chinh-cong.yaml:9:9: warning: activity VI.1.1 has no lead owner\n"
    "data/06-tai-chinh-cong.yaml:14:9: warning: activity VI.1.2 has no schedule; add start and "
    "end, schedule: ongoing, after: or per:\n"
    "data/06-tai-chinh-cong.yaml:14:9: warning: activity VI.1.2 has no lead owner\n"
    "data/06-tai-chinh-cong.yaml:23:9: warning: activity VI.2.1 has no schedule; add start and "
    "end, schedule: ongoing, after: or per:\n"
    "data/06-tai-chinh-cong.yaml:30:9: warning: activity VI.2.2 has no schedule; add start and "
    "end, schedule: ongoing, after: or per:\n"
    "data/06-tai-chinh-cong.yaml:30:9: warning: activity VI.2.2 has no lead owner\n"
    "data/07-chinh-quyen-so.yaml:11:9: warning: activity VII.1.1 has no schedule; add start and "
    "end, schedule: ongoing, after: or per:\n"
    "data/07-chinh-quyen-so.yaml:17:9: warning: activity VII.1.2 has no schedule; add start and "
    "end, schedule: ongoing, after: or per:\n"
    "data/07-chinh-quyen-so.yaml:17:9: warning: activity VII.1.2 has no lead owner\n"
    "data/07-chinh-quyen-so.yaml:26:9: warning: activity VII.2.1 has no schedule; add start and "
    "end, schedule: ongoing, after: or per:\n"
    "data/07-chinh-quyen-so.yaml:32:9: warning: activity VII.2.2 has no schedule; add start and "
    "end, schedule: ongoing, after: or per:\n"
    "data/07-chinh-quyen-so.yaml:46:9: warning: activity VII.2.4 has no schedule; add start and "
    "end, schedule: ongoing, after: or per:\n"
    "data/07-chinh-quyen-so.yaml:56:9: warning: activity VII.3.1 has no schedule; add start and "
    "end, schedule: ongoing, after: or per:\n"
    "data/07-chinh-quyen-so.yaml:62:9: warning: activity VII.3.2 has no schedule; add start and "
    "end, schedule: ongoing, after: or per:\n";

const char* const invalid_basic_errors =
    "tests/fixtures/invalid-basic/01-the-che.yaml:10:9: error: 'start' without 'end'; give both "
    "months\n"
    "tests/fixtures/invalid-basic/01-the-che.yaml:11:9: error: unknown key 'ened' in activity "
    "II.1.1; did you mean 'end'?\n"
    "tests/fixtures/invalid-basic/01-the-che.yaml:14:16: error: unknown owner 'sn'; did you mean "
    "'snv' (Sở Nội vụ)?\n"
    "tests/fixtures/invalid-basic/01-the-che.yaml:15:9: error: start 7 is after end 5\n"
    "tests/fixtures/invalid-basic/01-the-che.yaml:17:13: error: activity id 'II.2.3' does not "
    "start with its task id 'II.1' (expected 'II.1.<n>')\n"
    "tests/fixtures/invalid-basic/01-the-che.yaml:21:17: error: invalid status 'finished'; "
    "expected planned, in-progress, done or cancelled\n";

}  // namespace

TEST_CASE("validate: the shipped plan is valid with only the gap warnings") {
  auto r = run_parplan({"validate"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == shipped_plan_warnings);
  CHECK(r.err == "data: valid, 61 activities in 7 fields; 15 warning(s)\n");
}

TEST_CASE("validate: --strict fails on the shipped plan's warnings") {
  auto r = run_parplan({"validate", "--strict"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "data: 0 error(s), 15 warning(s) (--strict treats warnings as errors)\n");
}

TEST_CASE("validate: every problem of a broken plan in one run, exit 1") {
  auto r = run_parplan({"validate", "--plan", "tests/fixtures/invalid-basic"});
  CHECK(r.exit_code == 1);
  CHECK(r.out == invalid_basic_errors);
  CHECK(r.err == "tests/fixtures/invalid-basic: 6 error(s), 0 warning(s)\n");
}

TEST_CASE("validate: --plan is accepted before the subcommand too") {
  auto r = run_parplan({"--plan", "tests/fixtures/invalid-basic", "validate"});
  CHECK(r.exit_code == 1);
  CHECK(r.out == invalid_basic_errors);
}

TEST_CASE("validate: --format json carries the same diagnostics") {
  auto r = run_parplan({"validate", "--plan", "tests/fixtures/invalid-basic", "--format", "json"});
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["valid"] == false);
  CHECK(j["errors"] == 6);
  CHECK(j["warnings"] == 0);
  REQUIRE(j["diagnostics"].size() == 6);
  const auto& d = j["diagnostics"][2];
  CHECK(d["file"] == "tests/fixtures/invalid-basic/01-the-che.yaml");
  CHECK(d["line"] == 14);
  CHECK(d["column"] == 16);
  CHECK(d["severity"] == "error");
  CHECK(d["message"] == "unknown owner 'sn'; did you mean 'snv' (Sở Nội vụ)?");
}

TEST_CASE("validate: --format github prints workflow annotations") {
  auto r =
      run_parplan({"validate", "--plan", "tests/fixtures/invalid-basic", "--format", "github"});
  CHECK(r.exit_code == 1);
  CHECK(
      r.out.starts_with("::error file=tests/fixtures/invalid-basic/01-the-che.yaml,line=10,col=9"
                        "::'start' without 'end'; give both months\n"));
}

TEST_CASE("validate: discovery finds data/ from a subdirectory, with paths relative to it") {
  auto r = run_parplan({"validate"}, {.cwd = source_path("cli")});
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("../data/06-tai-chinh-cong.yaml:9:9: warning:"));
  CHECK(r.err == "../data: valid, 61 activities in 7 fields; 15 warning(s)\n");
}

TEST_CASE("validate: PARPLAN_PLAN is used when --plan is absent, and --plan wins over it") {
  TempDir dir;
  auto fixture = source_path("tests/fixtures/invalid-basic");
  auto r = run_parplan({"validate"}, {.cwd = dir.str(), .env = {{"PARPLAN_PLAN", fixture}}});
  CHECK(r.exit_code == 1);
  auto data = source_path("data");
  r = run_parplan({"validate", "--plan", data},
                  {.cwd = dir.str(), .env = {{"PARPLAN_PLAN", fixture}}});
  CHECK(r.exit_code == 0);
}

TEST_CASE("validate: no plan found says where it looked, exit 2") {
  TempDir dir;
  auto r = run_parplan({"validate"}, {.cwd = dir.str()});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "parplan: error: no plan found: no plan.yaml or data/plan.yaml in the current "
        "directory or any parent (" +
            dir.str() + " up to /); pass --plan DIR or set PARPLAN_PLAN\n");
}

TEST_CASE("validate: --plan naming a missing directory is exit 2") {
  auto r = run_parplan({"validate", "--plan", "no/such/dir"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "parplan: error: no/such/dir (from --plan) is not a directory\n");
}

TEST_CASE("validate: usage errors exit 2, never CLI11's own codes") {
  auto r = run_parplan({"validate", "--bogus"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "parplan: error: unknown option `--bogus`\n"
        "Run 'parplan validate --help' for usage.\n");
  CHECK(run_parplan({"validate", "--format", "xml"}).exit_code == 2);
  CHECK(run_parplan({}).exit_code == 2);
  CHECK(run_parplan({"frobnicate"}).exit_code == 2);
}

TEST_CASE("validate: --help documents the command with an example, exit 0") {
  auto r = run_parplan({"validate", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("--strict") != std::string::npos);
  CHECK(r.out.find("Examples:\n  parplan validate\n") != std::string::npos);
}

TEST_CASE("validate: colour only when asked or on a terminal, never with NO_COLOR") {
  auto plain = run_parplan({"validate", "--plan", "tests/fixtures/invalid-basic"});
  CHECK(plain.out.find('\033') == std::string::npos);
  auto forced =
      run_parplan({"validate", "--plan", "tests/fixtures/invalid-basic", "--color", "always"});
  CHECK(forced.out.find("\033[1;31merror:\033[0m") != std::string::npos);
  auto tty = parplan::test::run_program(
      {"script", "-qec",
       std::string(PARPLAN_BINARY) + " validate --plan tests/fixtures/invalid-basic", "/dev/null"});
  CHECK(tty.out.find("\033[1;31merror:\033[0m") != std::string::npos);
  auto no_color = parplan::test::run_program(
      {"script", "-qec",
       std::string(PARPLAN_BINARY) + " validate --plan tests/fixtures/invalid-basic", "/dev/null"},
      {.env = {{"NO_COLOR", "1"}}});
  CHECK(no_color.out.find('\033') == std::string::npos);
  CHECK(no_color.out.find("error:") != std::string::npos);
}
