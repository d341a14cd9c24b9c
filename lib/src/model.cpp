#include "parplan/model.hpp"

namespace parplan {

const char* to_string(Status s) {
  switch (s) {
    case Status::planned:
      return "planned";
    case Status::in_progress:
      return "in-progress";
    case Status::done:
      return "done";
    case Status::cancelled:
      return "cancelled";
  }
  return "planned";
}

const char* to_string(ScheduleKind k) {
  switch (k) {
    case ScheduleKind::months:
      return "months";
    case ScheduleKind::ongoing:
      return "ongoing";
    case ScheduleKind::after_event:
      return "after-event";
    case ScheduleKind::external:
      return "external";
    case ScheduleKind::unknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<Status> parse_status(std::string_view text) {
  for (Status s : {Status::planned, Status::in_progress, Status::done, Status::cancelled})
    if (text == to_string(s)) return s;
  return std::nullopt;
}

const Owner* Plan::find_owner(const std::string& id) const {
  auto it = owner_index_.find(id);
  return it == owner_index_.end() ? nullptr : &owners_[it->second];
}

void Plan::add_owner(Owner owner) {
  owner_index_.emplace(owner.id, owners_.size());
  owners_.push_back(std::move(owner));
}

std::string Plan::owner_name(const std::string& id) const {
  const Owner* owner = find_owner(id);
  return owner ? owner->name : id;
}

std::string Plan::owner_names(const std::vector<std::string>& ids, std::string_view separator,
                              std::string_view none) const {
  if (ids.empty()) return std::string(none);
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += separator;
    out += owner_name(id);
  }
  return out;
}

std::vector<const Activity*> Plan::activities() const {
  std::vector<const Activity*> all;
  for (const Field& field : fields)
    for (const Task& task : field.tasks)
      for (const Activity& activity : task.activities) all.push_back(&activity);
  return all;
}

}  // namespace parplan
