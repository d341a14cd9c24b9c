// Reading a plan directory's files from disk: which files belong to the plan, and reading each
// one safely. What is in them is the schema walk's business (schema_walk.cpp).

#include "plan_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "encoding.hpp"
#include "parplan/error.hpp"
#include "parplan/loader.hpp"
#include "parplan/unicode.hpp"
#include "util/read_file.hpp"

namespace parplan {

namespace fs = std::filesystem;

std::string join_path(const std::string& directory, const std::string& name) {
  if (directory.empty() || directory == ".") return name;
  if (directory.back() == '/') return directory + name;
  return directory + "/" + name;
}

std::string too_large_message(std::uint64_t size, std::uint64_t limit, bool at_least) {
  return fmt::format("file is too large ({}{}; the limit is {}, raise it with --max-file-size)",
                     at_least ? "more than " : "", util::human_size(size), util::human_size(limit));
}

bool is_plan_file_name(std::string_view name) {
  return !name.starts_with(".") && (name.ends_with(".yaml") || name.ends_with(".yml"));
}

std::optional<std::string> file_name_problem(std::string_view name) {
  if (!find_forbidden_text(name)) return std::nullopt;
  return fmt::format("file name {} is not valid UTF-8 or holds control characters; rename it",
                     quote_text(name));
}

LoadResult load_read_files(const std::string& directory, std::vector<SourceFile> files,
                           std::vector<Diagnostic> unreadable, const std::string& no_plan_message,
                           const LoadOptions& options) {
  std::stable_sort(unreadable.begin(), unreadable.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.file < b.file; });
  if (std::none_of(files.begin(), files.end(),
                   [](const SourceFile& f) { return f.name == "plan.yaml"; })) {
    if (unreadable.empty()) throw Error(no_plan_message);
    LoadResult result;
    result.plan.directory = directory;
    result.diagnostics = std::move(unreadable);
    return result;
  }
  std::vector<SourceFile> kept;
  if (options.keep_sources) kept = files;
  LoadResult result = load_plan_from_sources(directory, std::move(files), options);
  result.sources = std::move(kept);
  result.diagnostics.insert(result.diagnostics.begin(), unreadable.begin(), unreadable.end());
  return result;
}

namespace {

// What to do about a plan file that could not be read.
std::string read_problem_message(const util::ReadProblem& problem, std::uint64_t limit) {
  using Kind = util::ReadProblem::Kind;
  switch (problem.kind) {
    case Kind::directory:
      return "is a directory, not a YAML file; rename it so it does not end in .yaml";
    case Kind::not_regular:
      return "is not a regular file (a FIFO, device or socket); plan files must be plain files";
    case Kind::too_large:
      return too_large_message(problem.size, limit, problem.at_least);
    case Kind::system:
      return fmt::format("cannot read: {}", std::strerror(problem.error));
    case Kind::loop:
      break;
  }
  return util::describe(problem, limit);
}

// The top of the git work tree holding `directory` (the nearest ancestor with a `.git`), if any.
std::optional<fs::path> enclosing_work_tree(const std::string& directory) {
  std::error_code ec;
  fs::path dir = fs::canonical(directory, ec);
  if (ec) return std::nullopt;
  for (;; dir = dir.parent_path()) {
    if (fs::exists(fs::symlink_status(dir / ".git", ec))) return dir;
    if (dir == dir.root_path() || dir.empty()) return std::nullopt;
  }
}

// git stores a symbolic link, not what it points to: a plan file linked out of the repository
// cannot be read at a revision, so the working tree refuses it too, with git.cpp's words, and
// `validate` agrees with `diff HEAD`. Links are followed as git.cpp follows them: lexically, from
// the link's own directory.
std::optional<std::string> link_out_of_repository(const fs::path& top, const fs::path& file) {
  std::error_code ec;
  fs::path path = file;
  for (int hops = 0; hops < 40 && fs::is_symlink(fs::symlink_status(path, ec)); ++hops) {
    fs::path target = fs::read_symlink(path, ec);
    if (ec) return std::nullopt;
    fs::path resolved = (path.parent_path() / target).lexically_normal();
    fs::path inside = resolved.lexically_relative(top);
    if (target.is_absolute() || inside.empty() || *inside.begin() == "..")
      return std::string(link_out_of_repository_message);
    path = resolved;
  }
  return std::nullopt;
}

}  // namespace

LoadResult load_plan(const std::string& directory, const LoadOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) throw Error(directory + " is not a directory");
  // symlink_status: a plan.yaml that is a broken link or a FIFO is reported as such below.
  if (!fs::exists(fs::symlink_status(fs::path(directory) / "plan.yaml", ec)))
    throw Error("no plan.yaml in " + directory);

  std::vector<std::string> names;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec))
    if (std::string name = it->path().filename().string(); is_plan_file_name(name))
      names.push_back(std::move(name));
  if (ec) throw Error(fmt::format("cannot read {}: {}", directory, ec.message()));
  // In git's order (bytes), so that diagnostics come in the same order on both sides of a diff.
  std::sort(names.begin(), names.end());

  std::vector<Diagnostic> unreadable;
  std::vector<SourceFile> files;
  const std::optional<fs::path> top = enclosing_work_tree(directory);
  const fs::path real_directory = top ? fs::canonical(directory, ec) : fs::path();
  for (const std::string& name : names) {
    if (auto problem = file_name_problem(name)) {
      unreadable.push_back({Severity::error, directory, 0, 0, std::move(*problem)});
      continue;
    }
    std::string path = join_path(directory, name);
    if (auto problem = top ? link_out_of_repository(*top, real_directory / name) : std::nullopt) {
      unreadable.push_back({Severity::error, path, 0, 0, std::move(*problem)});
      continue;
    }
    util::ReadProblem problem;
    if (auto content = util::read_regular_file(path, options.max_file_size, problem))
      files.push_back({name, std::move(*content)});
    else
      unreadable.push_back(
          {Severity::error, path, 0, 0, read_problem_message(problem, options.max_file_size)});
  }
  return load_read_files(directory, std::move(files), std::move(unreadable),
                         "no plan.yaml in " + directory, options);
}

}  // namespace parplan
