#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "parplan/loader.hpp"
#include "test_support.hpp"

using namespace parplan::test;
namespace fs = std::filesystem;

namespace {

using Row = std::vector<std::string>;
using Table = std::vector<Row>;  // the header row first

std::string decode_entities(std::string text) {
  // The only entities cmark-gfm writes in text.
  for (auto [entity, plain] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}}) {
    for (auto pos = text.find(entity); pos != std::string::npos;
         pos = text.find(entity, pos + plain.size()))
      text.replace(pos, entity.size(), plain);
  }
  return text;
}

// Renders Markdown with the real GFM parser.
std::string cmark(const std::string& markdown) {
  RunOptions options;
  options.stdin_text = markdown;
  RunResult r = run_program({"cmark-gfm", "--extension", "table"}, options);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return r.out;
}

std::vector<Table> html_tables(const std::string& html) {
  static const std::regex table_re(R"(<table>([\s\S]*?)</table>)");
  static const std::regex row_re(R"(<tr>([\s\S]*?)</tr>)");
  static const std::regex cell_re(R"(<t[hd][^>]*>([\s\S]*?)</t[hd]>)");
  std::vector<Table> tables;
  for (std::sregex_iterator t(html.begin(), html.end(), table_re), end; t != end; ++t) {
    Table table;
    std::string body = (*t)[1];
    for (std::sregex_iterator r(body.begin(), body.end(), row_re); r != end; ++r) {
      Row row;
      std::string cells = (*r)[1];
      for (std::sregex_iterator c(cells.begin(), cells.end(), cell_re); c != end; ++c)
        row.push_back(decode_entities((*c)[1]));
      table.push_back(row);
    }
    tables.push_back(table);
  }
  return tables;
}

std::vector<std::string> column(const Table& table, std::size_t index) {
  std::vector<std::string> out;
  for (std::size_t i = 1; i < table.size(); ++i) out.push_back(table[i].at(index));
  return out;
}

std::map<std::string, std::string> titles(const std::string& plan_dir) {
  auto result = parplan::load_plan(plan_dir);
  REQUIRE(result.ok());
  std::map<std::string, std::string> out;
  for (const parplan::Activity* a : result.plan.activities()) {
    // A line break in a title shows as a space.
    std::string title = std::regex_replace(a->title, std::regex("\n"), " ");
    out[a->id] = title;
  }
  return out;
}

// Every row has the header's number of cells, and the activity column (the last) holds exactly
// the title of the activity named in the id column.
void check_activity_table(const Table& table, std::size_t columns,
                          const std::vector<std::string>& ids,
                          const std::map<std::string, std::string>& title_of) {
  REQUIRE(!table.empty());
  for (const Row& row : table) CHECK(row.size() == columns);
  CHECK(column(table, 0) == ids);
  for (std::size_t i = 1; i < table.size(); ++i) {
    INFO(table[i][0]);
    CHECK(table[i].back() == title_of.at(table[i][0]));
  }
}

RunResult report(const std::vector<std::string>& args, const RunOptions& options = {}) {
  std::vector<std::string> all = {"report"};
  all.insert(all.end(), args.begin(), args.end());
  return run_parplan(all, options);
}

