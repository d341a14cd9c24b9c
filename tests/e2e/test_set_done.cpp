// `parplan set` and `parplan done` through the built binary, on copies of the shipped plan in
// temporary directories and git repositories.

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parplan/loader.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using parplan::test::read_file;
using parplan::test::RunOptions;
using parplan::test::RunResult;
using parplan::test::TempDir;

namespace {

// Every file of a directory, name -> bytes.
std::map<std::string, std::string> snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(dir))
    files[entry.path().filename().string()] = read_file(entry.path().string());
  return files;
}

struct Copy {
  TempDir tmp;
  Copy() { parplan::test::copy_tree(parplan::test::source_path("data"), tmp.str() + "/data"); }
  RunResult run(std::vector<std::string> args, std::map<std::string, std::string> env = {}) const {
    args.insert(args.begin(), {"--plan", "data"});
    return parplan::test::run_parplan(args, {tmp.str(), std::move(env), ""});
  }
  [[nodiscard]] std::string file(const std::string& name) const {
    return read_file(tmp.str() + "/data/" + name);
  }
  [[nodiscard]] std::map<std::string, std::string> files() const {
    return snapshot(tmp.str() + "/data");
  }
};

RunResult git(const std::string& cwd, std::vector<std::string> args) {
  args.insert(args.begin(), {"git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"});
  return parplan::test::run_program(args, {cwd, {}, ""});
}

}  // namespace

