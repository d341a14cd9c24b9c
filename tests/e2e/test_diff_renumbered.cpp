// An activity moved to another field gets a new id; a field file renamed with `git mv` keeps its
// activities. The diff follows both, in every format and in `report --since`, through real git.

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "diff_repo.hpp"

using parplan::test::GitRepo;
using parplan::test::RunResult;

namespace {

const std::string old_title =
    "Tổ chức đánh giá, xếp loại CBCCVC làm cơ sở cho công tác thi đua, khen thưởng";
const std::string new_title =
    "Tổ chức đánh giá, xếp loại CBCCVC làm căn cứ cho công tác thi đua, khen thưởng";

// The shipped plan, then a commit that renames field III's file and moves V.3.5 into task VII.2
// as VII.2.5 with a reworded title.
struct MovedRepo {
  GitRepo repo;
  MovedRepo() {
    repo.add_shipped_plan();
    repo.commit("2024 plan as decided");
    repo.git({"mv", "data/03-thu-tuc-hanh-chinh.yaml", "data/03-tthc.yaml"});
    std::string field5 = repo.read("data/05-che-do-cong-vu.yaml");
    auto at = field5.find("      - id: V.3.5\n");
    REQUIRE(at != std::string::npos);
    std::string moved = field5.substr(at);
    repo.write("data/05-che-do-cong-vu.yaml", field5.substr(0, at));
    moved.replace(moved.find("V.3.5"), 5, "VII.2.5");
    moved.replace(moved.find("làm cơ sở"), std::string("làm cơ sở").size(), "làm căn cứ");
    repo.replace("data/07-chinh-quyen-so.yaml", "  - id: VII.3\n", moved + "  - id: VII.3\n");
    repo.commit("V.3.5 moves to field VII; field III's file renamed");
  }
};

}  // namespace

TEST_CASE("diff: a moved activity is renumbered and a renamed field file is one line") {
  MovedRepo r;
  RunResult text = r.repo.parplan({"diff", "HEAD~1", "HEAD"});
  CHECK(text.err == "");
  CHECK(text.exit_code == 0);
  CHECK(text.out ==
        "0 changed, 0 added, 0 removed, 1 renumbered, 1 plan-level change\n\n"
        "plan\n"
        "  field III file renamed: 03-thu-tuc-hanh-chinh.yaml → 03-tthc.yaml\n\n"
        "VII.2.5 " +
            new_title +
            "\n"
            "  renumbered from V.3.5\n"
            "  title:\n"
            "    - " +
            old_title +
            "\n"
            "    + " +
            new_title + "\n");

  nlohmann::json j =
      nlohmann::json::parse(r.repo.parplan({"diff", "HEAD~1", "HEAD", "--format", "json"}).out);
  CHECK(j["summary"] == nlohmann::json::parse(R"({"changed":0,"added":0,"removed":0,
      "renumbered":1,"plan":1,"slipped":0,"slipped_months":0})"));
  CHECK(j["renumbered"] == nlohmann::json::array({{{"from", "V.3.5"},
                                                   {"to", "VII.2.5"},
                                                   {"changes", nlohmann::json::array({{
                                                                   {"attribute", "title"},
                                                                   {"old", old_title},
                                                                   {"new", new_title},
                                                               }})}}}));
  CHECK(j["plan"] == nlohmann::json::parse(R"([{"item":"field","id":"III","attribute":"file",
      "old":"03-thu-tuc-hanh-chinh.yaml","new":"03-tthc.yaml"}])"));
  CHECK(j["added"] == nlohmann::json::array());
  CHECK(j["removed"] == nlohmann::json::array());

  RunResult md = r.repo.parplan({"diff", "HEAD~1", "HEAD", "--format", "md", "--lang", "vi"});
  CHECK(md.out.find("\n| VII.2.5 | " + new_title +
                    " | Đánh số lại | V.3.5 | VII.2.5 |\n"
                    "| VII.2.5 |  | Tên hoạt động | " +
                    old_title + " | " + new_title + " |\n") != std::string::npos);
  CHECK(
      md.out.find("| Lĩnh vực III | Đổi tên tệp | 03-thu-tuc-hanh-chinh.yaml | 03-tthc.yaml |\n") !=
      std::string::npos);
}

TEST_CASE("report --since: a renamed field file is one line, a moved activity one row") {
  MovedRepo r;
  RunResult report =
      r.repo.parplan({"report", "--month", "6", "--lang", "en", "--since", "HEAD~1"});
  CHECK(report.err == "");
  CHECK(report.exit_code == 0);
  auto at = report.out.find("## Changes since");
  REQUIRE(at != std::string::npos);
  CHECK(report.out.substr(at) ==
        "## Changes since HEAD\\~1\n\n"
        "0 changed, 0 added, 0 removed, 1 renumbered, 1 plan-level change.\n\n"
        "### Other changes\n\n"
        "| ID | Activity | Change | Before | After |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| VII.2.5 | " +
            new_title +
            " | Renumbered | V.3.5 | VII.2.5 |\n"
            "| VII.2.5 |  | Title | " +
            old_title + " | " + new_title +
            " |\n\n"
            "### Plan-level changes\n\n"
            "| Item | Change | Before | After |\n"
            "| --- | --- | --- | --- |\n"
            "| Field III | File renamed | 03-thu-tuc-hanh-chinh.yaml | 03-tthc.yaml |\n");
}

TEST_CASE("diff: --git-driver refuses a FIFO at once instead of waiting for a writer") {
  // As every trouble of the driver, it is shown in the output and git diff goes on (exit 0).
  MovedRepo r;
  std::string fifo = r.repo.path("pipe.yaml");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string hex(40, '0');
  RunResult driver = r.repo.parplan({"diff", "--git-driver", "data/03-tthc.yaml", fifo, hex,
                                     "100644", "data/03-tthc.yaml", hex, "100644"});
  CHECK(driver.exit_code == 0);
  CHECK(driver.out == "diff --parplan a/data/03-tthc.yaml b/data/03-tthc.yaml\nparplan: " + fifo +
                          " is not a regular file (a FIFO, device or socket)\nparplan: cannot "
                          "compare in plan terms; the text diff follows\n");
  CHECK(driver.err == "");
}
