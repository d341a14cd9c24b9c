// libFuzzer harness: a sheet and its shared strings (split at the first NUL byte) through the
// Excel reader and the whole import.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "import/xlsx_reader.hpp"
#include "import_harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  auto nul = input.find('\0');
  std::string sheet = input.substr(0, nul);
  std::optional<std::string> shared;
  if (nul != std::string::npos) shared = input.substr(nul + 1);
  parplan::fuzz::import_through(
      [&] { return parplan::import::read_xlsx_sheet(sheet, shared, "fuzz", "Sheet1"); });
  return 0;
}
