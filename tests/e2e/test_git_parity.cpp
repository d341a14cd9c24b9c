// A plan at a git revision is read exactly as the working tree is (issue 10 §2): for each case the
// checkout is committed, then `validate` of the checkout and `diff HEAD` of the same state must
// agree, file for file and word for word.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "diff_repo.hpp"
#include "util/process.hpp"

using parplan::test::GitRepo;
using parplan::test::RunResult;
namespace fs = std::filesystem;

namespace {

// The error lines of `output`, in order.
std::string error_lines(const std::string& output) {
  std::string errors;
  for (std::size_t pos = 0; pos < output.size();) {
    std::size_t end = output.find('\n', pos);
    if (end == std::string::npos) end = output.size();
    std::string line = output.substr(pos, end - pos);
    if (line.find(": error: ") != std::string::npos) errors += line + "\n";
    pos = end + 1;
  }
  return errors;
}

std::string prefixed(const std::string& lines, const std::string& prefix) {
  std::string out;
  for (std::size_t pos = 0; pos < lines.size();) {
    std::size_t end = lines.find('\n', pos);
    out += prefix + lines.substr(pos, end + 1 - pos);
    pos = end + 1;
  }
  return out;
}

std::size_t count_lines(const std::string& lines) {
  return static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n'));
}

// Commits the work tree, then checks that validate and `diff HEAD` agree: both accept the plan
// (diff finding no change), or both refuse it with the same errors, which must be `expected`
// (the validate side's lines, files named data/...).
void check_sides_agree(const GitRepo& repo, const std::string& expected,
                       const std::vector<std::string>& global = {}) {
  repo.commit("the case");
  std::vector<std::string> validate_args = global, diff_args = global;
  validate_args.push_back("validate");
  diff_args.insert(diff_args.end(), {"diff", "HEAD"});
  RunResult validate = repo.parplan(validate_args);
  RunResult diff = repo.parplan(diff_args);
  INFO("validate: ", validate.out, validate.err);
  INFO("diff HEAD: ", diff.out, diff.err);
  if (expected.empty()) {
    CHECK(validate.exit_code == 0);
    CHECK(error_lines(validate.out).empty());
    CHECK(diff.exit_code == 0);
    CHECK(diff.err == "");
    CHECK(diff.out == "No changes\n");
    return;
  }
  CHECK(validate.exit_code == 1);
  CHECK(error_lines(validate.out) == expected);
  const std::size_t n = count_lines(expected);
  CHECK(diff.exit_code == 1);
  CHECK(diff.out == "");
  CHECK(diff.err == prefixed(expected, "HEAD:") +
                        fmt::format("parplan: the old side, HEAD:data, has {} error(s); nothing "
                                    "compared\n",
                                    n) +
                        expected +
                        fmt::format("parplan: the new side, data, has {} error(s); nothing "
                                    "compared\n",
                                    n));
}

}  // namespace

TEST_CASE("git parity: hidden files are skipped on both sides") {
  GitRepo repo;
  repo.add_shipped_plan();
  repo.write("data/.03-backup.yaml", repo.read("data/03-thu-tuc-hanh-chinh.yaml"));
  check_sides_agree(repo, "");
}

TEST_CASE("git parity: a file name that is not UTF-8 or holds controls is refused on both sides") {
  GitRepo repo;
  repo.add_shipped_plan();
  repo.write("data/08-\xff.yaml", "not read\n");
  repo.write("data/09-\x1b]0;owned\x07.yaml", "not read\n");
  check_sides_agree(
      repo,
      // The byte that is not UTF-8 shows as U+FFFD, the controls as escapes.
      "data: error: file name '08-\xEF\xBF\xBD.yaml' is not valid UTF-8 or holds control "
      "characters; rename it\n"
      "data: error: file name '09-\\u{001B}]0;owned\\u{0007}.yaml' is not valid UTF-8 or holds "
      "control characters; rename it\n");
  // JSON never carries the raw bytes, and never fails on them.
  RunResult json = repo.parplan({"validate", "--format", "json"});
  CHECK(json.exit_code == 1);
  CHECK(nlohmann::json::accept(json.out));
  CHECK(json.out.find('\x1b') == std::string::npos);
  fs::remove(repo.path("data/08-\xff.yaml"));
  fs::remove(repo.path("data/09-\x1b]0;owned\x07.yaml"));
  RunResult diff = repo.parplan({"diff", "HEAD", "--format", "json"});
  CHECK(diff.exit_code == 1);
  CHECK(diff.out == "");
  CHECK(diff.err.find("HEAD:data: error: file name '08-\xEF\xBF\xBD.yaml'") != std::string::npos);
  CHECK(diff.err.find('\x1b') == std::string::npos);
}

