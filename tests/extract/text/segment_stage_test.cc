#include "extract/text/segment_stage.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/documents.h"

namespace tkg {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Split(std::string text) {
  return testing::SentenceTexts(testing::Annotate(std::move(text), "", {"clean", "segment"}));
}

TEST(SentenceSplitter, AbbreviationsInitialsAndDecimals) {
  EXPECT_THAT(
      Split("Gen. Smith met Sen. Jones in the U.S. on Jan. 5. J. R. Smith paid 3.5 million. "
            "It worked."),
      ElementsAre("Gen. Smith met Sen. Jones in the U.S. on Jan. 5.",
                  "J. R. Smith paid 3.5 million.", "It worked."));
}

TEST(SentenceSplitter, CircaDoctorsAndExtension) {
  EXPECT_THAT(Split("Joshua Abraham Norton (c. 1818 – January 8, 1880) was a citizen. Theseus "
                    "unified Athens (ca. 1230 BC). Drs. Ali work wonders. Call Vladi Pimenov "
                    "ext. 37625 today."),
              ElementsAre("Joshua Abraham Norton (c. 1818 – January 8, 1880) was a citizen.",
                          "Theseus unified Athens (ca. 1230 BC).", "Drs. Ali work wonders.",
                          "Call Vladi Pimenov ext. 37625 today."));
}

TEST(SentenceSplitter, AbbreviationAtSentenceEnd) {
  EXPECT_THAT(Split("He moved to the U.S. The move was quick."),
              ElementsAre("He moved to the U.S.", "The move was quick."));
}

TEST(SentenceSplitter, AnAbbreviationBeforeTheSurnameOfSomeoneNamedEarlierEndsASentence) {
  EXPECT_THAT(Split("Steve Jobs spoke. Users surf in the U.S. Jobs also noted that apps sell. "
                    "The U.S. Army said it would help."),
              ElementsAre("Steve Jobs spoke.", "Users surf in the U.S.",
                          "Jobs also noted that apps sell.", "The U.S. Army said it would help."));
  // Without the person named in full before, the name may continue the
  // abbreviation.
  EXPECT_THAT(Split("Users surf in the U.S. Jobs also noted that apps sell."),
              ElementsAre("Users surf in the U.S. Jobs also noted that apps sell."));
}

TEST(SentenceSplitter, NoIsAnAbbreviationOnlyBeforeANumber) {
  EXPECT_THAT(Split("Does MSG affect you? No. Not really. Kevin McCarthy, the No. 2 House "
                    "Republican, said so. See the Nos. 4 and 5 items."),
              ElementsAre("Does MSG affect you?", "No.", "Not really.",
                          "Kevin McCarthy, the No. 2 House Republican, said so.",
                          "See the Nos. 4 and 5 items."));
  EXPECT_THAT(Split("“No.” She left. Hell no. Thats a great name."),
              ElementsAre("“No.”", "She left.", "Hell no.", "Thats a great name."));
}

TEST(SentenceSplitter, WordGluedToAnAbbreviationContinuesIt) {
  EXPECT_THAT(Split("It was the N.W.A biopic. She works at a Y.M.C.A in town."),
              ElementsAre("It was the N.W.A biopic.", "She works at a Y.M.C.A in town."));
}

TEST(SentenceSplitter, QuotesAndBracketsAfterThePeriod) {
  EXPECT_THAT(Split("“We will not back down.” He left. (It rained.) Then “Yes?” she asked."),
              ElementsAre("“We will not back down.”", "He left.", "(It rained.)",
                          "Then “Yes?” she asked."));
}

TEST(SentenceSplitter, CitationMarkersStayWithTheirSentence) {
  EXPECT_THAT(Split("It was noted by Bao Jingyan.[45][46] Zhuangzi wrote more. See [3] for it."),
              ElementsAre("It was noted by Bao Jingyan.[45][46]", "Zhuangzi wrote more.",
                          "See [3] for it."));
  // So do numbered markers after a space (Wikipedia as copied by hand) ...
  EXPECT_THAT(Split("He was sent to Harrow, where he remained until July 1805. [6] An "
                    "undistinguished student, he left in 1805. [19]"),
              ElementsAre("He was sent to Harrow, where he remained until July 1805. [6]",
                          "An undistinguished student, he left in 1805. [19]"));
  EXPECT_THAT(
      Split("It was noted by Miss Chaworth.\" [6] In Byron's later memoirs, it was not."),
      ElementsAre("It was noted by Miss Chaworth.\" [6]", "In Byron's later memoirs, it was not."));
  // ... but another bracket after a space opens the next sentence.
  EXPECT_THAT(Split("He left. [Editor's note: he came back.]"),
              ElementsAre("He left.", "[Editor's note: he came back.]"));
}

TEST(SentenceSplitter, FootnoteNumberGluedToThePeriod) {
  EXPECT_THAT(
      Split("Only one period is used as end-of-sentence and abbreviation marker.1 "
            "Sentence boundary detection is ambiguity resolution. It rose 3.5 percent."),
      ElementsAre("Only one period is used as end-of-sentence and abbreviation marker.1",
                  "Sentence boundary detection is ambiguity resolution.", "It rose 3.5 percent."));
  // A number after a space starts the next sentence.
  EXPECT_THAT(Split("They arrived in May. 2015 was a hard year."),
              ElementsAre("They arrived in May.", "2015 was a hard year."));
}

TEST(SentenceSplitter, ParagraphsAndHeadlinesWithoutPeriods) {
  EXPECT_THAT(
      Split("NATO chief says alliance will not back down\n\nIt met today.\n\nMore text here."),
      ElementsAre("NATO chief says alliance will not back down", "It met today.",
                  "More text here."));
}

TEST(SentenceSplitter, MarkOpeningALineAfterAPeriod) {
  EXPECT_THAT(Split("The ambiguity of the period is illustrated by example (1).\n"
                    "∗ Sprachwissenschaftliches Institut, Ruhr-Universität Bochum\n"
                    "and the ambiguity of the period.\n"
                    "°c 2006 Association for Computational Linguistics"),
              ElementsAre("The ambiguity of the period is illustrated by example (1).",
                          "∗ Sprachwissenschaftliches Institut, Ruhr-Universität Bochum\n"
                          "and the ambiguity of the period.",
                          "°c 2006 Association for Computational Linguistics"));
  EXPECT_THAT(Split("The plan has three parts.\n• Cut taxes.\n— Raise spending."),
              ElementsAre("The plan has three parts.", "• Cut taxes.", "— Raise spending."));
  // On the same line a dash after the period does not start a sentence.
  EXPECT_THAT(Split("Any suggestions for where we can go from here? — St. Paul, Minn."),
              ElementsAre("Any suggestions for where we can go from here? — St. Paul, Minn."));
}

TEST(SentenceSplitter, LineBreaksInHardWrappedText) {
  // Lines of an essay cut at a fixed width: a capital after a full line
  // does not start a sentence ...
  EXPECT_THAT(
      Split("be the universal sense; for the inmost in due time becomes the outmost,\n"
            "and our first thought is rendered back to us by the trumpets of the Last\n"
            "Judgment. Familiar as the voice of the mind is to each, the highest merit\n"
            "we ascribe to Moses is that he set at naught books and traditions. If\n"
            "I can be firm enough to-day to do right, and scorn eyes, I must have done\n"
            "so much right before."),
      ElementsAre("be the universal sense; for the inmost in due time becomes the outmost,\n"
                  "and our first thought is rendered back to us by the trumpets of the Last\n"
                  "Judgment.",
                  "Familiar as the voice of the mind is to each, the highest merit\n"
                  "we ascribe to Moses is that he set at naught books and traditions.",
                  "If\nI can be firm enough to-day to do right, and scorn eyes, I must have done\n"
                  "so much right before."));
  // ... but after a short line (a heading) it does.
  EXPECT_THAT(Split("The experiments carried out with the present system are discussed in\n"
                    "section 6, and in section 7 we compare them with other systems proposed\n"
                    "in the literature.\n"
                    "2 Likelihood Ratios\n"
                    "Punkt employs likelihood ratios to determine collocational ties in the\n"
                    "type-based as well as in the token-based stage of the detection."),
              ElementsAre("The experiments carried out with the present system are discussed in\n"
                          "section 6, and in section 7 we compare them with other systems "
                          "proposed\nin the literature.",
                          "2 Likelihood Ratios",
                          "Punkt employs likelihood ratios to determine collocational ties in the\n"
                          "type-based as well as in the token-based stage of the detection."));
}

TEST(SentenceSplitter, LineBreaksBetweenHeadlines) {
  // Lines of a web page, not wrapped prose: each line break before a
  // capital ends a sentence, whatever the length of the line.
  EXPECT_THAT(Split("F.B.I. Deemed Agents Faultless in 150 Shootings JUNE 18, 2013\n"
                    "Document: F.B.I. Releases Documents About 2012 Shooting in Queens\n"
                    "The disclosure came late."),
              ElementsAre("F.B.I. Deemed Agents Faultless in 150 Shootings JUNE 18, 2013",
                          "Document: F.B.I. Releases Documents About 2012 Shooting in Queens",
                          "The disclosure came late."));
}

TEST(SentenceSplitter, LowerCaseAfterPeriodDoesNotSplit) {
  EXPECT_THAT(Split("Prices rose (approx. three percent) etc. and more."),
              ElementsAre("Prices rose (approx. three percent) etc. and more."));
}

TEST(SentenceSplitter, SentencesCoverTheirTokens) {
  Document doc = testing::Annotate("One two. Three four!", "", {"clean", "segment"});
  ASSERT_EQ(doc.sentences().size(), 2u);
  const Sentence& s = doc.sentences()[1];
  EXPECT_EQ(doc.TokenText(s.first_token), "Three");
  EXPECT_EQ(doc.TokenText(s.end_token - 1), "!");
  EXPECT_EQ(doc.SentenceAt(s.span.begin), 1);
}

}  // namespace
}  // namespace tkg
