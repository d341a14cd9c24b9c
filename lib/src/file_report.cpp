#include "file_report.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace parplan {

void FileReport::finish() {
  std::stable_sort(out_.begin() + static_cast<std::ptrdiff_t>(first_), out_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
  if (dropped_ > 0)
    out_.push_back(
        {Severity::error, file_, 0, 0,
         fmt::format("{} more problem(s) in this file not shown; fix these first", dropped_)});
  dropped_ = 0;
  first_ = out_.size();
}

}  // namespace parplan
