#include "test_support.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <stdexcept>

#include "parplan/loader.hpp"
#include "util/process.hpp"
#include "util/read_file.hpp"

namespace parplan::test {

namespace fs = std::filesystem;

std::string source_path(const std::string& relative) {
  return (fs::path(PARPLAN_SOURCE_DIR) / relative).string();
}

RunResult run_program(const std::vector<std::string>& argv, const RunOptions& options) {
  // A predictable environment: nothing from the developer's shell that changes parplan's output.
  util::ProcessOptions process;
  process.directory = options.cwd.empty() ? std::string(PARPLAN_SOURCE_DIR) : options.cwd;
  process.unset = {"NO_COLOR", "PARPLAN_PLAN", "COLUMNS"};
  for (const auto& [name, value] : options.env) process.environment.push_back(name + "=" + value);
  process.timeout = std::chrono::minutes(5);
  std::string program = argv.at(0);
  if (program.find('/') == std::string::npos) {
    const char* path = std::getenv("PATH");
    program = util::find_executable(program, path ? path : "").value_or(program);
  }
  auto started = std::chrono::steady_clock::now();
  util::ProcessResult r = util::run_process(
      program, std::vector<std::string>(argv.begin() + 1, argv.end()), process, options.stdin_text);
  if (r.ending != util::Ending::done) throw std::runtime_error(argv[0] + " did not finish");
  RunResult result;
  result.exit_code = r.status;
  result.out = std::move(r.out);
  result.err = std::move(r.err);
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.cpu_seconds = r.cpu_seconds;
  result.max_rss_kb = r.max_rss_kb;
  return result;
}

RunResult run_parplan(const std::vector<std::string>& args, const RunOptions& options) {
  std::vector<std::string> argv = {PARPLAN_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv, options);
}

nlohmann::json run_json(const std::string& command, std::vector<std::string> args) {
  args.insert(args.begin(), command);
  args.insert(args.end(), {"--format", "json"});
  RunResult r = run_parplan(args);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return nlohmann::json::parse(r.out);
}

std::vector<std::string> ids_of(const nlohmann::json& activities) {
  std::vector<std::string> out;
  for (const nlohmann::json& a : activities) out.push_back(a.at("id").get<std::string>());
  return out;
}

const parplan::Plan& fixture_plan(const std::string& relative) {
  static std::map<std::string, parplan::Plan> loaded;
  auto it = loaded.find(relative);
  if (it == loaded.end()) {
    parplan::LoadResult result = parplan::load_plan(source_path(relative));
    REQUIRE(result.ok());
    it = loaded.emplace(relative, std::move(result.plan)).first;
  }
  return it->second;
}

TempDir::TempDir() {
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate =
        fs::temp_directory_path() / ("parplan-test-" + std::to_string(rd()) + std::to_string(rd()));
    if (fs::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& relative, const std::string& content) const {
  fs::path p = path_ / relative;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + p.string());
  return p.string();
}

std::string read_file(const std::string& path) {
  constexpr std::uint64_t limit = 1024 * 1024 * 1024;
  util::ReadProblem problem;
  if (auto content = util::read_regular_file(path, limit, problem)) return *content;
  throw std::runtime_error(path + " " + util::describe(problem, limit));
}

void copy_tree(const std::string& from, const std::string& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

}  // namespace parplan::test
