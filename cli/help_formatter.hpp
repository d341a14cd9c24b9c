#pragma once

#include <CLI/CLI.hpp>

namespace parplan::cli {

// `--help` in two clean columns: the option column holds names and the metavariable only (CLI11
// would add "Excludes: --as-of", "REQUIRED", "..." and the choices there, pushing descriptions
// out of line); what those said goes at the end of the description, which is wrapped to fit 80
// columns under itself. Commands stay one line each in `parplan --help` (their descriptions fit
// in 50 columns), so that tools reading the list never take a wrapped word for a command.
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter();
  [[nodiscard]] std::string make_option_opts(const CLI::Option* option) const override;
  [[nodiscard]] std::string make_option_desc(const CLI::Option* option) const override;
};

}  // namespace parplan::cli
