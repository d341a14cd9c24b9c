#pragma once

// Reading a whole file that someone else controls: a FIFO must not block, a device or a growing
// file must not exhaust memory, and every check looks at the opened file, not at its name.

#include <cstdint>
#include <optional>
#include <string>

namespace parplan::util {

struct ReadProblem {
  enum class Kind {
    loop,         // a symbolic link that loops back on itself
    directory,    // a directory
    not_regular,  // a FIFO, device or socket
    too_large,    // more than the limit; `size` says how much (at least) was seen
    system,       // open, fstat or read failed; `error` is errno
  };
  Kind kind = Kind::system;
  int error = 0;
  std::uint64_t size = 0;
  bool at_least = false;  // too_large: the file grew while read, `size` is a lower bound
};

// The contents of the regular file at `path` when it holds at most `limit` bytes, or what stopped
// the read in `problem`.
std::optional<std::string> read_regular_file(const std::string& path, std::uint64_t limit,
                                             ReadProblem& problem);

// "16 MiB", "3 KiB", "1000001 bytes": exact, so that a file one byte over a limit does not read
// as the limit itself.
std::string human_size(std::uint64_t bytes);

// A plain-English reason, e.g. "is not a regular file (a FIFO, device or socket)".
std::string describe(const ReadProblem& problem, std::uint64_t limit);

}  // namespace parplan::util
