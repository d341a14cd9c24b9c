// The git runner (issue 10 §4): deadline, a git found once on absolute PATH entries, no remote
// ever contacted, no configured program ever run, git's warnings passed on, clear refusals.

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "diff_repo.hpp"

using parplan::test::GitRepo;
using parplan::test::read_file;
using parplan::test::RunResult;
using parplan::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string marker_dir_listing(const std::string& dir) {
  std::string names;
  for (const auto& entry : fs::directory_iterator(dir))
    names += entry.path().filename().string() + " ";
  return names;
}

void make_executable(const std::string& path) { fs::permissions(path, fs::perms::owner_all); }

}  // namespace

TEST_CASE("git: a partial clone never fetches a missing blob, and says what is missing") {
  GitRepo origin;
  origin.add_shipped_plan();
  origin.commit("first");
  origin.replace("data/plan.yaml", "owners:", "owners:\n  moi: Sở Mới");
  origin.commit("second");
  origin.git({"config", "uploadpack.allowFilter", "true"});

  TempDir dir;
  RunResult clone = parplan::test::run_program(
      {"git", "clone", "-q", "--filter=blob:none", "file://" + origin.root(), "clone"},
      {.cwd = dir.str()});
  REQUIRE_MESSAGE(clone.exit_code == 0, clone.err);
  std::string repo = dir.str() + "/clone";
  // The remote now "hangs": any attempt to reach it runs this command, which leaves a mark.
  std::string marker = dir.str() + "/contacted";
  parplan::test::run_program({"git", "config", "core.sshCommand", "touch " + marker + "; sleep 60"},
                             {.cwd = repo});
  parplan::test::run_program(
      {"git", "config", "remote.origin.url", "ssh://parplan.invalid/plan.git"}, {.cwd = repo});

  RunResult r = parplan::test::run_parplan({"diff", "HEAD~1"}, {.cwd = repo});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "parplan: error: this clone lacks the file contents of HEAD~1 (partial clone); fetch "
        "it first, e.g. git fetch origin\n");
  CHECK(r.seconds < 30);
  CHECK_FALSE(fs::exists(marker));

  // What the clone has (HEAD) reads as usual.
  RunResult head = parplan::test::run_parplan({"diff", "HEAD"}, {.cwd = repo});
  CHECK(head.exit_code == 0);
  CHECK(head.out == "No changes\n");
}

TEST_CASE("git: --git-timeout stops a git that hangs") {
  GitRepo repo;
  repo.add_shipped_plan();
  repo.commit("first");
  TempDir bin;
  bin.write("git", "#!/bin/sh\nexec sleep 60\n");
  make_executable(bin.str() + "/git");
  RunResult r = repo.parplan({"--git-timeout", "0.5", "diff", "HEAD"}, "",
                             {{"PATH", bin.str() + ":/usr/bin:/bin"}});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "parplan: error: git rev-parse did not finish within 0.5 s; stopped it (raise the limit "
        "with --git-timeout SECONDS)\n");
  CHECK(r.seconds < 20);
}

TEST_CASE("git: relative PATH entries are never searched for git") {
  GitRepo repo;
  repo.add_shipped_plan();
  repo.commit("first");
  // A `git` planted in the repository, reachable only through the relative entry ".".
  repo.write("git", "#!/bin/sh\ntouch planted-git-ran\nexit 1\n");
  make_executable(repo.path("git"));
  RunResult r = repo.parplan({"diff", "HEAD"}, "", {{"PATH", ".:/usr/bin:/bin"}});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "No changes\n");
  CHECK_FALSE(fs::exists(repo.path("planted-git-ran")));

  RunResult none = repo.parplan({"diff", "HEAD"}, "", {{"PATH", "."}});
  CHECK(none.exit_code == 2);
  CHECK(none.err ==
        "parplan: error: cannot run git: there is no git on PATH; install git, or compare two "
        "plan directories\n");
}

