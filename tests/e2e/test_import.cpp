// parplan import through the built binary: the committed fixtures give exactly the committed
// plans, the shipped plan survives a round trip through Word, Excel and CSV, and --out is never
// half-written. The hostile files are cases of the malformed corpus (tests/malformed/import-*).

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace fs = std::filesystem;
using parplan::test::read_file;
using parplan::test::run_parplan;
using parplan::test::RunResult;
using parplan::test::source_path;
using parplan::test::TempDir;

namespace {

const std::string fixtures = "tests/fixtures/import/";

std::vector<std::string> file_names(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Every file of `dir` equals the one of the same name in `expected`, and no file is missing.
void check_same_files(const fs::path& dir, const fs::path& expected) {
  REQUIRE(file_names(dir) == file_names(expected));
  for (const std::string& name : file_names(expected)) {
    INFO("file " << name);
    CHECK(read_file((dir / name).string()) == read_file((expected / name).string()));
  }
}

RunResult import_fixture(const std::string& file, const TempDir& tmp,
                         std::vector<std::string> extra = {}) {
  parplan::test::RunOptions options;
  options.cwd = source_path(fixtures);
  std::vector<std::string> args = {"import", file, "--out", (tmp.path() / "out").string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_parplan(args, options);
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
  return text;
}

// The round trip's appendix, written by the script the fixtures directory keeps.
void make_appendix(const fs::path& stem) {
  RunResult r = parplan::test::run_program({"/usr/bin/python3",
                                            source_path(fixtures + "appendix_from_plan.py"),
                                            source_path("data"), stem.string()});
  REQUIRE_MESSAGE(r.exit_code == 0,
                  "appendix_from_plan.py failed (scripts/install-deps installs "
                  "python3-openpyxl and python3-yaml): "
                      << r.err);
}

}  // namespace

TEST_CASE("import: each fixture gives exactly its committed plan and warnings") {
  struct Case {
    std::string file, expected;
    std::vector<std::string> extra;
  };
  // merged.docx: two-row header, column-number row, field and task rows merged (gridSpan, and a
  // label inside the merged text), vMerge, hMerge, paragraphs and line breaks in cells, owners
  // split on ';' and lines, months as "Tháng 1", "T3", "03/2025", "3/2026", quarters, "Cả năm",
  // "Năm 2025", the schedule words, an unreadable time, a duplicate label, a table split in two.
  // merged.xlsx: merged ranges, numbers as months, shared and inline strings, vertical merge.
  // semicolon.csv: BOM, ';', quotes, a line break inside a quoted field.
  // headerless.docx: a letterhead table skipped, a nine-column table without a header.
  // list-export.xlsx: a plain header row and full ids, as `parplan list` exports write them.
  for (const Case& c : std::vector<Case>{
           {"merged.docx", "merged-docx", {}},
           {"merged.xlsx", "merged-xlsx", {}},
           {"semicolon.csv", "semicolon-csv", {}},
           {"headerless.docx", "headerless-docx", {}},
           {"list-export.xlsx", "list-export-xlsx", {"--year", "2025", "--title", "Kế hoạch thử"}},
       }) {
    INFO("fixture " << c.file);
    TempDir tmp;
    RunResult r = import_fixture(c.file, tmp, c.extra);
    std::string expected = read_file(source_path(fixtures + "expected/" + c.expected + ".stderr"));
    CHECK("exit " + std::to_string(r.exit_code) + "\n" +
              replace_all(r.err, (tmp.path() / "out").string(), "OUT") ==
          expected);
    CHECK(r.out.empty());
    check_same_files(tmp.path() / "out", source_path(fixtures + "expected/" + c.expected));
    // What import writes, the loader reads without an error.
    RunResult v = run_parplan({"validate", "--plan", (tmp.path() / "out").string()});
    CHECK_MESSAGE(v.exit_code == 0, v.out);
  }
}

TEST_CASE("import: comma and semicolon CSV give the same plan, the same input the same bytes") {
  TempDir a, b, c;
  REQUIRE(import_fixture("semicolon.csv", a).exit_code == 0);
  REQUIRE(import_fixture("comma.csv", b).exit_code == 0);
  REQUIRE(import_fixture("semicolon.csv", c).exit_code == 0);
  check_same_files(a.path() / "out", c.path() / "out");
  for (const std::string& name : file_names(a.path() / "out"))
    CHECK(replace_all(read_file((a.path() / "out" / name).string()), "semicolon.csv",
                      "comma.csv") == read_file((b.path() / "out" / name).string()));
}

TEST_CASE("import: the shipped plan survives Word, Excel and CSV") {
  TempDir tmp;
  make_appendix(tmp.path() / "appendix");
  for (std::string format : {"docx", "xlsx", "csv"}) {
    INFO("format " << format);
    // With --owners the names find data/'s owner ids, so nothing at all may differ.
    fs::path out = tmp.path() / format;
    RunResult r = run_parplan({"import", (tmp.path() / ("appendix." + format)).string(), "--out",
                               out.string(), "--owners", "data/plan.yaml"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    RunResult d = run_parplan({"diff", "data", out.string(), "--format", "json"});
    REQUIRE_MESSAGE(d.exit_code == 0, d.err);
    nlohmann::json diff = nlohmann::json::parse(d.out);
    CHECK(diff["added"].empty());
    CHECK(diff["removed"].empty());
    CHECK(diff["changed"].dump() == "[]");
    // Only where the files are, what the plan is called and the notes on hand-written headings
    // may differ: ids, titles and file names come from the appendix, which carries no plan id,
    // no issued_by, no file names and no notes of fields or tasks.
    CHECK(diff["summary"]["changed"] == 0);
    CHECK(diff["summary"]["renumbered"] == 0);
    // plan id, issued_by, seven field files renamed, the notes of fields I and VII and of tasks
    // VI.2, VII.1, VII.2 and VII.3.
    CHECK(diff["plan"].size() == 9 + 6);
    for (const auto& p : diff["plan"]) {
      std::string what = p["item"].get<std::string>() + " " + p["attribute"].get<std::string>();
      CHECK_MESSAGE((what == "plan id" || what == "plan issued_by" || what == "field file" ||
                     what == "field note" || what == "task note"),
                    p.dump());
    }

    // Without --owners, owners get new ids from their names; lead and support still name the
    // same agencies.
    fs::path fresh = tmp.path() / (format + "-fresh");
    r = run_parplan(
        {"import", (tmp.path() / ("appendix." + format)).string(), "--out", fresh.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    d = run_parplan({"diff", "data", fresh.string(), "--format", "json"});
    diff = nlohmann::json::parse(d.out);
    CHECK(diff["added"].empty());
    CHECK(diff["removed"].empty());
    std::size_t owner_changes = 0;
    for (const auto& activity : diff["changed"]) {
      for (const auto& change : activity["changes"]) {
        std::string attribute = change["attribute"];
        INFO(activity["id"] << " " << attribute);
        REQUIRE((attribute == "lead" || attribute == "support"));
        std::set<std::string> before, after;
        for (const auto& o : change["old"]) before.insert(o["name"]);
        for (const auto& o : change["new"]) after.insert(o["name"]);
        CHECK(before == after);
        ++owner_changes;
      }
    }
    CHECK(owner_changes > 0);
  }
}

TEST_CASE("import: a non-empty --out is refused without --force and left as it was") {
  TempDir tmp;
  std::string kept = tmp.write("out/notes.txt", "mine\n");
  RunResult r = import_fixture("merged.docx", tmp);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "parplan: error: " + (tmp.path() / "out").string() +
                     " is not empty; choose a new or empty directory, or add --force to replace "
                     "what it holds\n");
  CHECK(read_file(kept) == "mine\n");
  CHECK(file_names(tmp.path()) == std::vector<std::string>{"out"});  // no temporary left

  r = import_fixture("merged.docx", tmp, {"--force"});
  CHECK(r.exit_code == 0);
  CHECK(!fs::exists(kept));
  check_same_files(tmp.path() / "out", source_path(fixtures + "expected/merged-docx"));
  CHECK(file_names(tmp.path()) == std::vector<std::string>{"out"});

  // An empty directory is filled; a file is refused even with --force.
  TempDir empty;
  fs::create_directory(empty.path() / "out");
  CHECK(import_fixture("merged.docx", empty).exit_code == 0);
  TempDir file;
  file.write("out", "x");
  r = import_fixture("merged.docx", file, {"--force"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "parplan: error: " + (file.path() / "out").string() +
                     " exists and is not a directory; choose another --out\n");
}

TEST_CASE("import: a plan with errors is written and exits 1") {
  TempDir tmp;
  std::string csv = tmp.write("a.csv",
                              "TT;Nội dung;Chủ trì;Bắt đầu;Hoàn thành\n"
                              "1.1;;Sở Nội vụ;Tháng 5;Tháng 3\n");
  RunResult r = run_parplan({"import", csv, "--out", (tmp.path() / "out").string(), "--year",
                             "2025", "--title", "Kế hoạch"});
  CHECK(r.exit_code == 1);
  std::string out = (tmp.path() / "out").string();
  CHECK(r.err ==
        csv +
            ":row 2, column 2: warning: no field row (LĨNH VỰC I, I.) before this row; its "
            "field is I, titled 'Lĩnh vực I': give it its real title\n" +
            csv +
            ":row 2, column 1: warning: no task row (Nhiệm vụ 1) before this activity; its "
            "task is I.1, titled 'Nhiệm vụ 1': give it its real title\n" +
            csv + ":row 2, column 2: warning: activity I.1.1 has no title\n" + out +
            "/01-linh-vuc-i.yaml:9:9: error: missing required key 'title' in activity "
            "I.1.1\n" +
            out + "/01-linh-vuc-i.yaml:11:9: error: start 5 is after end 3\n" + out +
            ": 1 activities in 1 fields, 1 tasks, 1 owners; 3 warning(s), 2 error(s) to "
            "fix (parplan validate --plan " +
            out + ")\n");
}

TEST_CASE("import: sheets, layouts and entities") {
  TempDir tmp;
  RunResult r = import_fixture("merged.xlsx", tmp, {"--sheet", "Nope"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "parplan: error: merged.xlsx: no sheet named 'Nope'; the sheets are: Phụ lục, "
        "Tổng hợp\n");
  r = import_fixture("merged.xlsx", tmp, {"--sheet", "tong hop"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.starts_with("parplan: error: merged.xlsx: no table looks like a plan appendix"));
  r = import_fixture("unknown-layout.docx", tmp);
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "parplan: error: unknown-layout.docx: no table looks like a plan appendix: none has a "
        "header row naming the content column (Nội dung, Nhiệm vụ) and two others (TT, Kết quả, "
        "Chủ trì, …), nor the nine standard columns; see docs/import.md for the layouts import "
        "reads\n");
  CHECK(!fs::exists(tmp.path() / "out"));

  // An entity reference without a declaration is kept as written; nothing is looked up.
  r = run_parplan({"import", "tests/malformed/import-xml-undeclared-entity/files/entity.docx",
                   "--out", (tmp.path() / "entity").string(), "--year", "2025"});
  CHECK(r.exit_code == 0);
  CHECK(read_file((tmp.path() / "entity" / "01-linh-vuc-i.yaml").string())
            .find("        title: Hoạt động &xxe; & Đ\n") != std::string::npos);
  // Entries named ../ are never extracted: only the plan directory appears.
  r = run_parplan({"import", "tests/malformed/import-zip-dotdot-names/files/names.docx", "--out",
                   (tmp.path() / "names" / "out").string()});
  CHECK(r.exit_code == 0);
  CHECK(file_names(tmp.path() / "names") == std::vector<std::string>{"out"});
}

TEST_CASE("import --help shows an example") {
  RunResult r = run_parplan({"import", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Examples:\n  parplan import ke-hoach-2024.docx --out data\n") !=
        std::string::npos);
}

TEST_CASE("import: without libzip installed, one clear line naming the package (mount namespace)") {
  // libzip is loaded on first use: hide it behind an empty file in a private mount namespace,
  // so this shell alone sees it missing. Other commands never load it.
  const std::string docx = parplan::test::source_path("tests/fixtures/import/merged.docx");
  parplan::test::TempDir dir;
  parplan::test::RunResult r = parplan::test::run_program(
      {"unshare", "-m", "sh", "-c",
       "docx=$1 data=$2 && shift 2 && mount --make-rprivate / && for f in /usr/lib/*/libzip.so.*; "
       "do mount --bind /dev/null \"$f\"; done && \"$@\" import \"$docx\" --out out; echo "
       "\"import=$?\"; \"$@\" --plan \"$data\" due --month 6 >/dev/null; echo \"due=$?\"",
       "sh", docx, parplan::test::source_path("data"), PARPLAN_BINARY},
      {.cwd = dir.str()});
  if (r.exit_code != 0 && r.err.find("unshare") != std::string::npos) {
    MESSAGE("no mount namespace here: " << r.err);
    return;
  }
  CHECK(r.out == "import=2\ndue=0\n");
  CHECK(r.err.starts_with("parplan: error: cannot load libzip.so."));
  CHECK(r.err.ends_with("; install the Debian package libzip4\n"));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "out"));
}
