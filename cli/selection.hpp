#pragma once

// The as-of date and the filters that due, list and report share: one set of options, one
// resolution, one set of messages.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app.hpp"
#include "parplan/agenda.hpp"
#include "parplan/query.hpp"

namespace parplan::cli {

struct SelectionOptions {
  std::optional<int> month;
  std::optional<std::string> as_of;
  int within = 1;
  std::vector<std::string> owners;  // --owner, repeatable: the union
  std::string role = "lead";
  std::vector<std::string> fields;  // --field, repeatable: the union
  std::optional<std::string> status;
};

// Adds --month/--as-of/--within (when `with_date`), --owner/--role/--field (always) and
// --status (when `with_status`).
void add_selection_options(CLI::App* cmd, SelectionOptions& options, bool with_date,
                           bool with_status);

struct Selection {
  YearMonth as_of;
  Filter filter;
  // Human notes for stderr, e.g. which owners "--owner noi vu" matched.
  std::vector<std::string> notes;
};

// Resolves the options against a loaded plan. Throws parplan::Error (exit 2) with a message that
// says what is accepted: a month outside 1-12, a malformed date, an owner matching nothing (with
// the closest owners), a field matching nothing. An --owner or --field matching several owners or
// fields adds a note naming them.
Selection resolve_selection(const Plan& plan, const SelectionOptions& options, YearMonth today);

struct SelectedPlan {
  Plan plan;
  Selection selection;
};

// The start of due, list and report: loads the plan (printing its errors and setting exit 1
// when it has any, then nullopt), resolves the selection against it and prints its notes.
std::optional<SelectedPlan> load_selected_plan(Context& ctx, const SelectionOptions& options);

}  // namespace parplan::cli
