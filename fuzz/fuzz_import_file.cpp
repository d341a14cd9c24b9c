// libFuzzer harness: any bytes as the file given to `parplan import`: format sniffing, libzip,
// the zip limits and every reader behind them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parplan/error.hpp"
#include "parplan/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  parplan::ImportOptions options;
  options.year = 2024;
  try {
    parplan::import_appendix("fuzz.docx", bytes, options);
  } catch (const parplan::Error&) {
  }
  return 0;
}