TEST_CASE("git: configured programs never run (textconv, fsmonitor, pager, external diff, hooks)") {
  GitRepo repo;
  repo.add_shipped_plan();
  repo.commit("first");
  repo.replace("data/02-the-che.yaml", "        lead: [stp]\n", "        lead: [snv]\n");
  repo.commit("second");
  repo.replace("data/02-the-che.yaml", "        lead: [snv]\n", "        lead: [stp]\n");
  TempDir marks;
  auto touch = [&](const std::string& name) { return "touch " + marks.str() + "/" + name; };
  repo.git({"config", "core.fsmonitor", touch("fsmonitor")});
  repo.git({"config", "core.pager", touch("pager")});
  repo.git({"config", "pager.diff", touch("pager-diff")});
  repo.git({"config", "diff.external", touch("external")});
  repo.git({"config", "diff.mark.textconv", touch("textconv") + "; cat"});
  repo.git({"config", "color.ui", "always"});
  repo.write(".gitattributes", "*.yaml diff=mark\n");
  for (const char* hook : {"post-checkout", "post-index-change", "reference-transaction",
                           "pre-auto-gc", "post-rewrite"}) {
    repo.write(std::string(".git/hooks/") + hook, "#!/bin/sh\n" + touch(hook) + "\n");
    make_executable(repo.path(std::string(".git/hooks/") + hook));
  }
  const std::vector<std::vector<std::string>> commands = {
      {"diff"},
      {"diff", "HEAD~1"},
      {"diff", "HEAD~1", "HEAD", "--format", "json"},
      {"diff", ":/first", "HEAD~1"},
      {"diff", ":data"},
      {"report", "--month", "6", "--since", "HEAD~1"},
  };
  for (const auto& command : commands) {
    CAPTURE(command.front());
    RunResult r = repo.parplan(command);
    CHECK(r.exit_code != 128);
    CHECK(marker_dir_listing(marks.str()).empty());
  }
  // And git's own diff with parplan as the driver, the fallback included (a broken side).
  repo.git({"config", "diff.parplan.command", std::string(PARPLAN_BINARY) + " diff --git-driver"});
  repo.write(".gitattributes", "*.yaml diff=parplan\n");
  repo.write("data/02-the-che.yaml", "field: II\ntitle: [broken\n");
  std::vector<std::string> argv = {"git",
                                   "-c",
                                   "core.fsmonitor=false",
                                   "-c",
                                   "core.pager=cat",
                                   "-c",
                                   "diff.external=",
                                   "--no-pager",
                                   "diff",
                                   "--ext-diff"};
  RunResult git_diff = parplan::test::run_program(argv, {.cwd = repo.root()});
  CHECK(git_diff.exit_code == 0);
  CHECK(git_diff.out.find("parplan: cannot compare in plan terms; the text diff follows\n@@") !=
        std::string::npos);
  CHECK(marker_dir_listing(marks.str()).empty());
}

TEST_CASE("git: index revisions are refused, :/text finds a commit") {
  GitRepo repo;
  repo.add_shipped_plan();
  repo.commit("first");
  repo.replace("data/02-the-che.yaml", "        lead: [stp]\n", "        lead: [snv]\n");
  repo.commit("Decision 2: amendments");
  for (const char* rev : {":data", ":0:data"}) {
    RunResult r = repo.parplan({"diff", rev});
    CHECK(r.exit_code == 2);
    CHECK(r.err == std::string("parplan: error: '") + rev +
                       "' names a file in git's index, not a commit; give a commit such as "
                       "HEAD, a branch or a tag\n");
  }
  RunResult search = repo.parplan({"diff", ":/Decision 2", "--exit-code"});
  CHECK(search.exit_code == 0);
  RunResult older = repo.parplan({"diff", ":/first", "HEAD", "--exit-code"});
  CHECK(older.exit_code == 1);
  CHECK(older.out.find("lead: Sở Tư pháp → Sở Nội vụ") != std::string::npos);
}

TEST_CASE("git: warnings about the revision are passed on") {
  GitRepo repo;
  repo.add_shipped_plan();
  repo.commit("first");
  repo.git({"tag", "main"});
  RunResult ambiguous = repo.parplan({"diff", "main"});
  CHECK(ambiguous.exit_code == 0);
  CHECK(ambiguous.err == "parplan: git: warning: refname 'main' is ambiguous.\n");

  RunResult old = repo.parplan({"diff", "HEAD@{10.years.ago}"});
  CHECK(old.exit_code == 0);
  CHECK(old.err.starts_with("parplan: git: warning: log for 'HEAD' only goes back to "));
}

