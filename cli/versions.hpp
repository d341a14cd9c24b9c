#pragma once

// Loading "a version of the plan" the way diff and report --since both need it: the working
// tree, a directory holding a plan, or a git revision.

#include <optional>
#include <string>

#include "app.hpp"

namespace parplan::cli {

// nullopt: the working tree's plan. A directory that holds a plan (itself, or its data/ like
// discovery) wins over a revision of the same name; anything else is a git revision.
LoadResult load_version(const Context& ctx, const std::optional<std::string>& version);

}  // namespace parplan::cli