TEST_CASE("git parity: a link inside the repository is followed on both sides") {
  GitRepo repo;
  repo.add_shipped_plan();
  fs::create_directory(repo.path("shared"));
  fs::rename(repo.path("data/07-chinh-quyen-so.yaml"), repo.path("shared/07.yaml"));
  fs::create_symlink("../shared/07.yaml", repo.path("data/07-chinh-quyen-so.yaml"));
  check_sides_agree(repo, "");
  // The activities behind the link are there: the same list as the shipped plan's.
  CHECK(repo.parplan({"list", "--field", "VII"}).out ==
        parplan::test::run_parplan(
            {"--plan", parplan::test::source_path("data"), "list", "--field", "VII"})
            .out);
}

TEST_CASE("git parity: a link out of the repository is refused on both sides") {
  GitRepo repo;
  parplan::test::TempDir outside;
  repo.add_shipped_plan();
  fs::rename(repo.path("data/07-chinh-quyen-so.yaml"), outside.path() / "07.yaml");
  fs::create_symlink(outside.path() / "07.yaml", repo.path("data/07-chinh-quyen-so.yaml"));
  fs::create_symlink(fs::relative(outside.path() / "07.yaml", repo.path("data")),
                     repo.path("data/08-relative.yaml"));
  const std::string refused =
      ": error: is a symbolic link out of the repository; git keeps only the link, so the file "
      "cannot be read at a revision: make it a plain file\n";
  check_sides_agree(repo,
                    "data/07-chinh-quyen-so.yaml" + refused + "data/08-relative.yaml" + refused);
}

TEST_CASE("git parity: broken links, link loops and directories read the same on both sides") {
  GitRepo repo;
  repo.add_shipped_plan();
  fs::create_symlink("missing.yaml", repo.path("data/08-broken.yaml"));
  fs::create_symlink("09-b.yaml", repo.path("data/09-a.yaml"));
  fs::create_symlink("09-a.yaml", repo.path("data/09-b.yaml"));
  repo.write("data/10-dir.yaml/keep", "git stores no empty directory\n");
  check_sides_agree(
      repo,
      "data/08-broken.yaml: error: cannot read: No such file or directory\n"
      "data/09-a.yaml: error: is a symbolic link that loops back on itself; point it at a file\n"
      "data/09-b.yaml: error: is a symbolic link that loops back on itself; point it at a file\n"
      "data/10-dir.yaml: error: is a directory, not a YAML file; rename it so it does not end in "
      ".yaml\n");
}

TEST_CASE("git parity: the size cap applies the same on both sides") {
  GitRepo repo;
  repo.add_shipped_plan();
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(repo.path("data")))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  std::string expected;
  for (const std::string& name : names)
    if (auto size = fs::file_size(repo.path("data/" + name)); size > 4096)
      expected += fmt::format(
          "data/{}: error: file is too large ({} bytes; the limit is 4 KiB, raise it with "
          "--max-file-size)\n",
          name, size);
  REQUIRE(count_lines(expected) >= 2);
  check_sides_agree(repo, expected, {"--max-file-size", "4KiB"});
}

TEST_CASE("git: one cat-file process reads every file of a revision") {
  GitRepo repo;
  parplan::test::TempDir bin;
  const std::string log = bin.str() + "/calls";
  bin.write("git", "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + log + "'\nexec " +
                       parplan::util::find_executable("git", std::getenv("PATH")).value() +
                       " \"$@\"\n");
  fs::permissions(bin.path() / "git", fs::perms::owner_all);
  RunResult generated = parplan::test::run_program(
      {"python3", parplan::test::source_path("tests/bench/genplan.py"), "--seed", "1", "--fields",
       "300", "--tasks", "1", "--activities", "1", "--out", repo.path("data")});
  REQUIRE(generated.exit_code == 0);
  repo.commit("300 field files");
  RunResult diff = repo.parplan({"diff", "HEAD"}, "", {{"PATH", bin.str() + ":/usr/bin:/bin"}});
  CHECK(diff.exit_code == 0);
  CHECK(diff.out == "No changes\n");
  std::string subcommands;
  std::string calls = parplan::test::read_file(log);
  for (std::size_t pos = 0; pos < calls.size();) {
    std::size_t end = calls.find('\n', pos);
    std::string line = calls.substr(pos, end - pos);
    // "--no-pager -c a -c b -c c SUBCOMMAND ...": the word after the last -c pair.
    std::size_t word = 0;
    std::vector<std::string> words;
    for (std::size_t i = 0; i <= line.size(); ++i)
      if (i == line.size() || line[i] == ' ') {
        words.push_back(line.substr(word, i - word));
        word = i + 1;
      }
    std::size_t at = 1;
    while (at + 1 < words.size() && words[at] == "-c") at += 2;
    subcommands += words.at(at) + "\n";
    pos = end + 1;
  }
  CHECK(subcommands == "rev-parse\nrev-parse\nls-tree\ncat-file\n");
}
