#include "versions.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "parplan/error.hpp"
#include "parplan/git.hpp"
#include "parplan/git_dates.hpp"

namespace parplan::cli {

namespace {

namespace fs = std::filesystem;

std::optional<std::string> plan_directory_argument(const std::string& argument) {
  std::error_code ec;
  if (argument.empty() || argument.front() == '-' || !fs::is_directory(argument, ec))
    return std::nullopt;
  for (const fs::path& candidate : {fs::path(argument), fs::path(argument) / "data"})
    if (fs::is_regular_file(candidate / "plan.yaml", ec)) return candidate.string();
  throw Error(fmt::format("{} holds no plan (no plan.yaml or data/plan.yaml)", argument));
}

}  // namespace

void print_warnings(const std::vector<std::string>& warnings) {
  for (const std::string& warning : warnings)
    std::cerr << "parplan: git: warning: " << warning << '\n';
}

LoadResult load_version(const Context& ctx, const std::optional<std::string>& version,
                        const LoadOptions& options, std::string_view option) {
  if (!version) return load_plan(ctx.plan_directory(), options);
  if (auto directory = plan_directory_argument(*version)) return load_plan(*directory, options);
  std::string revision = *version;
  if (git::is_date(revision)) {
    git::DatedCommit commit = git::commit_before(
        git::locate(ctx.plan_directory(), ctx.git_options(),
                    "a date names a commit; to compare without git, give plan directories")
            .top,
        revision, ctx.git_options());
    print_warnings(commit.warnings);
    std::cerr << fmt::format("parplan: {}{}: {}\n", option, revision, git::describe(commit));
    revision = commit.short_id;
  }
  git::PlanAtRevision at =
      git::load_plan_at(revision, ctx.plan_directory(), options, ctx.git_options());
  print_warnings(at.warnings);
  return std::move(at.loaded);
}

}  // namespace parplan::cli
