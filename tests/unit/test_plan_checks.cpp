// The semantic checks of issue 10 §5, with their exact messages and locations.

#include <doctest/doctest.h>

#include "parplan/loader.hpp"

using namespace parplan;

namespace {

const std::string plan_yaml = R"(plan:
  id: p
  title: Kế hoạch
  year: 2024
owners:
  snv: Sở Nội vụ
  stp: Sở Tư pháp
)";

// One activity with `extra` lines, loaded; returns "file:line:col: severity: message" lines.
std::vector<std::string> diagnostics_for(const std::string& extra) {
  std::string field =
      "field: I\ntitle: Chỉ đạo\ntasks:\n  - id: I.1\n    title: Nhiệm vụ\n"
      "    activities:\n      - id: I.1.1\n        title: Hội nghị\n" +
      extra;
  LoadResult r = load_plan_from_sources("d", {{"plan.yaml", plan_yaml}, {"01.yaml", field}});
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) out.push_back(format_text(d));
  return out;
}

}  // namespace

TEST_CASE("plan checks: an owner twice in lead or in support is an error") {
  CHECK(diagnostics_for("        lead: [snv, snv, stp, snv]\n        schedule: ongoing\n") ==
        std::vector<std::string>{"d/01.yaml:7:9: error: owner 'snv' is listed twice in 'lead' of "
                                 "activity I.1.1; list each owner once"});
  CHECK(diagnostics_for("        lead: snv\n        support: [stp, stp]\n        schedule: "
                        "ongoing\n") ==
        std::vector<std::string>{"d/01.yaml:7:9: error: owner 'stp' is listed twice in 'support' "
                                 "of activity I.1.1; list each owner once"});
}

TEST_CASE("plan checks: the same owner as lead and support is a warning") {
  CHECK(diagnostics_for("        lead: [snv]\n        support: [stp, snv]\n        schedule: "
                        "ongoing\n") ==
        std::vector<std::string>{"d/01.yaml:7:9: warning: owner 'snv' is both lead and support of "
                                 "activity I.1.1; keep it under 'lead' only"});
}

TEST_CASE("plan checks: done below 100% is a warning, completed before start an error") {
  CHECK(
      diagnostics_for("        lead: snv\n        start: 3\n        end: 5\n        status: done\n"
                      "        completed: 5\n        progress: 60\n") ==
      std::vector<std::string>{"d/01.yaml:7:9: warning: activity I.1.1 is done but its "
                               "progress is 60%; set progress: 100 or remove it"});
  CHECK(
      diagnostics_for("        lead: snv\n        start: 3\n        end: 5\n        status: done\n"
                      "        completed: 2\n") ==
      std::vector<std::string>{"d/01.yaml:7:9: error: activity I.1.1 was completed (2024-02) "
                               "before it started (2024-03); fix 'completed' or 'start'"});
}

TEST_CASE("plan checks: a month more than 5 years from the plan year is an error") {
  CHECK(diagnostics_for("        lead: snv\n        start: 0000-01\n        end: 9999-12\n") ==
        std::vector<std::string>{
            "d/01.yaml:10:9: warning: 'start' 0000-01 is outside the plan year 2024",
            "d/01.yaml:11:9: warning: 'end' 9999-12 is outside the plan year 2024",
            "d/01.yaml:7:9: error: 'start' 0000-01 of activity I.1.1 is more than 5 years from "
            "the plan year 2024; is the year mistyped?",
            "d/01.yaml:7:9: error: 'end' 9999-12 of activity I.1.1 is more than 5 years from the "
            "plan year 2024; is the year mistyped?"});
  // Five years either way is still a plan (multi-year programmes).
  CHECK(
      diagnostics_for("        lead: snv\n        start: 2019-01\n        end: 2029-12\n").size() ==
      2);
}

TEST_CASE("plan checks: an escaped byte order mark is refused like a raw one") {
  CHECK(diagnostics_for(
            "        lead: snv\n        schedule: ongoing\n        note: \"a\\uFEFFb\"\n") ==
        std::vector<std::string>{"d/01.yaml:11:15: error: byte order mark (U+FEFF) inside the "
                                 "file; delete it (only the very start of a file may have one) "
                                 "(from an escape sequence in this string)"});
}
