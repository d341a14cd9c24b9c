#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "diff_repo.hpp"

using parplan::test::GitRepo;
using parplan::test::run_parplan;
using parplan::test::RunResult;
using parplan::test::source_path;

namespace {

const std::string old_dir = "tests/fixtures/diff-old";
const std::string new_dir = "tests/fixtures/diff-new";

RunResult diff_fixtures(std::vector<std::string> extra = {},
                        const std::map<std::string, std::string>& env = {}) {
  std::vector<std::string> args = {"diff", old_dir, new_dir};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_parplan(args, {"", env, ""});
}

// A repository whose two commits are the two fixture plans: every kind of change, through git.
struct FixtureRepo {
  GitRepo repo;
  FixtureRepo() {
    parplan::test::copy_tree(source_path(old_dir), repo.path("data"));
    repo.commit("old");
    std::filesystem::remove_all(repo.path("data"));
    parplan::test::copy_tree(source_path(new_dir), repo.path("data"));
    repo.commit("new");
  }
};

}  // namespace

TEST_CASE("diff: two directories, outside any repository") {
  RunResult result = diff_fixtures();
  CHECK(result.err == "");
  CHECK(result.exit_code == 0);
  CHECK(
      result.out.starts_with("11 changed, 2 added, 2 removed, 11 plan-level changes; "
                             "2 deadlines slipped (+5 months in total)\n\nplan\n"));
  CHECK(diff_fixtures({"--exit-code"}).exit_code == 1);
  RunResult same = run_parplan({"diff", old_dir, old_dir, "--exit-code"});
  CHECK(same.out == "No changes\n");
  CHECK(same.exit_code == 0);

  parplan::test::TempDir outside;
  RunResult elsewhere =
      run_parplan({"diff", source_path(old_dir), source_path(new_dir), "--format", "json"},
                  {outside.str(), {}, ""});
  CHECK(elsewhere.err == "");
  CHECK(nlohmann::json::parse(elsewhere.out)["summary"]["changed"] == 11);
}

TEST_CASE("diff: every kind of change between two commits, a renamed field file included") {
  FixtureRepo r;
  RunResult through_git = r.repo.parplan({"diff", "HEAD~1", "HEAD"});
  CHECK(through_git.err == "");
  // The same plans give the same report whether they come from git or from directories.
  CHECK(through_git.out == diff_fixtures().out);
  nlohmann::json j =
      nlohmann::json::parse(r.repo.parplan({"diff", "HEAD~1", "HEAD", "--format", "json"}).out);
  CHECK(j["plan"][6] == nlohmann::json::parse(R"({"item":"field","id":"II","attribute":"file",
      "old":"02-the-che.yaml","new":"02-the-che-va-phap-luat.yaml"})"));
  CHECK(j["renumbered"] == nlohmann::json::array());
  CHECK(j["removed"][0]["file"] == "HEAD~1:data/01-chi-dao.yaml");
  CHECK(j["added"][1]["file"] == "HEAD:data/04-so-hoa.yaml");
}

TEST_CASE("diff: a directory argument wins over a revision of the same name") {
  FixtureRepo r;
  r.repo.git({"branch", "old", "HEAD~1"});
  // As a branch, "old" is the old fixture: everything changed.
  CHECK(r.repo.parplan({"diff", "old"}).out.starts_with("11 changed"));
  // Once a directory named "old" holds a plan, the argument means the directory.
  parplan::test::copy_tree(source_path(new_dir), r.repo.path("old"));
  RunResult result = r.repo.parplan({"diff", "old"});
  CHECK(result.out == "No changes\n");
  // A directory without a plan is an error, not a revision.
  r.repo.write("empty/readme.txt", "x\n");
  RunResult empty = r.repo.parplan({"diff", "empty"});
  CHECK(empty.exit_code == 2);
  CHECK(empty.err == "parplan: error: empty holds no plan (no plan.yaml or data/plan.yaml)\n");
  // A checkout's top directory stands for its data/ plan.
  CHECK(r.repo.parplan({"diff", ".", "data", "--exit-code"}).exit_code == 0);
}

