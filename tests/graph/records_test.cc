#include "graph/records.h"

#include <gtest/gtest.h>

namespace tkg {
namespace {

using namespace date::literals;

TEST(Records, DocRoundTrip) {
  DocRecord d;
  d.id = "nato";
  d.content = Id128::Of("x");
  d.title = "NATO chief";
  d.dct = date::sys_days{2022_y / 11 / 29};
  d.date_text = "2022-11-29";
  d.text = std::string("text with \0 byte", 16);
  d.warnings = {"w1"};
  auto back = DecodeDoc(EncodeDoc(d), "docs/x");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->id, "nato");
  EXPECT_EQ(back->content, d.content);
  EXPECT_EQ(back->dct, d.dct);
  EXPECT_EQ(back->text, d.text);
  EXPECT_EQ(back->warnings, d.warnings);
}

TEST(Records, EntityStatementClaimRoundTrip) {
  EntityRecord e;
  e.id = "person/jens-stoltenberg";
  e.type = EntityType::kPerson;
  e.name = "Jens Stoltenberg";
  e.aliases = {"Stoltenberg", "NATO chief"};
  e.roles.push_back(RoleRecord{"Secretary-General", "org/nato", "NATO Secretary-General",
                               date::sys_days{2022_y / 11 / 29}, Id128::Of("d")});
  auto eb = DecodeEntity(EncodeEntity(e), "entities/x");
  ASSERT_TRUE(eb.ok());
  EXPECT_EQ(eb->aliases, e.aliases);
  ASSERT_EQ(eb->roles.size(), 1u);
  EXPECT_EQ(eb->roles[0], e.roles[0]);
  EXPECT_EQ(eb->canonical, "");
  // A merged entity keeps its link.
  e.canonical = "person/jens-stoltenberg-2";
  auto linked = DecodeEntity(EncodeEntity(e), "entities/x");
  ASSERT_TRUE(linked.ok());
  EXPECT_EQ(linked->canonical, e.canonical);
  // A version 1 record (before merging: no canonical field) still decodes.
  std::string v1 = EncodeEntity(e);
  v1.resize(v1.size() - 1 - e.canonical.size());
  v1[0] = 1;
  auto old = DecodeEntity(v1, "entities/x");
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  EXPECT_EQ(old->name, e.name);
  EXPECT_EQ(old->canonical, "");
  EXPECT_EQ(old->roles.size(), 1u);
  e.canonical.clear();

  StatementRecord s;
  s.kind = StatementRecord::kFact;
  s.subject = {"org/nato", "NATO ministers"};
  s.relation_lemma = "confirm";
  s.relation_text = "confirmed";
  s.object = {"", "a 2008 decision"};
  s.args = {{"time", "on Tuesday"}};
  s.polarity = Polarity::kNegative;
  s.modality = Modality::kFuture;
  s.time = {YearAnchor(date::year{2008}), DateBasis::kExplicit};
  s.entities = {"org/nato", "place/ukraine"};
  auto sb = DecodeStatement(EncodeStatement(s), "statements/x");
  ASSERT_TRUE(sb.ok());
  EXPECT_EQ(sb->subject.entity, "org/nato");
  EXPECT_EQ(sb->args, s.args);
  EXPECT_EQ(sb->polarity, Polarity::kNegative);
  EXPECT_EQ(sb->modality, Modality::kFuture);
  EXPECT_EQ(sb->time.anchor, s.time.anchor);
  EXPECT_EQ(sb->time.basis, DateBasis::kExplicit);
  EXPECT_EQ(sb->entities, s.entities);

  ClaimRecord c;
  c.statement = Id128::Of("s");
  c.holder = Id128::Of("h");
  c.doc = Id128::Of("d");
  c.kind = StoredClaimKind::kMixed;
  c.content = Span{10, 20};
  c.content_text = "content";
  c.evidence = {Span{1, 2}};
  c.date = {ValueOnlyAnchor("XXXX-XX-XX"), DateBasis::kUnknown};
  c.confidence = 0.87F;
  c.about = {Id128::Of("e1"), Id128::Of("e2")};
  auto cb = DecodeClaim(EncodeClaim(c), "claims/x");
  ASSERT_TRUE(cb.ok());
  EXPECT_EQ(cb->kind, StoredClaimKind::kMixed);
  EXPECT_EQ(cb->content, c.content);
  EXPECT_EQ(cb->evidence, c.evidence);
  EXPECT_FALSE(cb->date.anchor.has_interval());
  EXPECT_EQ(cb->date.anchor.value, "XXXX-XX-XX");
  EXPECT_NEAR(cb->confidence, 0.87F, 1e-4);
  EXPECT_EQ(cb->about, c.about);
}

TEST(Records, GarbageIsCorruptionNamingTheKey) {
  for (std::string bad : {std::string(), std::string("\x02"), std::string("\x01\xff\xff\xff"),
                          EncodeClaim(ClaimRecord{}) + "x"}) {
    auto r = DecodeClaim(bad, "claims/00ff");
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.status().IsCorruption());
    EXPECT_NE(r.status().message().find("claims/00ff"), std::string::npos);
  }
  // Truncating a valid record anywhere fails cleanly.
  EntityRecord e;
  e.id = "org/nato";
  e.name = "NATO";
  e.aliases = {"Nato"};
  std::string enc = EncodeEntity(e);
  for (std::size_t n = 0; n < enc.size(); ++n) {
    EXPECT_FALSE(DecodeEntity(enc.substr(0, n), "entities/x").ok()) << n;
  }
}

}  // namespace
}  // namespace tkg
