#include <doctest/doctest.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "diff_repo.hpp"

using parplan::test::GitRepo;
using parplan::test::RunResult;

namespace {

// The amendment of the examples: a deadline slips, a lead changes, an activity is
// removed and another added.
void amend_shipped_plan(const GitRepo& repo, const std::string& at = "data") {
  repo.replace(at + "/03-thu-tuc-hanh-chinh.yaml", "        start: 5\n        end: 6\n",
               "        start: 5\n        end: 8\n");
  repo.replace(at + "/02-the-che.yaml", "        lead: [stp]\n", "        lead: [snv]\n");
  std::string field5 = repo.read(at + "/05-che-do-cong-vu.yaml");
  repo.write(at + "/05-che-do-cong-vu.yaml", field5.substr(0, field5.find("      - id: V.3.5\n")));
  repo.replace(at + "/07-chinh-quyen-so.yaml", "  - id: VII.3\n",
               "      - id: VII.2.5\n"
               "        title: Đánh giá mức độ hài lòng khi nộp hồ sơ trực tuyến\n"
               "        lead: [stttt]\n"
               "        support: [snv]\n"
               "        start: 10\n"
               "        end: 11\n"
               "  - id: VII.3\n");
}

const std::string amendment_text =
    "2 changed, 1 added, 1 removed; 1 deadline slipped (+2 months)\n"
    "\n"
    "II.1.1 Ban hành Kế hoạch theo dõi thi hành pháp luật trên địa bàn tỉnh năm 2024 và triển "
    "khai thực hiện\n"
    "  lead: Sở Tư pháp → Sở Nội vụ\n"
    "\n"
    "III.1.4 Tổ chức tập huấn nghiệp vụ kiểm soát TTHC cho công chức làm đầu mối kiểm soát TTHC "
    "cấp tỉnh (01 lớp)\n"
    "  end: 6 → 8 (slipped 2 months)\n"
    "\n"
    "V.3.5 removed: Tổ chức đánh giá, xếp loại CBCCVC làm cơ sở cho công tác thi đua, khen "
    "thưởng\n"
    "  lead: Sở Nội vụ\n"
    "  schedule: months 9–12\n"
    "\n"
    "VII.2.5 added: Đánh giá mức độ hài lòng khi nộp hồ sơ trực tuyến\n"
    "  lead: Sở Thông tin và Truyền thông\n"
    "  schedule: months 10–11\n";

// A repository holding the shipped plan in two commits: as shipped, then amended.
struct AmendedRepo {
  GitRepo repo;
  explicit AmendedRepo(const std::string& at = "data") {
    repo.add_shipped_plan(at);
    repo.commit("2024 plan as decided");
    amend_shipped_plan(repo, at);
    repo.commit("Decision 2: amendments");
  }
};

// Decomposes the Vietnamese letters the shipped plan uses most, as macOS may save them.
std::string to_nfd(std::string text) {
  const std::pair<const char*, const char*> letters[] = {
      {"ộ", "o\xCC\xA3\xCC\x82"}, {"ệ", "e\xCC\xA3\xCC\x82"}, {"ạ", "a\xCC\xA3"},
      {"á", "a\xCC\x81"},         {"à", "a\xCC\x80"},         {"ả", "a\xCC\x89"},
      {"ư", "u\xCC\x9B"},         {"ơ", "o\xCC\x9B"},         {"ế", "e\xCC\x82\xCC\x81"}};
  for (const auto& [composed, decomposed] : letters)
    for (auto at = text.find(composed); at != std::string::npos;
         at = text.find(composed, at + std::strlen(decomposed)))
      text.replace(at, std::strlen(composed), decomposed);
  return text;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("diff: HEAD~1 HEAD reports exactly the plan-level changes of the last commit") {
  AmendedRepo r;
  RunResult result = r.repo.parplan({"diff", "HEAD~1", "HEAD"});
  CHECK(result.err == "");
  CHECK(result.out == amendment_text);
  CHECK(result.exit_code == 0);
  CHECK(r.repo.parplan({"diff", "HEAD~1", "HEAD", "--exit-code"}).exit_code == 1);
  // One revision: it against the working tree, which is HEAD here.
  CHECK(r.repo.parplan({"diff", "HEAD~1"}).out == amendment_text);
}

TEST_CASE("diff: without arguments compares HEAD with the working tree") {
  AmendedRepo r;
  RunResult clean = r.repo.parplan({"diff", "--exit-code"});
  CHECK(clean.out == "No changes\n");
  CHECK(clean.exit_code == 0);

  r.repo.replace("data/plan.yaml", "  stp:\n    name: Sở Tư pháp\n",
                 "  stp:\n    name: Sở Tư pháp tỉnh Đắk Nông\n");
  RunResult dirty = r.repo.parplan({"diff"});
  CHECK(dirty.out ==
        "0 changed, 0 added, 0 removed, 1 plan-level change\n\nplan\n"
        "  owner stp name: Sở Tư pháp → Sở Tư pháp tỉnh Đắk Nông\n");
  CHECK(dirty.exit_code == 0);
  CHECK(r.repo.parplan({"diff", "--exit-code"}).exit_code == 1);
  // The working tree against the first commit holds both.
  RunResult both = r.repo.parplan({"diff", "HEAD~1", "--format", "json"});
  nlohmann::json j = nlohmann::json::parse(both.out);
  CHECK(j["old"] == "HEAD~1:data");
  CHECK(j["new"] == "data");
  CHECK(j["summary"]["changed"] == 2);
  CHECK(j["plan"].size() == 1);
}

TEST_CASE("diff: revisions as git understands them") {
  AmendedRepo r;
  r.repo.git({"tag", "v2024-01", "HEAD~1"});
  std::string first = r.repo.git({"rev-parse", "HEAD~1"}).out;
  first.pop_back();
  for (const std::string& revision :
       {std::string("v2024-01"), first, first.substr(0, 10), std::string("main~1"),
        std::string("HEAD@{1}"), std::string("HEAD^")}) {
    INFO(revision);
    RunResult result = r.repo.parplan({"diff", revision, "main"});
    CHECK(result.err == "");
    CHECK(result.out == amendment_text);
  }
  // Labels keep the revision as the user wrote it.
  nlohmann::json j =
      nlohmann::json::parse(r.repo.parplan({"diff", "v2024-01", "HEAD", "--format=json"}).out);
  CHECK(j["old"] == "v2024-01:data");
  CHECK(j["new"] == "HEAD:data");
  CHECK(j["removed"][0]["file"] == "v2024-01:data/05-che-do-cong-vu.yaml");
}

TEST_CASE("diff: a formatting-only commit reports no differences") {
  GitRepo repo;
  repo.add_shipped_plan();
  repo.commit("as shipped");

  // plan.yaml: owners before plan (key order), comments, a quoted title, flow style owners.
  std::string plan = repo.read("data/plan.yaml");
  std::string plan_part = plan.substr(0, plan.find("owners:\n"));
  std::string owners_part = plan.substr(plan.find("owners:\n"));
  owners_part = replace_all(owners_part, "  bao-dak-nong:\n    name: Báo Đắk Nông\n",
                            "  bao-dak-nong: {name: 'Báo Đắk Nông'}   # flow style\n");
  plan_part = replace_all(plan_part, "  title: Kế hoạch cải cách hành chính tỉnh Đắk Nông năm 2024",
                          "  title: \"Kế hoạch cải cách hành chính tỉnh Đắk Nông năm 2024\"");
  repo.write("data/plan.yaml", "# Kế hoạch CCHC 2024\n" + owners_part + plan_part);
  // Field II: block lists instead of flow lists, end before start, months as YYYY-MM.
  std::string field2 = repo.read("data/02-the-che.yaml");
  field2 = replace_all(field2, "        lead: [stp]\n", "        lead:\n          - stp\n");
  field2 = replace_all(field2, "        start: 1\n        end: 12\n",
                       "        end: 2024-12 # cả năm\n        start: '1'\n");
  repo.write("data/02-the-che.yaml", field2);
  // Field III saved with CRLF line endings, field I in NFD.
  repo.write("data/03-thu-tuc-hanh-chinh.yaml",
             replace_all(repo.read("data/03-thu-tuc-hanh-chinh.yaml"), "\n", "\r\n"));
  repo.write("data/01-chi-dao-dieu-hanh.yaml", to_nfd(repo.read("data/01-chi-dao-dieu-hanh.yaml")));
  repo.commit("reformat");

  // git sees many changed lines; parplan sees the same plan.
  RunResult stat = repo.git({"diff", "--shortstat", "HEAD~1", "HEAD"});
  CHECK(stat.out.find("4 files changed") != std::string::npos);
  RunResult result = repo.parplan({"diff", "HEAD~1", "HEAD", "--exit-code"});
  CHECK(result.err == "");
  CHECK(result.out == "No changes\n");
  CHECK(result.exit_code == 0);
  RunResult json = repo.parplan({"diff", "HEAD~1", "HEAD", "--format", "json", "--exit-code"});
  CHECK(nlohmann::json::parse(json.out)["changed"].empty());
  CHECK(json.exit_code == 0);
}

TEST_CASE("diff: bad revisions exit 2 and create no file") {
  AmendedRepo r;
  const auto before = r.repo.files();
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"diff", "nope"},
       "parplan: error: unknown revision 'nope': no such directory, and no such commit in the git "
       "repository at "},
      {{"diff", "HEAD", "nope"}, "parplan: error: unknown revision 'nope'"},
      {{"diff", "--output=x"}, "parplan: error: unknown option `--output`\n"},
      {{"diff", "-n"}, "parplan: error: unknown option `-n`\n"},
      {{"diff", "--", "--output=x"},
       "parplan: error: '--output=x' is not a revision: revisions cannot start with '-'\n"},
      {{"diff", "--", "-n"},
       "parplan: error: '-n' is not a revision: revisions cannot start with '-'\n"},
      // CLI11 refuses an option after "--" once a positional was given; either way, no file.
      {{"diff", "HEAD", "--", "--output=x"},
       "parplan: error: The following argument was not expected: --output=x\n"},
      {{"diff", "HEAD~1..HEAD"},
       "parplan: error: 'HEAD~1..HEAD' is a range; parplan diff compares two versions: give them "
       "as two arguments, e.g. parplan diff A B\n"},
      {{"diff", "HEAD~1...HEAD"}, "parplan: error: 'HEAD~1...HEAD' is a range"},
      {{"diff", "HEAD~5"}, "parplan: error: unknown revision 'HEAD~5'"},
  };
  for (const Case& c : cases) {
    INFO(c.args.back());
    RunResult result = r.repo.parplan(c.args);
    CHECK(result.exit_code == 2);
    CHECK(result.out == "");
    CHECK(result.err.starts_with(c.message));
    result = r.repo.parplan(c.args, "data");
    CHECK(result.exit_code == 2);
  }
  CHECK(r.repo.files() == before);
}