TEST_CASE("diff: --format md speaks the plan's language unless --lang says otherwise") {
  RunResult vi = diff_fixtures({"--format", "md"});
  CHECK(vi.exit_code == 0);
  CHECK(
      vi.out.starts_with("## Thay đổi kế hoạch: tests/fixtures/diff-old → "
                         "tests/fixtures/diff-new\n\n11 hoạt động thay đổi"));
  RunResult en = diff_fixtures({"--format", "md", "--lang", "en"});
  CHECK(
      en.out.starts_with("## Plan changes: tests/fixtures/diff-old → tests/fixtures/diff-new"
                         "\n\n11 changed, 2 added"));
  CHECK(diff_fixtures({"--format", "md", "--lang", "fr"}).exit_code == 2);

  // GitHub-flavoured Markdown: the sections render as tables.
  RunResult html =
      parplan::test::run_program({"cmark-gfm", "--extension", "table"}, {"", {}, en.out});
  REQUIRE(html.exit_code == 0);
  CHECK(html.out.find("<h3>Slipped deadlines</h3>\n<table>") != std::string::npos);
  CHECK(html.out.find("<td>Xây dựng nghị quyết</td>\n<td>Sở Tư pháp</td>\n<td>9 → 12</td>\n"
                      "<td align=\"right\">+3</td>") != std::string::npos);
}

TEST_CASE("diff: text and JSON stay English whatever the plan's language") {
  CHECK(diff_fixtures().out.find("slipped 2 months") != std::string::npos);
  nlohmann::json j = nlohmann::json::parse(diff_fixtures({"--format", "json"}).out);
  CHECK(j["old"] == old_dir);
  CHECK(j["changed"][0]["changes"][0]["attribute"] == "title");
}

TEST_CASE("diff: --owner and --field choose the activities reported") {
  // stp led I.1.4 before and leads II.1.1 on both sides.
  RunResult stp = diff_fixtures({"--owner", "tu phap", "--format", "json"});
  CHECK(stp.err == "");
  nlohmann::json j = nlohmann::json::parse(stp.out);
  std::vector<std::string> ids;
  for (const auto& c : j["changed"]) ids.push_back(c["id"]);
  CHECK(ids == std::vector<std::string>{"I.1.4", "II.1.1"});
  CHECK(j["added"].empty());

  // An owner that exists only on the old side can still be asked about.
  RunResult gone = diff_fixtures({"--owner", "ban cu"});
  CHECK(gone.exit_code == 0);
  CHECK(gone.out.find("III.1.1 removed: Sắp xếp đơn vị\n") != std::string::npos);
  CHECK(gone.out.find("I.1.2") == std::string::npos);

  RunResult support = diff_fixtures({"--owner", "stc", "--role", "support", "--format", "json"});
  nlohmann::json s = nlohmann::json::parse(support.out);
  CHECK(s["changed"].size() == 1);
  CHECK(s["changed"][0]["id"] == "I.1.4");
  CHECK(s["added"][0]["id"] == "IV.1.1");

  RunResult field = diff_fixtures({"--field", "IV", "--exit-code"});
  CHECK(field.exit_code == 1);
  CHECK(field.out ==
        "0 changed, 1 added, 0 removed, 6 plan-level changes\n\nplan\n"
        "  title: Kế hoạch thử nghiệm 2024 → Kế hoạch thử nghiệm 2024 (sửa đổi)\n"
        "  owner stc name: Sở Tài chính → Sở Tài chính tỉnh\n"
        "  owner sxd added: Sở Xây dựng\n"
        "  owner ban-cu removed: Ban cũ\n"
        "  field IV added: Chuyển đổi số\n"
        "  task IV.1 added: Hạ tầng số\n\n"
        "IV.1.1 added: Nâng cấp hạ tầng\n  lead: Sở Xây dựng\n  schedule: ongoing\n");

  RunResult nobody = diff_fixtures({"--owner", "bo quoc phong"});
  CHECK(nobody.exit_code == 2);
  CHECK(nobody.err.starts_with("parplan: error: no owner matches 'bo quoc phong'; closest:"));
}

