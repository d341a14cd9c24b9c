#include "parplan/html_markdown.hpp"

#include <fmt/format.h>

#include <vector>

#include "parplan/html.hpp"

namespace parplan {

namespace {

// markdown::escape in reverse: a backslash keeps the next character as it is.
std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out += text[i];
  }
  return out;
}

// The cells of "| a | b \| c |": split at unescaped pipes, outer ones dropped.
std::vector<std::string> cells(std::string_view line) {
  std::vector<std::string> out;
  std::string cell;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      cell += line.substr(i, 2);
      ++i;
    } else if (line[i] == '|') {
      std::size_t b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
      out.push_back(unescape(b == std::string::npos ? "" : cell.substr(b, e - b + 1)));
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
  }
  return lines;
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
  std::vector<std::string_view> lines = split_lines(markdown);
  std::string out;
  std::string paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) out += html::element("p", unescape(paragraph)) + "\n";
    paragraph.clear();
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::size_t hashes = line.find_first_not_of('#');
    if (hashes > 0 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ') {
      flush();
      out += html::element(fmt::format("h{}", hashes), unescape(line.substr(hashes + 1))) + "\n";
    } else if (line.starts_with('|') && i + 1 < lines.size() && lines[i + 1].starts_with("| ---")) {
      flush();
      std::vector<std::string> header = cells(line);
      std::vector<bool> right;
      for (const std::string& rule : cells(lines[i + 1])) right.push_back(rule.ends_with(':'));
      auto align = [&](std::size_t c) {
        return c < right.size() && right[c] ? " class=\"num\"" : "";
      };
      out += "<table>\n<thead><tr>";
      for (std::size_t c = 0; c < header.size(); ++c)
        out += html::element("th", header[c], align(c));
      out += "</tr></thead>\n<tbody>\n";
      for (i += 2; i < lines.size() && lines[i].starts_with('|'); ++i) {
        out += "<tr>";
        std::vector<std::string> row = cells(lines[i]);
        for (std::size_t c = 0; c < row.size(); ++c) out += html::element("td", row[c], align(c));
        out += "</tr>\n";
      }
      --i;
      out += "</tbody>\n</table>\n";
    } else if (line.empty()) {
      flush();
    } else {
      paragraph += (paragraph.empty() ? "" : " ") + std::string(line);
    }
  }
  flush();
  return out;
}

}  // namespace parplan
