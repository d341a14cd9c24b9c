#pragma once

// The CSV options list and due share: --bom and --delimiter, refused with any other format.

#include <CLI/CLI.hpp>
#include <string>

namespace parplan::cli {

struct CsvOptions {
  bool bom = false;
  std::string delimiter = ",";  // one character, checked while parsing

  [[nodiscard]] char separator() const { return delimiter.front(); }
};

void add_csv_options(CLI::App* cmd, CsvOptions& options);

// --bom and --delimiter only make sense for CSV; with another format they are a usage error.
void check_csv_options(const CsvOptions& options, const std::string& format);

}  // namespace parplan::cli