std::vector<std::string> directory_listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("report: every table of the shipped plan's report parses in cmark-gfm as intended") {
  auto title_of = titles(source_path("data"));
  for (const char* lang : {"vi", "en"}) {
    INFO(lang);
    RunResult r = report({"--plan", "data", "--month", "6", "--lang", lang});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    std::string html = cmark(r.out);
    auto tables = html_tables(html);
    REQUIRE(tables.size() == 10);

    // Summary: 11 measures, 3 columns.
    CHECK(tables[0].size() == 12);
    for (const Row& row : tables[0]) CHECK(row.size() == 3);
    CHECK(tables[0][1][1] == "61");
    // By field: 7 fields and the total; by lead owner: 10 owners and "no lead owner".
    CHECK(tables[1].size() == 9);
    CHECK(tables[2].size() == 12);
    for (const Table* t : {&tables[1], &tables[2]})
      for (const Row& row : *t) CHECK(row.size() == 6);
    CHECK(tables[1][1][0] == "I. Công tác chỉ đạo, điều hành");
    CHECK(tables[1][8][1] == "61");
    CHECK(column(tables[2], 0).at(6) == "Đài PT&TH tỉnh");

    check_activity_table(tables[3], 5, {"III.2.1", "V.3.2", "III.2.2"}, title_of);
    CHECK(column(tables[3], 2) == std::vector<std::string>{"4", "3", "1"});
    // Nothing is in progress: no status column.
    check_activity_table(tables[4], 4, {"II.1.3", "III.1.4"}, title_of);
    check_activity_table(tables[5], 4, {"II.2.4", "III.2.3", "IV.1.2"}, title_of);
    check_activity_table(tables[6], 4, {"I.3.6", "IV.2.1", "IV.2.2", "V.3.3"}, title_of);
    check_activity_table(tables[7], 4,
                         {"VI.1.1", "VI.1.2", "VI.2.1", "VI.2.2", "VII.1.1", "VII.1.2", "VII.2.1",
                          "VII.2.2", "VII.2.4", "VII.3.1", "VII.3.2"},
                         title_of);
    // The one title with "TN&TKQ" comes out as written.
    CHECK(tables[7][9][3].find("Bộ phận TN&TKQ cấp huyện") != std::string::npos);
    // On time, January to June: III.2.1, V.3.2, III.2.2, II.1.3 and III.1.4 ended and none is
    // done; 38 dated activities end later. By field (7 and the total), by lead owner (10 and
    // "no lead owner"), 8 columns each.
    CHECK(tables[8].size() == 9);
    CHECK(tables[9].size() == 12);
    for (const Table* t : {&tables[8], &tables[9]})
      for (const Row& row : *t) CHECK(row.size() == 8);
    CHECK(std::vector<std::string>(tables[8][8].begin() + 1, tables[8][8].end()) ==
          std::vector<std::string>{"5", "0", "0", "0", "5", "0%", "38"});

    // The gantt chart stays one code block for the Mermaid renderer.
    CHECK(html.find("<pre><code class=\"language-mermaid\">gantt\n") != std::string::npos);
  }
}

TEST_CASE("report: Markdown, HTML and Mermaid characters in titles come out exactly as written") {
  std::string plan = source_path("tests/fixtures/report-hostile");
  auto title_of = titles(plan);
  RunResult r = report({"--plan", plan, "--month", "6"});
  REQUIRE(r.exit_code == 0);
  std::string html = cmark(r.out);
  auto tables = html_tables(html);
  REQUIRE(tables.size() == 11);
  check_activity_table(tables[3], 5, {"X.1.2", "X.1.1"}, title_of);
  check_activity_table(tables[4], 5, {"X.1.4", "gantt.1.1"}, title_of);
  check_activity_table(tables[5], 5, {"X.1.3"}, title_of);
  check_activity_table(tables[6], 6, {"X.1.3", "X.1.4"}, title_of);  // in progress
  check_activity_table(tables[7], 4, {"X.1.5"}, title_of);
  check_activity_table(tables[8], 4, {"X.1.6"}, title_of);
  CHECK(tables[3][1][4] == "Line one line two");
  CHECK(tables[3][2][3] == "Sở A | B");
  CHECK(tables[3][1][3] == "TN&TKQ <i>x</i>");
  CHECK(tables[5][1][2] == "Sở A | B; TN&TKQ <i>x</i>");
  CHECK(tables[7][1][2] == "Sau khi: a | b");
  CHECK(tables[1][1][0] == "X. Field: one; two # three");
  CHECK(
      html.starts_with("<h1>Plan | with *stars*, _under_, `code`, &lt;b&gt;html&lt;/b&gt; and "
                       "[link](x) — progress report, June 2024</h1>\n"
                       "<p>Plan year 2024, issued by Decision #5: 1/2 &amp; more.</p>\n"));
}

