#include "extract/lexicon.h"

#include <gtest/gtest.h>

#include "extract/resources.h"
#include "tests/testing/status_matchers.h"

namespace tkg {
namespace {

TEST(Lexicon, ParsesFoldsAndFinds) {
  auto lex = Lexicon::Parse("t.tsv", "# header\n\nKačer\tperson\nAccording to\tcue\tx\n", 1);
  ASSERT_OK(lex);
  const LexiconEntry* e = lex->Find("kacer");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->surface, "Kačer");
  EXPECT_EQ(e->fields[0], "person");
  EXPECT_EQ(e->line, 3);
  EXPECT_EQ(lex->max_words(), 2u);
  EXPECT_TRUE(lex->Contains("according to"));
  EXPECT_FALSE(lex->Contains("Kacer"));  // lookups take folded keys
}

TEST(Lexicon, ErrorsNameFileAndLine) {
  auto dup = Lexicon::Parse("t.tsv", "a\tx\nb\ty\nA\tz\n", 1);
  EXPECT_THAT(dup, testing::StatusIs(Status::Code::kInvalidArgument));
  EXPECT_EQ(dup.status().message(), "t.tsv:3: duplicate key 'a' (first on line 1)");
  auto short_line = Lexicon::Parse("t.tsv", "a\tx\nb\n", 1);
  EXPECT_EQ(short_line.status().message(), "t.tsv:2: expected 1 tab-separated field(s) after 'b'");
  auto bad = Lexicon::Parse("t.tsv", "a\t\xff\n", 1);
  EXPECT_THAT(bad, testing::StatusIs(Status::Code::kInvalidArgument));
  EXPECT_THAT(Lexicon::Load("/nonexistent/x.tsv", 1), testing::StatusIs(Status::Code::kNotFound));
}

TEST(Resources, AllShippedDataFilesLoad) {
  auto res = Resources::Load(DataDirectory("") + "/en");
  ASSERT_OK(res);
  EXPECT_TRUE((*res)->cues.Contains("said"));
  EXPECT_TRUE((*res)->places.Contains("ukraine"));
  EXPECT_TRUE((*res)->organisations.Contains("nato"));
}

}  // namespace
}  // namespace tkg