TEST_CASE("diff: a filter reaches the plan-level lines, and the JSON records it") {
  // Field II (retitled, its file renamed) holds only stp's II.1.1; task I.2 only stc's I.2.1.
  RunResult snv = diff_fixtures({"--owner", "snv"});
  CHECK(snv.out.starts_with(
      "9 changed, 1 added, 1 removed, 1 plan-level change; 1 deadline slipped (+2 months)\n\n"
      "plan\n  title: Kế hoạch thử nghiệm 2024 → Kế hoạch thử nghiệm 2024 (sửa đổi)\n\n"));
  RunResult stp = diff_fixtures({"--owner", "stp"});
  CHECK(stp.out.starts_with(
      "2 changed, 0 added, 0 removed, 3 plan-level changes; 1 deadline slipped (+3 months)\n\n"
      "plan\n  title: Kế hoạch thử nghiệm 2024 → Kế hoạch thử nghiệm 2024 (sửa đổi)\n"
      "  field II title: Thể chế → Thể chế và pháp luật\n"
      "  field II file renamed: 02-the-che.yaml → 02-the-che-va-phap-luat.yaml\n\n"));
  RunResult several = diff_fixtures({"--field", "ch"});
  CHECK(several.exit_code == 0);
  CHECK(several.err ==
        "parplan: note: --field 'ch' matches 3 fields: I (Chỉ đạo, điều hành), II (Thể chế và "
        "pháp luật), IV (Chuyển đổi số)\n");
  RunResult task = diff_fixtures({"--field", "I.2"});
  CHECK(task.out.find("  task I.2 title: Kiểm tra → Kiểm tra, giám sát\n") != std::string::npos);
  CHECK(task.out.find("field II") == std::string::npos);

  nlohmann::json both = nlohmann::json::parse(
      diff_fixtures({"--owner", "stp", "--owner", "snv", "--field", "2", "--format", "json"}).out);
  CHECK(both["filter"] ==
        nlohmann::json::parse(R"({"owner":["snv","stp"],"role":"lead","field":["II"]})"));
  CHECK(nlohmann::json::parse(diff_fixtures({"--format", "json"}).out)["filter"] == nullptr);
  nlohmann::json gone = nlohmann::json::parse(
      diff_fixtures({"--owner", "ban cu", "--role", "any", "--field", "III.1", "--format", "json"})
          .out);
  CHECK(gone["filter"] ==
        nlohmann::json::parse(R"({"owner":["ban-cu"],"role":"any","field":["III.1"]})"));
  CHECK(gone["removed"][0]["id"] == "III.1.1");
}

TEST_CASE("diff: colour only on request, never with NO_COLOR") {
  CHECK(diff_fixtures().out.find('\033') == std::string::npos);
  CHECK(diff_fixtures({"--color", "always"}).out.find("\033[1mI.1.1\033[0m") != std::string::npos);
  CHECK(diff_fixtures({}, {{"NO_COLOR", "1"}}).out.find('\033') == std::string::npos);
  CHECK(diff_fixtures({"--color", "always", "--format", "md"}).out.find('\033') ==
        std::string::npos);
}

TEST_CASE("diff: usage errors exit 2") {
  RunResult three = run_parplan({"diff", old_dir, new_dir, old_dir});
  CHECK(three.exit_code == 2);
  CHECK(three.err ==
        "parplan: error: diff takes at most two versions, OLD and NEW; got 3 arguments\n");
  RunResult format = diff_fixtures({"--format", "html"});
  CHECK(format.exit_code == 2);
  RunResult help = run_parplan({"diff", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("A directory that exists wins over a revision of the same name") !=
        std::string::npos);
}
