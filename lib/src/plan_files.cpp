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

namespace {

// Hidden files are editors' lock and backup files (Emacs leaves a dangling `.#name.yaml` link).
bool is_plan_file_name(const std::string& name) {
  return !name.starts_with(".") && (name.ends_with(".yaml") || name.ends_with(".yml"));
}

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

  LoadResult unreadable;
  std::vector<SourceFile> files;
  for (const std::string& name : names) {
    // The name goes into every diagnostic and JSON document about the file: it must print.
    if (find_forbidden_text(name)) {
      unreadable.diagnostics.push_back(
          {Severity::error, directory, 0, 0,
           fmt::format("file name {} is not valid UTF-8 or holds control characters; rename it",
                       quote_text(name))});
      continue;
    }
    std::string path = join_path(directory, name);
    util::ReadProblem problem;
    if (auto content = util::read_regular_file(path, options.max_file_size, problem))
      files.push_back({name, std::move(*content)});
    else
      unreadable.diagnostics.push_back(
          {Severity::error, path, 0, 0, read_problem_message(problem, options.max_file_size)});
  }
  std::sort(unreadable.diagnostics.begin(), unreadable.diagnostics.end(),
            [](const Diagnostic& a, const Diagnostic& b) { return a.file < b.file; });
  if (std::none_of(files.begin(), files.end(),
                   [](const SourceFile& f) { return f.name == "plan.yaml"; })) {
    if (unreadable.diagnostics.empty()) throw Error("no plan.yaml in " + directory);
    unreadable.plan.directory = directory;
    return unreadable;
  }
  std::vector<SourceFile> kept;
  if (options.keep_sources) kept = files;
  LoadResult result = load_plan_from_sources(directory, std::move(files), options);
  result.sources = std::move(kept);
  result.diagnostics.insert(result.diagnostics.begin(), unreadable.diagnostics.begin(),
                            unreadable.diagnostics.end());
  return result;
}

}  // namespace parplan
