// floor: the lower bound for any yaml-cpp based plan loader.
//
// For each argument (a YAML file, or a directory whose *.yaml files are
// taken in name order) read the file into memory and event-parse it with
// YAML::Parser and a handler that does nothing but count events. No nodes,
// no model, no checks: whatever parplan does on top costs more than this.
//
// Build: g++ -std=c++20 -O2 -DNDEBUG floor.cpp -lyaml-cpp -o floor
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

class NoopHandler final : public YAML::EventHandler {
 public:
  unsigned long events = 0;
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override { ++events; }
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {
    ++events;
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override { ++events; }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override { ++events; }
};

bool read_file(const std::filesystem::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = std::move(ss).str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: floor FILE_OR_DIR...\n");
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path arg(argv[i]);
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      std::vector<std::filesystem::path> in_dir;
      for (const auto& e : std::filesystem::directory_iterator(arg, ec))
        if (e.is_regular_file() && e.path().extension() == ".yaml") in_dir.push_back(e.path());
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else {
      files.push_back(arg);
    }
  }
  NoopHandler handler;
  unsigned long long bytes = 0;
  for (const auto& f : files) {
    std::string text;
    if (!read_file(f, text)) {
      std::fprintf(stderr, "floor: cannot read %s\n", f.c_str());
      return 2;
    }
    bytes += text.size();
    try {
      std::istringstream stream(std::move(text));
      YAML::Parser parser(stream);
      while (parser.HandleNextDocument(handler)) {
      }
    } catch (const YAML::Exception& e) {
      std::fprintf(stderr, "floor: %s: %s\n", f.c_str(), e.what());
      return 1;
    }
  }
  std::printf("floor: %zu files, %llu bytes, %lu events\n", files.size(), bytes, handler.events);
  return 0;
}
