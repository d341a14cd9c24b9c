#include "util/process.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>

#include "parplan/error.hpp"

extern char** environ;

namespace parplan::util {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t max_error_output = 64 * 1024;

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Owns the descriptors made for a spawn until the child has them.
struct Fds {
  int fds[6] = {-1, -1, -1, -1, -1, -1};
  ~Fds() {
    for (int& fd : fds) close_fd(fd);
  }
};

std::string_view name_of(std::string_view entry) { return entry.substr(0, entry.find('=')); }

std::vector<std::string> child_environment(const ProcessOptions& options) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string_view name = name_of(*e);
    auto same = [&](const std::string& other) { return name_of(other) == name; };
    if (std::none_of(options.environment.begin(), options.environment.end(), same) &&
        std::find(options.unset.begin(), options.unset.end(), name) == options.unset.end())
      env.emplace_back(*e);
  }
  env.insert(env.end(), options.environment.begin(), options.environment.end());
  return env;
}

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(left.count(), 0, 60'000));
}

}  // namespace

std::optional<std::string> find_executable(std::string_view name, std::string_view path_variable) {
  while (true) {
    std::size_t colon = path_variable.find(':');
    std::string_view entry = path_variable.substr(0, colon);
    if (entry.starts_with('/')) {
      std::string candidate = std::string(entry) + "/" + std::string(name);
      struct stat st {};
      if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
          ::access(candidate.c_str(), X_OK) == 0)
        return candidate;
    }
    if (colon == std::string_view::npos) return std::nullopt;
    path_variable.remove_prefix(colon + 1);
  }
}

Child::Child(const std::string& program, const std::vector<std::string>& args,
             const ProcessOptions& options)
    : options_(options) {
  // stdin is a socket so that a child which stops reading gives EPIPE to send(MSG_NOSIGNAL)
  // instead of a SIGPIPE that would kill us (tests do not ignore SIGPIPE as the CLI does).
  Fds made;
  int* f = made.fds;
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, f) != 0 || ::pipe2(f + 2, O_CLOEXEC) ||
      ::pipe2(f + 4, O_CLOEXEC))
    throw Error(fmt::format("cannot run {}: {}", program, std::strerror(errno)));

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, f[1], 0);
  posix_spawn_file_actions_adddup2(&actions, f[3], 1);
  posix_spawn_file_actions_adddup2(&actions, f[5], 2);
  if (!options.directory.empty())
    posix_spawn_file_actions_addchdir_np(&actions, options.directory.c_str());
  // Its own process group, so that a deadline kills what the child started too; default signal
  // handling, so that it does not inherit our ignored SIGPIPE.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&defaults, sig);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(
      &attr,
      static_cast<short>(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF));

  std::vector<std::string> argv = {program};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> c_argv;
  for (std::string& a : argv) c_argv.push_back(a.data());
  c_argv.push_back(nullptr);
  std::vector<std::string> env = child_environment(options);
  std::vector<char*> c_env;
  for (std::string& e : env) c_env.push_back(e.data());
  c_env.push_back(nullptr);

  int rc = ::posix_spawn(&pid_, program.c_str(), &actions, &attr, c_argv.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    pid_ = -1;
    throw Error(fmt::format("cannot run {}: {}", program, std::strerror(rc)));
  }
  std::swap(in_, f[0]);
  std::swap(out_fd_, f[2]);
  std::swap(err_fd_, f[4]);
  ::fcntl(in_, F_SETFL, O_NONBLOCK);
}

Child::~Child() {
  close_fd(in_);
  close_fd(out_fd_);
  close_fd(err_fd_);
  if (pid_ > 0) {
    kill_group();
    reap(0);
  }
}

void Child::kill_group() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGKILL);
  killed_ = true;
}

void Child::signal(int sig) const {
  if (pid_ > 0) ::kill(pid_, sig);
}

bool Child::reap(int wait_options) {
  if (pid_ <= 0) return true;
  struct rusage usage {};
  pid_t got = 0;
  do {
    got = ::wait4(pid_, &status_, wait_options, &usage);
  } while (got < 0 && errno == EINTR);
  if (got == 0) return false;
  pid_ = -1;
  cpu_seconds_ = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                 static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  max_rss_kb_ = usage.ru_maxrss;
  return true;
}

Ending Child::exchange(std::string_view input,
                       const std::function<bool(const std::string&)>& enough, bool then_close) {
  const auto deadline = Clock::now() + options_.timeout;
  char buffer[65536];
  while (true) {
    if (enough && enough(out_)) return Ending::done;
    if (out_fd_ < 0) return Ending::done;
    pollfd fds[3] = {
        {out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}, {input.empty() ? -1 : in_, POLLOUT, 0}};
    int ready = ::poll(fds, 3, remaining_ms(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0 && Clock::now() >= deadline) {
      kill_group();
      return Ending::timed_out;
    }
    if (fds[2].revents) {
      ssize_t n = ::send(in_, input.data(), input.size(), MSG_NOSIGNAL);
      if (n > 0)
        input.remove_prefix(static_cast<std::size_t>(n));
      else if (errno != EAGAIN && errno != EINTR)
        input = {};  // the child stopped reading; what it wrote so far still counts
      if (input.empty() && then_close) ::shutdown(in_, SHUT_WR);
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) {
        close_fd(i == 0 ? out_fd_ : err_fd_);
        continue;
      }
      auto size = static_cast<std::size_t>(n);
      if (i == 1) {
        err_.append(buffer,
                    std::min(size, max_error_output - std::min(max_error_output, err_.size())));
        continue;
      }
      out_total_ += size;
      if (out_total_ > options_.max_output) {
        kill_group();
        return Ending::too_much_output;
      }
      out_.append(buffer, size);
    }
  }
}

ProcessResult Child::finish() {
  ProcessResult result;
  if (in_ >= 0) ::shutdown(in_, SHUT_WR);
  close_fd(in_);
  if (!killed_) {
    result.ending = exchange({}, nullptr);
    // stdout has ended; stderr and the exit follow within the same deadline.
    const auto deadline = Clock::now() + options_.timeout;
    char buffer[4096];
    while (result.ending == Ending::done && err_fd_ >= 0) {
      pollfd fd = {err_fd_, POLLIN, 0};
      if (::poll(&fd, 1, remaining_ms(deadline)) == 0) {
        result.ending = Ending::timed_out;
        break;
      }
      ssize_t n = ::read(err_fd_, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      err_.append(buffer, std::min(static_cast<std::size_t>(n),
                                   max_error_output - std::min(max_error_output, err_.size())));
    }
    while (result.ending == Ending::done && !reap(WNOHANG)) {
      if (Clock::now() >= deadline) result.ending = Ending::timed_out;
      ::poll(nullptr, 0, 2);
    }
    if (result.ending == Ending::timed_out) kill_group();
  }
  close_fd(out_fd_);
  close_fd(err_fd_);
  reap(0);
  result.status = WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
  result.out = std::move(out_);
  result.err = std::move(err_);
  result.cpu_seconds = cpu_seconds_;
  result.max_rss_kb = max_rss_kb_;
  if (killed_ && result.ending == Ending::done) result.ending = Ending::timed_out;
  return result;
}

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const ProcessOptions& options, std::string_view input) {
  Child child(program, args, options);
  Ending ending = input.empty() ? Ending::done : child.exchange(input, nullptr, true);
  ProcessResult result = child.finish();
  if (ending != Ending::done) result.ending = ending;
  return result;
}

}  // namespace parplan::util
