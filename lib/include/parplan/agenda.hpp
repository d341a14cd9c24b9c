#pragma once

#include <cstddef>
#include <iterator>
#include <optional>
#include <vector>

#include "parplan/calendar.hpp"
#include "parplan/model.hpp"
#include "parplan/query.hpp"

namespace parplan {

// Where the as-of month lies relative to the plan year.
enum class Period { before_plan_year, in_plan_year, after_plan_year };

struct AgendaItem {
  const Activity* activity = nullptr;
  int months_late = 0;  // overdue items only
};

// What an as-of month means for a plan, at month granularity: an activity with end 6 is due by
// the end of June, overdue from July on. Lists are in plan order.
struct Agenda {
  YearMonth as_of;
  YearMonth due_from;  // as_of, or the first month of a period
  int within = 1;
  Period period = Period::in_plan_year;

  std::vector<AgendaItem> overdue;   // unfinished, end before the as-of month
  std::vector<AgendaItem> due;       // unfinished, end in the as-of month
  std::vector<AgendaItem> upcoming;  // unfinished, end within the next `within` months
  std::vector<AgendaItem> starting;  // unfinished, start in the as-of month
  std::vector<AgendaItem> waiting;   // unfinished, waiting for an event, no months yet

  std::size_t total = 0;  // activities that passed the filter
  std::size_t done = 0;
  std::size_t cancelled = 0;
  std::size_t in_progress = 0;
  std::size_t planned = 0;
  // Unfinished activities no month applies to:
  std::size_t ongoing = 0;   // schedule: ongoing, never overdue
  std::size_t external = 0;  // per: an external timetable
  std::size_t unknown = 0;   // no schedule at all
};

enum class AgendaPart { overdue, due, upcoming, starting, waiting };

// The sections of an agenda in their order (agenda_sections[part] is that part's), with their
// key in JSON, CSV and sheet names.
struct AgendaSection {
  AgendaPart part;
  const char* key;
  std::vector<AgendaItem> Agenda::*items;
};
inline constexpr AgendaSection agenda_sections[] = {
    {AgendaPart::overdue, "overdue", &Agenda::overdue},
    {AgendaPart::due, "due", &Agenda::due},
    {AgendaPart::upcoming, "upcoming", &Agenda::upcoming},
    {AgendaPart::starting, "starting", &Agenda::starting},
    {AgendaPart::waiting, "waiting", &Agenda::waiting}};
static_assert(
    [] {
      for (std::size_t i = 0; i < std::size(agenda_sections); ++i)
        if (static_cast<std::size_t>(agenda_sections[i].part) != i) return false;
      return true;
    }(),
    "agenda_sections is indexed by AgendaPart");

// The status an activity had in the as-of month, as far as the plan can tell: one `done` with a
// `completed` month after `as_of` was not done then (in progress when its start had come, else
// planned). Done without `completed`, and cancelled, have no date and count as they are now.
Status status_as_of(const Activity& activity, YearMonth as_of);
inline bool finished_as_of(const Activity& activity, YearMonth as_of) {
  Status s = status_as_of(activity, as_of);
  return s == Status::done || s == Status::cancelled;
}

// `as_of` comes from the caller (the CLI reads the clock; the library never does). With
// `due_from` (a period's first month, `due --period`), `due` holds what ends from that month to
// the as-of month and `overdue` what ended before it.
Agenda build_agenda(const Plan& plan, const Filter& filter, YearMonth as_of, int within,
                    std::optional<YearMonth> due_from = std::nullopt);

}  // namespace parplan
