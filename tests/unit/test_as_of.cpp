// "As of" means as of then: an activity completed after the as-of month was not finished in it.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parplan/agenda.hpp"
#include "parplan/loader.hpp"
#include "parplan/report.hpp"

using namespace parplan;

namespace {

// Every activity is done now; only I.1.4 and I.1.5 were done in February.
const char* const plan_yaml = R"(plan:
  id: as-of
  title: As of then
  year: 2024
owners:
  snv: Sở Nội vụ
)";
const char* const field_yaml = R"(field: I
title: Chỉ đạo
tasks:
  - id: I.1
    title: Việc
    activities:
      - id: I.1.1
        title: Ends in February, completed in April
        lead: [snv]
        start: 1
        end: 2
        status: done
        completed: 4
      - id: I.1.2
        title: Starts in February, ends and completed in March
        lead: [snv]
        start: 2
        end: 3
        status: done
        completed: 3
      - id: I.1.3
        title: Waits for an event, completed in May
        lead: [snv]
        after: Sau khi có Nghị quyết
        status: done
        completed: 5
      - id: I.1.4
        title: Completed in January
        lead: [snv]
        start: 1
        end: 2
        status: done
        completed: 1
      - id: I.1.5
        title: Done without a completion month
        lead: [snv]
        start: 1
        end: 2
        status: done
)";

Plan plan() {
  LoadResult r = load_plan_from_sources("p", {{"plan.yaml", plan_yaml}, {"01.yaml", field_yaml}});
  REQUIRE(r.ok());
  return std::move(r.plan);
}

using Ids = std::vector<std::string>;
Ids ids(const std::vector<AgendaItem>& items) {
  Ids out;
  for (const AgendaItem& item : items) out.push_back(item.activity->id);
  return out;
}

}  // namespace

TEST_CASE("as of: work completed later is due, upcoming, starting and waiting in its month") {
  Plan p = plan();
  Agenda feb = build_agenda(p, {}, {2024, 2}, 1);
  CHECK(ids(feb.overdue).empty());
  CHECK(ids(feb.due) == Ids{"I.1.1"});
  CHECK(ids(feb.upcoming) == Ids{"I.1.2"});
  CHECK(ids(feb.starting) == Ids{"I.1.2"});
  CHECK(ids(feb.waiting) == Ids{"I.1.3"});
  CHECK(feb.done == 2);         // I.1.4 and I.1.5
  CHECK(feb.in_progress == 2);  // I.1.1 and I.1.2 had started
  CHECK(feb.planned == 1);      // I.1.3 has no start
}

TEST_CASE("as of: work completed later is overdue until its completion month") {
  Plan p = plan();
  Agenda mar = build_agenda(p, {}, {2024, 3}, 1);
  CHECK(ids(mar.overdue) == Ids{"I.1.1"});
  CHECK(mar.overdue.at(0).months_late == 1);
  CHECK(ids(mar.due).empty());  // I.1.2 was completed in March
  CHECK(ids(mar.waiting) == Ids{"I.1.3"});
  CHECK(mar.done == 3);
  Agenda apr = build_agenda(p, {}, {2024, 4}, 1);
  CHECK(ids(apr.overdue).empty());
  CHECK(ids(apr.waiting) == Ids{"I.1.3"});
  Agenda jun = build_agenda(p, {}, {2024, 6}, 1);
  CHECK(ids(jun.waiting).empty());
  CHECK(jun.done == 5);
}

TEST_CASE("as of: status_as_of keeps undated and cancelled states") {
  Plan p = plan();
  auto acts = p.activities();
  CHECK(status_as_of(*acts[0], {2024, 1}) == Status::in_progress);
  CHECK(status_as_of(*acts[0], {2024, 4}) == Status::done);
  CHECK(status_as_of(*acts[2], {2024, 4}) == Status::planned);
  CHECK(status_as_of(*acts[4], {2023, 1}) == Status::done);
}

TEST_CASE("as of: the report shows the plan as it stood in the report month") {
  Plan p = plan();
  ReportOptions options;
  options.as_of = {2024, 2};
  options.sections = {"due", "in-progress", "waiting"};
  std::string text = render_report(p, options);
  // Due in February: I.1.1, in progress then (done only in April), with no progress shown.
  CHECK(
      text.find("| I.1.1 | 2 | Sở Nội vụ | in progress | Ends in February, completed in April |") !=
      std::string::npos);
  // In progress in February: I.1.1 and I.1.2 (done in March), progress "—" (recorded later).
  CHECK(text.find("| I.1.2 | 2 | 3 | Sở Nội vụ | — | Starts in February, ends and completed in "
                  "March |") != std::string::npos);
  // Still waiting for its event in February (done in May).
  CHECK(text.find("| I.1.3 | Sở Nội vụ | Sau khi có Nghị quyết | Waits for an event, completed in "
                  "May |") != std::string::npos);
}
