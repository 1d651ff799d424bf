#include "extract/syntax/lexicon.h"

#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "extract/syntax/model.h"
#include "extract/syntax/tagger.h"
#include "tests/testing/temp_dir.h"

namespace tkg::syntax {
namespace {

// A WordNet directory in miniature: index.* lines are "lemma pos synsets
// pointer-count [pointers] senses tagged-senses offsets"; data.* lines give
// the synset's words as spelled.
void Write(const testing::TempDir& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir.Sub(name)) << text;
}

void MiniWordNet(const testing::TempDir& dir, const std::string& extra_nouns = "",
                 const std::string& extra_adjs = "") {
  Write(dir, "index.noun",
        "  1 This software and database is being provided\n"
        "goose n 1 1 @ 1 3 00000001\n"
        "run n 2 0 2 5 00000002 00000003\n"
        "bucharest n 1 0 1 0 00000004\n"
        "well n 1 0 1 1 00000005\n" +
            extra_nouns);
  Write(dir, "index.verb", "run v 2 0 2 40 00000010 00000011\nstop v 1 0 1 4 00000012\n");
  Write(dir, "index.adj", "big a 1 0 1 9 00000020\n" + extra_adjs);
  Write(dir, "index.adv", "quickly r 1 0 1 2 00000030\n");
  Write(dir, "noun.exc", "geese goose\n");
  Write(dir, "verb.exc", "ran run\n");
  Write(dir, "adj.exc", "biggest big\n");
  Write(dir, "adv.exc", "better well\n");
  Write(dir, "data.noun",
        "  1 licence\n"
        "00000002 04 n 01 run 0 000 | a score in baseball\n"
        "00000004 15 n 01 Bucharest 0 000 | the capital of Romania\n"
        "00000005 15 n 02 well 0 Well 1 000 | a hole\n");
  Write(dir, "data.verb", "00000010 38 v 01 run 0 000 | move fast\n");
  Write(dir, "data.adj", "00000020 00 a 01 big(a) 0 000 | large\n");
  Write(dir, "data.adv", "");
}

TEST(TagLexicon, KnowsLemmasInflectionsExceptionsAndCapitals) {
  testing::TempDir dir;
  MiniWordNet(dir);
  auto lex = TagLexicon::Build(dir.path());
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  using L = TagLexicon;
  auto dominant = [](std::uint16_t bits) { return bits >> L::kDominantShift; };
  std::uint16_t run = lex->LookupForm("run");
  EXPECT_EQ(run & 0x0FFF, L::kNoun | L::kVerb);
  EXPECT_EQ(dominant(run), 2);  // 40 tagged verb senses against 5 noun senses
  std::uint16_t runs = lex->LookupForm("Runs");
  EXPECT_EQ(runs & 0x0FFF, L::kNounPlural | L::kVerbS);
  EXPECT_EQ(lex->LookupForm("running") & 0x0FFF, L::kVerbIng);  // the n doubles
  EXPECT_EQ(lex->LookupForm("stopped") & 0x0FFF, L::kVerbEd);
  EXPECT_EQ(lex->LookupForm("stopping") & 0x0FFF, L::kVerbIng);
  EXPECT_EQ(lex->LookupForm("ran") & 0x0FFF, L::kVerbEd);
  std::uint16_t geese = lex->LookupForm("geese");
  EXPECT_EQ(geese & 0x0FFF, L::kNounPlural);
  EXPECT_EQ(dominant(geese), 1);
  EXPECT_EQ(lex->LookupForm("bigger") & 0x0FFF, L::kAdjEr);
  EXPECT_EQ(lex->LookupForm("biggest") & 0x0FFF, L::kAdjEst);
  EXPECT_EQ(lex->LookupForm("quickly") & 0x0FFF, L::kAdv);
  EXPECT_EQ(lex->LookupForm("better") & 0x0FFF, L::kAdv);
  // Spelled with a capital only, with both, or in lower case only.
  std::uint16_t bucharest = lex->LookupForm("bucharest");
  EXPECT_EQ(bucharest & 0x0FFF, L::kNoun | L::kCapital | L::kOnlyCapital);
  EXPECT_EQ(dominant(bucharest), 0);  // no tagged sense
  EXPECT_EQ(lex->LookupForm("well") & 0x0FFF, L::kNoun | L::kCapital);
  EXPECT_EQ(run & L::kCapital, 0);
  EXPECT_EQ(lex->LookupForm("zebra"), 0);
  EXPECT_EQ(lex->LookupForm("stopt"), 0);

  std::string bytes;
  lex->Serialize(&bytes);
  std::size_t pos = 0;
  auto back = TagLexicon::Deserialize(bytes, &pos);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(pos, bytes.size());
  EXPECT_EQ(back->size(), lex->size());
  for (const char* w : {"run", "runs", "geese", "bucharest", "quickly", "zebra"}) {
    EXPECT_EQ(back->LookupForm(w), lex->LookupForm(w)) << w;
  }
  pos = 0;
  EXPECT_FALSE(TagLexicon::Deserialize(std::string_view(bytes).substr(0, 10), &pos).ok());
}

TEST(TagLexicon, AMissingFileIsAnError) {
  testing::TempDir dir;
  MiniWordNet(dir);
  std::filesystem::remove(dir.Sub("data.adv"));
  auto lex = TagLexicon::Build(dir.path());
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("data.adv"), std::string::npos);
}

