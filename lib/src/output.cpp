#include "parplan/output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

#include "encoding.hpp"
#include "parplan/error.hpp"

namespace parplan {

namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

// Returns false with errno set on failure.
bool write_fd(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool reader_gone = false;

// The temporary file being written, for the signal handler: a static buffer, since the handler
// may only call async-signal-safe functions (unlink, signal, raise).
char temp_path[PATH_MAX];
volatile std::sig_atomic_t temp_armed = 0;
constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

extern "C" void remove_temp_and_die(int sig) {
  if (temp_armed) ::unlink(temp_path);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// Arms the handler for the life of one temporary file; signals that were ignored stay ignored.
class TempFileGuard {
 public:
  explicit TempFileGuard(const std::string& path) {
    static const bool installed = [] {
      for (int sig : cleanup_signals) {
        struct sigaction old {};
        ::sigaction(sig, nullptr, &old);
        if (old.sa_handler == SIG_IGN) continue;
        struct sigaction action {};
        action.sa_handler = remove_temp_and_die;
        sigemptyset(&action.sa_mask);
        ::sigaction(sig, &action, nullptr);
      }
      return true;
    }();
    (void)installed;
    if (path.size() >= sizeof temp_path) throw Error("cannot write " + path + ": path too long");
    std::memcpy(temp_path, path.c_str(), path.size() + 1);
  }
  char* path() { return temp_path; }
  void arm() { temp_armed = 1; }
  ~TempFileGuard() { temp_armed = 0; }
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;
};

// ".<name>.tmp-XXXXXX" within NAME_MAX however long the target's name is: the name is cut, at a
// UTF-8 character boundary, so that the temporary file still says whose it is.
std::string temp_name(const std::string& name) {
  constexpr std::size_t room = NAME_MAX - std::string_view("..tmp-XXXXXX").size();
  std::size_t keep = std::min(name.size(), room);
  while (keep > 0 && keep < name.size() && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80)
    --keep;
  return "." + name.substr(0, keep) + ".tmp-XXXXXX";
}

// The file a path finally names: symbolic links followed (relative ones from their own
// directory), the last one possibly dangling, as a shell's `>` would create it.
std::string final_target(const std::string& path) {
  fs::path current(path);
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return current.string();
    std::error_code ec;
    fs::path target = fs::read_symlink(current, ec);
    if (ec) throw Error(fmt::format("cannot write {}: {}", escape_text(path), ec.message()));
    current = target.is_absolute() ? target : current.parent_path() / target;
  }
  throw Error(
      fmt::format("cannot write {}: the symbolic link loops back on itself", escape_text(path)));
}

void write_directly(const std::string& shown, const std::string& path, std::string_view data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw Error(fmt::format("cannot write {}: {}", shown, errno_text()));
  bool ok = write_fd(fd, data);
  std::string problem = ok ? "" : errno_text();
  if (::close(fd) != 0 && ok) {
    ok = false;
    problem = errno_text();
  }
  if (!ok) throw Error(fmt::format("cannot write {}: {}", shown, problem));
}

}  // namespace

void write_stdout(std::string_view data) {
  if (!write_fd(STDOUT_FILENO, data)) {
    reader_gone = errno == EPIPE;
    throw Error("cannot write to standard output: " + errno_text());
  }
}

bool stdout_closed_by_reader() { return reader_gone; }

void write_file_atomically(const std::string& path, std::string_view data) {
  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  TempFileGuard temp((dir / temp_name(target.filename().string())).string());
  temp.arm();
  int fd = ::mkstemp(temp.path());
  if (fd < 0) throw Error("cannot write " + escape_text(path) + ": " + errno_text());
  const std::string tmp = temp.path();
  auto fail = [&](const std::string& what) {
    std::string message = "cannot write " + escape_text(path) + ": " + what + ": " + errno_text();
    ::close(fd);
    ::unlink(tmp.c_str());
    throw Error(message + " (the existing file is unchanged)");
  };
  if (!write_fd(fd, data)) fail("write failed");
  if (::fsync(fd) != 0) fail("fsync failed");
  // Keep the mode, owner and group of the file being replaced (an edited plan file stays the
  // team's); new files get the usual 0666 & ~umask and belong to whoever runs parplan.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (::fchown(fd, st.st_uid, st.st_gid) != 0) {
      if (errno != EPERM) fail("chown failed");
      ::close(fd);
      ::unlink(tmp.c_str());
      throw Error(fmt::format(
          "cannot write {}: it belongs to user {} and group {}, which a file of yours cannot "
          "keep; run parplan as its owner (the existing file is unchanged)",
          escape_text(path), st.st_uid, st.st_gid));
    }
    if (::fchmod(fd, st.st_mode & 07777) != 0) fail("chmod failed");
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) fail("chmod failed");
  }
  if (::close(fd) != 0) {
    fd = -1;
    std::string message = "cannot write " + escape_text(path) + ": close failed: " + errno_text();
    ::unlink(tmp.c_str());
    throw Error(message);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string message = "cannot write " + escape_text(path) + ": " + errno_text();
    ::unlink(tmp.c_str());
    throw Error(message + " (the existing file is unchanged)");
  }
  fsync_directory(dir.string());
}

void fsync_directory(const std::string& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void write_output(const std::string& path, std::string_view data,
                  const std::vector<std::string>& plan_files) {
  if (path == "-") return write_stdout(data);
  const std::string shown = escape_text(path);
  const std::string target = final_target(path);
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    if (errno != ENOENT) throw Error(fmt::format("cannot write {}: {}", shown, errno_text()));
    return write_file_atomically(target, data);
  }
  for (const std::string& file : plan_files) {
    struct stat plan_st {};
    if (::stat(file.c_str(), &plan_st) == 0 && plan_st.st_dev == st.st_dev &&
        plan_st.st_ino == st.st_ino)
      throw Error(
          fmt::format("refusing to write {}: it is {}, a file of the plan; choose another "
                      "output file",
                      shown, escape_text(file)));
  }
  if (S_ISDIR(st.st_mode))
    throw Error(fmt::format("cannot write {}: it is a directory; give a file name", shown));
  // A terminal, /dev/null, a pipe or a socket is written as it is: renaming a file over it would
  // replace the node itself.
  if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
    return write_directly(shown, target, data);
  if (!S_ISREG(st.st_mode))
    throw Error(
        fmt::format("cannot write {}: it is not a regular file, a terminal or a pipe", shown));
  write_file_atomically(target, data);
}

}  // namespace parplan