TEST_CASE("diff: runs from a subdirectory") {
  AmendedRepo r;
  r.repo.write("docs/notes/readme.txt", "notes\n");
  for (const char* below : {"data", "docs", "docs/notes"}) {
    INFO(below);
    RunResult result = r.repo.parplan({"diff", "HEAD~1", "HEAD"}, below);
    CHECK(result.err == "");
    CHECK(result.out == amendment_text);
  }
  // Labels name the plan by its path in the repository wherever the command runs.
  nlohmann::json j = nlohmann::json::parse(
      r.repo.parplan({"diff", "HEAD~1", "--format", "json"}, "docs/notes").out);
  CHECK(j["old"] == "HEAD~1:data");
  CHECK(j["new"] == "../../data");
}

TEST_CASE("diff: a plan directory that is not at the repository root") {
  AmendedRepo r("plans/2024");
  r.repo.write("src/tool.txt", "x\n");
  RunResult from_root = r.repo.parplan({"diff", "HEAD~1", "HEAD", "--plan", "plans/2024"});
  CHECK(from_root.err == "");
  CHECK(from_root.out == amendment_text);
  RunResult from_src = r.repo.parplan(
      {"--plan", "../plans/2024", "diff", "HEAD~1", "HEAD", "--format", "json"}, "src");
  CHECK(from_src.err == "");
  nlohmann::json j = nlohmann::json::parse(from_src.out);
  CHECK(j["old"] == "HEAD~1:plans/2024");
  CHECK(j["changed"][1]["changes"][0]["months"] == 2);
  // Found upward from inside the plan directory, too.
  CHECK(r.repo.parplan({"diff", "HEAD~1", "HEAD"}, "plans/2024").out == amendment_text);
}

