#pragma once

// `parplan log` output: the history of activities (text, Markdown, JSON) and the deadline view
// (`--deadline-changes`), with changes phrased as the diff phrases them.

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "parplan/history.hpp"
#include "parplan/i18n.hpp"
#include "parplan/period.hpp"
#include "parplan/report.hpp"

namespace parplan::history {

struct RenderOptions {
  i18n::Language language = i18n::Language::en;
  std::string plan_id;
  std::optional<std::string> from;  // the range as the user gave it; nullopt: the beginning
  std::string to = "HEAD";
  bool color = false;  // text only
};

// What one entry did, one phrase per change: "end 6 → 8, slipped 2 months", "added",
// "renumbered from III.2.4", "status planned → done (completed 5)".
std::vector<std::string> change_phrases(const Entry& entry, i18n::Language language);

// Grouped by activity (`lineages` in that order), each activity's commits oldest first.
std::string log_text(const History& history, const std::vector<std::string>& lineages,
                     const std::vector<const Entry*>& entries, const RenderOptions& options);
std::string log_markdown(const History& history, const std::vector<std::string>& lineages,
                         const std::vector<const Entry*>& entries, const RenderOptions& options);
// {plan, range: {from, to}, entries: [{id, commit, date, author, subject, kind, changes}]},
// entries oldest first; a renumbered entry adds "from".
nlohmann::json log_json(const History& history, const std::vector<const Entry*>& entries,
                        const RenderOptions& options);

// Every start or end change, oldest first: date, commit, author, activity, change, shift.
std::string deadlines_text(const History& history, const std::vector<const Entry*>& entries,
                           const RenderOptions& options);
std::string deadlines_markdown(const History& history, const std::vector<const Entry*>& entries,
                               const RenderOptions& options);
// {plan, range, deadline_changes: [{id, commit, date, author, subject, attribute, old, new,
// months}]}.
nlohmann::json deadlines_json(const History& history, const std::vector<const Entry*>& entries,
                              const RenderOptions& options);

// For a period report: the activities added, removed or whose end slipped in commits whose
// author date falls in the period, matching `filter` on either side, oldest first.
std::vector<PeriodChange> period_changes(const History& history, const ReportPeriod& period,
                                         const Filter& filter, i18n::Language language);

}  // namespace parplan::history
