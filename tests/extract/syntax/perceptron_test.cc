#include "extract/syntax/perceptron.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <random>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/syntax/lemmatizer.h"
#include "extract/syntax/model.h"
#include "extract/syntax/tagger.h"

namespace tkg::syntax {
namespace {

std::size_t Argmax(const std::vector<float>& v) {
  return static_cast<std::size_t>(std::max_element(v.begin(), v.end()) - v.begin());
}

// Three classes, each signalled by its own feature among noise features.
TEST(Perceptron, LearnsAndSurvivesAveragingQuantisingAndSerialising) {
  Trainer tr(3);
  std::mt19937 rng(7);
  for (int it = 0; it < 3000; ++it) {
    std::size_t truth = rng() % 3;
    std::vector<std::uint64_t> f = {FeatureHash(1, truth), FeatureHash(2, rng() % 50)};
    std::vector<float> s(3, 0.0F);
    tr.Score(f, s.data());
    tr.Update(f, truth, Argmax(s));
    tr.Tick();
  }
  WeightTable t = tr.Average(0.0F);
  std::string bytes;
  t.Serialize(&bytes);
  std::size_t pos = 0;
  auto back = WeightTable::Deserialize(bytes, &pos);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(pos, bytes.size());
  EXPECT_EQ(back->num_features(), t.num_features());
  for (std::uint64_t c = 0; c < 3; ++c) {
    std::vector<std::uint64_t> f = {FeatureHash(1, c), FeatureHash(2, 3)};
    std::vector<float> s(3, 0.0F);
    back->Score(f, s.data());
    EXPECT_EQ(Argmax(s), c);
  }
  // An unknown feature scores nothing.
  std::vector<float> s(3, 0.0F);
  std::vector<std::uint64_t> unknown = {FeatureHash(99, 1)};
  back->Score(unknown, s.data());
  EXPECT_EQ(s, std::vector<float>(3, 0.0F));
}

// The parser's move table: at most four classes, weights inline with the key.
TEST(InlineTable, LearnsAndSurvivesAveragingQuantisingAndSerialising) {
  Trainer tr(3);
  std::mt19937 rng(11);
  for (int it = 0; it < 3000; ++it) {
    std::size_t truth = rng() % 3;
    std::vector<std::uint64_t> f = {FeatureHash(1, truth), FeatureHash(2, rng() % 50), 0};
    std::vector<float> s(3, 0.0F);
    tr.Score(f, s.data());
    tr.Update(f, truth, Argmax(s));
    tr.Tick();
  }
  InlineTable t = tr.AverageInline(0.0F);
  EXPECT_EQ(t.num_classes(), 3u);
  std::string bytes;
  t.Serialize(&bytes);
  std::size_t pos = 0;
  auto back = InlineTable::Deserialize(bytes, &pos);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(pos, bytes.size());
  EXPECT_EQ(back->num_features(), t.num_features());
  // The same scores as the full-precision trainer's averaged weights would
  // rank: each class wins on its own feature.
  for (std::uint64_t c = 0; c < 3; ++c) {
    std::vector<std::uint64_t> f = {FeatureHash(1, c), FeatureHash(2, 3), 0};
    std::vector<float> s(3, 0.0F);
    back->Score(f, s.data());
    EXPECT_EQ(Argmax(s), c);
  }
  std::vector<float> s(3, 0.0F);
  std::vector<std::uint64_t> unknown = {FeatureHash(99, 1)};
  back->Score(unknown, s.data());
  EXPECT_EQ(s, std::vector<float>(3, 0.0F));
  // A heavily pruned table keeps fewer features.
  EXPECT_LT(tr.AverageInline(1e9F).num_features(), t.num_features());
}

TEST(InlineTable, TruncatedOrInconsistentTablesAreRefused) {
  Trainer tr(3);
  std::vector<std::uint64_t> f = {FeatureHash(1, 1), FeatureHash(1, 2)};
  tr.Update(f, 0, 1);
  tr.Tick();
  std::string bytes;
  tr.AverageInline(0.0F).Serialize(&bytes);
  for (std::size_t cut : {std::size_t{3}, bytes.size() / 2, bytes.size() - 1}) {
    std::size_t pos = 0;
    EXPECT_FALSE(InlineTable::Deserialize(std::string_view(bytes).substr(0, cut), &pos).ok());
  }
  for (std::uint32_t classes : {0u, 5u, 2u}) {  // 2: the weights no longer fit the keys
    std::string bad = bytes;
    std::memcpy(bad.data(), &classes, 4);
    std::size_t pos = 0;
    EXPECT_FALSE(InlineTable::Deserialize(bad, &pos).ok()) << classes;
  }
  // Keys out of order (two keys: swap their bytes).
  std::string swapped = bytes;
  const std::size_t keys_at = 4 + 4 + 4;  // classes, scale, key count
  std::swap_ranges(swapped.begin() + keys_at, swapped.begin() + keys_at + 8,
                   swapped.begin() + keys_at + 8);
  std::size_t pos = 0;
  auto t = InlineTable::Deserialize(swapped, &pos);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("unsorted"), std::string::npos);
  std::string nan_scale = bytes;
  float nan = std::numeric_limits<float>::quiet_NaN();
  std::memcpy(nan_scale.data() + 4, &nan, 4);
  pos = 0;
  EXPECT_FALSE(InlineTable::Deserialize(nan_scale, &pos).ok());
}

TEST(Perceptron, TruncatedOrInconsistentTablesAreRefused) {
  Trainer tr(2);
  std::vector<std::uint64_t> f = {FeatureHash(1, 1)};
  tr.Update(f, 0, 1);
  tr.Tick();
  std::string bytes;
  tr.Average(0.0F).Serialize(&bytes);
  for (std::size_t cut : {std::size_t{3}, bytes.size() / 2, bytes.size() - 1}) {
    std::size_t pos = 0;
    EXPECT_FALSE(WeightTable::Deserialize(std::string_view(bytes).substr(0, cut), &pos).ok());
  }
  std::string bad = bytes;
  bad[0] = 1;  // one class: the stored class 1 is out of range
  std::size_t pos = 0;
  EXPECT_FALSE(WeightTable::Deserialize(bad, &pos).ok());
}

TEST(Perceptron, NonFiniteScaleIsRefused) {
  Trainer tr(2);
  std::vector<std::uint64_t> f = {FeatureHash(1, 1)};
  tr.Update(f, 0, 1);
  tr.Tick();
  std::string bytes;
  tr.Average(0.0F).Serialize(&bytes);
  float nan = std::numeric_limits<float>::quiet_NaN();
  std::memcpy(bytes.data() + 4, &nan, 4);  // after the class count
  std::size_t pos = 0;
  auto t = WeightTable::Deserialize(bytes, &pos);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("scale"), std::string::npos);
}

