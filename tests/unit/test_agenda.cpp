#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parplan/agenda.hpp"
#include "parplan/loader.hpp"
#include "test_support.hpp"

using namespace parplan;

namespace {

// tests/fixtures/due-all-kinds: plan year 2024, 18 activities (see its files for each one).
const Plan& fixture() { return test::fixture_plan("tests/fixtures/due-all-kinds"); }

using Ids = std::vector<std::string>;

Ids ids(const std::vector<AgendaItem>& items) {
  Ids out;
  for (const AgendaItem& item : items) out.push_back(item.activity->id);
  return out;
}

std::vector<int> late(const std::vector<AgendaItem>& items) {
  std::vector<int> out;
  for (const AgendaItem& item : items) out.push_back(item.months_late);
  return out;
}

}  // namespace

TEST_CASE("agenda: at month 6 every activity lands in its section") {
  Agenda a = build_agenda(fixture(), {}, {2024, 6}, 1);
  CHECK(a.period == Period::in_plan_year);
  CHECK(a.as_of == YearMonth{2024, 6});
  // I.1.6 ended 2024-02 (a start in 2023); II.1.3 waited for an event, then got months.
  CHECK(ids(a.overdue) == Ids{"I.1.1", "I.1.6", "II.1.3"});
  CHECK(late(a.overdue) == std::vector<int>{3, 4, 1});
  CHECK(ids(a.due) == Ids{"I.1.3", "I.1.8"});
  CHECK(ids(a.upcoming) == Ids{"I.1.4"});
  CHECK(ids(a.starting) == Ids{"I.1.4", "I.1.8"});
  CHECK(ids(a.waiting) == Ids{"II.1.2"});  // II.1.6 waits too but is done

  CHECK(a.total == 18);
  CHECK(a.planned == 12);
  CHECK(a.in_progress == 2);
  CHECK(a.done == 2);
  CHECK(a.cancelled == 2);
  CHECK(a.ongoing == 1);   // II.1.8 is ongoing but cancelled
  CHECK(a.external == 2);  // II.1.4, and II.1.9 in progress
  CHECK(a.unknown == 1);
}

TEST_CASE("agenda: activities finished by the as-of month are never listed") {
  for (int month = 1; month <= 12; ++month) {
    Agenda a = build_agenda(fixture(), {}, {2024, month}, 12);
    for (const auto* section : {&a.overdue, &a.due, &a.upcoming, &a.starting, &a.waiting})
      for (const AgendaItem& item : *section) CHECK_FALSE(finished_as_of(*item.activity, a.as_of));
  }
  // I.1.2 was completed in May: before that it was work in hand.
  CHECK(ids(build_agenda(fixture(), {}, {2024, 4}, 1).upcoming) == Ids{"I.1.2", "II.1.3"});
  // I.1.2 (done, end 5) and I.1.5 (cancelled, end 8) would be overdue at month 12.
  CHECK(ids(build_agenda(fixture(), {}, {2024, 12}, 1).overdue) ==
        Ids{"I.1.1", "I.1.3", "I.1.4", "I.1.6", "I.1.8", "II.1.3", "II.1.7"});
}

TEST_CASE("agenda: within sets how far upcoming looks") {
  CHECK(ids(build_agenda(fixture(), {}, {2024, 6}, 0).upcoming).empty());
  CHECK(ids(build_agenda(fixture(), {}, {2024, 6}, 2).upcoming) == Ids{"I.1.4"});
  CHECK(ids(build_agenda(fixture(), {}, {2024, 6}, 3).upcoming) == Ids{"I.1.4", "II.1.7"});
  // Upcoming crosses into the next year: I.1.7 ends 2025-03.
  CHECK(ids(build_agenda(fixture(), {}, {2024, 12}, 3).upcoming) == Ids{"I.1.7"});
  CHECK(ids(build_agenda(fixture(), {}, {2024, 12}, 2).upcoming).empty());
  CHECK(build_agenda(fixture(), {}, {2024, 6}, 3).within == 3);
}

TEST_CASE("agenda: after the plan year, unfinished work dated in it is overdue") {
  Agenda a = build_agenda(fixture(), {}, {2025, 1}, 2);
  CHECK(a.period == Period::after_plan_year);
  CHECK(ids(a.overdue) ==
        Ids{"I.1.1", "I.1.3", "I.1.4", "I.1.6", "I.1.8", "II.1.3", "II.1.7", "II.1.10"});
  CHECK(late(a.overdue) == std::vector<int>{10, 7, 6, 11, 7, 8, 4, 1});
  CHECK(ids(a.due).empty());
  // I.1.7 was planned to end in 2025-03: not late yet.
  CHECK(ids(a.upcoming) == Ids{"I.1.7"});
  CHECK(ids(a.starting).empty());
  CHECK(ids(a.waiting) == Ids{"II.1.2"});

  Agenda later = build_agenda(fixture(), {}, {2025, 4}, 1);
  CHECK(ids(later.overdue) ==
        Ids{"I.1.1", "I.1.3", "I.1.4", "I.1.6", "I.1.7", "I.1.8", "II.1.3", "II.1.7", "II.1.10"});
  CHECK(late(later.overdue) == std::vector<int>{13, 10, 9, 14, 1, 10, 11, 7, 4});
}

TEST_CASE("agenda: before the plan year only work dated earlier shows") {
  Agenda a = build_agenda(fixture(), {}, {2023, 11}, 3);
  CHECK(a.period == Period::before_plan_year);
  CHECK(ids(a.overdue).empty());
  CHECK(ids(a.due).empty());
  CHECK(ids(a.upcoming) == Ids{"I.1.6"});  // ends 2024-02, three months on
  CHECK(ids(a.starting) == Ids{"I.1.6"});  // starts 2023-11
  CHECK(ids(build_agenda(fixture(), {}, {2023, 11}, 2).upcoming).empty());
}

TEST_CASE("agenda: the filter narrows sections and counts alike") {
  Filter snv;
  snv.owners = std::set<std::string>{"snv"};
  Agenda a = build_agenda(fixture(), snv, {2024, 6}, 1);
  CHECK(ids(a.overdue) == Ids{"I.1.1"});
  CHECK(ids(a.due) == Ids{"I.1.3"});
  CHECK(ids(a.upcoming).empty());
  CHECK(ids(a.starting).empty());
  CHECK(ids(a.waiting).empty());
  CHECK(a.total == 7);  // I.1.1, I.1.2, I.1.3, II.1.1, II.1.6, II.1.8, II.1.10
  CHECK(a.ongoing == 1);
  CHECK(a.external == 0);
  CHECK(a.unknown == 0);

  snv.role = Role::support;
  Agenda s = build_agenda(fixture(), snv, {2024, 6}, 3);
  CHECK(ids(s.upcoming) == Ids{"I.1.4", "II.1.7"});
  CHECK(ids(s.starting) == Ids{"I.1.4"});
  CHECK(s.total == 3);  // I.1.4, I.1.7, II.1.7
}
