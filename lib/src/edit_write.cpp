// Writing an edit: every file is checked against the bytes it was edited from before any is
// replaced, so a file saved by someone else in the meantime is never overwritten.

#include <fmt/format.h>

#include "parplan/edit.hpp"
#include "parplan/error.hpp"
#include "parplan/output.hpp"
#include "util/read_file.hpp"

namespace parplan {

void write_edit(const EditOutcome& outcome,
                const std::function<void(const std::string& path)>& before_check) {
  for (const EditedFile& file : outcome.files) {
    if (before_check) before_check(file.path);
    // One byte more than before may be read: a file that grew is a changed file.
    util::ReadProblem problem;
    if (util::read_regular_file(file.path, file.before.size() + 1, problem) != file.before)
      throw Error(
          fmt::format("{} changed on disk since parplan read it; nothing was written "
                      "(run the command again)",
                      file.path));
  }
  for (const EditedFile& file : outcome.files) write_file_atomically(file.path, file.after);
}

}  // namespace parplan
