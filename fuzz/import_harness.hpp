#pragma once
// What the import harnesses share: run the rest of the import on what a reader produced, load
// the files it writes, and let nothing but parplan::Error escape.

#include <cstdlib>
#include <string>

#include "import/pipeline.hpp"
#include "parplan/error.hpp"
#include "parplan/loader.hpp"

namespace parplan::fuzz {

template <typename Read>
void import_through(Read read) {
  try {
    import::Document doc = read();
    ImportOptions options;
    options.year = 2024;  // so a missing year does not end every run early
    ImportResult result = import::import_document(doc, "fuzz", options);
    // The writer's output must load: a YAML syntax error would mean text written unquoted.
    LoadResult loaded = load_plan_from_sources("fuzz", result.files);
    for (const Diagnostic& d : loaded.diagnostics)
      if (d.message.find("YAML") != std::string::npos) std::abort();
  } catch (const Error&) {
  }
}

}  // namespace parplan::fuzz
