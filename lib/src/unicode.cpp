#include "parplan/unicode.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "parplan/error.hpp"

namespace parplan::unicode {

namespace {

bool is_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

const utf8proc_uint8_t* bytes(std::string_view text) {
  return reinterpret_cast<const utf8proc_uint8_t*>(text.data());
}

std::string map(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(bytes(text), static_cast<utf8proc_ssize_t>(text.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) throw Error(std::string("Unicode normalisation failed: ") + utf8proc_errmsg(n));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

// Calls fn(codepoint, byte_offset, byte_length) for each code point of valid UTF-8.
template <typename Fn>
void for_each_code_point(std::string_view text, Fn fn) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(bytes(text.substr(pos)),
                                            static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (len <= 0) {  // invalid: count the byte as one replacement character
      cp = 0xFFFD;
      len = 1;
    }
    if (!fn(cp, pos, static_cast<std::size_t>(len))) return;
    pos += static_cast<std::size_t>(len);
  }
}

int char_width(utf8proc_int32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp != 0x7F ? 1 : 0;
  return utf8proc_charwidth(cp);
}

}  // namespace

namespace {

// True when every code point is one that NFC leaves alone and that nothing composes with: below
// U+0300 (before the combining marks), precomposed Latin Extended Additional (U+1E00-U+1EFF,
// where Vietnamese letters like ộ live) or general punctuation. Text typed in NFC Vietnamese
// always passes, so utf8proc's costly normalisation runs only on text that may need it.
bool surely_nfc(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(bytes(text.substr(pos)),
                                            static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (len <= 0) return false;
    if (!(cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2000 && cp <= 0x206F)))
      return false;
    pos += static_cast<std::size_t>(len);
  }
  return true;
}

}  // namespace

std::string nfc(std::string_view text) {
  if (surely_nfc(text)) return std::string(text);
  return map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string fold(std::string_view text) {
  if (is_ascii(text)) {
    std::string out(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  std::string folded = map(text, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                     UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  // đ has no decomposition, so stripping marks leaves it; Vietnamese readers treat it as d.
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 2, "\xC4\x91") == 0) {  // U+0111 đ (Đ case-folds to it)
      out += 'd';
      ++i;
    } else {
      out += folded[i];
    }
  }
  return out;
}

std::size_t display_width(std::string_view text) {
  if (is_ascii(text)) return text.size();
  std::size_t width = 0;
  for_each_code_point(text, [&](utf8proc_int32_t cp, std::size_t, std::size_t) {
    width += static_cast<std::size_t>(char_width(cp));
    return true;
  });
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::size_t used = 0;
  std::size_t cut = 0;
  for_each_code_point(text, [&](utf8proc_int32_t cp, std::size_t pos, std::size_t len) {
    auto w = static_cast<std::size_t>(char_width(cp));
    if (used + w > width - 1) return false;  // keep one column for the ellipsis
    used += w;
    cut = pos + len;
    return true;
  });
  return std::string(text.substr(0, cut)) + "…";
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  std::size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(bytes(text.substr(pos)),
                                            static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (len <= 0) return pos;
    pos += static_cast<std::size_t>(len);
  }
  return std::nullopt;
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string capitalize(std::string_view text) {
  std::string out;
  for_each_code_point(text, [&](utf8proc_int32_t cp, std::size_t pos, std::size_t len) {
    utf8proc_uint8_t upper[4];
    utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_toupper(cp), upper);
    if (cp == 0xFFFD || n <= 0)
      out.append(text.substr(0, pos + len));
    else
      out.append(reinterpret_cast<const char*>(upper), static_cast<std::size_t>(n));
    out.append(text.substr(pos + len));
    return false;
  });
  return out;
}

}  // namespace parplan::unicode
