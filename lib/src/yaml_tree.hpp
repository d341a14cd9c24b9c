#pragma once

// A small YAML document tree built from parser events (libyaml's for files with nothing to
// report, yaml-cpp's for the rest: yaml_builder.hpp). A parser's own node type keeps duplicate
// keys, follows aliases (billion laughs) or loses exact positions; building our own tree from
// events lets the loader refuse those as it goes and costs less.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "file_report.hpp"

namespace parplan::yaml {

struct Node {
  enum class Kind : std::uint8_t { null, scalar, sequence, map };
  Kind kind = Kind::null;
  int line = 0;            // 1-based
  int column = 0;          // 1-based, in characters
  std::size_t offset = 0;  // bytes into the parsed text, for editors that rewrite it in place
  std::string value;       // scalars: the text, NFC
  // Plain scalars: the column of a ` #` later on the same line, where a comment cut the text
  // short ("title: Hội nghị #2" reads as "Hội nghị"); 0 when there is none.
  int comment_column = 0;
  std::vector<Node> items;  // sequences: elements; maps: key, value, key, value, ...

  [[nodiscard]] bool is_map() const { return kind == Kind::map; }
  [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
  [[nodiscard]] bool is_null() const { return kind == Kind::null; }
};

const char* describe(Node::Kind kind);  // "a mapping", "a list", "text", "nothing"

// Limits that keep a hostile file from costing more than a few hundred MB or a second or two.
// Plan files are far below all of them: a 4 MiB field file of 10,000 activities holds about
// 200,000 values, nests 5 levels deep, and its longest [ ] list holds a few owners.
constexpr int max_depth = 64;
// Values (scalars, lists, mappings) in one file: about 50,000 activities, and with ~72 bytes a
// node at most ~150 MB of tree.
constexpr std::size_t max_nodes = 1'000'000;
// How far yaml-cpp may read past the last value it reported, in characters that start or separate
// tokens (, [ ] { } : ? ! & * " '). While a '[' or '{' might still turn out to be a mapping key,
// yaml-cpp queues every token of the collection before reporting anything, ~100 bytes a token:
// 1 MiB of "[,,,," would queue a million of them.
constexpr std::size_t max_lookahead_marks = 100'000;

// Parses one file's text (already checked for encoding and with LF line endings), reporting
// problems to `report`. Returns a null node when nothing usable was parsed.
Node parse(std::string_view text, FileReport& report);

// "end 12" or "end:12" as it was meant: "end: 12", ready for a message (display_text); nullopt
// unless the text starts with a word that can be a key followed by a space or a colon and a value.
std::optional<std::string> with_colon(std::string_view line);

}  // namespace parplan::yaml
