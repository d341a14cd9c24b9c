// write_file_atomically: readers see the old file or the new one, and a failure leaves the old
// one and no temporary file behind.

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "parplan/error.hpp"
#include "parplan/output.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using parplan::write_file_atomically;
using parplan::test::read_file;
using parplan::test::TempDir;

namespace {

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("atomic write: replaces the content and keeps the file's mode") {
  TempDir dir;
  std::string path = dir.write("report.md", "old");
  fs::permissions(path, fs::perms(0640));
  write_file_atomically(path, "new content\n");
  CHECK(read_file(path) == "new content\n");
  CHECK((fs::status(path).permissions() & fs::perms::all) == fs::perms(0640));
  CHECK(entries(dir.path()) == 1);  // no temporary file left
}

TEST_CASE("atomic write: a failed write keeps the old file and leaves nothing behind") {
  TempDir dir;
  // The target is a directory: the rename fails after the data was written and synced.
  fs::create_directory(dir.path() / "target");
  dir.write("target/keep", "kept");
  CHECK_THROWS_AS(write_file_atomically((dir.path() / "target").string(), "data"), parplan::Error);
  CHECK(read_file((dir.path() / "target/keep").string()) == "kept");
  CHECK(entries(dir.path()) == 1);
  // No directory to hold the temporary file: nothing is created anywhere.
  CHECK_THROWS_AS(write_file_atomically((dir.path() / "missing/report.md").string(), "data"),
                  parplan::Error);
  CHECK(entries(dir.path()) == 1);
}
