#include <doctest/doctest.h>

#include "diff_repo.hpp"

using parplan::test::GitRepo;
using parplan::test::RunResult;

namespace {

// The README's recipe: .gitattributes routes plan files to the "parplan" driver, and the
// repository's config says what the driver runs.
struct DriverRepo {
  GitRepo repo;
  DriverRepo() {
    repo.add_shipped_plan();
    repo.write(".gitattributes", "data/*.yaml diff=parplan\n");
    repo.git({"config", "diff.parplan.command",
              std::string("'") + PARPLAN_BINARY + "' diff --git-driver"});
    repo.commit("plan");
  }
};

}  // namespace

TEST_CASE("diff: git diff and git log -p show plan changes through the driver") {
  DriverRepo r;
  r.repo.replace("data/03-thu-tuc-hanh-chinh.yaml", "        start: 5\n        end: 6\n",
                 "        start: 5\n        end: 8\n");
  r.repo.replace("data/02-the-che.yaml", "        lead: [stp]\n", "        lead: [snv]\n");
  r.repo.replace("data/plan.yaml", "  stp:\n    name: Sở Tư pháp\n",
                 "  stp:\n    name: Sở Tư pháp tỉnh\n");
  const std::string expected =
      "diff --parplan a/data/02-the-che.yaml b/data/02-the-che.yaml\n"
      "1 changed, 0 added, 0 removed\n"
      "\n"
      "II.1.1 Ban hành Kế hoạch theo dõi thi hành pháp luật trên địa bàn tỉnh năm 2024 và triển "
      "khai thực hiện\n"
      "  lead: Sở Tư pháp tỉnh → Sở Nội vụ\n"
      "diff --parplan a/data/03-thu-tuc-hanh-chinh.yaml b/data/03-thu-tuc-hanh-chinh.yaml\n"
      "1 changed, 0 added, 0 removed; 1 deadline slipped (+2 months)\n"
      "\n"
      "III.1.4 Tổ chức tập huấn nghiệp vụ kiểm soát TTHC cho công chức làm đầu mối kiểm soát "
      "TTHC cấp tỉnh (01 lớp)\n"
      "  end: 6 → 8 (slipped 2 months)\n"
      "diff --parplan a/data/plan.yaml b/data/plan.yaml\n"
      "0 changed, 0 added, 0 removed, 1 plan-level change\n"
      "\n"
      "plan\n"
      "  owner stp name: Sở Tư pháp → Sở Tư pháp tỉnh\n";
  RunResult worktree = r.repo.git({"diff"});
  CHECK(worktree.err == "");
  CHECK(worktree.out == expected);

  r.repo.commit("amend");
  CHECK(r.repo.git({"diff", "HEAD~1", "HEAD"}).out == expected);
  // From a subdirectory git still runs the driver at the top of the work tree.
  CHECK(r.repo.git({"diff", "HEAD~1", "HEAD"}, "data").out == expected);
  RunResult log = r.repo.git({"log", "-p", "--ext-diff", "-1", "--format=%s"});
  CHECK(log.out == "amend\n\n" + expected);
  // Without --ext-diff, git log keeps its own line diff, and --no-ext-diff turns the driver off.
  CHECK(
      r.repo.git({"log", "-p", "-1", "--format=%s"}).out.find("-        end: 6\n+        end: 8") !=
      std::string::npos);
  CHECK(r.repo.git({"diff", "--no-ext-diff", "HEAD~1", "HEAD"}).out.starts_with("diff --git"));
}