// Invented words whose only shared trait is their lexicon entry: the tagger
// tags words it never saw by the part of speech WordNet gives them, and keeps
// the lexicon through its model section.
TEST(TagLexicon, TheTaggerGeneralisesToUnseenWordsThroughIt) {
  std::mt19937 rng(3);
  auto word = [&] {
    std::string w;
    for (int i = 0; i < 7; ++i) w += static_cast<char>('a' + rng() % 26);
    return w;
  };
  std::vector<std::string> nouns, adjs;
  for (int i = 0; i < 60; ++i) {
    nouns.push_back(word());
    adjs.push_back(word());
  }
  std::string extra_nouns, extra_adjs;
  for (const auto& w : nouns) extra_nouns += w + " n 1 0 1 1 00000099\n";
  for (const auto& w : adjs) extra_adjs += w + " a 1 0 1 1 00000098\n";
  testing::TempDir dir;
  MiniWordNet(dir, extra_nouns, extra_adjs);
  auto lex = TagLexicon::Build(dir.path());
  ASSERT_TRUE(lex.ok()) << lex.status().message();

  // Training: "see W ." with the first 50 of each list; the last 10 are unseen.
  auto sentence = [](const std::string& w, const char* upos, const char* xpos) {
    ConlluSentence s;
    s.words.resize(3);
    s.words[0].form = "see";
    s.words[0].upos = "VERB";
    s.words[0].xpos = "VB";
    s.words[1].form = w;
    s.words[1].upos = upos;
    s.words[1].xpos = xpos;
    s.words[2].form = ".";
    s.words[2].upos = "PUNCT";
    s.words[2].xpos = ".";
    return s;
  };
  std::vector<ConlluSentence> train;
  for (int i = 0; i < 50; ++i) {
    train.push_back(sentence(nouns[static_cast<std::size_t>(i)], "NOUN", "NN"));
    train.push_back(sentence(adjs[static_cast<std::size_t>(i)], "ADJ", "JJ"));
  }
  TrainOptions opt;
  opt.epochs = 5;
  opt.lexicon = &*lex;
  opt.passes = 2;  // both directions, through the file
  auto tagger = Tagger::Train(train, nullptr, opt);
  ASSERT_TRUE(tagger.ok()) << tagger.status().message();
  EXPECT_TRUE(tagger->bidirectional());
  std::string bytes;
  tagger->Serialize(&bytes, SyntaxModel::kFormatVersion);
  std::size_t pos = 0;
  auto loaded = Tagger::Deserialize(bytes, &pos, SyntaxModel::kFormatVersion);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(pos, bytes.size());
  EXPECT_TRUE(loaded->bidirectional());
  int right = 0;
  std::vector<std::uint16_t> tags;
  for (std::size_t i = 50; i < 60; ++i) {
    for (const auto& [w, upos] : {std::pair{nouns[i], "NOUN"}, std::pair{adjs[i], "ADJ"}}) {
      std::vector<std::string_view> words = {"see", w, "."};
      loaded->Tag(words, &tags);
      right += loaded->Upos(tags[1]) == upos;
    }
  }
  EXPECT_GE(right, 19);  // chance is 10 of 20

  // Without the lexicon the same data gives the unseen words no signal.
  opt.lexicon = nullptr;
  auto plain = Tagger::Train(train, nullptr, opt);
  ASSERT_TRUE(plain.ok());
  int plain_right = 0;
  for (std::size_t i = 50; i < 60; ++i) {
    for (const auto& [w, upos] : {std::pair{nouns[i], "NOUN"}, std::pair{adjs[i], "ADJ"}}) {
      std::vector<std::string_view> words = {"see", w, "."};
      plain->Tag(words, &tags);
      plain_right += plain->Upos(tags[1]) == upos;
    }
  }
  EXPECT_LT(plain_right, 17);
}

}  // namespace
}  // namespace tkg::syntax
