#pragma once

// Shell completion scripts for bash, zsh and fish, generated from the command line's own
// description (command_line.hpp). Values that live in the plan (activity ids, owners, fields)
// are asked of `parplan __complete KIND -- PREFIX` at completion time.

#include <string>
#include <vector>

#include "command_line.hpp"

namespace parplan::cli {

std::string bash_completion(const std::vector<CommandSpec>& commands);
std::string zsh_completion(const std::vector<CommandSpec>& commands);
std::string fish_completion(const std::vector<CommandSpec>& commands);

}  // namespace parplan::cli
