// Dates wherever a revision is accepted: `diff 2024-07-01`, `report --since 2024-07-01`.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "history_repo.hpp"

using namespace parplan::test;
using json = nlohmann::json;

namespace {

const std::string field_file = "data/03-thu-tuc-hanh-chinh.yaml";

// 2024-03-05 the plan; 2024-06-28 III.1.4 ends in 8; 2024-07-15 it ends in 9.
void three_commits(const HistoryRepo& repo) {
  repo.add_shipped_plan();
  repo.commit_as("Kế hoạch 2024", "Nguyễn Văn An", "2024-03-05");
  repo.replace(field_file, "        start: 5\n        end: 6\n",
               "        start: 5\n        end: 8\n");
  repo.commit_as("Dời hạn tập huấn", "Trần Thị Bình", "2024-06-28");
  repo.replace(field_file, "        start: 5\n        end: 8\n",
               "        start: 5\n        end: 9\n");
  repo.commit_as("Dời hạn lần hai", "Lê Văn Cường", "2024-07-15");
}

}  // namespace

TEST_CASE("dates: diff DATE compares the last commit before that day, named on stderr") {
  HistoryRepo repo;
  three_commits(repo);
  const std::string chosen = repo.head("HEAD~1");
  RunResult r = repo.run({"diff", "2024-07-01", "HEAD", "--format", "json"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "parplan: 2024-07-01: using commit " + chosen + " (2024-06-28, Dời hạn tập huấn)\n");
  json j = json::parse(r.out);
  REQUIRE(j.at("changed").size() == 1);
  CHECK(j.at("changed")[0].at("id") == "III.1.4");
  CHECK(j.at("changed")[0].at("changes")[0].at("old") == 8);
  CHECK(j.at("changed")[0].at("changes")[0].at("new") == 9);

  // The day itself is not "before" it: a commit made on 2024-06-28 is chosen from 2024-06-29 on.
  r = repo.run({"diff", "2024-06-28", "HEAD", "--format", "json"});
  CHECK(r.err.starts_with("parplan: 2024-06-28: using commit " + repo.head("HEAD~2") +
                          " (2024-03-05, Kế hoạch 2024)"));
}

TEST_CASE("dates: report --since DATE") {
  HistoryRepo repo;
  three_commits(repo);
  RunResult r = repo.run(
      {"report", "--month", "7", "--since", "2024-07-01", "--sections", "changes", "--lang", "en"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err == "parplan: --since 2024-07-01: using commit " + repo.head("HEAD~1") +
                     " (2024-06-28, Dời hạn tập huấn)\n");
  CHECK(r.out.find("## Changes since 2024-07-01") != std::string::npos);
  CHECK(r.out.find("| III.1.4 |") != std::string::npos);
}

TEST_CASE("dates: a date before the first commit is a clear error") {
  HistoryRepo repo;
  three_commits(repo);
  RunResult r = repo.run({"diff", "2024-01-01"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "parplan: error: no commit on the current branch is older than 2024-01-01: its history "
        "starts later\n");
  r = repo.run({"report", "--since", "2024-03-05"});
  CHECK(r.exit_code == 2);
}
