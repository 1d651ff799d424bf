#include "extract/pipeline.h"

#include <gtest/gtest.h>

#include "extract/stages.h"
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

}  // namespace
}  // namespace tkg
