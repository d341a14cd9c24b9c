#include "parplan/discover.hpp"

#include <filesystem>
#include <system_error>
#include <vector>

#include "parplan/error.hpp"

namespace parplan {

namespace fs = std::filesystem;

namespace {

// Any plan.yaml, even a FIFO or a dangling link: the loader then says what is wrong with it.
bool has_plan(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(dir / "plan.yaml", ec));
}

// "data" rather than "/home/x/repo/data" when the user stands in /home/x/repo.
std::string as_user_path(const fs::path& found, const fs::path& cwd) {
  fs::path rel = found.lexically_relative(cwd);
  if (rel.empty() || rel == ".") return ".";
  return rel.string();
}

}  // namespace

std::string discover_plan_directory(const std::optional<std::string>& explicit_dir,
                                    const std::optional<std::string>& env_dir,
                                    const std::string& cwd) {
  for (const auto& [given, origin] :
       {std::pair{explicit_dir, "--plan"}, std::pair{env_dir, "PARPLAN_PLAN"}}) {
    if (!given) continue;
    std::error_code ec;
    if (!fs::is_directory(*given, ec))
      throw Error(*given + " (from " + origin + ") is not a directory");
    if (!has_plan(*given)) throw Error("no plan.yaml in " + *given + " (from " + origin + ")");
    return *given;
  }
  std::vector<std::string> looked;
  for (fs::path dir = fs::path(cwd).lexically_normal();; dir = dir.parent_path()) {
    if (has_plan(dir)) return as_user_path(dir, cwd);
    if (has_plan(dir / "data")) return as_user_path(dir / "data", cwd);
    looked.push_back(dir.string());
    if (dir == dir.root_path() || dir.parent_path() == dir) break;
  }
  std::string message =
      "no plan found: no plan.yaml or data/plan.yaml in the current directory or any parent (";
  message += looked.front();
  if (looked.size() > 1) message += " up to " + looked.back();
  message += "); pass --plan DIR or set PARPLAN_PLAN";
  throw Error(message);
}

}  // namespace parplan
