// lib/src/util/: the file descriptor owner, the safe whole-file read, percentages.

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <numeric>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "util/fd.hpp"
#include "util/percent.hpp"
#include "util/read_file.hpp"

using parplan::test::TempDir;
using parplan::util::Fd;
using parplan::util::read_regular_file;
using parplan::util::ReadProblem;

namespace {

bool is_open(int fd) { return ::fcntl(fd, F_GETFD) != -1; }

}  // namespace

TEST_CASE("util: Fd closes once, moves its descriptor, and release gives it up") {
  TempDir dir;
  std::string path = dir.write("a.txt", "x");
  int raw = -1;
  {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    raw = fd.get();
    REQUIRE(fd.valid());
    Fd moved(std::move(fd));
    CHECK_FALSE(fd.valid());  // NOLINT(bugprone-use-after-move): the moved-from state is defined
    CHECK(moved.get() == raw);
    CHECK(is_open(raw));
  }
  CHECK_FALSE(is_open(raw));

  Fd kept(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  int released = kept.release();
  CHECK_FALSE(kept.valid());
  CHECK(is_open(released));
  Fd owner(released);
  owner.reset();
  CHECK_FALSE(is_open(released));
}

TEST_CASE("util: read_regular_file reads plain files and refuses everything else") {
  TempDir dir;
  ReadProblem problem;
  CHECK(read_regular_file(dir.write("plain.yaml", "a: 1\n"), 100, problem) == "a: 1\n");
  CHECK(read_regular_file(dir.write("empty.yaml", ""), 100, problem) == "");

  CHECK_FALSE(read_regular_file(dir.write("big.yaml", std::string(101, 'x')), 100, problem));
  CHECK(problem.kind == ReadProblem::Kind::too_large);
  CHECK(describe(problem, 100) == "is too large (101 bytes; the limit is 100 bytes)");

  CHECK_FALSE(read_regular_file(dir.str(), 100, problem));
  CHECK(describe(problem, 100) == "is a directory, not a file");

  // A FIFO nobody writes to: the read must come back at once instead of waiting for a writer.
  std::string fifo = (dir.path() / "fifo.yaml").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(read_regular_file(fifo, 100, problem));
  CHECK(describe(problem, 100) == "is not a regular file (a FIFO, device or socket)");

  CHECK_FALSE(read_regular_file((dir.path() / "missing.yaml").string(), 100, problem));
  CHECK(describe(problem, 100) == "cannot be read (No such file or directory)");

  std::string loop = (dir.path() / "loop.yaml").string();
  std::filesystem::create_symlink(loop, loop);
  CHECK_FALSE(read_regular_file(loop, 100, problem));
  CHECK(describe(problem, 100) ==
        "is a symbolic link that loops back on itself; point it at a file");
}

TEST_CASE("util: human_size is exact") {
  using parplan::util::human_size;
  CHECK(human_size(16 * 1024 * 1024) == "16 MiB");
  CHECK(human_size(3 * 1024) == "3 KiB");
  CHECK(human_size(16 * 1024 * 1024 + 1) == "16777217 bytes");
  CHECK(human_size(0) == "0 bytes");
}

TEST_CASE("util: percentages add up to 100 by largest remainder") {
  using parplan::util::percentages;
  auto of = [](std::vector<std::size_t> parts) { return percentages(parts); };
  // Rounded one by one, thirds give 33 + 33 + 33 = 99.
  CHECK(of({1, 1, 1}) == std::vector<int>{34, 33, 33});
  // 2/7 = 28.57, 4/7 = 57.14, 1/7 = 14.29: the point left over goes to 28.57.
  CHECK(of({2, 4, 1}) == std::vector<int>{29, 57, 14});
  // The shipped plan's statuses: 0 done, 0 in progress, 61 planned, 0 cancelled.
  CHECK(of({0, 0, 61, 0}) == std::vector<int>{0, 0, 100, 0});
  CHECK(of({1, 2, 3, 4, 5, 6}) == std::vector<int>{5, 9, 14, 19, 24, 29});
  CHECK(of({0, 0}) == std::vector<int>{0, 0});
  CHECK(of({}).empty());
  for (std::vector<std::size_t> parts :
       {std::vector<std::size_t>{7, 11, 13}, std::vector<std::size_t>{1, 1, 1, 1, 1, 1, 1},
        std::vector<std::size_t>{999, 1, 1}}) {
    std::vector<int> p = percentages(parts);
    CHECK(std::accumulate(p.begin(), p.end(), 0) == 100);
  }
}
