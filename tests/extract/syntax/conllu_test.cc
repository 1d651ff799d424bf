#include "extract/syntax/conllu.h"

#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tkg::syntax {
namespace {

constexpr const char* kDoc =
    "# newdoc id = d1\n"
    "# text = Don't go.\n"
    "1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
    "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
    "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3.1\tgone\t_\t_\t_\t_\t_\t_\t3:x\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n"
    "\n";

TEST(Conllu, ReadsWordsAndKeepsEveryOtherLine) {
  std::istringstream in(kDoc);
  ConlluReader r(&in, "x.conllu");
  ConlluSentence s;
  ASSERT_TRUE(r.Next(&s).value());
  ASSERT_EQ(s.words.size(), 4u);  // the range and the empty node are not words
  EXPECT_EQ(s.words[1].form, "n't");
  EXPECT_EQ(s.words[1].lemma, "not");
  EXPECT_EQ(s.words[2].head, 0);
  EXPECT_EQ(s.words[0].deprel, "aux");
  EXPECT_EQ(s.Text(), "Don't go.");
  EXPECT_EQ(s.lines.size(), 8u);
  ASSERT_TRUE(r.Next(&s).value());
  EXPECT_EQ(s.words.size(), 1u);
  EXPECT_EQ(s.first_line, 10u);
  EXPECT_FALSE(r.Next(&s).value());
}

TEST(Conllu, WritesBackWithNewColumnsAndTheRestUnchanged) {
  std::istringstream in(kDoc);
  ConlluReader r(&in, "x.conllu");
  ConlluSentence s;
  ASSERT_TRUE(r.Next(&s).value());
  std::ostringstream same;
  WriteConllu(s, same);
  EXPECT_EQ(same.str(), std::string(kDoc).substr(0, same.str().size()));
  s.words[2].deprel = "parataxis";
  s.words[2].head = 1;
  s.words[1].lemma.clear();
  std::ostringstream changed;
  WriteConllu(s, changed);
  EXPECT_THAT(changed.str(),
              ::testing::HasSubstr("3\tgo\tgo\tVERB\tVB\t_\t1\tparataxis\t_\tSpaceAfter=No\n"));
  EXPECT_THAT(changed.str(), ::testing::HasSubstr("2\tn't\t_\tPART"));
  EXPECT_THAT(changed.str(), ::testing::HasSubstr("3.1\tgone\t_"));
}

TEST(Conllu, ErrorsNameTheLine) {
  std::istringstream bad_cols("# c\n1\tA\ta\n");
  ConlluSentence s;
  auto r1 = ConlluReader(&bad_cols, "in.conllu").Next(&s);
  ASSERT_FALSE(r1.ok());
  EXPECT_THAT(r1.status().message(), ::testing::StartsWith("in.conllu:2: "));
  std::istringstream bad_id("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n");
  auto r2 = ConlluReader(&bad_id, "in.conllu").Next(&s);
  ASSERT_FALSE(r2.ok());
  EXPECT_THAT(r2.status().message(), ::testing::HasSubstr("in.conllu:2: word id '3'"));
  std::istringstream bad_head("1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n");
  EXPECT_FALSE(ConlluReader(&bad_head, "in.conllu").Next(&s).ok());
  // The same with the blank line that ends a sentence, and a second word.
  std::istringstream bad_head2(
      "# c\n1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n2\tB\tb\tX\tX\t_\t40000000\tdep\t_\t_\n\n");
  auto r3 = ConlluReader(&bad_head2, "in.conllu").Next(&s);
  ASSERT_FALSE(r3.ok());
  EXPECT_THAT(r3.status().message(), ::testing::HasSubstr("in.conllu:3: HEAD beyond the sentence"));
}

}  // namespace
}  // namespace tkg::syntax
