// -o never destroys what it should write into or leave alone (issue 10 §1). Everything here runs
// in temporary directories; device nodes only inside a private mount namespace.

#include <doctest/doctest.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>

#include "test_support.hpp"
#include "util/process.hpp"

using namespace parplan::test;
namespace fs = std::filesystem;

namespace {

RunResult report_to(const std::string& output, const std::string& plan = source_path("data"),
                    const std::string& cwd = "") {
  return run_parplan({"--plan", plan, "report", "--month", "6", "-o", output}, {.cwd = cwd});
}

const std::string& expected_report() {
  static const std::string text =
      run_parplan({"--plan", source_path("data"), "report", "--month", "6"}).out;
  return text;
}

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("-o: a symbolic link is followed and kept, its target is replaced") {
  TempDir dir;
  dir.write("real/report.md", "old\n");
  fs::create_symlink("real/report.md", dir.path() / "link.md");
  RunResult r = report_to("link.md", source_path("data"), dir.str());
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(fs::is_symlink(dir.path() / "link.md"));
  CHECK(read_file(dir.str() + "/real/report.md") == expected_report());
  CHECK(listing(dir.path() / "real") == std::vector<std::string>{"report.md"});

  // A dangling link creates its target, as a shell's `>` does.
  fs::create_symlink("real/new.md", dir.path() / "dangling.md");
  REQUIRE(report_to("dangling.md", source_path("data"), dir.str()).exit_code == 0);
  CHECK(fs::is_symlink(dir.path() / "dangling.md"));
  CHECK(read_file(dir.str() + "/real/new.md") == expected_report());
}

TEST_CASE("-o: a symbolic link to a directory is refused and kept") {
  TempDir dir;
  dir.write("reports/kept.md", "kept\n");
  fs::create_symlink("reports", dir.path() / "linkdir");
  RunResult r = report_to("linkdir", source_path("data"), dir.str());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "parplan: error: cannot write linkdir: it is a directory; give a file name\n");
  CHECK(fs::is_symlink(dir.path() / "linkdir"));
  CHECK(listing(dir.path() / "reports") == std::vector<std::string>{"kept.md"});
}

TEST_CASE("-o: a FIFO is written into, never replaced") {
  TempDir dir;
  std::string fifo = dir.str() + "/pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  RunResult r = run_program(
      {"sh", "-c", "cat pipe > got & \"$@\"; status=$?; wait; exit $status", "sh", PARPLAN_BINARY,
       "--plan", source_path("data"), "report", "--month", "6", "-o", "pipe"},
      {.cwd = dir.str()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(read_file(dir.str() + "/got") == expected_report());
  struct stat st {};
  REQUIRE(::lstat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  CHECK(listing(dir.path()) == std::vector<std::string>{"got", "pipe"});
}

TEST_CASE("-o -: standard output, no file named '-'") {
  TempDir dir;
  RunResult r = report_to("-", source_path("data"), dir.str());
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == expected_report());
  CHECK(listing(dir.path()).empty());
}

TEST_CASE("-o: a file of the plan is never an output") {
  TempDir dir;
  copy_tree(source_path("data"), dir.str() + "/data");
  std::string before = read_file(dir.str() + "/data/plan.yaml");
  std::string field = read_file(dir.str() + "/data/01-chi-dao-dieu-hanh.yaml");
  RunResult r = report_to("data/plan.yaml", "data", dir.str());
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "parplan: error: refusing to write data/plan.yaml: it is data/plan.yaml, a file of the "
        "plan; choose another output file\n");
  CHECK(read_file(dir.str() + "/data/plan.yaml") == before);
  // Through a link or another name for the same file too.
  fs::create_symlink("data/01-chi-dao-dieu-hanh.yaml", dir.path() / "field-link.md");
  fs::create_hard_link(dir.path() / "data/01-chi-dao-dieu-hanh.yaml", dir.path() / "hard.md");
  for (const char* name : {"field-link.md", "hard.md"}) {
    RunResult again = report_to(name, "data", dir.str());
    CHECK(again.exit_code == 2);
    CHECK(again.err ==
          std::string("parplan: error: refusing to write ") + name +
              ": it is data/01-chi-dao-dieu-hanh.yaml, a file of the plan; choose another "
              "output file\n");
  }
  CHECK(read_file(dir.str() + "/data/01-chi-dao-dieu-hanh.yaml") == field);
}

TEST_CASE("-o: list and due refuse a plan file too, in every format") {
  TempDir dir;
  copy_tree(source_path("data"), dir.str() + "/data");
  const std::string before = read_file(dir.str() + "/data/plan.yaml");
  for (const std::string command : {"list", "due"})
    for (const std::string format : {"text", "csv", "json", "xlsx", "ics"}) {
      RunResult r =
          run_parplan({"--plan", "data", command, "--format", format, "-o", "data/plan.yaml"},
                      {.cwd = dir.str()});
      INFO(command, " --format ", format);
      CHECK(r.exit_code == 2);
      CHECK(r.err ==
            "parplan: error: refusing to write data/plan.yaml: it is data/plan.yaml, a file of "
            "the plan; choose another output file\n");
    }
  CHECK(read_file(dir.str() + "/data/plan.yaml") == before);
}

