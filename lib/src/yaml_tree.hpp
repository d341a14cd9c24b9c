#pragma once

// A small YAML document tree built from yaml-cpp parser events. yaml-cpp's own YAML::Node keeps
// duplicate keys, follows aliases (billion laughs) and loses exact positions; building our own
// tree from events lets the loader refuse those as it goes and costs less than YAML::Node.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parplan/diagnostic.hpp"

namespace parplan::yaml {

struct Node {
  enum class Kind : std::uint8_t { null, scalar, sequence, map };
  Kind kind = Kind::null;
  int line = 0;             // 1-based
  int column = 0;           // 1-based, in characters
  std::string value;        // scalars: the text, NFC
  std::vector<Node> items;  // sequences: elements; maps: key, value, key, value, ...

  [[nodiscard]] bool is_map() const { return kind == Kind::map; }
  [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
  [[nodiscard]] bool is_null() const { return kind == Kind::null; }
};

const char* describe(Node::Kind kind);  // "a mapping", "a list", "text", "nothing"

constexpr int max_depth = 64;

// Parses one file's text (already checked for encoding and with LF line endings). Problems are
// appended to `diagnostics` naming `file`. Returns a null node when nothing usable was parsed.
Node parse(std::string_view text, const std::string& file, std::vector<Diagnostic>& diagnostics);

}  // namespace parplan::yaml
