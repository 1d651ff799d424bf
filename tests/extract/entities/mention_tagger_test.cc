#include "extract/entities/mention_tagger.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/testing/documents.h"

namespace tkg {
namespace {

using mentions::Allowed;
using mentions::ClassOf;
using mentions::kB;
using mentions::kI;
using mentions::kL;
using mentions::kU;

std::shared_ptr<const MentionModel> Model() {
  auto m = testing::SharedResources()->MentionModel();
  EXPECT_TRUE(m.ok()) << m.status().message();
  return m.ok() ? *m : nullptr;
}

// The tagged names of `text` as "TYPE:text".
std::vector<std::string> Tag(const std::string& text) {
  Document doc = testing::Annotate(text, "2022-11-29", {"clean", "segment"});
  std::vector<TaggedMention> out;
  auto m = Model();
  if (m == nullptr) return {};
  m->Tag(*testing::SharedResources(), doc, &out);
  std::vector<std::string> r;
  for (const TaggedMention& t : out) {
    r.push_back(std::string(EntityTypeName(t.type)) + ":" +
                std::string(doc.Slice(
                    Span{doc.tokens()[t.first].span.begin, doc.tokens()[t.end - 1].span.end})));
  }
  return r;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(MentionTagger, TransitionsFollowBilou) {
  std::size_t b_person = ClassOf(0, kB), i_person = ClassOf(0, kI), l_person = ClassOf(0, kL);
  std::size_t u_org = ClassOf(1, kU), l_org = ClassOf(1, kL);
  EXPECT_TRUE(Allowed(0, b_person));
  EXPECT_TRUE(Allowed(0, u_org));
  EXPECT_FALSE(Allowed(0, i_person));
  EXPECT_FALSE(Allowed(0, l_person));
  EXPECT_TRUE(Allowed(b_person, i_person));
  EXPECT_TRUE(Allowed(b_person, l_person));
  EXPECT_FALSE(Allowed(b_person, l_org));  // a name keeps its type
  EXPECT_FALSE(Allowed(b_person, 0));      // an open name must end
  EXPECT_TRUE(Allowed(l_person, 0));
  EXPECT_TRUE(Allowed(u_org, b_person));
}

TEST(MentionTagger, DecodeClosesNamesAndKeepsTypes) {
  std::vector<std::uint8_t> labels = {
      0,
      static_cast<std::uint8_t>(ClassOf(0, kB)),
      static_cast<std::uint8_t>(ClassOf(0, kL)),
      static_cast<std::uint8_t>(ClassOf(2, kU)),
      0,
      static_cast<std::uint8_t>(ClassOf(1, kB)),  // left open at the end
  };
  std::vector<TaggedMention> out;
  mentions::Decode(10, labels, &out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].first, 11u);
  EXPECT_EQ(out[0].end, 13u);
  EXPECT_EQ(out[0].type, EntityType::kPerson);
  EXPECT_EQ(out[1].first, 13u);
  EXPECT_EQ(out[1].end, 14u);
  EXPECT_EQ(out[1].type, EntityType::kPlace);
  EXPECT_EQ(out[2].first, 15u);
  EXPECT_EQ(out[2].end, 16u);
  EXPECT_EQ(out[2].type, EntityType::kOrg);
}

TEST(MentionTagger, FindsAndTypesNamesNoListKnows) {
  auto tags =
      Tag("The report was written by Daniel Okafor, a lawyer, of the Brennan Institute in "
          "Sheffield.");
  EXPECT_TRUE(Has(tags, "PERSON:Daniel Okafor")) << ::testing::PrintToString(tags);
  EXPECT_TRUE(Has(tags, "PLACE:Sheffield")) << ::testing::PrintToString(tags);
  EXPECT_TRUE(Has(tags, "ORG:Brennan Institute")) << ::testing::PrintToString(tags);
  // Lower-case words and the sentence-initial "The" are not names.
  for (const std::string& t : tags) {
    EXPECT_EQ(t.find("The"), std::string::npos) << t;
    EXPECT_EQ(t.find("lawyer"), std::string::npos) << t;
  }
}

TEST(MentionTagger, NoNamesInLowerCaseText) {
  EXPECT_TRUE(Tag("the talks went on all night and nobody said anything.").empty());
}

TEST(MentionTagger, ModelFileRoundTripsAndBadFilesAreRefused) {
  auto m = Model();
  ASSERT_NE(m, nullptr);
  EXPECT_NE(m->metadata.find("\"seed\""), std::string::npos);
  std::string bytes = m->Serialize();
  auto again = MentionModel::Parse(bytes, "copy");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ((*again)->weights.num_weights(), m->weights.num_weights());
  EXPECT_EQ((*again)->Serialize(), bytes);

  auto bad_magic = MentionModel::Parse("NOTAMODEL", "x.tkgm");
  ASSERT_FALSE(bad_magic.ok());
  EXPECT_NE(bad_magic.status().message().find("bad magic"), std::string::npos);

  std::string other_version = bytes;
  other_version[8] = static_cast<char>(MentionModel::kFormatVersion + 1);
  auto v = MentionModel::Parse(other_version, "x.tkgm");
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().message().find("format version"), std::string::npos);

  auto truncated = MentionModel::Parse(bytes.substr(0, bytes.size() / 2), "x.tkgm");
  EXPECT_FALSE(truncated.ok());
  auto trailing = MentionModel::Parse(bytes + "x", "x.tkgm");
  EXPECT_FALSE(trailing.ok());
}

// The generated gazetteer (tools/build_gazetteer.py): countries from iso-codes, demonyms and
// cities from WordNet, organisations from the curated list.
TEST(Gazetteer, HoldsCountriesDemonymsCitiesAndOrganisations) {
  const Lexicon& gaz = testing::SharedResources()->gazetteer;
  EXPECT_GT(gaz.entries().size(), 10000u);
  auto kind = [&](std::string_view key) -> std::string {
    const LexiconEntry* e = gaz.Find(key);
    return e == nullptr ? "" : e->fields[0] + ">" + e->fields[1];
  };
  EXPECT_EQ(kind("slovak"), "demonym>Slovakia");
  EXPECT_EQ(kind("turkish"), "demonym>Turkey");
  EXPECT_EQ(kind("hungarian"), "demonym>Hungary");
  EXPECT_EQ(kind("nato"), "org>NATO");
  EXPECT_EQ(kind("slovak republic"), "country>Slovakia");  // iso-codes official name
  EXPECT_EQ(kind("sheffield"), "city>Sheffield");          // WordNet instance of city
  EXPECT_EQ(kind("bavaria"), "region>Bavaria");
  EXPECT_EQ(kind("the alliance"), "");  // descriptions are not names
}

}  // namespace
}  // namespace tkg
