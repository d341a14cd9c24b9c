// Reading the input file and writing the imported plan directory in one rename.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "parplan/error.hpp"
#include "parplan/import.hpp"
#include "parplan/output.hpp"
#include "util/read_file.hpp"

namespace parplan {

namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

}  // namespace

std::string read_import_file(const std::string& path) {
  util::ReadProblem problem;
  std::optional<std::string> content = util::read_regular_file(path, max_import_file_size, problem);
  if (content) return std::move(*content);
  throw Error(path + " " + util::describe(problem, max_import_file_size));
}

void write_plan_directory(const std::string& directory, const std::vector<SourceFile>& files,
                          bool force) {
  fs::path target(directory);
  while (target.has_filename() == false && target.has_parent_path() && target != target.root_path())
    target = target.parent_path();
  fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  fs::file_status status = fs::symlink_status(target, ec);
  bool exists = fs::exists(status);
  if (exists && fs::is_symlink(status))
    throw Error(
        fmt::format("{} is a symbolic link; give the directory it points to as --out", directory));
  if (exists && !fs::is_directory(status))
    throw Error(fmt::format("{} exists and is not a directory; choose another --out", directory));
  bool empty = !exists || fs::is_empty(target, ec);
  if (!empty && !force)
    throw Error(fmt::format(
        "{} is not empty; choose a new or empty directory, or add --force to replace what it "
        "holds",
        directory));

  fs::create_directories(parent, ec);  // a failure shows at mkdtemp, with its reason
  std::string temp = (parent / ("." + target.filename().string() + ".import-XXXXXX")).string();
  if (!::mkdtemp(temp.data()))
    throw Error(fmt::format("cannot create a directory next to {}: {}", directory, errno_text()));
  auto fail = [&](const std::string& message) {
    fs::remove_all(temp, ec);
    throw Error(message + " (nothing was changed)");
  };
  try {
    for (const SourceFile& f : files)
      write_file_atomically((fs::path(temp) / f.name).string(), f.content);
  } catch (const Error& e) {
    fail(e.what());
  }
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(temp.c_str(), 0777 & ~mask);
  if (empty) {
    if (::rename(temp.c_str(), target.c_str()) != 0)
      fail(fmt::format("cannot create {}: {}", directory, errno_text()));
  } else {
    // Swap the new directory with the old in one step, then remove the old one.
    if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
      fail(fmt::format("cannot replace {}: {}", directory, errno_text()));
    fs::remove_all(temp, ec);
  }
  fsync_directory(parent.string());
}

}  // namespace parplan
