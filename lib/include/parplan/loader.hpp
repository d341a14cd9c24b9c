#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parplan/diagnostic.hpp"
#include "parplan/model.hpp"

namespace parplan {

class ParseSharing;  // see LoadOptions::sharing

struct LoadOptions {
  // Files larger than this are refused before parsing. 16 MiB admits field files of ~40,000
  // activities while keeping a hostile file from costing more than a few hundred MB.
  std::uint64_t max_file_size = 16 * 1024 * 1024;
  // load_plan also returns the bytes it read, for editors that rewrite a file and load again.
  bool keep_sources = false;
  // Two loads of versions of one plan (the sides of a diff), given the same sharing and each its
  // own side (0 and 1), parse a file whose name and bytes are the same on both sides once.
  std::shared_ptr<ParseSharing> sharing;
  int side = 0;
};

std::shared_ptr<ParseSharing> make_parse_sharing();
// How many files one side took from the other's parse.
std::size_t shared_parses(ParseSharing& sharing);

struct SourceFile {
  std::string name;
  std::string content;
};

struct LoadResult {
  Plan plan;  // as much of the plan as could be read; trust it only when !has_errors()
  std::vector<Diagnostic> diagnostics;
  std::vector<SourceFile> sources;  // with LoadOptions::keep_sources: every file read, by name

  [[nodiscard]] bool ok() const { return !parplan::has_errors(diagnostics); }
};

// Loads and checks the plan in `directory` (plan.yaml plus every other *.yaml / *.yml file).
// Problems in the plan are returned as diagnostics; a directory that cannot be read at all throws
// parplan::Error. Paths in diagnostics start with `directory` exactly as given.
LoadResult load_plan(const std::string& directory, const LoadOptions& options = {});

// Loads a plan from in-memory files (name -> content), for git revisions and tests. `plan.yaml`
// must be among them; diagnostics name files as `directory/name`.
LoadResult load_plan_from_sources(const std::string& directory, std::vector<SourceFile> files,
                                  const LoadOptions& options = {});
// Loads field files (no plan.yaml) against the year and owners of an already-loaded `context`:
// git's diff driver sees one field file at a time.
LoadResult load_fields_from_sources(const std::string& directory, const Plan& context,
                                    std::vector<SourceFile> files, const LoadOptions& options = {});

}  // namespace parplan
