#include "owner_registry.hpp"

#include <fmt/format.h>

#include "parplan/unicode.hpp"

namespace parplan::import {

std::string match_key(std::string_view text) {
  std::string folded = unicode::fold(text);
  std::string key;
  for (char c : folded) {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += c;
    }
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

std::string ascii_slug(std::string_view text, std::size_t max_length) {
  std::string slug;
  for (char c : unicode::fold(text)) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  if (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() > max_length) {
    auto cut = slug.rfind('-', max_length);
    slug.resize(cut == std::string::npos || cut == 0 ? max_length : cut);
  }
  return slug;
}

OwnerRegistry::OwnerRegistry(const Plan* known) {
  if (!known) return;
  for (const Owner& o : known->owners()) {
    taken_.insert(o.id);
    known_.emplace(match_key(o.name), &o);
    for (const std::string& alias : o.aliases) known_.emplace(match_key(alias), &o);
  }
}

std::string OwnerRegistry::id_for(const std::string& name) {
  std::string key = match_key(name);
  if (auto it = by_key_.find(key); it != by_key_.end()) return used_[it->second].id;
  Owner owner;
  if (auto it = known_.find(key); it != known_.end()) {
    owner.id = it->second->id;
    owner.name = it->second->name;
    // Several spellings of one --owners entry share its id; it is listed once.
    for (const Owner& o : used_)
      if (o.id == owner.id) {
        by_key_.emplace(key, static_cast<std::size_t>(&o - used_.data()));
        return o.id;
      }
  } else {
    std::string base = ascii_slug(name, 40);
    if (base.empty()) base = "owner";
    owner.id = base;
    for (int n = 2; taken_.count(owner.id); ++n) owner.id = fmt::format("{}-{}", base, n);
    taken_.insert(owner.id);
    owner.name = name;
  }
  by_key_.emplace(key, used_.size());
  used_.push_back(std::move(owner));
  return used_.back().id;
}

}  // namespace parplan::import
