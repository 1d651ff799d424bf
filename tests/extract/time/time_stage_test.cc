#include "extract/time/time_stage.h"

#include <gtest/gtest.h>

#include "tests/testing/documents.h"

namespace tkg {
namespace {

TEST(TimeStage, RunsOnAnEmptyDocument) {
  Document doc = testing::Annotate("", "2022-11-29", {"clean", "segment", "time"});
  EXPECT_TRUE(doc.timexes().empty());
}

}  // namespace
}  // namespace tkg
