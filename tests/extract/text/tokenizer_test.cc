#include "extract/text/tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/documents.h"

namespace tkg {
namespace {

using ::testing::ElementsAre;

struct Tokenized {
  std::vector<std::string> texts;
  std::vector<Token> tokens;
};

Tokenized Tok(std::string_view text) {
  Tokenizer tok(&testing::SharedResources()->abbreviations);
  Tokenized out;
  tok.Tokenize(text, Span{0, static_cast<std::uint32_t>(text.size())}, true, &out.tokens);
  for (const Token& t : out.tokens) out.texts.emplace_back(t.span.In(text));
  return out;
}

TEST(Tokenizer, SplitsCliticsStraightAndCurly) {
  EXPECT_THAT(
      Tok("NATO’s door doesn't close; they're here").texts,
      ElementsAre("NATO", "’s", "door", "does", "n't", "close", ";", "they", "'re", "here"));
  EXPECT_THAT(Tok("O'Brien can't").texts, ElementsAre("O'Brien", "ca", "n't"));
  // A backtick typed for an apostrophe, between letters; elsewhere a quote.
  Tokenized b = Tok("they can`t `go`");
  EXPECT_THAT(b.texts, ElementsAre("they", "ca", "n`t", "`", "go", "`"));
  EXPECT_EQ(b.tokens[3].kind, TokenKind::kQuote);
}

TEST(Tokenizer, ACliticAfterASpaceIsStillAClitic) {
  // Text tokenised the Penn Treebank way.
  Tokenized t = Tok("the company 's spray ; they 're here , 'Sam' and 's' .");
  EXPECT_THAT(t.texts, ElementsAre("the", "company", "'s", "spray", ";", "they", "'re", "here", ",",
                                   "'", "Sam", "'", "and", "'", "s", "'", "."));
  EXPECT_TRUE(t.tokens[2].Has(kTokClitic));
  EXPECT_EQ(t.tokens[2].kind, TokenKind::kWord);
  EXPECT_TRUE(t.tokens[6].Has(kTokClitic));
  // A quoted word that starts like a clitic is a word: "'re-elect'".
  EXPECT_THAT(Tok("voters chanted 're-elect Biden' and 're-engineering' .").texts,
              ElementsAre("voters", "chanted", "'", "re-elect", "Biden", "'", "and", "'",
                          "re-engineering", "'", "."));
}

TEST(Tokenizer, KeepsHyphensNumbersAndAbbreviations) {
  EXPECT_THAT(Tok("Secretary-General met 30-member U.S. Gen. Smith on 2022-11-29 at 10:30").texts,
              ElementsAre("Secretary-General", "met", "30-member", "U.S.", "Gen.", "Smith", "on",
                          "2022-11-29", "at", "10:30"));
  EXPECT_THAT(Tok("paid $1,000.5 in 2008-2014, i.e. more").texts,
              ElementsAre("paid", "$", "1,000.5", "in", "2008", "-", "2014", ",", "i.e.", "more"));
}

TEST(Tokenizer, UrlsAndEmailsAreOneToken) {
  EXPECT_THAT(
      Tok("see https://example.org/a?b=1. Mail me@example.org now").texts,
      ElementsAre("see", "https://example.org/a?b=1", ".", "Mail", "me@example.org", "now"));
}

TEST(Tokenizer, MarksOpeningAndClosingQuotes) {
  Tokenized t = Tok("“Open,” he said. \"Yes\" and ``so'' 'fine,' she said");
  std::vector<std::string> quotes;
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    if (t.tokens[i].kind != TokenKind::kQuote) continue;
    quotes.push_back(t.texts[i] + (t.tokens[i].Has(kTokOpenQuote) ? "<" : ">") +
                     (t.tokens[i].Has(kTokDoubleQuote) ? "2" : "1"));
  }
  EXPECT_THAT(quotes, ElementsAre("“<2", "”>2", "\"<2", "\">2", "``<2", "''>2", "'<1", "'>1"));
}

TEST(Tokenizer, OffsetsPointIntoTheText) {
  std::string text = "  Kačer\xC2\xA0said “no”.";
  Tokenized t = Tok(text);
  EXPECT_THAT(t.texts, ElementsAre("Kačer", "said", "“", "no", "”", "."));
  EXPECT_EQ(t.tokens[0].span.begin, 2u);
  EXPECT_TRUE(t.tokens[0].Has(kTokCapitalized));
  EXPECT_TRUE(t.tokens[1].Has(kTokSpaceBefore));
}

TEST(Tokenizer, CaseFlags) {
  Tokenized t = Tok("NATO Nato nato");
  EXPECT_TRUE(t.tokens[0].Has(kTokAllCaps));
  EXPECT_TRUE(t.tokens[1].Has(kTokCapitalized));
  EXPECT_FALSE(t.tokens[1].Has(kTokAllCaps));
  EXPECT_FALSE(t.tokens[2].Has(kTokCapitalized));
}

}  // namespace
}  // namespace tkg