TEST_CASE("diff: the driver handles renamed, added and deleted files") {
  DriverRepo r;
  r.repo.git({"mv", "data/03-thu-tuc-hanh-chinh.yaml", "data/03-tthc.yaml"});
  r.repo.commit("rename");
  RunResult rename = r.repo.git({"diff", "-M", "HEAD~1", "HEAD"});
  CHECK(rename.err == "");
  // One line for the file, none for its activities.
  CHECK(rename.out ==
        "diff --parplan a/data/03-thu-tuc-hanh-chinh.yaml b/data/03-tthc.yaml\n"
        "0 changed, 0 added, 0 removed, 1 plan-level change\n\n"
        "plan\n"
        "  field III file renamed: 03-thu-tuc-hanh-chinh.yaml → 03-tthc.yaml\n");

  r.repo.write("data/08-thi-dua.yaml",
               "field: VIII\ntitle: Thi đua\ntasks:\n  - id: VIII.1\n    title: Khen thưởng\n"
               "    activities:\n      - id: VIII.1.1\n        title: Tổng kết\n"
               "        lead: [snv]\n        start: 12\n        end: 12\n");
  r.repo.commit("add");
  CHECK(r.repo.git({"diff", "HEAD~1", "HEAD"}).out ==
        "diff --parplan a/data/08-thi-dua.yaml b/data/08-thi-dua.yaml\n"
        "0 changed, 1 added, 0 removed, 2 plan-level changes\n\n"
        "plan\n  field VIII added: Thi đua\n  task VIII.1 added: Khen thưởng\n\n"
        "VIII.1.1 added: Tổng kết\n  lead: Sở Nội vụ\n  schedule: month 12\n");

  r.repo.git({"rm", "-q", "data/08-thi-dua.yaml"});
  r.repo.commit("delete");
  CHECK(r.repo.git({"diff", "HEAD~1", "HEAD"}).out ==
        "diff --parplan a/data/08-thi-dua.yaml b/data/08-thi-dua.yaml\n"
        "0 changed, 0 added, 1 removed, 2 plan-level changes\n\n"
        "plan\n  field VIII removed: Thi đua\n  task VIII.1 removed: Khen thưởng\n\n"
        "VIII.1.1 removed: Tổng kết\n  lead: Sở Nội vụ\n  schedule: month 12\n");
}

TEST_CASE("diff: the driver reports formatting-only edits as no changes") {
  DriverRepo r;
  std::string text = r.repo.read("data/04-to-chuc-bo-may.yaml");
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  r.repo.write("data/04-to-chuc-bo-may.yaml", "# tổ chức bộ máy\r\n" + crlf);
  CHECK(r.repo.git({"diff"}).out ==
        "diff --parplan a/data/04-to-chuc-bo-may.yaml b/data/04-to-chuc-bo-may.yaml\n"
        "No changes\n");
}

TEST_CASE("diff: the driver never stops git on a broken version") {
  DriverRepo r;
  r.repo.replace("data/06-tai-chinh-cong.yaml", "tasks:\n", "tasks: [\n");
  RunResult result = r.repo.git({"diff"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.starts_with(
      "diff --parplan a/data/06-tai-chinh-cong.yaml b/data/06-tai-chinh-cong.yaml\n"
      "b/data/06-tai-chinh-cong.yaml:"));
  CHECK(result.out.find("parplan: cannot compare in plan terms; the text diff follows\n"
                        "@@ -2,7 +2,7 @@\n") != std::string::npos);
  CHECK(result.out.find("git-blob") == std::string::npos);
  CHECK(result.out.find("-tasks:\n+tasks: [\n") != std::string::npos);
}

TEST_CASE("diff: the driver keeps owners the work tree no longer declares") {
  DriverRepo r;
  // Tỉnh Đoàn leaves the plan: Sở Nội vụ leads its activity alone and the owner is removed.
  r.repo.replace("data/01-chi-dao-dieu-hanh.yaml", "[snv, tinh-doan]", "[snv]");
  r.repo.replace("data/plan.yaml", "  tinh-doan:\n    name: Tỉnh Đoàn Đắk Nông\n", "");
  r.repo.commit("without Tỉnh Đoàn");
  RunResult result = r.repo.git({"diff", "HEAD~1", "HEAD", "--", "data/01-chi-dao-dieu-hanh.yaml"});
  CHECK(result.err == "");
  CHECK(result.out.find("\n  lead: Sở Nội vụ; tinh-doan → Sở Nội vụ\n") != std::string::npos);
}

TEST_CASE("diff: --git-driver wants git's arguments") {
  RunResult result = parplan::test::run_parplan({"diff", "--git-driver", "a", "b"});
  CHECK(result.exit_code == 2);
  CHECK(
      result.err.starts_with("parplan: error: --git-driver takes the arguments git gives an "
                             "external diff driver"));
  RunResult unmerged = parplan::test::run_parplan({"diff", "--git-driver", "data/plan.yaml"});
  CHECK(unmerged.exit_code == 0);
  CHECK(unmerged.out == "diff --parplan data/plan.yaml\nunmerged: resolve the conflict first\n");
}
