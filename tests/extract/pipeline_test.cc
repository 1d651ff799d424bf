#include "extract/pipeline.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "extract/entities/mention_tagger.h"
#include "extract/extractor.h"
#include "extract/stages.h"
#include "extract/syntax/model.h"
#include "tests/testing/documents.h"
#include "tests/testing/status_matchers.h"

namespace tkg {
namespace {

class FakeStage final : public Stage {
 public:
  FakeStage(Layers req, Layers prov, bool fail) : req_(req), prov_(prov), fail_(fail) {}
  std::string_view name() const override { return "fake"; }
  Layers Requires() const override { return req_; }
  Layers Provides() const override { return prov_; }
  Status Run(Document*) const override {
    return fail_ ? Status::InvalidArgument("boom") : Status();
  }

 private:
  Layers req_, prov_;
  bool fail_;
};

TEST(Pipeline, RejectsAStageWhoseInputsAreMissing) {
  Pipeline p;
  Status s =
      p.Add(std::make_unique<FakeStage>(Layer::kTokens | Layer::kTimexes, Layer::kClaims, false));
  EXPECT_THAT(s, testing::StatusIs(Status::Code::kInvalidArgument));
  EXPECT_EQ(s.message(), "stage 'fake' requires tokens|timexes, which no earlier stage provides");
}

TEST(Pipeline, RunStopsAtFirstErrorWithStageName) {
  Pipeline p;
  ASSERT_OK(p.Add(std::make_unique<FakeStage>(Layers(), Layer::kTokens, false)));
  ASSERT_OK(p.Add(std::make_unique<FakeStage>(Layer::kTokens, Layer::kClaims, true)));
  Document doc = testing::MakeDocument("x");
  Status s = p.Run(&doc);
  EXPECT_EQ(s.message(), "fake: boom");
  EXPECT_NE(p.Describe().find("requires tokens"), std::string::npos);
}

TEST(Pipeline, DefaultPipelineBuildsInOrder) {
  auto p = MakePipeline(testing::SharedResources());
  ASSERT_OK(p);
  EXPECT_EQ(p->stages().size(), DefaultStageNames().size());
  EXPECT_THAT(MakeStage("nope", testing::SharedResources()),
              testing::StatusIs(Status::Code::kNotFound));
  // Out of order: segment before clean.
  EXPECT_FALSE(MakePipeline(testing::SharedResources(), {"segment", "clean"}).ok());
}

std::string Repeat(std::string_view unit, std::size_t n) {
  std::string out;
  out.reserve(unit.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += unit;
  return out;
}

// Degenerate texts that once took minutes (pair loops over repeated shingles,
// claims or quotes): each must run through every stage and give a sane
// result. There is no timing assertion; a quadratic path coming back shows as
// this test hitting the ctest timeout.
TEST(Pipeline, DegenerateTextsRunThroughEveryStage) {
  const std::initializer_list<std::string_view> all = {"clean", "segment", "entities",
                                                       "time",  "claims",  "facts"};
  {
    Document d = testing::Annotate(Repeat("a ", 300000), "2022-11-29", all);
    ASSERT_EQ(d.zones().size(), 1u);
    EXPECT_NE(d.zones()[0].kind, ZoneKind::kPullQuote);  // a zone never repeats itself
    EXPECT_TRUE(d.claims().empty());
  }
  {
    // 50,000 paragraphs all alike: a repeat of many zones is common wording.
    Document d =
        testing::Annotate(Repeat("He said the plan will work well.\n\n", 50000), "2022-11-29", all);
    EXPECT_EQ(d.zones().size(), 50000u);
    EXPECT_EQ(d.sentences().size(), 50000u);
  }
  {
    Document d = testing::Annotate(Repeat("\u201cWe are ready,\u201d Stoltenberg said. ", 20000),
                                   "2022-11-29", all);
    // The same quote by the same speaker is one claim however often repeated.
    ASSERT_EQ(d.claims().size(), 1u);
    EXPECT_GE(d.claims()[0].evidence.size(), 2u);
  }
  {
    Document d = testing::Annotate("\u201c" + Repeat("word, ", 100000) + "\u201d he said.",
                                   "2022-11-29", all);
    EXPECT_LE(d.claims().size(), 1u);
  }
  {
    Document d = testing::Annotate(Repeat("Tuesday ", 100000), "2022-11-29", all);
    EXPECT_EQ(d.timexes().size(), 100000u);
  }
}

// The same with the parse (the default pipeline), smaller: the stages that
// read the parse must stay linear too, on long "sentences" above all.
TEST(Pipeline, DegenerateTextsRunThroughEveryStageWithTheParse) {
  const std::initializer_list<std::string_view> all = {"clean", "segment", "syntax", "entities",
                                                       "time",  "claims",  "facts"};
  ASSERT_TRUE(
      std::equal(all.begin(), all.end(), DefaultStageNames().begin(), DefaultStageNames().end()));
  {
    Document d = testing::Annotate(Repeat("a ", 30000), "2022-11-29", all);
    EXPECT_EQ(d.syntax().size(), d.tokens().size());
    EXPECT_TRUE(d.claims().empty());
  }
  {
    Document d =
        testing::Annotate(Repeat("He said the plan will work well.\n\n", 5000), "2022-11-29", all);
    EXPECT_EQ(d.sentences().size(), 5000u);
  }
  {
    Document d = testing::Annotate(Repeat("\u201cWe are ready,\u201d Stoltenberg said. ", 2000),
                                   "2022-11-29", all);
    ASSERT_EQ(d.claims().size(), 1u);
    EXPECT_GE(d.claims()[0].evidence.size(), 2u);
  }
  {
    Document d = testing::Annotate("\u201c" + Repeat("word, ", 20000) + "\u201d he said.",
                                   "2022-11-29", all);
    EXPECT_LE(d.claims().size(), 1u);
  }
  {
    Document d = testing::Annotate(Repeat("Tuesday ", 20000), "2022-11-29", all);
    EXPECT_EQ(d.timexes().size(), 20000u);
  }
  {
    // A medium relaying each of many claims, titles standing for speakers,
    // a sources list: each looks only near itself.
    Document d = testing::Annotate(
        Repeat("It quoted Smith, with Smith stating: \u201cWe are ready.\u201d ", 3000) +
            Repeat("The minister said the plan will work. ", 3000) + "\n\nSources\n\n" +
            Repeat("\"Plan will fail, say feds\" \u2014 Reuters, March 3, 2009\n\n", 2000),
        "2022-11-29", all);
    EXPECT_FALSE(d.claims().empty());
  }
}

TEST(Pipeline, ExtractorVersionNamesTheModelsItsStagesUse) {
  ExtractorOptions plain_options;
  plain_options.stages = ShallowStageNames();
  auto plain = Extractor::Create(plain_options);
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  auto mentions = (*plain)->resources()->MentionModel();
  ASSERT_TRUE(mentions.ok()) << mentions.status().message();
  EXPECT_NE((*plain)->version().find(" mentions " + (*mentions)->fingerprint), std::string::npos)
      << (*plain)->version();
  EXPECT_EQ((*plain)->version().find(" syntax "), std::string::npos) << (*plain)->version();

  auto parsed = Extractor::Create(ExtractorOptions{});  // the default pipeline parses
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  auto syntax = (*parsed)->resources()->SyntaxModel();
  ASSERT_TRUE(syntax.ok()) << syntax.status().message();
  EXPECT_EQ(syntax->get()->fingerprint.size(), 16u);
  EXPECT_NE((*parsed)->version().find(" syntax " + (*syntax)->fingerprint), std::string::npos)
      << (*parsed)->version();
  EXPECT_NE((*parsed)->version(), (*plain)->version());
}

}  // namespace
}  // namespace tkg