TEST_CASE("set: one line per change, only the value's bytes change") {
  Copy copy;
  std::string before = copy.file("03-thu-tuc-hanh-chinh.yaml");
  RunResult r = copy.run({"set", "III.1.4", "end=8"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "data/03-thu-tuc-hanh-chinh.yaml:39: III.1.4 end 6 → 8 (slipped 2 months)\n");
  CHECK(r.err == "");
  std::string expected = before;
  expected.replace(expected.find("        end: 6\n  - id: III.2"), 14, "        end: 8");
  CHECK(copy.file("03-thu-tuc-hanh-chinh.yaml") == expected);

  r = copy.run({"set", "III.1.4", "status=in-progress", "progress=40", "lead=noi vu,tư pháp",
                "note=chờ kinh phí #2"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "data/03-thu-tuc-hanh-chinh.yaml:41: III.1.4 status (none) → in-progress\n"
        "data/03-thu-tuc-hanh-chinh.yaml:42: III.1.4 progress (none) → 40\n"
        "data/03-thu-tuc-hanh-chinh.yaml:37: III.1.4 lead vp-ubnd → snv, stp\n"
        "data/03-thu-tuc-hanh-chinh.yaml:36: III.1.4 note (none) → 'chờ kinh phí #2'\n");
}

TEST_CASE("set --dry-run prints the unified diff and writes nothing") {
  Copy copy;
  auto before = copy.files();
  RunResult r = copy.run({"set", "III.1.4", "end=8", "--dry-run"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "--- a/data/03-thu-tuc-hanh-chinh.yaml\n+++ b/data/03-thu-tuc-hanh-chinh.yaml\n"
        "@@ -36,7 +36,7 @@\n"
        "         lead: [vp-ubnd]\n         support: [lien-quan]\n         start: 5\n"
        "-        end: 6\n+        end: 8\n"
        "   - id: III.2\n     title: Tổ chức rà soát, xây dựng thống nhất quy trình nội bộ giải "
        "quyết TTHC\n     activities:\n");
  CHECK(copy.files() == before);
}

TEST_CASE("set: every refusal leaves every file byte for byte") {
  Copy copy;
  auto before = copy.files();
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string err;
  };
  std::vector<Case> cases = {
      {{"set", "III.1.4", "end=4"},
       1,
       "data/03-thu-tuc-hanh-chinh.yaml:38:9: error: start 5 is after end 4\n"
       "parplan: refused: the edit would add 1 error(s) to the plan; nothing was written\n"},
      {{"set", "III.1.4", "end=13"},
       1,
       "data/03-thu-tuc-hanh-chinh.yaml:39:14: error: 'end' must be a month from 1 to 12 or "
       "YYYY-MM, got '13'\n"
       "parplan: refused: the edit would add 1 error(s) to the plan; nothing was written\n"},
      {{"set", "III.1.4", "status=finished"},
       1,
       "data/03-thu-tuc-hanh-chinh.yaml:40:17: error: invalid status 'finished'; expected "
       "planned, in-progress, done or cancelled\n"
       "parplan: refused: the edit would add 1 error(s) to the plan; nothing was written\n"},
      {{"set", "III.1.4", "start="},
       1,
       "data/03-thu-tuc-hanh-chinh.yaml:38:9: error: 'end' without 'start'; give both months\n"
       "parplan: refused: the edit would add 1 error(s) to the plan; nothing was written\n"},
      {{"set", "III.1.9", "end=8"},
       2,
       "parplan: error: no activity 'III.1.9'; did you mean 'III.1.1'?\n"},
      {{"set", "III.1.4", "ends=8"},
       2,
       "parplan: error: unknown key 'ends'; did you mean 'end'? (keys: title, result, output, "
       "note, lead, support, start, end, schedule, after, per, status, completed, progress)\n"},
      {{"set", "III.1.4", "end 8"},
       2,
       "parplan: error: 'end 8' is not KEY=VALUE (for example end=8; 'note=' removes a note)\n"},
      {{"set", "III.1.4", "lead=sở"},
       2,
       "parplan: error: 'sở' matches 5 owners: snv (Sở Nội vụ), stp (Sở Tư pháp), stc (Sở Tài "
       "chính), skhdt (Sở Kế hoạch và Đầu tư), stttt (Sở Thông tin và Truyền thông); give one "
       "of their ids\n"},
      {{"done", "III.1.4", "III.9.9"},
       2,
       "parplan: error: no activity 'III.9.9'; did you mean 'III.1.1'?\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    RunResult r = copy.run(c.args);
    CHECK(r.exit_code == c.exit_code);
    CHECK(r.out == "");
    CHECK(r.err == c.err);
    CHECK(copy.files() == before);
  }
}

TEST_CASE("set: a file changed on disk between read and write is not overwritten") {
  Copy copy;
  auto before = copy.files();
  RunResult r = copy.run({"set", "III.1.4", "end=8"},
                         {{"PARPLAN_TEST_CHANGE_BEFORE_WRITE", "# saved by someone else\n"}});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err ==
        "parplan: error: data/03-thu-tuc-hanh-chinh.yaml changed on disk since parplan read it; "
        "nothing was written (run the command again)\n");
  auto after = copy.files();
  CHECK(after["03-thu-tuc-hanh-chinh.yaml"] ==
        before["03-thu-tuc-hanh-chinh.yaml"] + "# saved by someone else\n");
  after["03-thu-tuc-hanh-chinh.yaml"] = before["03-thu-tuc-hanh-chinh.yaml"];
  CHECK(after == before);  // and no temporary file was left behind
}

TEST_CASE("done: status, completed month, progress only when present, the file mode stays") {
  Copy copy;
  std::string path = copy.tmp.str() + "/data/03-thu-tuc-hanh-chinh.yaml";
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  RunResult r = copy.run({"done", "III.1.4", "III.1.2", "--month", "6"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
        "data/03-thu-tuc-hanh-chinh.yaml:42: III.1.4 status (none) → done\n"
        "data/03-thu-tuc-hanh-chinh.yaml:43: III.1.4 completed (none) → 6\n"
        "data/03-thu-tuc-hanh-chinh.yaml:24: III.1.2 status (none) → done\n"
        "data/03-thu-tuc-hanh-chinh.yaml:25: III.1.2 completed (none) → 6\n");
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  std::string text = copy.file("03-thu-tuc-hanh-chinh.yaml");
  CHECK(text.find(
            "        end: 12\n        status: done\n        completed: 6\n      - id: III.1.3") !=
        std::string::npos);

  copy.run({"set", "III.2.1", "progress=30"});
  r = copy.run({"done", "III.2.1", "--as-of", "2025-01-15"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "data/03-thu-tuc-hanh-chinh.yaml:55: III.2.1 status (none) → done\n"
        "data/03-thu-tuc-hanh-chinh.yaml:56: III.2.1 completed (none) → 2025-01\n"
        "data/03-thu-tuc-hanh-chinh.yaml:57: III.2.1 progress 30 → 100\n");
  CHECK(r.err ==
        "data/03-thu-tuc-hanh-chinh.yaml:56:9: warning: 'completed' 2025-01 is outside "
        "the plan year 2024\n");
  r = copy.run({"done", "III.2.1", "--as-of", "2025-01-15"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "");
  CHECK(r.err == "parplan: nothing to change: every value is already as given\n");
}

TEST_CASE("done: the file keeps its owner and group, another user's file is refused") {
  Copy copy;
  const std::string path = copy.tmp.str() + "/data/03-thu-tuc-hanh-chinh.yaml";
  struct stat st {};
  if (::geteuid() == 0) {
    // Root edits a file of the team's (here: nobody's) and gives it back to them.
    REQUIRE(::chown(path.c_str(), 65534, 65534) == 0);
    RunResult r = copy.run({"done", "III.1.4", "--month", "6"});
    CHECK(r.exit_code == 0);
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK(st.st_uid == 65534);
    CHECK(st.st_gid == 65534);
    CHECK(copy.file("03-thu-tuc-hanh-chinh.yaml").find("status: done") != std::string::npos);

    // User nobody may write in the directory but cannot give a new file to root: refused.
    const std::string field5 = copy.tmp.str() + "/data/05-che-do-cong-vu.yaml";
    REQUIRE(::chmod(copy.tmp.str().c_str(), 0777) == 0);
    REQUIRE(::chmod((copy.tmp.str() + "/data").c_str(), 0777) == 0);
    REQUIRE(::chmod(field5.c_str(), 0666) == 0);
    const auto before = copy.files();
    RunResult refused = parplan::test::run_program(
        {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", PARPLAN_BINARY, "--plan",
         "data", "done", "V.1.1", "--month", "6"},
        {.cwd = copy.tmp.str()});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err ==
          "parplan: error: cannot write data/05-che-do-cong-vu.yaml: it belongs to user 0 and "
          "group 0, which a file of yours cannot keep; run parplan as its owner (the existing "
          "file is unchanged)\n");
    CHECK(copy.files() == before);
    return;
  }
  // A user's own file keeps its group.
  REQUIRE(::stat(path.c_str(), &st) == 0);
  const gid_t group = st.st_gid;
  RunResult r = copy.run({"done", "III.1.4", "--month", "6"});
  CHECK(r.exit_code == 0);
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK(st.st_uid == ::geteuid());
  CHECK(st.st_gid == group);
}

TEST_CASE("set: an edit is allowed next to errors elsewhere, and says so") {
  Copy copy;
  std::string broken = copy.file("01-chi-dao-dieu-hanh.yaml");
  broken.replace(broken.find("end: 12"), 7, "end: 13");
  { std::ofstream(copy.tmp.str() + "/data/01-chi-dao-dieu-hanh.yaml", std::ios::binary) << broken; }
  RunResult r = copy.run({"set", "III.1.4", "end=8"});
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "parplan: note: the plan already has 1 error(s) elsewhere (parplan validate "
        "lists them); this edit adds none\n");
}

// Random edits over a copy of data/ in a git repository: after each one, `parplan diff` reports
// exactly the attributes edited, `git diff --numstat` one changed line per value, and the plan
// validates.
TEST_CASE("set: random edit sequences change exactly what was asked") {
  TempDir tmp;
  parplan::test::copy_tree(parplan::test::source_path("data"), tmp.str() + "/data");
  REQUIRE(git(tmp.str(), {"init", "-q"}).exit_code == 0);
  REQUIRE(git(tmp.str(), {"add", "data"}).exit_code == 0);
  REQUIRE(git(tmp.str(), {"commit", "-qm", "start"}).exit_code == 0);
  RunOptions at{tmp.str(), {}, ""};

  std::mt19937 rng(20241129);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  const std::vector<std::string> texts = {"Báo cáo #3", "Kết quả: đạt", "yes",           "2025",
                                          "It's done",  "Ghi chú mới",  "\"trích dẫn\"", "- gạch"};
  const std::vector<std::string> statuses = {"planned", "in-progress", "done", "cancelled"};
  for (int step = 0; step < 30; ++step) {
    CAPTURE(step);
    parplan::LoadResult loaded = parplan::load_plan(tmp.str() + "/data");
    REQUIRE(loaded.ok());
    const parplan::Plan& plan = loaded.plan;
    auto activities = plan.activities();
    const parplan::Activity& a = *activities[pick(activities.size())];
    std::vector<std::string> args = {"--plan", "data", "set", a.id};
    std::set<std::string> attributes;
    for (const std::string key :
         {"title", "result", "output", "note", "lead", "end", "status", "progress"}) {
      if (pick(3) != 0) continue;
      std::string value;
      if (key == "title" || key == "result" || key == "output" || key == "note") {
        value = texts[pick(texts.size())];
        const std::string& now = key == "title"    ? a.title
                                 : key == "result" ? a.result
                                 : key == "output" ? a.output
                                                   : a.note;
        if (value == now) continue;
      } else if (key == "lead") {
        value = plan.owners()[pick(plan.owners().size())].id;
        if (a.lead == std::vector<std::string>{value}) continue;
      } else if (key == "end") {
        if (!a.end) continue;
        int m =
            a.start->month + static_cast<int>(pick(static_cast<std::size_t>(13 - a.start->month)));
        if (m == a.end->month) continue;
        value = std::to_string(m);
      } else if (key == "status") {
        value = statuses[pick(statuses.size())];
        if (value == parplan::to_string(a.status)) continue;
      } else {
        value = std::to_string(pick(101));
        if (a.progress && std::to_string(*a.progress) == value) continue;
      }
      args.push_back(key + "=" + value);
      attributes.insert(key);
    }
    if (attributes.empty()) continue;
    CAPTURE(args);
    RunResult r = parplan::test::run_parplan(args, at);
    REQUIRE(r.exit_code == 0);
    // A key the activity did not have is inserted (one added line), the others replaced; every
    // activity has a lead key, `lead: []` shows as (none).
    int inserted = 0;
    std::istringstream change_lines(r.out);
    for (std::string line; std::getline(change_lines, line);)
      inserted += line.find(" (none) → ") != std::string::npos &&
                  line.find(" lead (none)") == std::string::npos;
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == static_cast<long>(attributes.size()));

    RunResult d = parplan::test::run_parplan({"--plan", "data", "diff", "--format", "json"}, at);
    REQUIRE(d.exit_code == 0);
    nlohmann::json diff = nlohmann::json::parse(d.out);
    REQUIRE(diff["changed"].size() == 1);
    CHECK(diff["changed"][0]["id"] == a.id);
    std::set<std::string> reported;
    for (const auto& change : diff["changed"][0]["changes"])
      reported.insert(change["attribute"].get<std::string>());
    CHECK(reported == attributes);
    CHECK(diff["added"].empty());
    CHECK(diff["removed"].empty());

    RunResult numstat = git(tmp.str(), {"diff", "--numstat"});
    std::istringstream lines(numstat.out);
    int added = 0, removed = 0, files = 0;
    std::string file;
    for (int plus = 0, minus = 0; lines >> plus >> minus >> file; ++files) {
      added += plus;
      removed += minus;
    }
    CHECK(files == 1);
    CHECK(added == static_cast<int>(attributes.size()));
    CHECK(removed == static_cast<int>(attributes.size()) - inserted);

    CHECK(parplan::test::run_parplan({"--plan", "data", "validate"}, at).exit_code == 0);
    REQUIRE(git(tmp.str(), {"commit", "-qam", "step"}).exit_code == 0);
  }
}

TEST_CASE("examples/progress/record-a-month.sh runs end to end") {
  RunResult r = parplan::test::run_program(
      {"sh", parplan::test::source_path("examples/progress/record-a-month.sh"), PARPLAN_BINARY,
       parplan::test::source_path("data")});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out.find("data/03-thu-tuc-hanh-chinh.yaml:40: III.1.4 status (none) → done\n") !=
        std::string::npos);
  CHECK(r.out.find(" data/03-thu-tuc-hanh-chinh.yaml | 7 ++++++-\n") != std::string::npos);
  CHECK(r.out.find("III.2.3") != std::string::npos);
  CHECK(r.out.find("--- parplan diff HEAD~1\n") != std::string::npos);
}
