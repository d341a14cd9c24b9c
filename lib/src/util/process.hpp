#pragma once

// The one way parplan (and its tests) run another program: posix_spawn of an absolute path, never
// a shell; a deadline and a cap on output, so a hung or runaway child cannot hang parplan or eat
// its memory; and the child is always reaped, killed first when it is still running (an exception
// unwinding past it included).

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parplan::util {

// The absolute path of `name` in a PATH value, searched once. Empty and relative entries are
// skipped: resolved against whatever directory the caller is in, they could pick up a file
// planted in a repository. nullopt when there is none.
std::optional<std::string> find_executable(std::string_view name, std::string_view path_variable);

struct ProcessOptions {
  std::string directory;                      // the child's working directory; empty: ours
  std::vector<std::string> environment;       // "NAME=value", replacing inherited entries of NAME
  std::vector<std::string> unset;             // names removed from the inherited environment
  std::chrono::milliseconds timeout{30'000};  // for each exchange and for the ending
  std::size_t max_output = std::size_t{1} << 30;  // bytes of stdout; stderr keeps its first 64 KiB
};

// How an exchange or a run ended.
enum class Ending { done, timed_out, too_much_output };

struct ProcessResult {
  Ending ending = Ending::done;
  int status = 0;  // exit status; 128 + the signal number when the child was killed
  std::string out;
  std::string err;
  double cpu_seconds = 0;  // user + system time of the child
  long max_rss_kb = 0;     // its peak resident memory
};

// A running child with its stdin, stdout and stderr connected to us.
class Child {
 public:
  // Throws parplan::Error when the program cannot be started.
  Child(const std::string& program, const std::vector<std::string>& args,
        const ProcessOptions& options);
  ~Child();  // kills the child's process group when it is still running, then reaps it
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Writes `input` to the child's stdin while collecting its stdout into out() and stderr into
  // err(), until `enough(out())` is true (when given), stdout ends, or the deadline or the output
  // cap is hit; in those last two cases the child is killed. `then_close` closes stdin once
  // `input` is written, for a child that reads to the end before it answers.
  Ending exchange(std::string_view input, const std::function<bool(const std::string&)>& enough,
                  bool then_close = false);
  // Closes stdin, collects the rest of the output and reaps the child, killing it past the
  // deadline.
  ProcessResult finish();

  // Sends `sig` to the child alone.
  void signal(int sig) const;

  std::string& out() { return out_; }
  [[nodiscard]] const std::string& err() const { return err_; }

 private:
  void kill_group();
  bool reap(int options);  // true once the child is reaped

  ProcessOptions options_;
  pid_t pid_ = -1;
  int in_ = -1, out_fd_ = -1, err_fd_ = -1;
  std::string out_, err_;
  std::size_t out_total_ = 0;
  int status_ = 0;
  bool killed_ = false;
  double cpu_seconds_ = 0;
  long max_rss_kb_ = 0;
};

// Runs `program args...` to the end with `input` on its stdin.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const ProcessOptions& options = {}, std::string_view input = {});

}  // namespace parplan::util