TEST_CASE("-o: a 250-byte file name works") {
  TempDir dir;
  std::string name(247, 'r');
  name += ".md";
  RunResult r = report_to(name, source_path("data"), dir.str());
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(read_file(dir.str() + "/" + name) == expected_report());
  CHECK(listing(dir.path()) == std::vector<std::string>{name});
}

TEST_CASE("-o: device nodes are written, never replaced (private mount namespace)") {
  // unshare gives this one shell its own mounts; the tmpfs and its nodes vanish with it, and the
  // machine's /dev is never touched.
  TempDir dir;
  fs::create_directory(dir.path() / "dev");
  RunResult r = run_program(
      {"unshare", "-m", "sh", "-c",
       "mount --make-rprivate / && mount -t tmpfs none dev && mknod dev/full c 1 7 && "
       "mknod dev/null c 1 3 && ln -s full dev/stdout-like && "
       "\"$@\" -o dev/full; echo \"full=$?\"; \"$@\" -o dev/null; echo \"null=$?\"; "
       "\"$@\" -o dev/stdout-like; echo \"link=$?\"; "
       "[ -c dev/full ] && [ -c dev/null ] && [ -L dev/stdout-like ] && echo nodes-kept; ls -A dev",
       "sh", PARPLAN_BINARY, "--plan", source_path("data"), "report", "--month", "6"},
      {.cwd = dir.str()});
  if (r.exit_code != 0 && r.err.find("unshare") != std::string::npos) {
    MESSAGE("no mount namespace here: " << r.err);
    return;
  }
  CHECK(r.out == "full=2\nnull=0\nlink=2\nnodes-kept\nfull\nnull\nstdout-like\n");
  CHECK(r.err ==
        "parplan: error: cannot write dev/full: No space left on device\n"
        "parplan: error: cannot write dev/stdout-like: No space left on device\n");
}

TEST_CASE("-o: a signal during the write removes the temporary file") {
  TempDir dir;
  std::string plan = dir.str() + "/plan";
  RunResult gen =
      run_program({"python3", source_path("tests/bench/genplan.py"), "--seed", "1", "--fields",
                   "20", "--tasks", "10", "--activities", "25", "--out", plan});
  REQUIRE_MESSAGE(gen.exit_code == 0, gen.err);
  fs::create_directory(dir.path() / "out");
  const std::string full_report = run_parplan({"--plan", plan, "report", "--month", "6"}).out;
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
    CAPTURE(sig);
    // On a busy machine the write may finish before the signal lands; then try again.
    bool interrupted = false;
    for (int attempt = 0; attempt < 10 && !interrupted; ++attempt) {
      int watch = ::inotify_init1(IN_CLOEXEC);
      REQUIRE(watch >= 0);
      REQUIRE(::inotify_add_watch(watch, (dir.str() + "/out").c_str(), IN_CREATE) >= 0);
      parplan::util::Child child(
          PARPLAN_BINARY,
          {"--plan", plan, "report", "--month", "6", "-o", dir.str() + "/out/report.md"},
          {.directory = dir.str()});
      // The first file created in out/ is the temporary one: signal as soon as it appears. A
      // parplan that fails before writing creates none: wait 60 s at most, never forever.
      pollfd ready{watch, POLLIN, 0};
      REQUIRE_MESSAGE(::poll(&ready, 1, 60'000) == 1, "no file appeared in out/");
      alignas(inotify_event) char event[sizeof(inotify_event) + NAME_MAX + 1];
      REQUIRE(::read(watch, event, sizeof event) > 0);
      std::string created = reinterpret_cast<inotify_event*>(event)->name;
      CHECK(created.starts_with(".report.md.tmp-"));
      child.signal(sig);
      parplan::util::ProcessResult ended = child.finish();
      ::close(watch);
      interrupted = ended.status == 128 + sig;
      if (!interrupted) {
        CHECK(ended.status == 0);
        CHECK(listing(dir.path() / "out") == std::vector<std::string>{"report.md"});
        fs::remove(dir.path() / "out/report.md");
      }
    }
    CHECK(interrupted);
    // A signal may also land just after the rename: then the whole report is there. Never the
    // temporary file, never a part.
    std::vector<std::string> left = listing(dir.path() / "out");
    if (left == std::vector<std::string>{"report.md"}) {
      CHECK(read_file(dir.str() + "/out/report.md") == full_report);
      fs::remove(dir.path() / "out/report.md");
    } else {
      CHECK(left.empty());
    }
  }
}
