#include "parplan/on_time.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "parplan/agenda.hpp"

namespace parplan {

std::optional<int> OnTimeCounts::rate() const {
  if (due() == 0) return std::nullopt;
  return static_cast<int>((200 * on_time + due()) / (2 * due()));
}

namespace {

enum class Kind { on_time, late, undated, overdue, not_yet_due, apart };

Kind classify(const Activity& a, YearMonth first, YearMonth last, OnTime& out) {
  if (a.status == Status::cancelled) {
    ++out.cancelled;
    return Kind::apart;
  }
  if (!a.dated()) {
    switch (a.schedule) {
      case ScheduleKind::ongoing:
        ++out.ongoing;
        break;
      case ScheduleKind::after_event:
        ++out.waiting;
        break;
      case ScheduleKind::external:
        ++out.external;
        break;
      case ScheduleKind::months:
      case ScheduleKind::unknown:
        ++out.unscheduled;
        break;
    }
    return Kind::apart;
  }
  if (*a.end < first) {
    ++out.earlier;
    return Kind::apart;
  }
  if (*a.end > last) return Kind::not_yet_due;
  if (status_as_of(a, last) != Status::done) return Kind::overdue;
  if (!a.completed) return Kind::undated;
  return *a.completed <= *a.end ? Kind::on_time : Kind::late;
}

void add(OnTimeCounts& counts, Kind kind) {
  switch (kind) {
    case Kind::on_time:
      ++counts.on_time;
      break;
    case Kind::late:
      ++counts.late;
      break;
    case Kind::undated:
      ++counts.undated;
      break;
    case Kind::overdue:
      ++counts.overdue;
      break;
    case Kind::not_yet_due:
      ++counts.not_yet_due;
      break;
    case Kind::apart:
      break;
  }
}

nlohmann::json counts_json(const OnTimeCounts& c) {
  auto rate = c.rate();
  return {{"due", c.due()},
          {"on_time", c.on_time},
          {"late", c.late},
          {"done_no_date", c.undated},
          {"overdue", c.overdue},
          {"not_yet_due", c.not_yet_due},
          {"rate", rate ? nlohmann::json(*rate) : nlohmann::json(nullptr)}};
}

nlohmann::json rows_json(const std::vector<OnTimeRow>& rows) {
  nlohmann::json list = nlohmann::json::array();
  for (const OnTimeRow& row : rows) {
    nlohmann::json j = counts_json(row.counts);
    j["id"] = row.id.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.id);
    j["name"] = row.name;
    list.push_back(std::move(j));
  }
  return list;
}

}  // namespace

OnTime on_time(const Plan& plan, const Filter& filter, YearMonth first, YearMonth last) {
  OnTime out;
  out.first = first;
  out.last = last;
  std::vector<OnTimeCounts> owners(plan.owners().size());
  std::vector<bool> owner_seen(plan.owners().size(), false);
  OnTimeCounts no_lead;
  bool no_lead_seen = false;
  for (const Field& field : plan.fields) {
    OnTimeRow row{field.id, field.title, {}};
    bool any = false;
    for (const Task& task : field.tasks)
      for (const Activity& a : task.activities) {
        if (!filter.matches(a)) continue;
        any = true;
        Kind kind = classify(a, first, last, out);
        add(out.overall, kind);
        add(row.counts, kind);
        if (a.lead.empty()) {
          no_lead_seen = true;
          add(no_lead, kind);
        }
        for (const std::string& id : a.lead)
          for (std::size_t i = 0; i < plan.owners().size(); ++i)
            if (plan.owners()[i].id == id) {
              owner_seen[i] = true;
              add(owners[i], kind);
            }
      }
    if (any) out.by_field.push_back(std::move(row));
  }
  for (std::size_t i = 0; i < owners.size(); ++i)
    if (owner_seen[i])
      out.by_owner.push_back({plan.owners()[i].id, plan.owners()[i].name, owners[i]});
  if (no_lead_seen) out.by_owner.push_back({"", "", no_lead});
  return out;
}

nlohmann::json on_time_json(const OnTime& result) {
  return {{"first", to_string(result.first)},
          {"last", to_string(result.last)},
          {"overall", counts_json(result.overall)},
          {"by_field", rows_json(result.by_field)},
          {"by_owner", rows_json(result.by_owner)},
          {"apart",
           {{"ongoing", result.ongoing},
            {"waiting", result.waiting},
            {"external", result.external},
            {"unscheduled", result.unscheduled},
            {"cancelled", result.cancelled},
            {"ended_before", result.earlier}}}};
}

}  // namespace parplan
