// The malformed-plan corpus (tests/malformed/README.md) through the built binary: every case must
// give exactly its expected output and exit code, within 2 s of CPU time and 256 MB.

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace fs = std::filesystem;
using parplan::test::RunResult;
using parplan::test::source_path;
using parplan::test::TempDir;

namespace {

// The ceilings hold for the optimised build; sanitizers and -O0 multiply time and memory.
#if defined(__SANITIZE_ADDRESS__) || !defined(__OPTIMIZE__)
constexpr bool measured_build = false;
#else
constexpr bool measured_build = true;
#endif

struct Expected {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// "exit N", then "stdout:" and its lines, then "stderr:" and its lines.
Expected read_expected(const fs::path& path) {
  std::istringstream in(parplan::test::read_file(path.string()));
  Expected e;
  std::string line;
  std::string* section = nullptr;
  while (std::getline(in, line)) {
    if (line.starts_with("exit ")) {
      e.exit_code = std::stoi(line.substr(5));
    } else if (line == "stdout:") {
      section = &e.out;
    } else if (line == "stderr:") {
      section = &e.err;
    } else {
      REQUIRE_MESSAGE(section, "text before stdout: in " << path);
      *section += line + "\n";
    }
  }
  return e;
}

// \n, \t, \r, \\ and \xHH, so one setup line can describe any bytes.
std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    char c = text[++i];
    if (c == 'n') {
      out += '\n';
    } else if (c == 't') {
      out += '\t';
    } else if (c == 'r') {
      out += '\r';
    } else if (c == 'x' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string replace_all(std::string text, std::string_view from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
  return text;
}

// Runs a case's `setup`: inputs too big, too special or too binary to keep in git.
//   args ARG...            parplan's arguments instead of `validate --plan plan`
//   write PATH COUNT TEXT  appends TEXT (escapes as above, also in PATH; {n} = 1..COUNT) COUNT
//                          times
//   fifo PATH | mkdir PATH | remove PATH | symlink PATH TARGET
void run_setup(const fs::path& setup, const fs::path& root, std::vector<std::string>& args) {
  std::istringstream in(parplan::test::read_file(setup.string()));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string command, path;
    words >> command;
    if (command == "args") {
      args.clear();
      for (std::string arg; words >> arg;) args.push_back(arg);
      continue;
    }
    words >> path;
    fs::path target = root / unescape(path);
    if (command == "write") {
      std::size_t count = 0;
      words >> count;
      words.get();  // the space before TEXT
      std::string text = unescape(std::string(std::istreambuf_iterator<char>(words), {}));
      bool numbered = text.find("{n}") != std::string::npos;
      std::string content;
      content.reserve(text.size() * count);
      for (std::size_t n = 1; n <= count; ++n)
        content += numbered ? replace_all(text, "{n}", std::to_string(n)) : text;
      std::ofstream(target, std::ios::binary | std::ios::app) << content;
    } else if (command == "fifo") {
      REQUIRE(::mkfifo(target.c_str(), 0644) == 0);
    } else if (command == "mkdir") {
      fs::create_directories(target);
    } else if (command == "remove") {
      fs::remove(target);
    } else if (command == "symlink") {
      std::string to;
      words >> to;
      fs::create_symlink(to, target);
    } else {
      FAIL("unknown setup command '" << command << "' in " << setup);
    }
  }
}

}  // namespace

TEST_CASE("malformed corpus: every case gives its exact diagnostics, fast and small") {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(source_path("tests/malformed")))
    if (entry.is_directory()) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  CHECK(cases.size() >= 40);

  // The cost of every case, for docs/reliability.md: build/tests/malformed-costs.txt.
  std::ofstream costs("malformed-costs.txt");
  costs << "case\tseconds\tcpu_seconds\tpeak_rss_mb\n";
  for (const fs::path& dir : cases) {
    std::string name = dir.filename().string();
    INFO("case " << name);
    TempDir tmp;
    parplan::test::copy_tree(source_path("tests/fixtures/base-plan"),
                             (tmp.path() / "plan").string());
    if (fs::exists(dir / "files"))
      parplan::test::copy_tree((dir / "files").string(), (tmp.path() / "plan").string());
    std::vector<std::string> args = {"validate", "--plan", "plan"};
    if (fs::exists(dir / "setup")) run_setup(dir / "setup", tmp.path(), args);

    Expected expected = read_expected(dir / "expected");
    parplan::test::RunOptions options;
    options.cwd = tmp.str();
    RunResult r = parplan::test::run_parplan(args, options);
    CHECK(r.exit_code == expected.exit_code);
    CHECK(r.out == expected.out);
    CHECK(r.err == expected.err);

    double rss_mb = static_cast<double>(r.max_rss_kb) / 1024;
    costs << name << '\t' << r.seconds << '\t' << r.cpu_seconds << '\t' << rss_mb << '\n';
    // CPU time, as the machine may be busy with other work; the wall-clock ceiling still catches
    // a case that hangs without computing, such as an open() blocking on a FIFO.
    if (measured_build) {
      CHECK(r.cpu_seconds < 2.0);
      CHECK(r.seconds < 10.0);
      CHECK(rss_mb < 256);
    }
  }
}
