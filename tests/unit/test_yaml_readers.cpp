// The two YAML readers (lib/src/yaml_builder.hpp): libyaml takes the files that have nothing to
// report, yaml-cpp the rest, and for every file libyaml takes both must build the same tree.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "encoding.hpp"
#include "yaml_builder.hpp"

namespace {

namespace fs = std::filesystem;
using parplan::Diagnostic;
using parplan::FileReport;
using namespace parplan::yaml;

struct Readers {
  std::optional<std::string> libyaml;  // the tree libyaml built, if it took the file
  std::string yaml_cpp;
  std::vector<Diagnostic> diagnostics;  // yaml-cpp's
};

Readers read_both(const std::string& content) {
  Readers out;
  FileReport report("f", out.diagnostics);
  auto text = parplan::check_encoding(content, report);
  if (!text) return out;
  TextIndex index(*text);
  out.yaml_cpp = dump(read_with_yaml_cpp(*text, index, report));
  if (auto root = read_clean_with_libyaml(*text, index)) out.libyaml = dump(*root);
  return out;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Compares the readers on `content`; true when libyaml took it.
bool agree(const std::string& content) {
  Readers r = read_both(content);
  if (!r.libyaml) return false;
  CHECK(r.diagnostics.empty());
  CHECK(*r.libyaml == r.yaml_cpp);
  return true;
}

}  // namespace

TEST_CASE("yaml readers: every YAML file in the repository reads the same with both") {
  std::size_t files = 0;
  std::size_t taken = 0;
  for (const char* dir : {"data", "examples", "tests/fixtures", "tests/malformed", "fuzz/seeds"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(PARPLAN_SOURCE_DIR) / dir)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
      CAPTURE(entry.path().string());
      ++files;
      taken += agree(slurp(entry.path()));
    }
  }
  CHECK(files > 100);
  // The malformed corpus and the invalid fixtures go to yaml-cpp; the rest to libyaml.
  CHECK(taken > files / 2);
}

TEST_CASE("yaml readers: the shipped plan is read by libyaml") {
  for (const auto& entry : fs::directory_iterator(fs::path(PARPLAN_SOURCE_DIR) / "data")) {
    if (entry.path().extension() != ".yaml") continue;
    CAPTURE(entry.path().string());
    CHECK(agree(slurp(entry.path())));
  }
}

TEST_CASE("yaml readers: the shapes plan files use read the same") {
  const char* shapes[] = {
      // nulls, written every way yaml-cpp knows
      "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: ''\ng: \"\"\nh:\n",
      "a:\n  - \n  -\n  - x\n",
      "- \n- ~\n",
      "a:\n  b:\n",
      "a: [ ]\nb: []\nc: [x, [y, z], []]\n",
      "a: [x,\n  y,\n  z]\n",
      // scalars of every style
      "a: |\n  one\n  two\nb: >\n  folded\n  text\nc: |-\n  kept\nd: >-\n  kept\n\ne: 1\n",
      "a: 'it''s'\nb: \"tab\\there \\u1EA0 \\x41\"\nc: \"line\\\n  joined\"\n",
      "title: plain text\n  continued on the next line\nnext: x\n",
      "title: Hội nghị #2 là hội nghị\nnote: a#b c # comment\nx: 'q' # c\n",
      "đường: Điều chỉnh\nở: [Sở Nội vụ, Sở Tư pháp]\nchữ: \"ạ\"\n",
      // documents, comments, indentation
      "# only a comment\n",
      "",
      "---\na: 1\n...\n",
      "---\n",
      "tasks:\n- id: I.1\n  activities:\n  - id: I.1.1\n    months: [3, 4]\n",
      "a:    spaced   \nb:\tx\n",
      "- - a\n  - b\n- - c\n",
      "a: 1 # x\n# c\n\n\nb: 2\n",
  };
  for (const char* shape : shapes) {
    std::string text = shape;
    CAPTURE(text);
    CHECK(agree(text));
  }
}

TEST_CASE("yaml readers: what has something to say is left to yaml-cpp") {
  const char* shapes[] = {
      "a: &x 1\nb: *x\n",      // anchor, alias
      "a: !!str 1\n",          // tag
      "a: {b: 1}\n",           // flow mapping
      "a: [b: 1]\n",           // a pair in a list
      "a: 1\na: 2\n",          // duplicate key
      "a: 1\n---\nb: 2\n",     // second document
      "a: \"\\e\"\n",          // an escape that makes a control character
      "a: [1, 2\n",            // syntax error
      "a: \xE2\x80\xA8x\n",    // U+2028, a line break to libyaml only
      "[a]: 1\n",              // a key that is not text
      "a: b: c\n",             // yaml-cpp reads "b: c" as text, libyaml refuses it
      "a: |+\n  x\n\nb: 1\n",  // yaml-cpp drops the blank line `+` keeps
      "?\n>-",                 // an explicit key (a fuzzer finding)
      "\"\n\n\n\n\"",          // blank lines in quotes (a fuzzer finding)
      "- \n>-",                // a block that starts a line (a fuzzer finding)
      "a: \"\\_\"\n",          // yaml-cpp writes U+00A0 as one byte (a fuzzer finding)
      "a: [b? ]\n",            // yaml-cpp ends text in [ ] at '?' (a fuzzer finding)
  };
  for (const char* shape : shapes) {
    std::string text = shape;
    CAPTURE(text);
    CHECK_FALSE(read_both(text).libyaml);
  }
}
