#include "parplan/agenda.hpp"

namespace parplan {

Status status_as_of(const Activity& activity, YearMonth as_of) {
  if (activity.status != Status::done || !activity.completed || *activity.completed <= as_of)
    return activity.status;
  return activity.start && *activity.start <= as_of ? Status::in_progress : Status::planned;
}

Agenda build_agenda(const Plan& plan, const Filter& filter, YearMonth as_of, int within,
                    std::optional<YearMonth> due_from) {
  Agenda agenda;
  agenda.as_of = as_of;
  agenda.due_from = due_from.value_or(as_of);
  agenda.within = within;
  if (as_of.year < plan.info.year)
    agenda.period = Period::before_plan_year;
  else if (as_of.year > plan.info.year)
    agenda.period = Period::after_plan_year;

  const int now = as_of.serial();
  const int from = agenda.due_from.serial();
  for (const Field& field : plan.fields)
    for (const Task& task : field.tasks)
      for (const Activity& a : task.activities) {
        if (!filter.matches(a)) continue;
        ++agenda.total;
        // The plan as it stood then: work completed after the as-of month was not finished yet.
        const Status status = status_as_of(a, as_of);
        switch (status) {
          case Status::done:
            ++agenda.done;
            break;
          case Status::cancelled:
            ++agenda.cancelled;
            break;
          case Status::in_progress:
            ++agenda.in_progress;
            break;
          case Status::planned:
            ++agenda.planned;
            break;
        }
        // Finished work is off the agenda whatever its schedule: a cancelled "per" activity is
        // no longer something to keep an eye on.
        if (status == Status::done || status == Status::cancelled) continue;
        switch (a.schedule) {
          case ScheduleKind::ongoing:
            ++agenda.ongoing;
            break;
          case ScheduleKind::external:
            ++agenda.external;
            break;
          case ScheduleKind::unknown:
            ++agenda.unknown;
            break;
          case ScheduleKind::after_event:
            agenda.waiting.push_back({&a, 0});
            break;
          case ScheduleKind::months:
            break;
        }
        if (!a.dated()) continue;
        const int end = a.end->serial();
        if (end < from)
          agenda.overdue.push_back({&a, now - end});
        else if (end <= now)
          agenda.due.push_back({&a, 0});
        else if (end - now <= within)
          agenda.upcoming.push_back({&a, 0});
        if (a.start && a.start->serial() == now) agenda.starting.push_back({&a, 0});
      }
  return agenda;
}

}  // namespace parplan
