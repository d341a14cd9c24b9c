#pragma once

// On-time completion ("hoàn thành đúng hạn") over a window of months, per field, per lead owner
// and overall. Of the activities whose `end` falls in the window (cancelled ones left out):
//   done on time  - done, with `completed` no later than `end`;
//   done late     - done, `completed` after `end`;
//   done, no date - done without `completed`: whether it was on time is unknown;
//   overdue       - not done by the end of the window's last month.
// The rate is done on time / all of them. Activities ending after the window are "not yet due";
// those without months (ongoing, waiting for an event, on an external timetable, without a
// schedule), cancelled ones and those that ended before the window are counted apart, never
// silently in or out. Status is read as of the window's last month (status_as_of).

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "parplan/calendar.hpp"
#include "parplan/model.hpp"
#include "parplan/query.hpp"

namespace parplan {

struct OnTimeCounts {
  std::size_t on_time = 0;
  std::size_t late = 0;
  std::size_t undated = 0;  // done without `completed`
  std::size_t overdue = 0;
  std::size_t not_yet_due = 0;

  // Activities ending in the window: the rate's denominator.
  [[nodiscard]] std::size_t due() const { return on_time + late + undated + overdue; }
  // Percent rounded half up; nullopt when nothing was due.
  [[nodiscard]] std::optional<int> rate() const;
};

struct OnTimeRow {
  std::string id;  // field id or owner id; empty for "no lead owner"
  std::string name;
  OnTimeCounts counts;
};

struct OnTime {
  YearMonth first;
  YearMonth last;
  OnTimeCounts overall;
  std::vector<OnTimeRow> by_field;  // plan order, fields with activities only
  std::vector<OnTimeRow> by_owner;  // declaration order; co-leads count for each
  // Counted apart:
  std::size_t ongoing = 0;
  std::size_t waiting = 0;
  std::size_t external = 0;
  std::size_t unscheduled = 0;
  std::size_t cancelled = 0;
  std::size_t earlier = 0;  // ended before the window
};

OnTime on_time(const Plan& plan, const Filter& filter, YearMonth first, YearMonth last);

// {"first", "last", "overall", "by_field", "by_owner", "apart"}; counts as
// {"due", "on_time", "late", "done_no_date", "overdue", "not_yet_due", "rate"} (rate in percent
// or null).
nlohmann::json on_time_json(const OnTime& result);

}  // namespace parplan
