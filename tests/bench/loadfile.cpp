// loadfile: the baseline issue 14 names for the shipped plan: yaml-cpp's YAML::LoadFile (a node
// tree per file, nothing else) of each argument's *.yaml files, in name order. Heavier than
// floor.cpp's event parse, lighter than any loader that checks what it reads.
//
// Build: g++ -std=c++20 -O2 -DNDEBUG loadfile.cpp -lyaml-cpp -o loadfile
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path path(argv[i]);
    if (!std::filesystem::is_directory(path)) {
      files.push_back(path);
      continue;
    }
    for (const auto& entry : std::filesystem::directory_iterator(path))
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::size_t nodes = 0;
  for (const auto& file : files) nodes += YAML::LoadFile(file.string()).size();
  std::printf("%zu files, %zu top-level entries\n", files.size(), nodes);
  return 0;
}
