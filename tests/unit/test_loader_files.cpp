// load_plan on real directories: fixtures that must load the same, file-system oddities, and the
// limits that keep a hostile file cheap.

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "lines_maker.hpp"
#include "parplan/error.hpp"
#include "parplan/loader.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using parplan::load_plan;
using parplan::LoadResult;
using parplan::test::source_path;
using parplan::test::TempDir;

namespace {

std::vector<std::string> lines(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(format_text(d));
  return out;
}

using Lines = std::vector<std::string>;

// A copy of the base fixture in a temporary directory, as `dir/plan`.
std::string base_copy(const TempDir& dir) {
  std::string plan = (dir.path() / "plan").string();
  parplan::test::copy_tree(source_path("tests/fixtures/base-plan"), plan);
  return plan;
}

}  // namespace

TEST_CASE("loader files: the CRLF+BOM and NFD fixtures load equal to the clean one") {
  LoadResult base = load_plan(source_path("tests/fixtures/base-plan"));
  REQUIRE(base.diagnostics.empty());
  for (const char* name : {"tests/fixtures/crlf-bom", "tests/fixtures/nfd"}) {
    INFO(name);
    LoadResult r = load_plan(source_path(name));
    CHECK(r.diagnostics.empty());
    CHECK(r.plan.info.title == base.plan.info.title);
    REQUIRE(r.plan.owners().size() == base.plan.owners().size());
    for (std::size_t i = 0; i < r.plan.owners().size(); ++i)
      CHECK(r.plan.owners()[i].name == base.plan.owners()[i].name);
    REQUIRE(r.plan.fields.size() == 1);
    CHECK(r.plan.fields[0].title == base.plan.fields[0].title);
    auto got = r.plan.activities();
    auto want = base.plan.activities();
    REQUIRE(got.size() == want.size());
    CHECK(got[0]->title == want[0]->title);
    CHECK(got[0]->lead == want[0]->lead);
    CHECK(got[0]->start == want[0]->start);
  }
  // NFC is what the loader keeps: "Sở" as one code point for ở.
  CHECK(load_plan(source_path("tests/fixtures/nfd")).plan.owner_name("snv") == "Sở Nội vụ");
}

TEST_CASE("loader files: odd files in the plan directory are diagnostics, not crashes or hangs") {
  TempDir dir;
  std::string plan = base_copy(dir);
  fs::create_directory(plan + "/x.yaml");
  REQUIRE(::mkfifo((plan + "/02-fifo.yaml").c_str(), 0644) == 0);
  fs::create_symlink("/dev/zero", plan + "/03-zero.yaml");
  fs::create_symlink("04-loop.yaml", plan + "/04-loop.yaml");
  fs::create_symlink("nowhere.yaml", plan + "/05-dangling.yaml");
  fs::create_symlink("nowhere", plan + "/.#01-chi-dao.yaml");  // an Emacs lock: skipped
  dir.write("plan/.hidden.yaml", "not: [valid");               // hidden: skipped
  dir.write("plan/notes.txt", "not YAML at all");              // not .yaml: skipped
  LoadResult r = load_plan(plan);
  CHECK(lines(r) ==
        Lines{plan + "/02-fifo.yaml: error: is not a regular file (a FIFO, device or socket); plan "
                     "files must be plain files",
              plan + "/03-zero.yaml: error: is not a regular file (a FIFO, device or socket); plan "
                     "files must be plain files",
              plan + "/04-loop.yaml: error: is a symbolic link that loops back on itself; point it "
                     "at a file",
              plan + "/05-dangling.yaml: error: cannot read: No such file or directory",
              plan + "/x.yaml: error: is a directory, not a YAML file; rename it so it does not "
                     "end in .yaml"});
  CHECK(r.plan.activities().size() == 1);
}

TEST_CASE("loader files: a missing or unusable plan directory throws parplan::Error") {
  TempDir dir;
  std::string plan = base_copy(dir);
  CHECK_THROWS_WITH_AS(load_plan(plan + "/plan.yaml"),
                       (plan + "/plan.yaml is not a directory").c_str(), parplan::Error);
  fs::remove(plan + "/plan.yaml");
  CHECK_THROWS_WITH_AS(load_plan(plan), ("no plan.yaml in " + plan).c_str(), parplan::Error);
  REQUIRE(::mkfifo((plan + "/plan.yaml").c_str(), 0644) == 0);
  CHECK(lines(load_plan(plan)) ==
        Lines{plan + "/plan.yaml: error: is not a regular file (a FIFO, device or socket); plan "
                     "files must be plain files"});
}

