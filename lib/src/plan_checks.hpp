#pragma once

// Checks that look at an activity as a whole, after the schema walk has read it: things each key
// allows on its own but that make no sense together.

#include <vector>

#include "parplan/diagnostic.hpp"
#include "parplan/model.hpp"

namespace parplan {

// Adds to `diagnostics`: an owner listed twice in 'lead' or in 'support' (error), an owner both
// lead and support (warning), status done with progress under 100 (warning), completed before
// start (error), a month more than 5 years from the plan year (error).
void check_plan(const Plan& plan, std::vector<Diagnostic>& diagnostics);

}  // namespace parplan
