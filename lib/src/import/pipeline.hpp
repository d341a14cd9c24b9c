#pragma once

#include <string>

#include "parplan/import.hpp"
#include "table.hpp"

namespace parplan::import {

// Everything import does after a reader: find the appendix, decide year and title, build the
// plan, write its files. The fuzz harnesses enter here with what a reader produced.
ImportResult import_document(const Document& doc, const std::string& label,
                             const ImportOptions& options);

}  // namespace parplan::import