TEST_CASE("loader files: the size cap is checked before reading") {
  TempDir dir;
  std::string plan = base_copy(dir);
  parplan::LoadOptions options;
  options.max_file_size = 200;
  CHECK(lines(load_plan(plan, options)) ==
        Lines{plan + "/01-chi-dao.yaml: error: file is too large (287 bytes; the limit is 200 "
                     "bytes, raise it with --max-file-size)"});
  // The default cap admits a field file of 10,000 activities (about 4 MiB).
  std::string big =
      "field: II\ntitle: Lớn\ntasks:\n  - id: II.1\n    title: Nhiệm vụ\n"
      "    activities:\n";
  for (int n = 1; n <= 10000; ++n)
    big += "      - id: II.1." + std::to_string(n) +
           "\n        title: Tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính lần thứ " +
           std::to_string(n) +
           "\n        result: 100% công chức làm đầu mối kiểm soát thủ tục hành chính được tập "
           "huấn và cấp giấy chứng nhận hoàn thành khóa học theo quy định\n        output: Kế "
           "hoạch của Văn phòng UBND tỉnh; báo cáo kết quả tập huấn gửi Sở Nội vụ\n        lead: "
           "[snv]\n        support: [stp]\n        start: 3\n        end: 11\n";
  REQUIRE(big.size() > 4 * 1024 * 1024);
  dir.write("plan/02-big.yaml", big);
  LoadResult r = load_plan(plan);
  CHECK(r.diagnostics.empty());
  CHECK(r.plan.activities().size() == 10001);
}

TEST_CASE("loader files: hostile shapes stop at a limit with their position") {
  auto field = [](const std::string& text) {
    return lines(parplan::load_plan_from_sources(
        "p", {{"plan.yaml", "plan:\n  id: t\n  title: T\n  year: 2024\nowners:\n  snv: S\n"},
              {"02.yaml", text}}));
  };
  CHECK(field(std::string(16384, '[')) ==
        Lines{"p/02.yaml:1:65: error: nesting deeper than 64 levels; a plan needs only a few"});
  // The mapping around `field` is the first level, so 63 brackets inside it are allowed.
  std::string deepest = std::string(63, '[') + std::string(63, ']');
  CHECK(field("field: " + deepest + "\n") ==
        Lines{"p/02.yaml:1:1: error: missing required key 'title' in field file",
              "p/02.yaml:1:1: error: missing required key 'tasks' in field file",
              "p/02.yaml:1:8: error: 'field' must be text, not a list"});
  CHECK(field("field: " + std::string(64, '{')) ==
        Lines{"p/02.yaml:1:71: error: nesting deeper than 64 levels; a plan needs only a few"});
  const std::string too_many =
      "more than 100000 brackets, commas, colons or quotes in one value or [ ]/{ } collection "
      "after this point; write long lists one '- item' per line, and look for a bracket or quote "
      "that is never closed";
  CHECK(field("[" + std::string(1024 * 1024, ',')) == Lines{"p/02.yaml:1:1: error: " + too_many});
  std::string owners = "[snv";
  for (int i = 0; i < 110000; ++i) owners += ", snv";
  // A list item may turn out to be a mapping key, so yaml-cpp queues it whole before reporting;
  // a long list that is never closed is stopped there.
  CHECK(field("field: II\ntitle: x\ntasks:\n  - " + owners + "\n") ==
        Lines{"p/02.yaml:4:3: error: " + too_many});
  // Closed, libyaml reads it in one pass, and what is wrong with it is said.
  CHECK(field("field: II\ntitle: x\ntasks:\n  - " + owners + "]\n") ==
        Lines{"p/02.yaml:4:5: error: a task must be a mapping, not a list"});
  // Long text costs yaml-cpp one token, so it is not limited (beyond the file size).
  CHECK(field("field: II\ntitle: \"" + std::string(2 * 1024 * 1024, 'a') + "\"\ntasks: []\n")
            .empty());
}

TEST_CASE("loader files: one file reports at most 1000 problems") {
  std::string tasks = "field: II\ntitle: x\ntasks:\n";
  for (int i = 0; i < 1500; ++i) tasks += "  - 1\n";
  LoadResult r = parplan::load_plan_from_sources(
      "p", {{"plan.yaml", "plan:\n  id: t\n  title: T\n  year: 2024\nowners:\n  snv: S\n"},
            {"02.yaml", tasks}});
  REQUIRE(r.diagnostics.size() == 1001);
  CHECK(format_text(r.diagnostics[0]) ==
        "p/02.yaml:4:5: error: a task must be a mapping, not text");
  CHECK(format_text(r.diagnostics[999]) ==
        "p/02.yaml:1003:5: error: a task must be a mapping, not text");
  CHECK(format_text(r.diagnostics[1000]) ==
        "p/02.yaml: error: 500 more problem(s) in this file not shown; fix these first");
}

TEST_CASE("loader files: a file name that would not print is refused, not echoed") {
  TempDir dir;
  std::string plan = base_copy(dir);
  dir.write("plan/\xFF\x1B[2J.yaml", "field: X\n");
  CHECK(lines(load_plan(plan)) ==
        Lines{plan + ": error: file name '\uFFFD\\u{001B}[2J.yaml' is not "
                     "valid UTF-8 or holds control characters; rename "
                     "it"});
}
