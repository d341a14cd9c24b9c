// libFuzzer harness: CSV text through the CSV reader and the whole import.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/csv_reader.hpp"
#include "import_harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  parplan::fuzz::import_through([&] { return parplan::import::read_csv(text, "fuzz"); });
  return 0;
}
