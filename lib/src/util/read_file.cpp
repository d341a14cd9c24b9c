#include "util/read_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "util/fd.hpp"

namespace parplan::util {

std::optional<std::string> read_regular_file(const std::string& path, std::uint64_t limit,
                                             ReadProblem& problem) {
  // O_NONBLOCK keeps a FIFO from blocking the open; the checks below then refuse it.
  Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  auto fail = [&](ReadProblem::Kind kind, std::uint64_t size = 0, bool at_least = false) {
    problem = {kind, kind == ReadProblem::Kind::system ? errno : 0, size, at_least};
    return std::nullopt;
  };
  if (!fd.valid())
    return fail(errno == ELOOP ? ReadProblem::Kind::loop : ReadProblem::Kind::system);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return fail(ReadProblem::Kind::system);
  if (S_ISDIR(st.st_mode)) return fail(ReadProblem::Kind::directory);
  if (!S_ISREG(st.st_mode)) return fail(ReadProblem::Kind::not_regular);
  auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > limit) return fail(ReadProblem::Kind::too_large, size);
  // Reading stops past the limit: the size fstat saw may be stale (a growing file, /proc).
  std::string content(static_cast<std::size_t>(size), '\0');
  std::size_t used = 0;
  while (true) {
    if (used == content.size()) {
      if (content.size() > limit) return fail(ReadProblem::Kind::too_large, limit, true);
      content.resize(std::max<std::size_t>(4096, content.size() + content.size() / 2));
    }
    ssize_t n = ::read(fd.get(), content.data() + used, content.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(ReadProblem::Kind::system);
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  content.resize(used);
  if (used > limit) return fail(ReadProblem::Kind::too_large, limit, true);
  return content;
}

std::string human_size(std::uint64_t bytes) {
  if (bytes > 0 && bytes % (1024 * 1024) == 0) return fmt::format("{} MiB", bytes / (1024 * 1024));
  if (bytes > 0 && bytes % 1024 == 0) return fmt::format("{} KiB", bytes / 1024);
  return fmt::format("{} bytes", bytes);
}

std::string describe(const ReadProblem& problem, std::uint64_t limit) {
  switch (problem.kind) {
    case ReadProblem::Kind::loop:
      return "is a symbolic link that loops back on itself; point it at a file";
    case ReadProblem::Kind::directory:
      return "is a directory, not a file";
    case ReadProblem::Kind::not_regular:
      return "is not a regular file (a FIFO, device or socket)";
    case ReadProblem::Kind::too_large:
      return fmt::format("is too large ({}{}; the limit is {})",
                         problem.at_least ? "more than " : "", human_size(problem.size),
                         human_size(limit));
    case ReadProblem::Kind::system:
      break;
  }
  return fmt::format("cannot be read ({})", std::strerror(problem.error));
}

}  // namespace parplan::util
