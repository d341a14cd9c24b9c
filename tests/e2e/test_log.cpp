// parplan log: the history of activities from git, in real repositories with several authors and
// dates, a comment-only commit, a renumbering, a renamed field file, a merge and a shallow clone.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "history_repo.hpp"

using namespace parplan::test;
using json = nlohmann::json;

namespace {

const std::string iii = "data/03-thu-tuc-hanh-chinh.yaml";
const std::string iii_renamed = "data/03-tthc.yaml";
const std::string iii_1_4_end = "        start: 5\n        end: 6\n  - id: III.2\n";
const std::string iii_2_4 =
    "      - id: III.2.4\n"
    "        title: Thực hiện cập nhật quy trình nội bộ chuẩn\n"
    "        result: 100% quy trình nội bộ được cập nhật kịp thời, đầy đủ, thống nhất trên Cổng "
    "dịch vụ công Một cửa điện tử\n"
    "        output: Hệ thống Một cửa điện tử được cập nhật đầy đủ các quy trình nội bộ\n"
    "        lead: [vp-ubnd, stttt]\n"
    "        support: [lien-quan]\n"
    "        start: 7\n"
    "        end: 9\n";

// The story every test reads, one commit per step (short ids in `ids`, oldest first):
//  0 2024-01-10 An    the plan
//  1 2024-02-20 Bình  III.1.4 end 6 -> 8
//  2 2024-03-15 Cường a comment only
//  3 2024-04-02 Cường III.1.4 start 5 -> 6, end 8 -> 9
//  4 2024-05-06 Bình  III.2.4 moved to task III.1 as III.1.5
//  5 2024-06-10 An    field file III renamed (git mv)
//  6 2024-07-02 An    III.1.4 in progress (main; a side branch changes II.1.1 on 2024-07-01)
//  7 2024-07-03 An    merge of the side branch: II.1.1 end 12 -> 11
struct Story {
  HistoryRepo repo;
  std::vector<std::string> ids;
  std::string side;  // the side branch's commit

  Story() {
    repo.add_shipped_plan();
    step("Kế hoạch 2024", "Nguyễn Văn An", "2024-01-10");
    repo.replace(iii, iii_1_4_end, "        start: 5\n        end: 8\n  - id: III.2\n");
    step("Dời hạn tập huấn", "Trần Thị Bình", "2024-02-20");
    repo.replace(iii, "field: III\n", "# Lĩnh vực III, theo Phụ lục\nfield: III\n");
    step("Chỉ thêm ghi chú", "Lê Văn Cường", "2024-03-15");
    repo.replace(iii, "        start: 5\n        end: 8\n  - id: III.2\n",
                 "        start: 6\n        end: 9\n  - id: III.2\n");
    step("Dời hạn lần hai", "Lê Văn Cường", "2024-04-02");
    repo.replace(iii, iii_2_4, "");
    std::string moved = iii_2_4;
    moved.replace(moved.find("III.2.4"), 7, "III.1.5");
    repo.replace(iii, "        start: 6\n        end: 9\n  - id: III.2\n",
                 "        start: 6\n        end: 9\n" + moved + "  - id: III.2\n");
    step("Chuyển III.2.4 sang nhiệm vụ III.1", "Trần Thị Bình", "2024-05-06");
    repo.git({"mv", iii, iii_renamed});
    step("Đổi tên tệp lĩnh vực III", "Nguyễn Văn An", "2024-06-10");
    repo.git({"checkout", "-q", "-b", "side"});
    repo.replace("data/02-the-che.yaml", "        start: 1\n        end: 12\n      - id: II.1.2",
                 "        start: 1\n        end: 11\n      - id: II.1.2");
    repo.commit_as("Sửa II.1.1 trên nhánh", "Trần Thị Bình", "2024-07-01");
    side = repo.head();
    repo.git({"checkout", "-q", "main"});
    repo.replace(
        iii_renamed, "        start: 6\n        end: 9\n      - id: III.1.5",
        "        start: 6\n        end: 9\n        status: in-progress\n      - id: III.1.5");
    step("Bắt đầu tập huấn", "Nguyễn Văn An", "2024-07-02");
    RunResult merged =
        run_program({"git", "merge", "-q", "--no-ff", "--no-edit", "side"},
                    {repo.root(), HistoryRepo::dated("Nguyễn Văn An", "2024-07-03"), ""});
    INFO(merged.err);
    REQUIRE(merged.exit_code == 0);
    ids.push_back(repo.head());
  }

