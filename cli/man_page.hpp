#pragma once

// Man pages in roff (man(7) macros), generated from the same descriptions, options and help
// footers that `--help` prints: parplan(1) and parplan-COMMAND(1) for every subcommand.

#include <string>
#include <vector>

#include "command_line.hpp"

namespace parplan::cli {

struct ManPage {
  std::string file_name;  // "parplan.1", "parplan-due.1"
  std::string text;
};

// One page per command of `commands` (describe_command_line's order: parplan first). `version`
// goes in the footer ("parplan 0.1.0"); pages carry no date, so they are reproducible.
std::vector<ManPage> man_pages(const std::vector<CommandSpec>& commands,
                               const std::string& version);

}  // namespace parplan::cli
