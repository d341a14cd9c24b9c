#pragma once

#include <CLI/CLI.hpp>

namespace parplan::cli {

// Checks --as-of while parsing, so a bad date is a usage error (exit 2) even when the plan is
// broken: YYYY-MM or YYYY-MM-DD, with a day the month has.
CLI::Validator as_of_validator();

}  // namespace parplan::cli
