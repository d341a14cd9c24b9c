#pragma once

// Where a command's output goes: -o FILE (atomically) or stdout, and the scratch file that
// libxlsxwriter needs to build a workbook.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "parplan/model.hpp"

namespace parplan::cli {

// `data` to -o FILE (atomically; never one of the files `plan` was read from) or to stdout. A
// binary format (`binary_name`, e.g. "xlsx") is refused on a terminal stdout (usage error), where
// it would only garble the screen.
void emit(const Plan& plan, const std::optional<std::string>& output, std::string_view data,
          std::string_view binary_name = {});

// Runs `generate` on a fresh file in the temporary directory and returns what it wrote; the
// file is removed in every case.
std::string generated_bytes(const std::function<void(const std::string& path)>& generate);

}  // namespace parplan::cli
