#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <stdexcept>

#include "parplan/loader.hpp"
#include "util/read_file.hpp"

extern char** environ;

namespace parplan::test {

namespace fs = std::filesystem;

std::string source_path(const std::string& relative) {
  return (fs::path(PARPLAN_SOURCE_DIR) / relative).string();
}

RunResult run_program(const std::vector<std::string>& argv, const RunOptions& options) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) throw std::runtime_error("pipe failed");

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
    posix_spawn_file_actions_addclose(&actions, fd);
  std::string cwd = options.cwd.empty() ? std::string(PARPLAN_SOURCE_DIR) : options.cwd;
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());

  // A predictable environment: nothing from the developer's shell that changes parplan's output.
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    std::string name = entry.substr(0, entry.find('='));
    if (name == "NO_COLOR" || name == "PARPLAN_PLAN" || name == "COLUMNS" ||
        options.env.count(name))
      continue;
    env_strings.push_back(entry);
  }
  for (const auto& [name, value] : options.env) env_strings.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  std::vector<std::string> args = argv;
  std::vector<char*> c_args;
  for (auto& a : args) c_args.push_back(a.data());
  c_args.push_back(nullptr);

  auto started = std::chrono::steady_clock::now();
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, c_args[0], &actions, nullptr, c_args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(in_pipe[1]);
    close(out_pipe[0]);
    close(err_pipe[0]);
    throw std::runtime_error("cannot run " + args[0] + ": " + std::strerror(rc));
  }

  RunResult result;
  std::string_view to_write = options.stdin_text;
  if (to_write.empty()) {
    close(in_pipe[1]);
    in_pipe[1] = -1;
  } else {
    fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
  }
  pollfd fds[3] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}, {in_pipe[1], POLLOUT, 0}};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0 || fds[2].fd >= 0) {
    if (poll(fds, 3, -1) < 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        (i == 0 ? result.out : result.err).append(buf, static_cast<std::size_t>(n));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
    if (fds[2].fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = write(fds[2].fd, to_write.data(), to_write.size());
      if (n > 0) to_write.remove_prefix(static_cast<std::size_t>(n));
      if (n < 0 || to_write.empty()) {
        close(fds[2].fd);
        fds[2].fd = -1;
      }
    }
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  result.max_rss_kb = usage.ru_maxrss;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

RunResult run_parplan(const std::vector<std::string>& args, const RunOptions& options) {
  std::vector<std::string> argv = {PARPLAN_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv, options);
}

nlohmann::json run_json(const std::string& command, std::vector<std::string> args) {
  args.insert(args.begin(), command);
  args.insert(args.end(), {"--format", "json"});
  RunResult r = run_parplan(args);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return nlohmann::json::parse(r.out);
}

std::vector<std::string> ids_of(const nlohmann::json& activities) {
  std::vector<std::string> out;
  for (const nlohmann::json& a : activities) out.push_back(a.at("id").get<std::string>());
  return out;
}

const parplan::Plan& fixture_plan(const std::string& relative) {
  static std::map<std::string, parplan::Plan> loaded;
  auto it = loaded.find(relative);
  if (it == loaded.end()) {
    parplan::LoadResult result = parplan::load_plan(source_path(relative));
    REQUIRE(result.ok());
    it = loaded.emplace(relative, std::move(result.plan)).first;
  }
  return it->second;
}

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate =
        fs::temp_directory_path() / ("parplan-test-" + std::to_string(rd()) + std::to_string(rd()));
    if (fs::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& relative, const std::string& content) const {
  fs::path p = path_ / relative;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + p.string());
  return p.string();
}

std::string read_file(const std::string& path) {
  constexpr std::uint64_t limit = 1024 * 1024 * 1024;
  util::ReadProblem problem;
  if (auto content = util::read_regular_file(path, limit, problem)) return *content;
  throw std::runtime_error(path + " " + util::describe(problem, limit));
}

void copy_tree(const std::string& from, const std::string& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

}  // namespace parplan::test