TEST_CASE("diff: a plan at the repository root") {
  GitRepo repo;
  parplan::test::copy_tree(parplan::test::source_path("data"), repo.root());
  repo.commit("plan at the top");
  amend_shipped_plan(repo, ".");
  RunResult result = repo.parplan({"diff", "--format", "json"});
  CHECK(result.err == "");
  nlohmann::json j = nlohmann::json::parse(result.out);
  CHECK(j["old"] == "HEAD:.");
  CHECK(j["new"] == ".");
  CHECK(j["removed"][0]["file"] == "HEAD:./05-che-do-cong-vu.yaml");
  CHECK(repo.parplan({"diff"}).out == amendment_text);
}

TEST_CASE("diff: trouble with git exits 2 with a clear message") {
  SUBCASE("not a git repository") {
    parplan::test::TempDir dir;
    parplan::test::copy_tree(parplan::test::source_path("data"), dir.str() + "/data");
    RunResult result = parplan::test::run_parplan({"diff"}, {dir.str(), {}, ""});
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "parplan: error: data is not in a git repository; to compare without git, give plan "
          "directories instead of revisions\n");
    // Each command that needs git says what to do instead in its own terms.
    result = parplan::test::run_parplan({"log"}, {dir.str(), {}, ""});
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "parplan: error: data is not in a git repository; history comes from git: commit the "
          "plan to a git repository (git init, git add, git commit) first\n");
    result = parplan::test::run_parplan({"diff", "2024-05-01"}, {dir.str(), {}, ""});
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "parplan: error: data is not in a git repository; a date names a commit; to compare "
          "without git, give plan directories\n");
  }
  SUBCASE("the plan directory did not exist at that revision") {
    GitRepo repo;
    repo.write("README.md", "plan to come\n");
    repo.commit("start");
    repo.add_shipped_plan();
    repo.commit("plan");
    RunResult result = repo.parplan({"diff", "HEAD~1"});
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "parplan: error: no plan at HEAD~1: data does not exist in that revision\n");
  }
  SUBCASE("the directory held no plan.yaml at that revision") {
    GitRepo repo;
    repo.write("data/notes.yaml", "draft: true\n");
    repo.commit("draft");
    repo.add_shipped_plan();
    repo.commit("plan");
    RunResult result = repo.parplan({"diff", "HEAD~1"});
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "parplan: error: no plan at HEAD~1: data/plan.yaml does not exist in that revision\n");
  }
  SUBCASE("a repository without commits") {
    GitRepo repo;
    repo.add_shipped_plan();
    RunResult result = repo.parplan({"diff"});
    CHECK(result.exit_code == 2);
    CHECK(result.err.starts_with("parplan: error: unknown revision 'HEAD'"));
  }
}

TEST_CASE("diff: an invalid side prints its diagnostics and compares nothing") {
  AmendedRepo r;
  r.repo.replace("data/03-thu-tuc-hanh-chinh.yaml", "        end: 8\n", "        end: 13\n");
  r.repo.commit("typo");
  RunResult result = r.repo.parplan({"diff", "HEAD~1", "HEAD"});
  CHECK(result.exit_code == 1);
  CHECK(result.out == "");
  CHECK(result.err ==
        "HEAD:data/03-thu-tuc-hanh-chinh.yaml:39:14: error: 'end' must be a month from 1 to 12 "
        "or YYYY-MM, got '13'\n"
        "parplan: the new side, HEAD:data, has 1 error(s); nothing compared\n");
  // The same error in the working tree is named by its path.
  RunResult worktree = r.repo.parplan({"diff", "HEAD~1"});
  CHECK(worktree.exit_code == 1);
  CHECK(worktree.err.starts_with("data/03-thu-tuc-hanh-chinh.yaml:39:14: error:"));
}
