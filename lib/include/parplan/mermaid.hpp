#pragma once

// Mermaid gantt charts, as GitHub, GitLab and Gitea render them inside ```mermaid blocks.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/calendar.hpp"

namespace parplan::mermaid {

// Text that survives as a gantt task name or section name. Mermaid's gantt lexer ends a name at
// ':', ';' or '#' and takes '%' for a comment; '<' renders as HTML; a backtick could close the
// Markdown fence. So ':' and ';' become ',', '#' and '%' their full-width forms, '<' '>' '`'
// are replaced, and whitespace collapses to single spaces. (A task line that would begin with a
// keyword such as "section", "title", "gantt", "click" or a date is guarded by gantt(), which
// puts "· " in front of it.)
std::string text(std::string_view raw);

// text(), cut to at most `max_width` columns after a whole word, ending in "…" when cut.
std::string shorten(std::string_view raw, std::size_t max_width);

// A short task name: the id plus as many whole words of the title as fit in `max_width`
// columns.
std::string task_label(std::string_view id, std::string_view title, std::size_t max_width = 40);

// A task id Mermaid accepts in any version: ASCII letters, digits and '_', starting with a
// letter. "III.1.4" -> "III_1_4".
std::string task_id(std::string_view id);

enum class TaskState { normal, active, done, crit };

struct Task {
  std::string label;  // shown as given after text()
  std::string id;     // made unique and valid by gantt()
  TaskState state = TaskState::normal;
  YearMonth start;  // the bar runs from the first day of `start`...
  YearMonth end;    // ...to the last day of `end`
};

struct Section {
  std::string name;
  std::vector<Task> tasks;
};

// A diamond on its own row: Mermaid's own today marker shows the wall-clock date of whoever
// views the chart, which is wrong for a report about another month, so it is switched off.
struct Milestone {
  std::string section;
  std::string label;
  YearMonth month;  // drawn on its first day
};

// The whole ```mermaid fenced block, ending in a newline. Sections without tasks are left out.
std::string gantt(const std::vector<Section>& sections, const std::optional<Milestone>& marker);

}  // namespace parplan::mermaid
