// The loader's checks, each with its exact message, line and column, on in-memory plans.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lines_maker.hpp"
#include "parplan/loader.hpp"

using parplan::load_plan_from_sources;
using parplan::LoadResult;

namespace {

const std::string plan_yaml =
    "plan:\n  id: t\n  title: Kế hoạch\n  year: 2024\nowners:\n  snv:\n    name: Sở Nội vụ\n"
    "  stp: Sở Tư pháp\n";

// The head of a field file whose activity II.1.1 gets `extra` lines (8 spaces indented).
std::string activity(const std::string& extra) {
  return "field: II\ntitle: Thể chế\ntasks:\n  - id: II.1\n    title: Nhiệm vụ\n    activities:\n"
         "      - id: II.1.1\n        title: Hoạt động\n        lead: [snv]\n" +
         extra;
}

LoadResult load(const std::string& field, const std::string& plan = plan_yaml) {
  return load_plan_from_sources("p", {{"plan.yaml", plan}, {"02.yaml", field}});
}

// Every diagnostic as `validate` prints it.
std::vector<std::string> problems(const std::string& field, const std::string& plan = plan_yaml) {
  std::vector<std::string> out;
  for (const auto& d : load(field, plan).diagnostics) out.push_back(format_text(d));
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("loader: a clean field file loads without diagnostics") {
  LoadResult r = load(activity("        start: 3\n        end: 6\n"));
  CHECK(r.diagnostics.empty());
  REQUIRE(r.plan.activities().size() == 1);
  const auto& a = *r.plan.activities()[0];
  CHECK(a.id == "II.1.1");
  CHECK(a.title == "Hoạt động");
  CHECK(a.lead == std::vector<std::string>{"snv"});
  CHECK(a.start == parplan::YearMonth{2024, 3});
  CHECK(a.location.line == 7);
  CHECK(a.location.column == 9);
}

TEST_CASE("loader: YAML syntax errors name the line and column to fix") {
  CHECK(problems("a: \"abc\nb: 2\n") ==
        Lines{"p/02.yaml:1:4: error: unterminated quoted string: no closing \""});
  CHECK(problems("field: II\ntitle: 'abc\ntasks: []\n") ==
        Lines{"p/02.yaml:2:8: error: unterminated quoted string: no closing '"});
  CHECK(problems("field: II\ntitle: !!str \"abc\ntasks: []\n") ==
        Lines{"p/02.yaml:2:8: error: unterminated quoted string: no closing \""});
  CHECK(problems("field: II\ntitle x\ntasks: []\n") ==
        Lines{"p/02.yaml:2:1: error: syntax error: no ': ' after the key; did you mean `title: "
              "x`?"});
  CHECK(problems("field: II\n  title: x\n") ==
        Lines{"p/02.yaml:2:8: error: syntax error: unexpected ':' (check the indentation, or "
              "quote text that contains ': ')"});
  CHECK(problems("field: II\ntasks:\n\t- id: II.1\n") ==
        Lines{"p/02.yaml:3:1: error: tab character in the indentation; indent with spaces"});
  CHECK(problems("field: II\ntasks: [a, b\n") ==
        Lines{"p/02.yaml:2:8: error: syntax error: '[' without a matching ']'"});
  CHECK(problems("field: II\ntasks: [a, b\ntitle: x\n") ==
        Lines{"p/02.yaml:3:6: error: syntax error: expected ',' or ']' here (the '[' at line 2, "
              "column 8 is still open)"});
  CHECK(problems("field: {a: b\n") ==
        Lines{"p/02.yaml:1:8: error: syntax error: '{' without a matching '}'"});
  CHECK(problems("field: II\n]\n") ==
        Lines{"p/02.yaml:2:1: error: syntax error: ']' without a matching '['"});
  CHECK(problems("field: II\n,\n") == Lines{"p/02.yaml:2:1: error: syntax error: unexpected ','"});
  CHECK(
      problems("field: II\ntitle: \"C:\\Users\\x\"\n") ==
      Lines{"p/02.yaml:2:11: error: syntax error: invalid escape sequence; in double quotes a "
            "backslash starts one, as in \\n (write \\\\ for a backslash, or use single quotes)"});
  CHECK(problems("field: II\ntitle: \"a\\ud800\"\n") ==
        Lines{"p/02.yaml:2:10: error: syntax error: escape sequence for U+D800 is not a Unicode "
              "character (a lone surrogate or beyond U+10FFFF)"});
}

TEST_CASE("loader: a file holds exactly one YAML document") {
  const std::string two =
      "more than one YAML document in this file; a plan file holds exactly "
      "one (remove the '---' or '...' separator)";
  CHECK(problems("field: II\n---\ntitle: x\n") == Lines{"p/02.yaml:2:1: error: " + two});
  CHECK(problems("a: 1\n...\nx: [\n") == Lines{"p/02.yaml:3:1: error: " + two});
  CHECK(problems("- a\n- b\ninvalid: x\n") ==
        Lines{"p/02.yaml:3:1: error: unexpected text after the end of the document; check the "
              "indentation of this line"});
  // yaml-cpp's LoadAll(",") never returns: a new empty document starts at the ',' forever.
  CHECK(problems(",") == Lines{"p/02.yaml:1:1: error: syntax error: unexpected ','"});
}

TEST_CASE("loader: empty files and wrong top levels") {
  const std::string empty = "field file is empty; it needs 'field', 'title' and 'tasks'";
  CHECK(problems("") == Lines{"p/02.yaml:1:1: error: " + empty});
  CHECK(problems("# only a comment\n\n") == Lines{"p/02.yaml:1:1: error: " + empty});
  CHECK(problems("- a\n") ==
        Lines{"p/02.yaml:1:1: error: a field file must be a mapping, not a list"});
  CHECK(problems("text\n") ==
        Lines{"p/02.yaml:1:1: error: a field file must be a mapping, not text"});
  CHECK(problems(activity(""), "") ==
        Lines{"p/plan.yaml:1:1: error: plan.yaml is empty; it needs 'plan' and 'owners'",
              "p/02.yaml:7:9: warning: activity II.1.1 has no schedule; add start and end, "
              "schedule: ongoing, after: or per:"});
}

TEST_CASE("loader: scalars stay text: no booleans, octal or null strings") {
  LoadResult r =
      load(activity("        schedule: ongoing\n        result: yes\n        output: off\n"
                    "        note: ~\n"));
  CHECK(r.diagnostics.empty());
  const auto& a = *r.plan.activities()[0];
  CHECK(a.result == "yes");
  CHECK(a.output == "off");
  CHECK(a.note.empty());  // null is no text, never "null"

  CHECK(
      problems(activity("        start: 010\n        end: 12\n")) ==
      Lines{"p/02.yaml:10:16: error: 'start' must be a month from 1 to 12 or YYYY-MM, got '010'"});
  CHECK(problems(activity("        schedule: ongoing\n        progress: 010\n")) ==
        Lines{"p/02.yaml:11:19: error: 'progress' must be a whole number from 0 to 100 without "
              "leading zeros, got '010'"});
  CHECK(problems(activity("        status: y\n        schedule: ongoing\n")) ==
        Lines{"p/02.yaml:10:17: error: invalid status 'y'; expected planned, in-progress, done or "
              "cancelled"});
}

TEST_CASE("loader: an empty required value is an error, never the text \"null\"") {
  CHECK(problems("field: II\ntitle:\ntasks: []\n") ==
        Lines{"p/02.yaml:2:1: error: 'title' has no value"});
  CHECK(problems("field: II\ntitle: null\ntasks: []\n") ==
        Lines{"p/02.yaml:2:1: error: 'title' has no value"});
  CHECK(problems("field: II\ntitle: \"  \"\ntasks: []\n") ==
        Lines{"p/02.yaml:2:8: error: 'title' is empty"});
  CHECK(problems(activity(""), plan_yaml + "  tc:\n") ==
        Lines{"p/plan.yaml:9:3: error: owner 'tc' has no name; write `tc: Name` or give 'name:'",
              "p/02.yaml:7:9: warning: activity II.1.1 has no schedule; add start and end, "
              "schedule: ongoing, after: or per:"});
}

TEST_CASE("loader: duplicate keys, unknown keys and unknown owners") {
  CHECK(problems(activity("        schedule: ongoing\n        title: again\n")) ==
        Lines{"p/02.yaml:11:9: error: duplicate key 'title' (first given at line 8, column 9); "
              "remove one of them"});
  CHECK(problems(activity("        schedule: ongoing\n        stauts: done\n")) ==
        Lines{"p/02.yaml:11:9: error: unknown key 'stauts' in activity II.1.1; did you mean "
              "'status'?"});
  CHECK(problems(activity("        schedule: ongoing\n        support: [snb, Sở tư pháp]\n")) ==
        Lines{"p/02.yaml:11:19: error: unknown owner 'snb'; did you mean 'snv' (Sở Nội vụ)?",
              "p/02.yaml:11:24: error: unknown owner 'Sở tư pháp'; did you mean 'stp' (Sở Tư "
              "pháp)?"});
}

TEST_CASE("loader: ids are one word and unique across files") {
  CHECK(problems(activity("        schedule: ongoing\n      - id: II.1.1\n        title: b\n"
                          "        lead: [snv]\n        schedule: ongoing\n")) ==
        Lines{"p/02.yaml:11:13: error: duplicate activity id 'II.1.1' (first defined at "
              "p/02.yaml:7:13)"});
  CHECK(problems("field: II\ntitle: x\ntasks:\n  - id: \"II.1\\nII.2\"\n    title: t\n"
                 "    activities: []\n") ==
        Lines{"p/02.yaml:4:9: error: 'id' must be one word without spaces or line breaks, got "
              "'II.1\\nII.2'"});
  LoadResult r =
      load_plan_from_sources("p", {{"plan.yaml", plan_yaml},
                                   {"02.yaml", activity("        schedule: ongoing\n")},
                                   {"03.yaml", activity("        schedule: ongoing\n")}});
  std::vector<std::string> got;
  for (const auto& d : r.diagnostics) got.push_back(format_text(d));
  // One error for the file, not one per task and activity.
  CHECK(got == Lines{"p/03.yaml:1:8: error: field 'II' is declared in two files, p/02.yaml and "
                     "p/03.yaml; keep one (is one a stray copy?); p/03.yaml is not read"});
}

TEST_CASE("loader: messages for the slips a clerk makes, on the line to fix") {
  // A missing ": " before the next item: reported on its own line, not the "- id:" below.
  CHECK(problems(activity("        start: 3\n        end 12\n      - id: II.1.2\n"
                          "        title: b\n        schedule: ongoing\n")) ==
        Lines{"p/02.yaml:11:9: error: syntax error: no ': ' after the key; did you mean `end: "
              "12`?"});
  CHECK(problems(activity("        start: 3\n        end:12\n      - id: II.1.2\n"
                          "        title: b\n        schedule: ongoing\n")) ==
        Lines{"p/02.yaml:11:9: error: syntax error: no ': ' after the key; did you mean `end: "
              "12`?"});
  // On the last line of a mapping "end:12" is a key without a value.
  CHECK(problems(activity("        start: 3\n        end:12\n")) ==
        Lines{"p/02.yaml:10:9: error: 'start' without 'end'; give both months",
              "p/02.yaml:11:9: error: no ': ' after the key; did you mean `end: 12`?"});
  // A missing "- " before the next activity: said once, not once per repeated key.
  CHECK(problems(activity("        schedule: ongoing\n        id: II.1.2\n        title: b\n"
                          "        lead: [stp]\n        schedule: ongoing\n")) ==
        Lines{"p/02.yaml:11:9: error: a second 'id' in one item (the first is at line 7): each "
              "activity starts with `- `; write `- id:` here"});
  // Each owner of the list as meant is still checked.
  CHECK(problems(activity("        schedule: ongoing\n        support: stp, xyz\n")) ==
        Lines{"p/02.yaml:11:18: error: several owners need brackets; did you mean `support: "
              "[stp, xyz]`?",
              "p/02.yaml:11:18: error: unknown owner 'xyz'; declare it under 'owners' in "
              "plan.yaml"});
  // A comment cuts plain text short: a warning in text keys; quoted text and ids are left alone.
  CHECK(problems(activity("        schedule: ongoing\n        note: Hội nghị #2\n")) ==
        Lines{"p/02.yaml:11:24: warning: `#` starts a comment here; quote the note to keep it"});
  CHECK(load(activity("        schedule: ongoing\n        note: Hội nghị #2\n"))
            .plan.fields.at(0)
            .tasks.at(0)
            .activities.at(0)
            .note == "Hội nghị");
  CHECK(problems(activity("        schedule: ongoing  # thường xuyên\n        note: \"Số #2\"\n"
                          "        result: 'Số #3'\n        output: Số#4\n")) == Lines{});
}

TEST_CASE("loader: encoding problems are found in the raw bytes") {
  using namespace std::literals;
  CHECK(problems("field: II\ntitle: a\xFF\n") ==
        Lines{"p/02.yaml:2:9: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8"});
  CHECK(problems("field: II\ntitle: \xC0\xAF\n") ==
        Lines{"p/02.yaml:2:8: error: invalid UTF-8 (byte 0xC0); save the file as UTF-8"});
  CHECK(problems("field: Ä\0\n"s) ==
        Lines{"p/02.yaml:1:9: error: NUL byte in the file; it is binary or UTF-16, save it as "
              "UTF-8 text"});
  CHECK(problems("field: II\n\xEF\xBB\xBFtitle: x\n") ==
        Lines{"p/02.yaml:2:1: error: byte order mark (U+FEFF) inside the file; delete it (only "
              "the very start of a file may have one)"});
  CHECK(problems("\xFF\xFE"
                 "f\0"s) ==
        Lines{"p/02.yaml:1:1: error: file is UTF-16 or UTF-32 encoded; save it as UTF-8"});
  CHECK(problems("field: II\rtitle: x\r") ==
        Lines{"p/02.yaml:1:10: error: carriage return without a line feed (old Mac line "
              "endings); save the file with LF or CRLF line endings"});
  CHECK(problems("field: II\ntitle: \x1B[1m\n") ==
        Lines{"p/02.yaml:2:8: error: control character U+001B is not allowed"});
  CHECK(problems("field: II\ntitle: a\xC2\x85\n") ==
        Lines{"p/02.yaml:2:9: error: control character U+0085 is not allowed"});
  CHECK(problems("field: II\ntitle: ab\xE2\x80\xAE\n") ==
        Lines{"p/02.yaml:2:10: error: bidirectional control character U+202E is not allowed; it "
              "makes text display in a misleading order"});
  // The same characters written as escapes are refused at the string.
  CHECK(problems("field: II\ntitle: \"\\e[1m \\0\"\ntasks: []\n") ==
        Lines{"p/02.yaml:2:8: error: control character U+001B is not allowed (from an escape "
              "sequence in this string)"});
}

TEST_CASE("loader: user text in messages is escaped and shortened") {
  std::string long_key(100, 'k');
  CHECK(problems("field: II\ntitle: x\ntasks: []\n\"a\\tb\\nc\": 1\n" + long_key + ": 2\n") ==
        Lines{"p/02.yaml:4:1: error: unknown key 'a\\tb\\nc' in field file (expected one of: "
              "field, title, tasks, note)",
              "p/02.yaml:5:1: error: unknown key '" + std::string(60, 'k') +
                  "…' in field file (expected one of: field, title, tasks, note)"});
}

TEST_CASE("loader: fields and tasks take a note") {
  LoadResult r = load(
      "field: II\ntitle: Cải cách thể chế\ntasks:\n  - id: II.1\n    title: Viết tay\n"
      "    note: Tên nhiệm vụ do người nhập liệu viết.\n    activities:\n      - id: II.1.1\n"
      "        title: Hoạt động\n        lead: [snv]\n        schedule: ongoing\n"
      "note: Tên lĩnh vực lấy từ mục II.2.\n");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.plan.fields.size() == 1);
  CHECK(r.plan.fields[0].note == "Tên lĩnh vực lấy từ mục II.2.");
  CHECK(r.plan.fields[0].tasks.at(0).note == "Tên nhiệm vụ do người nhập liệu viết.");
}

TEST_CASE("loader: CRLF line endings and a BOM load like LF") {
  LoadResult lf = load(activity("        start: 3\n        end: 6\n"));
  std::string crlf = activity("        start: 3\n        end: 6\n");
  for (auto pos = crlf.find('\n'); pos != std::string::npos; pos = crlf.find('\n', pos + 2))
    crlf.replace(pos, 1, "\r\n");
  LoadResult r = load("\xEF\xBB\xBF" + crlf);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.plan.activities().size() == 1);
  CHECK(r.plan.activities()[0]->title == lf.plan.activities()[0]->title);
  CHECK(r.plan.activities()[0]->location.line == 7);
  CHECK(r.plan.activities()[0]->location.column == 9);
  // Positions count characters, not bytes, so columns after Vietnamese text match the editor's.
  CHECK(problems("\xEF\xBB\xBF"
                 "field: Ủy ban\r\ntitle: Thể chế: x\r\n") ==
        Lines{"p/02.yaml:2:15: error: syntax error: unexpected ':' (check the indentation, or "
              "quote text that contains ': ')"});
}

