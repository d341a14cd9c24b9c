#include <doctest/doctest.h>

#include <fstream>

#include "test_support.hpp"

using namespace parplan::test;

namespace {

// A git repository holding a copy of the shipped plan, with one commit that slips III.1.4 from
// June to August.
struct SlippedPlanRepo {
  TempDir dir;

  RunResult git(const std::vector<std::string>& args) const {
    std::vector<std::string> argv = {"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    RunResult r = run_program(argv, {.cwd = dir.str()});
    INFO("git ", args.at(0), ": ", r.err);
    REQUIRE(r.exit_code == 0);
    return r;
  }

  SlippedPlanRepo() {
    git({"init", "-q"});
    git({"config", "user.name", "Since Test"});
    git({"config", "user.email", "since@example.invalid"});
    copy_tree(source_path("data"), dir.str() + "/data");
    git({"add", "data"});
    git({"commit", "-qm", "the plan as decided"});
    std::string file = dir.str() + "/data/03-thu-tuc-hanh-chinh.yaml";
    std::string text = read_file(file);
    std::string slipped = text;
    auto activity = slipped.find("- id: III.1.4\n");
    REQUIRE(activity != std::string::npos);
    auto end = slipped.find("        end: 6\n", activity);
    REQUIRE(end != std::string::npos);
    slipped.replace(end, 15, "        end: 8\n");
    REQUIRE(slipped != text);
    dir.write("data/03-thu-tuc-hanh-chinh.yaml", slipped);
    git({"commit", "-qam", "III.1.4 slips to August"});
  }
};

const std::string changes_en =
    "## Changes since HEAD\\~1\n\n"
    "1 changed, 0 added, 0 removed; 1 deadline slipped (+2 months).\n\n"
    "### Slipped deadlines\n\n"
    "| ID | Activity | Lead | End | Slip (months) |\n"
    "| --- | --- | --- | --- | ---: |\n"
    "| III.1.4 | Tổ chức tập huấn nghiệp vụ kiểm soát TTHC cho công chức làm đầu mối kiểm soát "
    "TTHC cấp tỉnh (01 lớp) | Văn phòng UBND tỉnh | 6 → 8 | +2 |\n";

}  // namespace

TEST_CASE("report --since: a git revision adds the diff engine's changes as the last section") {
  SlippedPlanRepo repo;
  auto r = run_parplan({"report", "--month", "6", "--lang", "en", "--since", "HEAD~1"},
                       {.cwd = repo.dir.str()});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  auto at = r.out.find("## Changes since");
  REQUIRE(at != std::string::npos);
  CHECK(r.out.substr(at) == changes_en);
}

TEST_CASE("report --since: a plan directory works like a revision, in the report's language") {
  SlippedPlanRepo repo;
  auto r = run_parplan({"report", "--month", "6", "--lang", "vi", "--since", source_path("data")},
                       {.cwd = repo.dir.str()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("| III.1.4 | Tổ chức tập huấn nghiệp vụ kiểm soát TTHC") != std::string::npos);
  CHECK(r.out.find("Slipped deadlines") == std::string::npos);
}

TEST_CASE("report --since: an unknown revision is exit 2 and writes no report") {
  SlippedPlanRepo repo;
  auto r = run_parplan({"report", "--since", "nope", "-o", "report.md"}, {.cwd = repo.dir.str()});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.starts_with("parplan: error: unknown revision 'nope'"));
  CHECK_FALSE(std::filesystem::exists(repo.dir.path() / "report.md"));
}

TEST_CASE("report --since: an owner only the old version has selects as diff --owner does") {
  SlippedPlanRepo repo;
  // The newest commit drops Tỉnh Đoàn from the plan: only HEAD~1 knows the owner.
  std::string plan = read_file(repo.dir.str() + "/data/plan.yaml");
  const std::string owner = "  tinh-doan:\n    name: Tỉnh Đoàn Đắk Nông\n";
  REQUIRE(plan.find(owner) != std::string::npos);
  plan.erase(plan.find(owner), owner.size());
  repo.dir.write("data/plan.yaml", plan);
  std::string field = read_file(repo.dir.str() + "/data/01-chi-dao-dieu-hanh.yaml");
  const std::string both = "lead: [snv, tinh-doan]";
  REQUIRE(field.find(both) != std::string::npos);
  field.replace(field.find(both), both.size(), "lead: [snv]");
  repo.dir.write("data/01-chi-dao-dieu-hanh.yaml", field);
  repo.git({"commit", "-qam", "Tỉnh Đoàn leaves the plan"});

  auto report = run_parplan({"report", "--month", "6", "--lang", "en", "--since", "HEAD~1",
                             "--owner", "tinh doan", "--role", "any"},
                            {.cwd = repo.dir.str()});
  CHECK(report.exit_code == 0);
  CHECK(report.err == "");
  auto at = report.out.find("## Changes since HEAD\\~1\n\n");
  REQUIRE(at != std::string::npos);
  CHECK(report.out.substr(at) ==
        "## Changes since HEAD\\~1\n\n"
        "1 changed, 0 added, 0 removed, 1 plan-level change.\n\n"
        "### Other changes\n\n"
        "| ID | Activity | Change | Before | After |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| I.2.4 | Tổ chức Hội thi trực tuyến tuyên truyền, tìm hiểu về công tác CCHC | Lead | Sở "
        "Nội vụ; Tỉnh Đoàn Đắk Nông | Sở Nội vụ |\n\n"
        "### Plan-level changes\n\n"
        "| Item | Change | Before | After |\n"
        "| --- | --- | --- | --- |\n"
        "| Owner tinh-doan | Removed | Tỉnh Đoàn Đắk Nông | — |\n");
  // diff says the same of the same selection.
  auto diff = run_parplan(
      {"diff", "HEAD~1", "--owner", "tinh doan", "--role", "any", "--format", "md", "--lang", "en"},
      {.cwd = repo.dir.str()});
  CHECK(diff.exit_code == 0);
  CHECK(diff.out.find("| I.2.4 | Tổ chức Hội thi trực tuyến") != std::string::npos);
}
