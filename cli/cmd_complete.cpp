// `parplan __complete KIND -- PREFIX`: the plan's values for the completion scripts, one a line.
// Hidden, fast (one load of the plan) and silent: a shell must never show an error while the
// user presses TAB, so every failure just gives no candidates.

#include <string>

#include "app.hpp"
#include "command_line.hpp"
#include "parplan/loader.hpp"
#include "parplan/output.hpp"
#include "parplan/unicode.hpp"

namespace parplan::cli {

namespace {

struct CompleteOptions {
  std::string kind;
  std::string prefix;
};

// Candidates match when they or one of their words start with the prefix, ignoring case and
// accents ("noi" finds "Sở Nội vụ"), so the shell replaces what was typed with the plan's spelling.
std::string candidates(const Plan& plan, const CompleteOptions& options) {
  const std::string prefix = unicode::fold(options.prefix);
  std::string out;
  auto offer = [&](const std::string& candidate) {
    const std::string folded = unicode::fold(candidate);
    if (!candidate.empty() &&
        (folded.starts_with(prefix) || folded.find(" " + prefix) != std::string::npos))
      out += candidate + "\n";
  };
  if (options.kind == to_string(Completion::activities))
    for (const Field& field : plan.fields)
      for (const Task& task : field.tasks)
        for (const Activity& activity : task.activities) offer(activity.id);
  if (options.kind == to_string(Completion::fields))
    for (const Field& field : plan.fields) offer(field.id);
  if (options.kind == to_string(Completion::owners)) {
    for (const Owner& owner : plan.owners()) offer(owner.id);
    for (const Owner& owner : plan.owners()) offer(owner.name);
  }
  return out;
}

}  // namespace

void register_complete(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<CompleteOptions>();
  CLI::App* cmd = app.add_subcommand("__complete", "")->group("");  // hidden
  cmd->add_option("kind", options->kind)->required();
  cmd->add_option("prefix", options->prefix);
  cmd->callback([&ctx, options] {
    try {
      // A plan with errors still has its ids: completing them helps fix it.
      LoadResult result = load_plan(ctx.plan_directory(), ctx.load_options());
      write_stdout(candidates(result.plan, *options));
    } catch (...) {
      ctx.exit_code = exit_trouble;
    }
  });
}

}  // namespace parplan::cli