TEST_CASE("report: two runs give identical bytes, on stdout and with -o") {
  TempDir dir;
  std::vector<std::string> args = {"--plan", "data", "--month", "6", "--lang", "vi"};
  RunResult first = report(args);
  RunResult second = report(args);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out == second.out);
  std::string a = (dir.path() / "a.md").string();
  std::string b = (dir.path() / "b.md").string();
  auto with_output = [&](const std::string& path) {
    auto all = args;
    all.insert(all.end(), {"-o", path});
    return report(all);
  };
  REQUIRE(with_output(a).exit_code == 0);
  REQUIRE(with_output(b).exit_code == 0);
  CHECK(read_file(a) == first.out);
  CHECK(read_file(b) == first.out);
  // --stamp is the one way the clock gets in.
  args.push_back("--stamp");
  RunResult stamped = report(args);
  REQUIRE(stamped.exit_code == 0);
  CHECK(std::regex_search(
      stamped.out, std::regex(R"(\n\nLập lúc \d{4}-\d{2}-\d{2} \d{2}:\d{2} [+-]\d{4}\.\n\n)")));
}

TEST_CASE("report: the language is --lang, else the plan's language:, else English") {
  // The first second-level heading.
  auto heading = [](const RunResult& r) {
    auto begin = r.out.find("\n## ") + 4;
    return r.out.substr(begin, r.out.find('\n', begin) - begin);
  };
  CHECK(heading(report({"--plan", "data", "--month", "6"})) == "Tổng quan");
  CHECK(heading(report({"--plan", "data", "--month", "6", "--lang", "en"})) == "Summary");
  CHECK(heading(report({"--plan", "tests/fixtures/report-hostile", "--month", "6"})) == "Summary");
  CHECK(heading(report({"--plan", "tests/fixtures/report-hostile", "--month", "6", "--lang",
                        "vi"})) == "Tổng quan");
  RunResult bad = report({"--plan", "data", "--lang", "fr"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("--lang") != std::string::npos);
}

TEST_CASE("report: -o replaces the file and keeps its mode") {
  TempDir dir;
  std::string path = dir.write("report.md", "old report\n");
  ::chmod(path.c_str(), 0640);
  RunResult r = report({"--plan", source_path("data"), "--month", "6", "-o", path});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  CHECK(read_file(path).starts_with("# Kế hoạch cải cách hành chính tỉnh Đắk Nông năm 2024"));
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(directory_listing(dir.path()) == std::vector<std::string>{"report.md"});
}

TEST_CASE("report: a write error in the middle of -o leaves the old report whole") {
  TempDir dir;
  std::string path = dir.write("report.md", "old report\n");
  // A file-size limit far below the report's size makes write() fail half way (EFBIG), as a
  // full disk would; SIGXFSZ is ignored so the failure reaches parplan as an error.
  RunResult r =
      run_program({"sh", "-c", "trap '' XFSZ; ulimit -f 2; exec \"$@\"", "sh", PARPLAN_BINARY,
                   "--plan", source_path("data"), "report", "--month", "6", "-o", path});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot write " + path) != std::string::npos);
  CHECK(r.err.find("the existing file is unchanged") != std::string::npos);
  CHECK(read_file(path) == "old report\n");
  // The temporary file is gone too.
  CHECK(directory_listing(dir.path()) == std::vector<std::string>{"report.md"});
}

TEST_CASE("report: -o into a missing directory or onto a directory fails with exit 2") {
  TempDir dir;
  RunResult missing = report({"--plan", source_path("data"), "--month", "6", "-o",
                              (dir.path() / "no-such-dir" / "report.md").string()});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("cannot write") != std::string::npos);
  CHECK(missing.out.empty());

  dir.write("reports/kept.md", "kept\n");
  std::string target = (dir.path() / "reports").string();
  RunResult onto_dir = report({"--plan", source_path("data"), "--month", "6", "-o", target});
  CHECK(onto_dir.exit_code == 2);
  CHECK(onto_dir.err.find("cannot write " + target) != std::string::npos);
  CHECK(read_file(target + "/kept.md") == "kept\n");
  CHECK(directory_listing(dir.path()) == std::vector<std::string>{"reports"});
}

