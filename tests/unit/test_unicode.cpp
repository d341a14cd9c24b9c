#include <doctest/doctest.h>

#include "parplan/unicode.hpp"

using namespace parplan::unicode;

TEST_CASE("unicode: nfc composes decomposed Vietnamese") {
  // "Sở" written as S + o + combining horn + combining grave.
  CHECK(nfc("So\xCC\x9B\xCC\x89") == "Sở");
  CHECK(nfc("plain ascii") == "plain ascii");
}

TEST_CASE("unicode: fold strips accents, case and maps đ to d") {
  CHECK(fold("Sở Nội vụ") == "so noi vu");
  CHECK(fold("ĐẮK NÔNG") == "dak nong");
  CHECK(fold("đơn vị") == "don vi");
  CHECK(fold("SNV") == "snv");
}

TEST_CASE("unicode: display width counts columns, not bytes") {
  CHECK(display_width("Sở Nội vụ") == 9);
  CHECK(display_width("So\xCC\x9B\xCC\x89") == 2);
  CHECK(display_width("日本") == 4);
  CHECK(pad_right("Sở", 4) == "Sở  ");
}

TEST_CASE("unicode: truncate_to_width cuts with an ellipsis") {
  CHECK(truncate_to_width("Cải cách hành chính", 8) == "Cải các…");
  CHECK(display_width(truncate_to_width("Cải cách hành chính", 8)) == 8);
  CHECK(truncate_to_width("ngắn", 10) == "ngắn");
}

TEST_CASE("unicode: find_invalid_utf8 locates the first bad byte") {
  CHECK_FALSE(find_invalid_utf8("Sở Nội vụ").has_value());
  CHECK(find_invalid_utf8("ab\xC3(") == 2u);
  CHECK(find_invalid_utf8("a\xC0\xAF") == 1u);  // overlong '/'
}

TEST_CASE("unicode: nfc leaves composed text alone and composes everything else") {
  CHECK(nfc("Cải cách hành chính – “đợt 1”…") == "Cải cách hành chính – “đợt 1”…");
  CHECK(nfc("A\xCC\x8A") == "Å");                  // A + combining ring, outside the fast path
  CHECK(nfc("\xE2\x84\xAB") == "Å");               // ANGSTROM SIGN is a singleton decomposition
  CHECK(nfc("\xE1\x84\x80\xE1\x85\xA1") == "가");  // Hangul jamo compose without marks
}
