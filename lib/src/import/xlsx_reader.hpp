#pragma once

#include <optional>
#include <string>

#include "table.hpp"
#include "zip_archive.hpp"

namespace parplan::import {

// The first sheet of the workbook, or the one named `sheet`, as one table whose columns are the
// sheet's (A = 1): shared and inline strings, numbers as written (3, not 3.0), merged ranges
// resolved like Word's (the top-left text repeated down a vertical merge). Throws parplan::Error.
Document read_xlsx(ZipArchive& zip, const std::string& label, const std::string& sheet);
// The same from a sheet's XML and the shared strings' (the fuzzer's entry point).
Document read_xlsx_sheet(std::string sheet_xml, std::optional<std::string> shared_strings_xml,
                         const std::string& label, const std::string& sheet_name);

}  // namespace parplan::import