TEST_CASE("git: clear messages for a bare repository, GIT_DIR alone, and bad directories") {
  GitRepo repo;
  repo.add_shipped_plan();
  repo.commit("first");
  TempDir dir;
  parplan::test::run_program({"git", "clone", "-q", "--bare", repo.root(), dir.str() + "/bare"});
  // A plan inside the bare repository's directory, and one beside it with GIT_DIR pointing there.
  parplan::test::copy_tree(parplan::test::source_path("data"), dir.str() + "/bare/data");
  parplan::test::copy_tree(parplan::test::source_path("data"), dir.str() + "/data");
  const std::string expected =
      "parplan: error: data is in a git repository without a work tree (a bare repository, or "
      "GIT_DIR set without GIT_WORK_TREE); run parplan in a checkout\n";
  RunResult bare =
      parplan::test::run_parplan({"diff", "HEAD", "--plan", "data"}, {.cwd = dir.str() + "/bare"});
  CHECK(bare.exit_code == 2);
  CHECK(bare.err == expected);
  RunResult git_dir =
      parplan::test::run_parplan({"diff", "HEAD", "--plan", "data"},
                                 {.cwd = dir.str(), .env = {{"GIT_DIR", dir.str() + "/bare"}}});
  CHECK(git_dir.exit_code == 2);
  CHECK(git_dir.err == expected);

  // A plan directory that cannot be entered (root ignores permissions, so only as another user).
  if (::geteuid() != 0) {
    fs::permissions(repo.path("data"), fs::perms::none);
    RunResult locked = repo.parplan({"diff", "HEAD", "--plan", "data"});
    fs::permissions(repo.path("data"), fs::perms::owner_all);
    CHECK(locked.exit_code == 2);
    CHECK(locked.err.find("Permission denied") != std::string::npos);
  }

  // The current directory was deleted under parplan.
  fs::create_directory(dir.path() / "gone");
  RunResult gone = parplan::test::run_program(
      {"sh", "-c", "cd gone && rmdir ../gone && exec \"$@\"", "sh", PARPLAN_BINARY, "diff"},
      {.cwd = dir.str()});
  CHECK(gone.exit_code == 2);
  CHECK(gone.err == "parplan: error: the current directory no longer exists; cd somewhere else\n");
}

TEST_CASE("git driver: files over the size limit fall back to a text diff and exit 0") {
  GitRepo repo;
  repo.add_shipped_plan();
  repo.write(".gitattributes", "*.yaml diff=parplan\n");
  repo.commit("first");
  repo.git({"config", "color.ui", "always"});
  repo.git({"config", "diff.parplan.textconv", "sed s/a/TEXTCONV/"});
  // The limit stands in for 16 MiB: the field file and plan.yaml are both over 1 KiB.
  repo.git({"config", "diff.parplan.command",
            std::string(PARPLAN_BINARY) + " --max-file-size 1KiB diff --git-driver"});
  repo.replace("data/02-the-che.yaml", "        lead: [stp]\n", "        lead: [snv]\n");
  RunResult field = parplan::test::run_program({"git", "diff"}, {.cwd = repo.root()});
  CHECK(field.exit_code == 0);
  CHECK(field.out.find("is larger than --max-file-size\nparplan: cannot compare in plan terms; "
                       "the text diff follows\n@@ ") != std::string::npos);
  CHECK(field.out.find("-        lead: [stp]\n+        lead: [snv]\n") != std::string::npos);
  CHECK(field.out.find("TEXTCONV") == std::string::npos);
  CHECK(field.out.find('\x1b') == std::string::npos);

  repo.git({"checkout", "-q", "--", "data"});
  repo.replace("data/plan.yaml", "owners:", "owners:\n  moi: Sở Mới");
  RunResult plan = parplan::test::run_program({"git", "diff"}, {.cwd = repo.root()});
  CHECK(plan.exit_code == 0);
  CHECK(plan.out.find("+  moi: Sở Mới\n") != std::string::npos);
}

TEST_CASE("messages: control characters in --plan, PARPLAN_PLAN and revisions are escaped") {
  GitRepo repo;
  repo.add_shipped_plan();
  repo.commit("first");
  const std::string esc = "\x1b]0;owned\x07";
  for (const RunResult& r : {repo.parplan({"diff", esc}), repo.parplan({"validate", "--plan", esc}),
                             repo.parplan({"validate"}, "", {{"PARPLAN_PLAN", esc}})}) {
    CHECK(r.exit_code == 2);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.err.find('\x07') == std::string::npos);
    CHECK(r.err.find("\\u{001B}]0;owned\\u{0007}") != std::string::npos);
  }
}