  void step(const std::string& message, const std::string& author, const std::string& day) {
    repo.commit_as(message, author, day);
    ids.push_back(repo.head());
  }
};

json log_json(const HistoryRepo& repo, std::vector<std::string> args) {
  args.insert(args.begin(), "log");
  args.insert(args.end(), {"--format", "json"});
  RunResult r = repo.run(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

// "commit id kind" for each entry, with short ids.
std::vector<std::string> summary(const json& j) {
  std::vector<std::string> out;
  for (const json& e : j.at("entries"))
    out.push_back(e.at("commit").get<std::string>().substr(0, 7) + " " +
                  e.at("id").get<std::string>() + " " + e.at("kind").get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("log: a deadline moved twice, by whom and when, oldest first") {
  Story s;
  RunResult r = s.repo.run({"log", "III.1.4", "--lang", "en"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "III.1.4 Tổ chức tập huấn nghiệp vụ kiểm soát TTHC cho công chức làm đầu mối kiểm soát "
        "TTHC cấp tỉnh (01 lớp)\n"
        "  " +
            s.ids[0] +
            " 2024-01-10 Nguyễn Văn An: Kế hoạch 2024\n"
            "      added\n"
            "  " +
            s.ids[1] +
            " 2024-02-20 Trần Thị Bình: Dời hạn tập huấn\n"
            "      end 6 → 8, slipped 2 months\n"
            "  " +
            s.ids[3] +
            " 2024-04-02 Lê Văn Cường: Dời hạn lần hai\n"
            "      start 5 → 6, 1 month later\n"
            "      end 8 → 9, slipped 1 month\n"
            "  " +
            s.ids[6] +
            " 2024-07-02 Nguyễn Văn An: Bắt đầu tập huấn\n"
            "      status planned → in-progress\n");

  // The plan's language by default.
  r = s.repo.run({"log", "III.1.4"});
  CHECK(r.out.find("      Tháng kết thúc 6 → 8, lùi 2 tháng\n") != std::string::npos);
  CHECK(r.out.find("      thêm mới\n") != std::string::npos);
}

TEST_CASE("log: the deadline view lists every start and end change") {
  Story s;
  json j = log_json(s.repo, {"--deadline-changes"});
  std::vector<std::string> rows;
  for (const json& c : j.at("deadline_changes"))
    rows.push_back(c.at("date").get<std::string>() + " " + c.at("author").get<std::string>() + " " +
                   c.at("id").get<std::string>() + " " + c.at("attribute").get<std::string>() +
                   " " + c.at("old").dump() + "→" + c.at("new").dump() + " " +
                   c.at("months").dump());
  CHECK(rows == std::vector<std::string>{
                    "2024-02-20 Trần Thị Bình III.1.4 end 6→8 2",
                    "2024-04-02 Lê Văn Cường III.1.4 start 5→6 1",
                    "2024-04-02 Lê Văn Cường III.1.4 end 8→9 1",
                    "2024-07-03 Nguyễn Văn An II.1.1 end 12→11 -1",
                });
  RunResult r = s.repo.run({"log", "--deadline-changes", "--lang", "en"});
  CHECK(r.out.starts_with("Date        Commit   Author         ID       Change       Shift\n"));
  CHECK(r.out.find("2024-02-20  " + s.ids[1] +
                   "  Trần Thị Bình  III.1.4  end 6 → 8    slipped 2 months\n") !=
        std::string::npos);
}

TEST_CASE("log: a renumbered activity is followed under both ids") {
  Story s;
  json j = log_json(s.repo, {"III.1.5"});
  CHECK(summary(j) ==
        std::vector<std::string>{s.ids[0] + " III.2.4 added", s.ids[4] + " III.1.5 renumbered"});
  CHECK(j.at("entries")[1].at("from") == "III.2.4");
  CHECK(j.at("entries")[1].at("changes").empty());
  CHECK(log_json(s.repo, {"III.2.4"}) == j);
  RunResult r = s.repo.run({"log", "III.2.4", "--lang", "en"});
  CHECK(r.out.find("      renumbered from III.2.4\n") != std::string::npos);
}

TEST_CASE("log: comment-only commits and a renamed field file do not appear") {
  Story s;
  json j = log_json(s.repo, {});
  std::set<std::string> commits;
  for (const json& e : j.at("entries"))
    commits.insert(e.at("commit").get<std::string>().substr(0, 7));
  CHECK(commits ==
        std::set<std::string>{s.ids[0], s.ids[1], s.ids[3], s.ids[4], s.ids[6], s.ids[7]});
  CHECK(j.at("plan") == "dak-nong-cchc-2024");
  CHECK(j.at("range") == json{{"from", nullptr}, {"to", "HEAD"}});
  CHECK(j.at("entries").size() == 61 + 5);
}

TEST_CASE("log: a merge shows as its first-parent change, the side commit does not") {
  Story s;
  json j = log_json(s.repo, {"II.1.1"});
  CHECK(summary(j) ==
        std::vector<std::string>{s.ids[0] + " II.1.1 added", s.ids[7] + " II.1.1 changed"});
  CHECK(j.at("entries")[1].at("author") == "Nguyễn Văn An");
  CHECK(j.at("entries")[1].at("date") == "2024-07-03");
  CHECK(j.at("entries")[1].at("subject") == "Merge branch 'side'");
  CHECK(j.at("entries")[1].at("changes")[0].at("months") == -1);
}

TEST_CASE("log: --since and --until take revisions and dates") {
  Story s;
  RunResult r =
      s.repo.run({"log", "--since", "2024-03-01", "--until", s.ids[3], "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "parplan: --since 2024-03-01: using commit " + s.ids[1] +
                     " (2024-02-20, Dời hạn tập huấn)\n");
  json j = json::parse(r.out);
  CHECK(summary(j) == std::vector<std::string>{s.ids[3] + " III.1.4 changed"});
  CHECK(j.at("range") == json{{"from", "2024-03-01"}, {"to", s.ids[3]}});

  r = s.repo.run({"log", "--since", "2024-01-01"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "parplan: error: no commit on the current branch is older than 2024-01-01: its history "
        "starts later\n");
  r = s.repo.run({"log", "III.9.9"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "parplan: error: no activity 'III.9.9' in the history of data\n");
}

TEST_CASE("log: --owner and --field narrow the entries") {
  Story s;
  json j = log_json(s.repo, {"--field", "II", "--since", s.ids[0]});
  CHECK(summary(j) == std::vector<std::string>{s.ids[7] + " II.1.1 changed"});
  j = log_json(s.repo, {"--owner", "vp-ubnd", "--since", s.ids[1]});
  CHECK(summary(j) == std::vector<std::string>{s.ids[3] + " III.1.4 changed",
                                               s.ids[4] + " III.1.5 renumbered",
                                               s.ids[6] + " III.1.4 changed"});
}

TEST_CASE("log: a shallow clone says where its history is cut off") {
  Story s;
  TempDir clone;
  RunResult r = run_program(
      {"git", "clone", "-q", "--depth", "2", "file://" + s.repo.root(), clone.str() + "/c"});
  REQUIRE(r.exit_code == 0);
  r = run_parplan({"log", "--format", "json"}, {clone.str() + "/c", {{"TZ", "UTC"}}, ""});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err == "parplan: note: history is cut off at " + s.ids[6] +
                     " (2024-07-02), the oldest commit of this shallow clone; changes before it "
                     "are unknown (git fetch --unshallow brings them)\n");
  CHECK(summary(json::parse(r.out)) == std::vector<std::string>{s.ids[7] + " II.1.1 changed"});
}

TEST_CASE("log: the plan directory is followed across a rename") {
  HistoryRepo repo;
  repo.write("README.md", "a repository that holds more than the plan\n");
  repo.commit_as("Khởi tạo", "Nguyễn Văn An", "2024-01-02");
  repo.add_shipped_plan("ke-hoach");
  repo.commit_as("Kế hoạch 2024", "Nguyễn Văn An", "2024-01-10");
  const std::string first = repo.head();
  repo.replace("ke-hoach/03-thu-tuc-hanh-chinh.yaml", iii_1_4_end,
               "        start: 5\n        end: 8\n  - id: III.2\n");
  repo.commit_as("Dời hạn tập huấn", "Trần Thị Bình", "2024-02-20");
  const std::string moved = repo.head();
  repo.git({"mv", "ke-hoach", "data"});
  repo.commit_as("Đổi tên thư mục kế hoạch", "Lê Văn Cường", "2024-03-01");
  repo.replace(iii, "        start: 5\n        end: 8\n  - id: III.2\n",
               "        start: 5\n        end: 9\n  - id: III.2\n");
  repo.commit_as("Dời hạn lần hai", "Lê Văn Cường", "2024-04-02");
  json j = log_json(repo, {"III.1.4"});
  CHECK(summary(j) == std::vector<std::string>{first + " III.1.4 added", moved + " III.1.4 changed",
                                               repo.head() + " III.1.4 changed"});
  // Nothing shows at the rename itself.
  CHECK(log_json(repo, {}).at("entries").size() == 61 + 2);
}

TEST_CASE("period report: what git says was added, removed or slipped in the period") {
  Story s;
  // Q2 (April-June): the second move of III.1.4's end; the renumbering, the rename and the
  // comment are neither added, removed nor slipped.
  RunResult r =
      s.repo.run({"report", "--period", "2024-Q2", "--sections", "period-changes", "--lang", "en"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("## Added, removed and slipped in Q2 2024\n\n"
                   "| Date | Commit | Author | ID | Activity | Change |\n"
                   "| --- | --- | --- | --- | --- | --- |\n"
                   "| 2024-04-02 | " +
                   s.ids[3] +
                   " | Lê Văn Cường | III.1.4 | Tổ chức tập huấn nghiệp vụ kiểm soát TTHC cho "
                   "công chức làm đầu mối kiểm soát TTHC cấp tỉnh (01 lớp) | end 8 → 9, slipped 1 "
                   "month |\n") != std::string::npos);
  // Q1: the 61 activities added with the plan, then the first slip.
  r = s.repo.run({"report", "--period", "2024-Q1", "--sections", "period-changes", "--lang", "en"});
  CHECK(r.out.find("| 2024-01-10 | " + s.ids[0] + " | Nguyễn Văn An | I.2.1 |") !=
        std::string::npos);
  CHECK(r.out.find("| end 6 → 8, slipped 2 months |") != std::string::npos);
}
