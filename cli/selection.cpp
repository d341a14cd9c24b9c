#include "selection.hpp"

#include <fmt/format.h>

#include <iostream>

#include "as_of_option.hpp"
#include "command_line.hpp"
#include "parplan/error.hpp"

namespace parplan::cli {

void add_selection_options(CLI::App* cmd, SelectionOptions& options, bool with_date,
                           bool with_status) {
  if (with_date) {
    // Checked while parsing, so a bad date is a usage error (exit 2) even when the plan is broken.
    auto* month = cmd->add_option("--month", options.month, "As of month N (1-12) of the plan year")
                      ->check(CLI::Validator(
                          [](const std::string& text) {
                            return parse_plan_month(text, 0) && text.find('-') == text.npos
                                       ? std::string()
                                       : "'" + text + "' is not a month; give 1 to 12";
                          },
                          "", "month"))
                      ->type_name("N");
    auto* as_of =
        cmd->add_option("--as-of", options.as_of, "As of YYYY-MM or YYYY-MM-DD (default: today)")
            ->check(as_of_validator())
            ->type_name("DATE");
    month->excludes(as_of);
    cmd->add_option("--within", options.within,
                    "Upcoming: ends within the next K months (default 1)")
        ->check(CLI::Range(0, 120))
        ->type_name("K");
  }
  // One value per --owner/--field, so `--owner snv HEAD~1` leaves the revision to diff.
  cmd->add_option("--owner", options.owners,
                  "Owner id, name or alias; case and accents are ignored (\"noi vu\" finds Sở Nội "
                  "vụ), a part is enough. Repeat it for several owners")
      ->allow_extra_args(false)
      ->type_name(owner_type);
  cmd->add_option("--role", options.role,
                  "Which owners --owner matches: lead (default), support, any")
      ->check(CLI::IsMember({"lead", "support", "any"}))
      ->type_name("ROLE");
  cmd->add_option("--field", options.fields,
                  "Field id (III) or number (3), task id (III.1), or part of a field's title. "
                  "Repeat it for several")
      ->allow_extra_args(false)
      ->type_name(field_type);
  if (with_status)
    cmd->add_option("--status", options.status,
                    "Only activities with this status: planned, in-progress, done, cancelled")
        ->check(CLI::IsMember({"planned", "in-progress", "done", "cancelled"}))
        ->type_name("S");
}

Selection resolve_selection(const Plan& plan, const SelectionOptions& options, YearMonth today) {
  Selection selection;
  // The option validators have refused malformed months and dates while parsing.
  if (options.month) {
    selection.as_of = {plan.info.year, *options.month};
  } else if (options.as_of) {
    selection.as_of = parse_as_of(*options.as_of).value();
  } else {
    selection.as_of = today;
  }

  selection.filter.role = parse_role(options.role).value_or(Role::lead);
  if (!options.owners.empty()) {
    std::set<std::string> ids;
    for (const std::string& query : options.owners) {
      auto owners = match_owners(plan, query);
      if (owners.empty()) {
        std::string message = fmt::format("no owner matches '{}'; closest:", query);
        for (const Owner* o : closest_owners(plan, query, 3))
          message += fmt::format(" {} ({}),", o->id, o->name);
        message.back() = '.';
        throw Error(message);
      }
      std::string names;
      for (const Owner* o : owners) {
        ids.insert(o->id);
        names += (names.empty() ? "" : ", ") + o->name;
      }
      if (owners.size() > 1)
        selection.notes.push_back(
            fmt::format("--owner '{}' matches {} owners: {}", query, owners.size(), names));
    }
    selection.filter.owners = std::move(ids);
  }
  if (!options.fields.empty()) {
    std::set<std::string> ids;
    for (const std::string& query : options.fields) {
      if (const Task* task = match_task(plan, query)) {
        ids.insert(task->id);
        continue;
      }
      auto fields = match_fields(plan, query);
      if (fields.empty()) {
        std::string message = fmt::format("no field or task matches '{}'; fields:", query);
        for (const Field& f : plan.fields) message += fmt::format(" {} ({}),", f.id, f.title);
        message.back() = '.';
        throw Error(message);
      }
      std::string names;
      for (const Field* f : fields) {
        ids.insert(f->id);
        names += fmt::format("{}{} ({})", names.empty() ? "" : ", ", f->id, f->title);
      }
      if (fields.size() > 1)
        selection.notes.push_back(
            fmt::format("--field '{}' matches {} fields: {}", query, fields.size(), names));
    }
    selection.filter.fields = std::move(ids);
  }
  if (options.status) selection.filter.status = parse_status(*options.status);
  return selection;
}

std::optional<SelectedPlan> load_selected_plan(Context& ctx, const SelectionOptions& options) {
  std::optional<Plan> plan = ctx.load_valid_plan();
  if (!plan) {
    ctx.exit_code = exit_problems;
    return std::nullopt;
  }
  Selection selection = resolve_selection(*plan, options, Context::today());
  for (const std::string& note : selection.notes) std::cerr << "parplan: note: " << note << '\n';
  return SelectedPlan{std::move(*plan), std::move(selection)};
}

}  // namespace parplan::cli
