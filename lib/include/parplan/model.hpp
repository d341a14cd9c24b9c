#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parplan/calendar.hpp"

namespace parplan {

struct SourceLocation {
  std::string file;  // as the user would type it, e.g. "data/03-thu-tuc-hanh-chinh.yaml"
  int line = 0;      // 1-based
  int column = 0;    // 1-based, in characters
};

enum class Status { planned, in_progress, done, cancelled };
enum class ScheduleKind { months, ongoing, after_event, external, unknown };

const char* to_string(Status s);        // "planned", "in-progress", ...
const char* to_string(ScheduleKind k);  // "months", "ongoing", "after-event", ...
std::optional<Status> parse_status(std::string_view text);

struct Owner {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  SourceLocation location;
};

struct Activity {
  std::string id;
  std::string field;  // field id, e.g. "III"
  std::string task;   // task id, e.g. "III.1"
  std::string title;
  std::string result;
  std::string output;
  std::string note;
  std::vector<std::string> lead;     // owner ids
  std::vector<std::string> support;  // owner ids

  ScheduleKind schedule = ScheduleKind::unknown;
  std::optional<YearMonth> start;  // set together with end
  std::optional<YearMonth> end;
  std::string after;  // the event an after-event activity waits for
  std::string per;    // the external timetable

  Status status = Status::planned;
  std::optional<YearMonth> completed;
  std::optional<int> progress;  // percent, 0..100

  SourceLocation location;

  [[nodiscard]] bool finished() const {
    return status == Status::done || status == Status::cancelled;
  }
  [[nodiscard]] bool dated() const { return end.has_value(); }
};

struct Task {
  std::string id;
  std::string title;
  std::string note;  // e.g. that the title was written by hand where the source lost it
  SourceLocation location;
  std::vector<Activity> activities;
};

struct Field {
  std::string id;
  std::string title;
  std::string note;  // e.g. that the title was written by hand where the source lost it
  std::string file;  // path as the user would type it
  SourceLocation location;
  std::vector<Task> tasks;
};

struct PlanInfo {
  std::string id;
  std::string title;
  int year = 0;
  std::string issued_by;
  std::string language;  // "vi", "en" or empty
};

struct Plan {
  PlanInfo info;
  std::string directory;      // as the user would type it
  std::vector<Field> fields;  // in file-name order

  // In declaration order. Owners come in only through add_owner, which keeps the index in step.
  [[nodiscard]] const std::vector<Owner>& owners() const { return owners_; }
  // The first owner of an id is the one find_owner returns (the loader reports the others).
  void add_owner(Owner owner);
  [[nodiscard]] const Owner* find_owner(const std::string& id) const;
  // Display name of an owner id; the id itself when unknown.
  [[nodiscard]] std::string owner_name(const std::string& id) const;
  // Display names of owner ids joined by `separator`, or `none` when there are none.
  [[nodiscard]] std::string owner_names(const std::vector<std::string>& ids,
                                        std::string_view separator,
                                        std::string_view none = "") const;
  // Every activity in plan order.
  [[nodiscard]] std::vector<const Activity*> activities() const;

 private:
  std::vector<Owner> owners_;
  std::unordered_map<std::string, std::size_t> owner_index_;  // id -> position in owners_
};

}  // namespace parplan
