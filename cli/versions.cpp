#include "versions.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "parplan/error.hpp"
#include "parplan/git.hpp"

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

LoadResult load_version(const Context& ctx, const std::optional<std::string>& version) {
  if (!version) return load_plan(ctx.plan_directory(), ctx.load_options());
  if (auto directory = plan_directory_argument(*version))
    return load_plan(*directory, ctx.load_options());
  git::PlanAtRevision at =
      git::load_plan_at(*version, ctx.plan_directory(), ctx.load_options(), ctx.git_options());
  for (const std::string& warning : at.warnings)
    std::cerr << "parplan: git: warning: " << warning << '\n';
  return std::move(at.loaded);
}

}  // namespace parplan::cli
