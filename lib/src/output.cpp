#include "parplan/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "parplan/error.hpp"

namespace parplan {

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
  std::string tmp_template = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmp_template.data());
  if (fd < 0) throw Error("cannot write " + path + ": " + errno_text());
  auto fail = [&](const std::string& what) {
    std::string message = "cannot write " + path + ": " + what + ": " + errno_text();
    ::close(fd);
    ::unlink(tmp_template.c_str());
    throw Error(message + " (the existing file is unchanged)");
  };
  if (!write_fd(fd, data)) fail("write failed");
  if (::fsync(fd) != 0) fail("fsync failed");
  // Keep the mode of the file being replaced; new files get the usual 0666 & ~umask.
  mode_t mode = 0;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0) fail("chmod failed");
  if (::close(fd) != 0) {
    fd = -1;
    std::string message = "cannot write " + path + ": close failed: " + errno_text();
    ::unlink(tmp_template.c_str());
    throw Error(message);
  }
  if (::rename(tmp_template.c_str(), path.c_str()) != 0) {
    std::string message = "cannot write " + path + ": " + errno_text();
    ::unlink(tmp_template.c_str());
    throw Error(message + " (the existing file is unchanged)");
  }
  // Make the rename itself durable.
  int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

}  // namespace parplan
