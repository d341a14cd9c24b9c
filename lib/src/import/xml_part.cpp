#include "xml_part.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "parplan/error.hpp"
#include "parplan/unicode.hpp"

namespace parplan::import {

namespace {

std::string damaged(const std::string& label, const std::string& part, const std::string& why) {
  return fmt::format(
      "{}: the file is damaged ({}: {}); open it in Word or Excel (or LibreOffice) and save it "
      "again",
      label, part, why);
}

}  // namespace

void parse_xml_part(pugi::xml_document& doc, std::string& xml, const std::string& label,
                    const std::string& part) {
  if (auto bad = unicode::find_invalid_utf8(xml))
    throw Error(damaged(label, part, fmt::format("not UTF-8 at byte {}", *bad + 1)));
  // Entity declarations live in the DTD; refusing it means nothing can be expanded or fetched.
  if (xml.find("<!DOCTYPE") != std::string::npos || xml.find("<!ENTITY") != std::string::npos)
    throw Error(damaged(label, part, "it declares a DTD or entities, which Office never writes"));
  std::size_t elements = static_cast<std::size_t>(std::count(xml.begin(), xml.end(), '<'));
  std::size_t attributes = static_cast<std::size_t>(std::count(xml.begin(), xml.end(), '='));
  if (elements > max_xml_elements || attributes > max_xml_attributes)
    throw Error(fmt::format(
        "{}: {} has more than {} elements or {} attributes, more than a plan appendix needs; "
        "split the table into several files",
        label, part, max_xml_elements, max_xml_attributes));
  pugi::xml_parse_result result = doc.load_buffer_inplace(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
      pugi::encoding_utf8);
  if (!result)
    throw Error(damaged(
        label, part,
        fmt::format("malformed XML at byte {}: {}", result.offset + 1, result.description())));
}

std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view n = a.name();
    auto colon = n.find(':');
    if ((colon == std::string_view::npos ? n : n.substr(colon + 1)) == name) return a;
  }
  return {};
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c : node.children())
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  return {};
}

}  // namespace parplan::import
