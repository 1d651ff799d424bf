#include "extract/claims/claim_stage.h"

#include <gtest/gtest.h>

#include "extract/lexicon.h"
#include "tests/testing/documents.h"

namespace tkg {
namespace {

Document AnnotateClaims(std::string text, std::string_view date = "2022-11-29") {
  return testing::Annotate(std::move(text), date,
                           {"clean", "segment", "entities", "time", "claims"});
}

struct Seen {
  std::string speaker, cue, content, kind, date, rule;
};

std::vector<Seen> Claims(const Document& doc) {
  std::vector<Seen> out;
  for (const Claim& c : doc.claims()) {
    out.push_back(Seen{std::string(doc.Slice(c.speaker)), c.cue_lemma,
                       std::string(doc.Slice(c.content)), std::string(ClaimKindName(c.kind)),
                       c.date.value, std::string(c.rule.view())});
  }
  return out;
}

TEST(ClaimStage, DirectQuoteThenTagInBothOrders) {
  auto a = Claims(AnnotateClaims("“NATO’s door is open,” Stoltenberg said."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker, "Stoltenberg");
  EXPECT_EQ(a[0].content, "NATO’s door is open");  // the comma belongs to the frame
  EXPECT_EQ(a[0].kind, "direct");
  EXPECT_EQ(a[0].date, "2022-11-29");
  auto b = Claims(AnnotateClaims("\"We want to thank you,\" said Bolden to the gathered crowd."));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].speaker, "Bolden");
  EXPECT_EQ(b[0].content, "We want to thank you");
}

TEST(ClaimStage, TagThenQuoteAcrossSentencesAndParagraphs) {
  auto c =
      Claims(AnnotateClaims("He said, \"It felt good out there.\n\nWe could have scored.\" "
                            "After the match, the coach left."));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].content, "It felt good out there.\n\nWe could have scored.");
  EXPECT_EQ(c[0].rule, "claims.direct.tag_then_quote");
}

TEST(ClaimStage, MixedIndirectAndCoordinatedCues) {
  std::string text =
      "In a statement on Tuesday, NATO ministers meeting in the Romanian capital, Bucharest, "
      "condemned Russia’s “persistent attacks” and confirmed a 2008 decision that Ukraine will "
      "join the alliance.";
  auto c = Claims(AnnotateClaims(text, "2022-12-01"));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].speaker, "NATO ministers");
  EXPECT_EQ(c[0].content, "Russia’s “persistent attacks”");
  EXPECT_EQ(c[0].kind, "mixed");
  EXPECT_EQ(c[1].speaker, "NATO ministers");  // shared by "and confirmed"
  EXPECT_EQ(c[1].content, "a 2008 decision that Ukraine will join the alliance");
  EXPECT_EQ(c[1].kind, "indirect");
  // "on Tuesday" dates both speech acts (explicit), not the publication date.
  EXPECT_EQ(c[0].date, "2022-11-29");
  EXPECT_EQ(c[1].date, "2022-11-29");
}

TEST(ClaimStage, AccordingToPassiveAndContentFirst) {
  auto a = Claims(AnnotateClaims("According to the ministry, prices will rise."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker, "the ministry");
  EXPECT_EQ(a[0].content, "prices will rise");
  auto b = Claims(AnnotateClaims("Prices will rise, according to the ministry."));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].content, "Prices will rise");
  auto p = Claims(AnnotateClaims("His comments were echoed by several ministers."));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].speaker, "several ministers");
  EXPECT_EQ(p[0].content, "His comments");
  auto m = Claims(AnnotateClaims("“Russia does not have a veto” on joining, Stoltenberg said."));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].kind, "mixed");
  EXPECT_EQ(m[0].content, "“Russia does not have a veto” on joining");
}

TEST(ClaimStage, NotSpeechActs) {
  EXPECT_TRUE(
      Claims(AnnotateClaims("He did not say anything. She will announce it soon.")).empty());
}

TEST(ClaimStage, PronounSpeakersAndContinuations) {
  Document doc = AnnotateClaims(
      "Jens Stoltenberg met the press. He added that talks would go on. “We stay,” he said. "
      "“We will not leave.”");
  ASSERT_EQ(doc.claims().size(), 3u);
  for (const Claim& c : doc.claims()) {
    ASSERT_GE(c.speaker_entity, 0);
    EXPECT_EQ(doc.entities()[static_cast<std::size_t>(c.speaker_entity)].id,
              "person/jens-stoltenberg");
  }
  EXPECT_EQ(doc.Slice(doc.claims()[2].content), "We will not leave.");
  EXPECT_EQ(doc.claims()[2].rule.view(), "claims.direct.continuation");
}

TEST(ClaimStage, HeadlinePullQuoteAndBodyAreOneClaim) {
  std::string text;
  ASSERT_TRUE(ReadFile("samples/nato-bucharest-2022-11-29.txt", &text).ok());
  Document doc = AnnotateClaims(text);
  int back_down = 0;
  for (const Claim& c : doc.claims()) {
    if (doc.Slice(c.content).find("We will not back down") == std::string_view::npos) continue;
    ++back_down;
    EXPECT_FALSE(c.display);  // the body's claim is kept
    EXPECT_EQ(c.kind, ClaimKind::kDirect);
    EXPECT_EQ(c.evidence.size(), 2u);  // headline and pull-quote
  }
  EXPECT_EQ(back_down, 1);
  EXPECT_GE(doc.claims().size(), 13u);
}

TEST(ClaimStage, WithoutPublicationDateTheDateIsUnknown) {
  Document doc = AnnotateClaims("“It rained,” Smith said.", "");
  ASSERT_EQ(doc.claims().size(), 1u);
  EXPECT_FALSE(doc.claims()[0].date.has_interval());
  EXPECT_EQ(doc.claims()[0].date_basis, DateBasis::kUnknown);
}

}  // namespace
}  // namespace tkg
