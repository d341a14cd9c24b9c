#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/loader.hpp"
#include "parplan/model.hpp"

namespace parplan {

// `parplan import`: a published plan's appendix table (.docx, .xlsx, .csv) as plan files.
// docs/import.md describes the layouts and cell rules.
struct ImportOptions {
  std::string plan_id;      // default: from the title
  std::optional<int> year;  // default: the year the title or the time cells name
  std::string title;        // default: the document's "KẾ HOẠCH …" line, else the file name
  std::string sheet;        // .xlsx: the sheet to read (default the first)
  const Plan* owners = nullptr;  // --owners: names matched to these owners' ids
};

struct ImportResult {
  std::vector<SourceFile> files;      // plan.yaml, then 01-<slug>.yaml, ...
  std::vector<std::string> warnings;  // "FILE:table 2, row 37, column 7: warning: ..."
  std::size_t fields = 0, tasks = 0, activities = 0, owners = 0;
};

// Reads `bytes`, the content of the file named `label` (as the user typed it; its extension
// only decides between CSV and a refusal when the content is neither zip nor OLE2 nor PDF).
// Throws parplan::Error with one line saying what is wrong and what to do: an old .doc/.xls, a
// password-protected or damaged file, a PDF, a zip bomb, no recognisable table.
ImportResult import_appendix(const std::string& label, std::string_view bytes,
                             const ImportOptions& options);

// Largest input file import reads.
inline constexpr std::uint64_t max_import_file_size = 64u << 20;

// Reads the input file (a regular file of at most max_import_file_size bytes). Throws Error.
std::string read_import_file(const std::string& path);

// Writes `files` into a new directory created next to `directory`, then renames it into place,
// so `directory` holds the old files or the new ones, never a mix. An existing non-empty
// `directory` is refused unless `force`, in which case the old one is swapped out and removed.
void write_plan_directory(const std::string& directory, const std::vector<SourceFile>& files,
                          bool force);

}  // namespace parplan