TEST_CASE("loader: one schedule per activity, months inside the plan year") {
  CHECK(problems(activity("        start: 3\n")) ==
        Lines{"p/02.yaml:10:9: error: 'start' without 'end'; give both months"});
  CHECK(problems(activity("        end: 3\n        schedule: ongoing\n")) ==
        Lines{"p/02.yaml:10:9: error: 'end' without 'start'; give both months",
              "p/02.yaml:10:9: error: 'start/end' conflicts with 'schedule: ongoing'; an activity "
              "has one schedule"});
  CHECK(problems(activity("        schedule: ongoing\n        per: Luật\n")) ==
        Lines{"p/02.yaml:11:9: error: 'per' conflicts with 'schedule: ongoing'; an activity has "
              "one schedule"});
  CHECK(problems(activity("        after: Khi có văn bản\n        start: 3\n        end: 4\n"))
            .empty());
  CHECK(problems(activity("        schedule: weekly\n")) ==
        Lines{"p/02.yaml:10:19: error: 'schedule' must be 'ongoing' (Thường xuyên), got 'weekly'; "
              "use start/end, after: or per: for other schedules"});
  CHECK(problems(activity(
            "        start: 2025-03\n        end: 2025-04\n        completed: 2023-12\n")) ==
        Lines{"p/02.yaml:10:9: warning: 'start' 2025-03 is outside the plan year 2024",
              "p/02.yaml:11:9: warning: 'end' 2025-04 is outside the plan year 2024",
              "p/02.yaml:12:9: warning: 'completed' is set but status is 'planned'; set status: "
              "done",
              "p/02.yaml:12:9: warning: 'completed' 2023-12 is outside the plan year 2024",
              "p/02.yaml:7:9: error: activity II.1.1 was completed (2023-12) before it started "
              "(2025-03); fix 'completed' or 'start'"});
}
