#pragma once

#include <string>
#include <vector>

namespace parplan {

enum class Severity { warning, error };

// A problem in the user's plan, located 1-based in the file the user would name.
// line == 0 means the problem belongs to the whole file (or to no file at all when file is empty).
struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// "FILE:LINE:COL: error: message", the shape compilers and editors understand.
std::string format_text(const Diagnostic& d);
// "::error file=F,line=L,col=C::message" for GitHub Actions annotations.
std::string format_github(const Diagnostic& d);

const char* to_string(Severity s);

std::size_t count(const std::vector<Diagnostic>& diagnostics, Severity s);
bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace parplan
