#include "file_output.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app.hpp"
#include "parplan/error.hpp"
#include "parplan/output.hpp"

namespace parplan::cli {

void emit(const Plan& plan, const std::optional<std::string>& output, std::string_view data,
          std::string_view binary_name) {
  if (output) {
    write_output(*output, data, plan_files(plan));
    return;
  }
  if (!binary_name.empty() && ::isatty(STDOUT_FILENO) == 1)
    throw Error(fmt::format(
        "will not write a binary {} file to the terminal; use -o FILE or redirect stdout",
        binary_name));
  write_stdout(data);
}

std::string generated_bytes(const std::function<void(const std::string& path)>& generate) {
  std::string path = (std::filesystem::temp_directory_path() / "parplan-XXXXXX").string();
  int fd = ::mkstemp(path.data());
  if (fd < 0)
    throw Error(fmt::format("{}: cannot create a scratch file: {}", path, std::strerror(errno)));
  ::close(fd);
  struct Remove {
    const std::string& path;
    ~Remove() { std::filesystem::remove(path); }
  } remove{path};
  generate(path);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw Error(fmt::format("{}: cannot read back the generated file", path));
  return bytes.str();
}

}  // namespace parplan::cli
