#pragma once

// Lets doctest print lists of diagnostic lines when a comparison fails, one per line.

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string out = "{\n";
    for (const auto& line : lines) out += "  " + line + "\n";
    return (out + "}").c_str();
  }
};
}  // namespace doctest
