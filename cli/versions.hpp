#pragma once

// Loading "a version of the plan" the way diff and report --since both need it: the working
// tree, a directory holding a plan, or a git revision.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"

namespace parplan::cli {

// git's warnings about a revision, as `parplan: git: warning: ...` lines on stderr.
void print_warnings(const std::vector<std::string>& warnings);

// nullopt: the working tree's plan. A directory that holds a plan (itself, or its data/ like
// discovery) wins over a revision of the same name; a date (YYYY-MM-DD) is the last commit of the
// current branch before it, named on stderr after `option` ("--since "); anything else is a git
// revision.
LoadResult load_version(const Context& ctx, const std::optional<std::string>& version,
                        const LoadOptions& options, std::string_view option = "");

}  // namespace parplan::cli
