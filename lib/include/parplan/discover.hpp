#pragma once

#include <optional>
#include <string>

namespace parplan {

// Finds the plan directory the way git finds its repository: the explicit --plan, then
// $PARPLAN_PLAN, then the nearest directory upward from `cwd` holding plan.yaml or data/plan.yaml.
// The result is relative to cwd when it lies below it (so paths read as the user would type them).
// Throws parplan::Error naming every place it looked when nothing is found.
std::string discover_plan_directory(const std::optional<std::string>& explicit_dir,
                                    const std::optional<std::string>& env_dir,
                                    const std::string& cwd);

}  // namespace parplan