TEST_CASE("report: stdout on /dev/full fails with exit 2") {
  RunResult r = run_program({"sh", "-c", "exec \"$@\" > /dev/full", "sh", PARPLAN_BINARY, "--plan",
                             source_path("data"), "report", "--month", "6"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot write to standard output") != std::string::npos);
}

TEST_CASE("report: a plan with errors gives exit 1 and writes nothing") {
  TempDir dir;
  copy_tree(source_path("tests/fixtures/report-progress"), dir.str() + "/plan");
  dir.write("plan/03-broken.yaml", "field: C\ntitle: [unclosed\n");
  std::string out = (dir.path() / "report.md").string();
  RunResult r = report({"--plan", dir.str() + "/plan", "--month", "6", "-o", out});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("03-broken.yaml:2:8: error: syntax error: '[' without a matching ']'") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("report: as-of and filter mistakes are usage errors") {
  RunResult month = report({"--plan", "data", "--month", "13"});
  CHECK(month.exit_code == 2);
  CHECK(month.err.find("--month: '13' is not a month; give 1 to 12") != std::string::npos);
  RunResult both = report({"--plan", "data", "--month", "6", "--as-of", "2024-06"});
  CHECK(both.exit_code == 2);
  RunResult owner = report({"--plan", "data", "--owner", "zzzz"});
  CHECK(owner.exit_code == 2);
  CHECK(owner.err.find("no owner matches 'zzzz'") != std::string::npos);
}

TEST_CASE("report: the filters of due select the report's activities") {
  RunResult r = report(
      {"--plan", "data", "--month", "6", "--lang", "en", "--owner", "noi vu", "--field", "V"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\n\nSelection: lead Sở Nội vụ; field V. Cải cách chế độ công vụ.\n\n") !=
        std::string::npos);
  // Summary, field, owner, overdue, waiting and the two on-time tables; due, upcoming and
  // unscheduled say "None.".
  auto tables = html_tables(cmark(r.out));
  REQUIRE(tables.size() == 7);
  CHECK(column(tables[1], 0) == std::vector<std::string>{"V. Cải cách chế độ công vụ", "Total"});
  CHECK(column(tables[2], 0) == std::vector<std::string>{"Sở Nội vụ"});
  CHECK(column(tables[3], 0) == std::vector<std::string>{"V.3.2"});
  CHECK(column(tables[4], 0) == std::vector<std::string>{"V.3.3"});
  CHECK(r.out.find("## Due in June 2024 (0)\n\nNone.\n\n") != std::string::npos);
}

TEST_CASE("report: the example reports are those of the shipped plan at month 6") {
  for (const char* lang : {"vi", "en"}) {
    INFO(lang);
    RunResult r = report({"--plan", "data", "--month", "6", "--lang", lang});
    REQUIRE(r.exit_code == 0);
    std::string example = "examples/reports/2024-06." + std::string(lang) + ".md";
    INFO("regenerate with: build/parplan --plan data report --month 6 --lang ", std::string(lang),
         " -o ", example);
    CHECK(r.out == read_file(source_path(example)));
  }
}

TEST_CASE("report: the cron example commits a report only when it changed") {
  TempDir dir;
  std::string repo = dir.str() + "/plan-repo";
  copy_tree(source_path("data"), repo + "/data");
  RunOptions in_repo;
  in_repo.cwd = repo;
  auto git = [&](const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    RunResult r = run_program(argv, in_repo);
    INFO("git ", args.at(0), ": ", r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  git({"init", "-q"});
  git({"config", "user.name", "Cron Test"});
  git({"config", "user.email", "cron@example.invalid"});
  git({"add", "."});
  git({"commit", "-q", "-m", "plan"});
  // Something else staged must not ride along with the report.
  dir.write("plan-repo/unrelated.txt", "staged, not for the report commit\n");
  git({"add", "unrelated.txt"});

  auto commits = [&] {
    std::string log = git({"log", "--format=%s"});
    return std::count(log.begin(), log.end(), '\n');
  };
  std::string script = source_path("examples/cron/weekly-report.sh");
  RunOptions cron;
  cron.env = {{"PARPLAN", PARPLAN_BINARY}};

  RunResult first = run_program({"sh", script, repo, "--lang", "en"}, cron);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.empty());
  CHECK(first.err.empty());
  CHECK(commits() == 2);
  std::string files = git({"show", "--name-only", "--format=%s", "HEAD"});
  CHECK(std::regex_match(
      files, std::regex(R"(Progress report \d{4}-W\d{2}\n\nreports/\d{4}-W\d{2}\.md\n)")));
  std::string name = files.substr(files.rfind("reports/"));
  name.pop_back();
  CHECK(read_file(repo + "/" + name).find("## Summary") != std::string::npos);

  // Nothing changed: no new commit.
  RunResult again = run_program({"sh", script, repo, "--lang", "en"}, cron);
  CHECK(again.exit_code == 0);
  CHECK(commits() == 2);

  // The plan changed: a new report is committed.
  std::string field = repo + "/data/03-thu-tuc-hanh-chinh.yaml";
  std::string yaml = read_file(field);
  auto at = yaml.find("        end: 2\n");
  REQUIRE(at != std::string::npos);
  yaml.insert(at + 15, "        status: done\n");
  dir.write("plan-repo/data/03-thu-tuc-hanh-chinh.yaml", yaml);
  git({"commit", "-q", "-m", "III.2.1 done", "--", "data/03-thu-tuc-hanh-chinh.yaml"});
  RunResult changed = run_program({"sh", script, repo, "--lang", "en"}, cron);
  CHECK(changed.exit_code == 0);
  CHECK(commits() == 4);
  CHECK(git({"status", "--porcelain"}) == "A  unrelated.txt\n");

  // A broken plan: non-zero exit, a message for cron to mail, no commit, the report kept.
  std::string before = read_file(repo + "/" + name);
  dir.write("plan-repo/data/plan.yaml", "plan: [unclosed\n");
  RunResult broken = run_program({"sh", script, repo, "--lang", "en"}, cron);
  CHECK(broken.exit_code != 0);
  CHECK(broken.err.find("weekly-report: parplan report failed") != std::string::npos);
  CHECK(commits() == 4);
  CHECK(read_file(repo + "/" + name) == before);

  // Not a checkout at all.
  RunResult nowhere = run_program({"sh", script, dir.str() + "/missing"}, cron);
  CHECK(nowhere.exit_code != 0);
  CHECK(nowhere.err.find("weekly-report: cannot enter") != std::string::npos);
}

TEST_CASE("report: --owner reaches the table by owner: the owners asked for, in the role asked") {
  const std::string fixture = "tests/fixtures/due-all-kinds";
  const std::string table_head =
      "## Progress by lead owner\n\n"
      "| Lead | Activities | Done | Overdue | Due this month | Progress |\n"
      "| --- | ---: | ---: | ---: | ---: | --- |\n";
  auto section = [&](std::vector<std::string> filter) {
    std::vector<std::string> args = {"report", "--plan", fixture,      "--month", "6",
                                     "--lang", "en",     "--sections", "by-owner"};
    args.insert(args.end(), filter.begin(), filter.end());
    RunResult r = run_parplan(args);
    REQUIRE(r.exit_code == 0);
    return r.out.substr(r.out.find("## "));
  };
  // Without a filter: every lead owner of the plan.
  CHECK(section({}).find("| Sở Tư pháp | 3 |") != std::string::npos);
  // snv leads 7 activities and supports 3 more (I.1.4, I.1.7, II.1.7): with --role any its row
  // counts all 10, and the co-leads and leads of those activities get no row.
  std::string any = section({"--owner", "snv", "--role", "any"});
  CHECK(any.starts_with(table_head + "| Sở Nội vụ | 10 |"));
  CHECK(any.find("ICT Center") == std::string::npos);
  CHECK(any.find("Đài Phát thanh") == std::string::npos);
  std::string two = section({"--owner", "snv", "--owner", "ict"});
  CHECK(two.starts_with(table_head + "| Sở Nội vụ | 7 |"));
  CHECK(two.find("\n| ICT Center | 4 |") != std::string::npos);
  CHECK(two.find("Sở Tư pháp") == std::string::npos);
}
