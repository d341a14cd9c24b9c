#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "parplan/diagnostic.hpp"

namespace parplan {

// Collects the diagnostics of one file into the load's list, keeping at most `limit` of them:
// past that a broken file only repeats itself, and a hostile one would fill memory and screen.
class FileReport {
 public:
  static constexpr std::size_t default_limit = 1000;

  FileReport(std::string file, std::vector<Diagnostic>& out, std::size_t limit = default_limit)
      : file_(std::move(file)), out_(out), first_(out.size()), limit_(limit) {}
  FileReport(const FileReport&) = delete;
  FileReport& operator=(const FileReport&) = delete;

  [[nodiscard]] const std::string& file() const { return file_; }
  // Problems reported since the last finish(), shown or not.
  [[nodiscard]] std::size_t count() const { return out_.size() - first_ + dropped_; }

  void add(Severity severity, int line, int column, std::string message) {
    if (out_.size() - first_ >= limit_) {
      ++dropped_;
      return;
    }
    out_.push_back({severity, file_, line, column, std::move(message)});
  }
  void error(int line, int column, std::string message) {
    add(Severity::error, line, column, std::move(message));
  }
  void warning(int line, int column, std::string message) {
    add(Severity::warning, line, column, std::move(message));
  }

  // Puts this file's diagnostics in reading order (parser and schema problems interleave) and
  // says how many were left out.
  void finish();

 private:
  std::string file_;
  std::vector<Diagnostic>& out_;
  std::size_t first_;
  std::size_t limit_;
  std::size_t dropped_ = 0;
};

}  // namespace parplan
