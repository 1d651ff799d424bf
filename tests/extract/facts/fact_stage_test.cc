#include "extract/facts/fact_stage.h"

#include <gtest/gtest.h>

#include "extract/lexicon.h"
#include "tests/testing/documents.h"

namespace tkg {
namespace {

Document AnnotateAll(std::string text, std::string_view date = "2022-11-29") {
  return testing::Annotate(std::move(text), date,
                           {"clean", "segment", "entities", "time", "claims", "facts"});
}

const Fact* FindFact(const Document& doc, std::string_view lemma) {
  for (const Fact& f : doc.facts()) {
    if (f.relation_lemma == lemma) return &f;
  }
  return nullptr;
}

std::string EntityId(const Document& doc, std::int32_t e) {
  return e < 0 ? "" : doc.entities()[static_cast<std::size_t>(e)].id;
}

TEST(FactStage, NatoSampleFacts) {
  std::string text;
  ASSERT_TRUE(ReadFile("samples/nato-bucharest-2022-11-29.txt", &text).ok());
  Document doc = AnnotateAll(text);
  // Ukraine will eventually join the alliance: future, the ministers' claim.
  const Fact* join = FindFact(doc, "join");
  ASSERT_NE(join, nullptr);
  EXPECT_EQ(EntityId(doc, join->subject.entity), "place/ukraine");
  EXPECT_EQ(doc.Slice(join->relation), "will eventually join");
  EXPECT_EQ(EntityId(doc, join->object.entity), "org/nato");
  EXPECT_EQ(join->modality, Modality::kFuture);
  EXPECT_EQ(join->time.value, "FUTURE_REF");
  ASSERT_GE(join->claim, 0);
  const Claim& confirmed = doc.claims()[static_cast<std::size_t>(join->claim)];
  EXPECT_EQ(confirmed.cue_lemma, "confirm");
  // Russia does not have a veto: negative, Stoltenberg's.
  const Fact* veto = FindFact(doc, "have");
  ASSERT_NE(veto, nullptr);
  EXPECT_EQ(veto->polarity, Polarity::kNegative);
  EXPECT_EQ(doc.Slice(veto->object.span), "a veto");
  ASSERT_GE(veto->claim, 0);
  EXPECT_EQ(EntityId(doc, doc.claims()[static_cast<std::size_t>(veto->claim)].speaker_entity),
            "person/jens-stoltenberg");
  // Roles become facts.
  const Fact* role = FindFact(doc, "foreign minister");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->rule.view(), "facts.role.title_before_name");
  EXPECT_EQ(role->time.value, "2022-11-29");
  EXPECT_EQ(role->time_basis, DateBasis::kPublication);
  // "as he joined the two-day meeting": the pronoun stands for Kuleba.
  const Fact* joined = FindFact(doc, "join");
  for (const Fact& f : doc.facts()) {
    if (doc.Slice(f.relation) == "joined") joined = &f;
  }
  EXPECT_EQ(doc.Slice(joined->relation), "joined");
  EXPECT_EQ(EntityId(doc, joined->subject.entity), "person/dmytro-kuleba");
  EXPECT_EQ(joined->claim, -1);  // the newspaper's own statement
  // Reporting verbs are claims, not facts; "Russian attacks" is no verb.
  for (const Fact& f : doc.facts()) {
    EXPECT_NE(f.relation_lemma, "say");
    EXPECT_NE(f.relation_lemma, "accuse");
    EXPECT_NE(doc.Slice(f.relation), "attacks");
  }
  // Every claim's facts point back to it.
  for (std::size_t ci = 0; ci < doc.claims().size(); ++ci) {
    for (std::uint32_t fi : doc.claims()[ci].facts) {
      EXPECT_EQ(doc.facts()[fi].claim, static_cast<std::int32_t>(ci));
    }
  }
}

TEST(FactStage, ExplicitTimeAndModality) {
  Document doc =
      AnnotateAll("Finland applied to join NATO in May 2022. Sweden may join later.", "2022-06-01");
  const Fact* applied = FindFact(doc, "apply");
  ASSERT_NE(applied, nullptr);
  EXPECT_EQ(EntityId(doc, applied->subject.entity), "place/finland");
  EXPECT_EQ(applied->time.value, "2022-05");
  EXPECT_EQ(applied->time_basis, DateBasis::kExplicit);
  const Fact* may = FindFact(doc, "join");
  ASSERT_NE(may, nullptr);
  EXPECT_EQ(may->modality, Modality::kPossible);
}

TEST(FactStage, WithoutAnEntitySubjectThereIsNoFact) {
  Document doc = AnnotateAll("The weather has turned cold.");
  EXPECT_TRUE(doc.facts().empty());
}

}  // namespace
}  // namespace tkg
