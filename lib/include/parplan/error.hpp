#pragma once

#include <stdexcept>
#include <string>

namespace parplan {

// The one exception type: trouble that is not a problem in the plan itself (I/O, git, usage).
// main() catches it once and exits 2.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace parplan
