// libFuzzer harness: the two YAML readers (lib/src/yaml_builder.hpp). Whatever file libyaml takes,
// yaml-cpp must read without a diagnostic into the same tree, every value and position alike;
// otherwise the same plan would read differently depending on an unrelated problem elsewhere.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "encoding.hpp"
#include "yaml_builder.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<parplan::Diagnostic> diagnostics;
  parplan::FileReport report("f", diagnostics);
  auto text =
      parplan::check_encoding(std::string(reinterpret_cast<const char*>(data), size), report);
  if (!text) return 0;
  parplan::yaml::TextIndex index(*text);
  auto fast = parplan::yaml::read_clean_with_libyaml(*text, index);
  if (!fast) return 0;
  std::string reference =
      parplan::yaml::dump(parplan::yaml::read_with_yaml_cpp(*text, index, report));
  std::string taken = parplan::yaml::dump(*fast);
  if (diagnostics.empty() && reference == taken) return 0;
  for (const auto& d : diagnostics)
    std::fprintf(stderr, "yaml-cpp: %d:%d: %s\n", d.line, d.column, d.message.c_str());
  std::fprintf(stderr, "libyaml:\n%s\nyaml-cpp:\n%s\n", taken.c_str(), reference.c_str());
  std::abort();
}