// Counts read from a model file are checked against the bytes that are left
// before anything is allocated: a hostile count is an error, not 30 GB.
TEST(ModelSections, HugeCountsAreTruncationErrors) {
  std::string tagger;
  PutU32(&tagger, 1);  // one class
  PutString(&tagger, "NOUN");
  PutString(&tagger, "NN");
  PutU32(&tagger, 0);           // empty tag dictionary
  PutU32(&tagger, 0xFFFFFFF0);  // ambiguity classes: far more than the bytes
  std::size_t pos = 0;
  auto bad_tagger = Tagger::Deserialize(tagger, &pos, SyntaxModel::kFormatVersion);
  ASSERT_FALSE(bad_tagger.ok());
  EXPECT_THAT(bad_tagger.status().message(), ::testing::Not(::testing::HasSubstr("class count")));

  std::string lem;
  PutU32(&lem, 0xFFFFFFF0);  // treebank exceptions
  pos = 0;
  EXPECT_FALSE(Lemmatizer::Deserialize(lem, &pos).ok());
  std::string lem2;
  PutU32(&lem2, 0);           // no exceptions
  PutU32(&lem2, 0xFFFFFFF0);  // WordNet nouns
  pos = 0;
  EXPECT_FALSE(Lemmatizer::Deserialize(lem2, &pos).ok());

  std::string table;
  PutU32(&table, 2);
  float one = 1.0F;
  table.append(reinterpret_cast<const char*>(&one), 4);
  PutU32(&table, 0xFFFFFFF0);  // keys
  pos = 0;
  EXPECT_FALSE(WeightTable::Deserialize(table, &pos).ok());
}

}  // namespace
}  // namespace tkg::syntax
