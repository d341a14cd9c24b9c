// Writing an edit: every file is checked against the bytes it was edited from before any is
// replaced, so a file saved by someone else in the meantime is never overwritten.

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "parplan/edit.hpp"
#include "parplan/error.hpp"
#include "parplan/output.hpp"

namespace parplan {

namespace {

std::optional<std::string> current_content(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

}  // namespace

void write_edit(const EditOutcome& outcome,
                const std::function<void(const std::string& path)>& before_check) {
  for (const EditedFile& file : outcome.files) {
    if (before_check) before_check(file.path);
    if (current_content(file.path) != file.before)
      throw Error(
          fmt::format("{} changed on disk since parplan read it; nothing was written "
                      "(run the command again)",
                      file.path));
  }
  for (const EditedFile& file : outcome.files) write_file_atomically(file.path, file.after);
}

}  // namespace parplan
