// libFuzzer harness: word/document.xml through the Word table reader and the whole import.
#include <cstddef>
#include <cstdint>
#include <string>

#include "import/docx_reader.hpp"
#include "import_harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string xml(reinterpret_cast<const char*>(data), size);
  parplan::fuzz::import_through([&] { return parplan::import::read_docx_xml(xml, "fuzz"); });
  return 0;
}
