#pragma once

#include <pugixml.hpp>
#include <string>

namespace parplan::import {

// Parses one XML part of a .docx/.xlsx in place with pugixml. pugixml never expands entities
// beyond the five predefined ones and character references, and never fetches anything; a part
// with a DOCTYPE (which Office never writes) is refused outright, as are invalid UTF-8 and more
// elements or attributes than the limits (each costs pugixml ~64 bytes). Throws parplan::Error.
void parse_xml_part(pugi::xml_document& doc, std::string& xml, const std::string& label,
                    const std::string& part);

inline constexpr std::size_t max_xml_elements = 1'000'000;
inline constexpr std::size_t max_xml_attributes = 1'500'000;

// The element's name without its namespace prefix: "w:tc" -> "tc".
std::string_view local_name(const pugi::xml_node& node);
// The attribute with this local name (any prefix), or an empty attribute.
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name);
// The first child element with this local name, or an empty node.
pugi::xml_node child(const pugi::xml_node& node, std::string_view name);

// Visits the element descendants of `node` in document order without recursion (nesting depth
// costs nothing); `visit` returns false to skip an element's children.
template <typename Visit>
void for_each_descendant(const pugi::xml_node& node, Visit visit) {
  pugi::xml_node current = node.first_child();
  while (current && current != node) {
    bool descend = current.type() == pugi::node_element && visit(current);
    if (descend && current.first_child()) {
      current = current.first_child();
      continue;
    }
    while (current != node && !current.next_sibling()) current = current.parent();
    if (current == node) break;
    current = current.next_sibling();
  }
}

}  // namespace parplan::import
