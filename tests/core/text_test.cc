#include "core/text.h"

#include <gtest/gtest.h>

namespace tkg {
namespace {

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_FALSE(FindInvalidUtf8("plain ascii text that is long enough").has_value());
  EXPECT_FALSE(FindInvalidUtf8("Kačer “quoted” – 😀").has_value());
  EXPECT_EQ(FindInvalidUtf8("abc\xff"), 3u);
  EXPECT_EQ(FindInvalidUtf8("ab\xC3"), 2u);                       // truncated sequence
  EXPECT_EQ(FindInvalidUtf8("x\xC0\xAF"), 1u);                    // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);                 // surrogate
  EXPECT_EQ(FindInvalidUtf8("0123456789\xF5\x80\x80\x80"), 10u);  // > U+10FFFF
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  std::string s = "é–😀";
  std::string back;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    int len = DecodeUtf8(s, i, &cp);
    AppendUtf8(cp, &back);
    i += static_cast<std::size_t>(len);
  }
  EXPECT_EQ(back, s);
}

TEST(Fold, IgnoresCaseDiacriticsAndQuoteVariants) {
  EXPECT_EQ(Fold("Kačer"), "kacer");
  EXPECT_EQ(Fold("  Rastislav   KAČER "), "rastislav kacer");
  EXPECT_EQ(Fold("NATO’s"), "nato's");
  EXPECT_EQ(Fold("Straße Ærø"), "strasse aero");
  EXPECT_EQ(Fold("Зеленський"), "зеленський");
}

TEST(Slug, MakesIdSafeNames) {
  EXPECT_EQ(Slug("Jens Stoltenberg"), "jens-stoltenberg");
  EXPECT_EQ(Slug("  Secretary-General, NATO! "), "secretary-general-nato");
  EXPECT_EQ(Slug("Kačer"), "kacer");
}

TEST(Text, TrimAndCase) {
  EXPECT_EQ(TrimSpace("\xC2\xA0 x y \n"), "x y");
  EXPECT_TRUE(EqualsIgnoreCase("Read More", "read more"));
  EXPECT_FALSE(EqualsIgnoreCase("Read", "reads"));
  EXPECT_TRUE(IsUpper(U'Č'));
  EXPECT_TRUE(IsLower(U'č'));
  EXPECT_TRUE(IsLetter(U'ж'));
  EXPECT_FALSE(IsLetter(U'“'));
}

}  // namespace
}  // namespace tkg
