#pragma once

// The parser-independent half of yaml::parse: a tree built from parse events given as byte
// offsets, with the checks every reader shares (nesting, size, duplicate keys, anchors). The
// readers (yaml_libyaml_reader.cpp, yaml_cpp_reader.cpp) turn their parser's events into calls.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "file_report.hpp"
#include "parplan/unicode.hpp"
#include "yaml_tree.hpp"

namespace parplan::yaml {

// Turns byte offsets into 1-based lines and columns counted in characters. Counting from the line
// start for every node would be quadratic on a long line (1 MiB of "[,,,," is one line), and a
// table of line starts would cost 8 bytes a line (128 MB for 16 MiB of line feeds), so a few
// counts are kept per block of bytes and the rest of a block is scanned.
class TextIndex {
 public:
  explicit TextIndex(std::string_view text) : text_(text) {
    blocks_.reserve(text.size() / block + 1);
    Block counts;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (i % block == 0) blocks_.push_back(counts);
      auto c = static_cast<unsigned char>(text[i]);
      if ((c & 0xC0) != 0x80) ++counts.chars;
      if (c == '\n') {
        ++counts.lines;
        counts.line_start = i + 1;
      }
    }
    if (text.size() % block == 0) blocks_.push_back(counts);
  }

  [[nodiscard]] std::pair<int, int> position(std::size_t pos) const {
    pos = std::min(pos, text_.size());
    Block at = counts_before(pos);
    // A line usually starts in the same block as the position: count its characters directly
    // instead of scanning a second block.
    std::size_t column =
        at.line_start >= pos - pos % block
            ? unicode::code_points(text_.substr(at.line_start, pos - at.line_start)) + 1
            : at.chars - counts_before(at.line_start).chars + 1;
    return {static_cast<int>(at.lines) + 1, static_cast<int>(column)};
  }

  [[nodiscard]] std::size_t line_start(std::size_t pos) const {
    return counts_before(std::min(pos, text_.size())).line_start;
  }

 private:
  static constexpr std::size_t block = 256;

  // Before a position: characters, line feeds, and where its line starts.
  struct Block {
    std::size_t chars = 0;
    std::size_t lines = 0;
    std::size_t line_start = 0;
  };

  [[nodiscard]] Block counts_before(std::size_t pos) const {
    std::size_t b = pos / block;
    Block counts = blocks_[b];
    for (std::size_t i = b * block; i < pos; ++i) {
      auto c = static_cast<unsigned char>(text_[i]);
      if ((c & 0xC0) != 0x80) ++counts.chars;
      if (c == '\n') {
        ++counts.lines;
        counts.line_start = i + 1;
      }
    }
    return counts;
  }

  std::string_view text_;
  std::vector<Block> blocks_;
};

// Thrown from inside a reader to stop parsing; carries an already-built diagnostic.
struct Abort {
  int line;
  int column;
  std::string message;
};

std::string nesting_message();

class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, const TextIndex& index, FileReport& report)
      : text_(text), index_(index), report_(report) {}

  Node take_root() { return std::move(root_); }
  [[nodiscard]] const TextIndex& index() const { return index_; }

  // Where the innermost '[' (or '{') still open was written, for "never closed" at the end.
  [[nodiscard]] std::optional<std::size_t> open_bracket(char bracket) const;

  void document_start(std::size_t pos);
  void null_value(std::size_t pos);
  void alias(std::size_t pos);
  // Once per file: a billion-laughs file would otherwise fill the screen with the same line.
  void anchor(std::size_t pos);
  // `escapes`: the value may come from escape sequences (a double-quoted scalar), which can
  // produce what the file's checked bytes cannot.
  void scalar(std::size_t pos, std::string_view value, bool escapes);
  // `counts`: a nesting level the user wrote (see yaml_cpp_reader.cpp for the others).
  void sequence_start(std::size_t pos, bool counts);
  void map_start(std::size_t pos, bool counts);
  void end();  // of the innermost sequence or mapping

  void error(std::size_t pos, std::string message);

 private:
  struct Frame {
    Node node;
    std::size_t pos;                       // byte offset of the node in the text
    bool counts;                           // a nesting level the user wrote
    std::unordered_set<std::string> keys;  // filled only for large maps, see check_key
    bool second_id = false;                // a repeated 'id': the next item lost its "- "
  };

  Node make(Node::Kind kind, std::size_t pos);
  void open(Node node, std::size_t pos, bool counts);
  void add(Node node);
  void check_key(Frame& frame, Node& key);
  [[nodiscard]] int comment_after(std::size_t pos) const;
  [[nodiscard]] std::string second_document_message(std::size_t pos) const;

  std::string_view text_;
  const TextIndex& index_;
  FileReport& report_;
  std::vector<Frame> stack_;
  Node root_;
  int documents_ = 0;
  int depth_ = 0;
  bool anchor_reported_ = false;
  bool alias_reported_ = false;
  std::size_t nodes_ = 0;
};

// The readers yaml::parse tries in this order. libyaml reads several times faster than yaml-cpp,
// so it takes every file it can read without a word to say (no error, anchor, tag, duplicate key,
// second document or flow mapping); nullopt hands the file to yaml-cpp, which finds and words the
// problems. Both build the same tree (fuzz/fuzz_yaml_readers.cpp compares them).
std::optional<Node> read_clean_with_libyaml(std::string_view text, const TextIndex& index);
Node read_with_yaml_cpp(std::string_view text, const TextIndex& index, FileReport& report);

// Every field of a tree, a node a line, indented by depth: what the readers are compared on.
std::string dump(const Node& node);

}  // namespace parplan::yaml
