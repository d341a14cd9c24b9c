#pragma once

// --period for due, list and report: a quarter, half-year, nine months or year (2024-Q2,
// 2024-H1, 2024-9M, 2024), checked while parsing so a bad one is a usage error (exit 2).

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "parplan/period.hpp"

namespace parplan::cli {

// Adds --period; it excludes --month and --as-of when the command has them.
void add_period_option(CLI::App* cmd, std::optional<std::string>& period, const std::string& help);

// The parsed option (the validator has accepted it).
std::optional<ReportPeriod> chosen_period(const std::optional<std::string>& period);

}  // namespace parplan::cli
