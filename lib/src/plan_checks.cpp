#include "plan_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "encoding.hpp"

namespace parplan {

namespace {

// Further than this from the plan year, a month is a typo (0000-01, 9999-12), not a plan.
constexpr int max_years_from_plan = 5;

class ActivityChecks {
 public:
  ActivityChecks(const Plan& plan, const Activity& a, std::vector<Diagnostic>& out)
      : plan_(plan), a_(a), out_(out), name_("activity " + display_text(a.id)) {}

  void run() {
    duplicates(a_.lead, "lead");
    duplicates(a_.support, "support");
    for (const std::string& id : unique(a_.lead))
      if (std::find(a_.support.begin(), a_.support.end(), id) != a_.support.end())
        add(Severity::warning, fmt::format("owner {} is both lead and support of {}; keep it "
                                           "under 'lead' only",
                                           quote_text(id), name_));
    if (a_.status == Status::done && a_.progress && *a_.progress < 100)
      add(Severity::warning, fmt::format("{} is done but its progress is {}%; set progress: 100 "
                                         "or remove it",
                                         name_, *a_.progress));
    if (a_.completed && a_.start && *a_.completed < *a_.start)
      add(Severity::error, fmt::format("{} was completed ({}) before it started ({}); fix "
                                       "'completed' or 'start'",
                                       name_, to_string(*a_.completed), to_string(*a_.start)));
    far_from_plan_year("start", a_.start);
    far_from_plan_year("end", a_.end);
    far_from_plan_year("completed", a_.completed);
  }

 private:
  void add(Severity severity, std::string message) {
    out_.push_back(
        {severity, a_.location.file, a_.location.line, a_.location.column, std::move(message)});
  }

  static std::vector<std::string> unique(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
  }

  // In order of first repetition, each reported once.
  void duplicates(const std::vector<std::string>& ids, const char* key) {
    std::vector<std::string> reported;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      bool repeated = std::find(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(i),
                                ids[i]) != ids.begin() + static_cast<std::ptrdiff_t>(i);
      if (!repeated || std::find(reported.begin(), reported.end(), ids[i]) != reported.end())
        continue;
      reported.push_back(ids[i]);
      add(Severity::error, fmt::format("owner {} is listed twice in '{}' of {}; list each owner "
                                       "once",
                                       quote_text(ids[i]), key, name_));
    }
  }

  void far_from_plan_year(const char* key, const std::optional<YearMonth>& ym) {
    int year = plan_.info.year;
    if (!ym || year == 0 || std::abs(ym->year - year) <= max_years_from_plan) return;
    add(Severity::error, fmt::format("'{}' {} of {} is more than {} years from the plan year {}; "
                                     "is the year mistyped?",
                                     key, to_string(*ym), name_, max_years_from_plan, year));
  }

  const Plan& plan_;
  const Activity& a_;
  std::vector<Diagnostic>& out_;
  std::string name_;
};

}  // namespace

void check_plan(const Plan& plan, std::vector<Diagnostic>& diagnostics) {
  for (const Activity* a : plan.activities()) ActivityChecks(plan, *a, diagnostics).run();
}

}  // namespace parplan
