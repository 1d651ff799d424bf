// Tests of export/render.h: running Graphviz through posix_spawnp.

#include "export/render.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/status_matchers.h"

namespace tkg {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::StatusIs;

constexpr const char* kSmallGraph = "digraph g { a -> b [label=\"x\"]; }\n";

TEST(RenderDot, RendersSvg) {
  Result<std::string> svg = RenderDot(kSmallGraph, "svg");
  ASSERT_OK(svg);
  EXPECT_THAT(*svg, StartsWith("<?xml"));
  EXPECT_THAT(*svg, HasSubstr("<svg"));
  EXPECT_THAT(*svg, HasSubstr("</svg>"));
}

TEST(RenderDot, RendersPng) {
  Result<std::string> png = RenderDot(kSmallGraph, "png");
  ASSERT_OK(png);
  EXPECT_THAT(*png, StartsWith("\x89PNG\r\n"));
}

TEST(RenderDot, RejectsOtherFormats) {
  Result<std::string> r = RenderDot(kSmallGraph, "gif");
  EXPECT_THAT(r, StatusIs(Status::Code::kInvalidArgument));
  EXPECT_THAT(r.status().message(), HasSubstr("gif"));
  EXPECT_THAT(RenderDot(kSmallGraph, "-o/tmp/x"), StatusIs(Status::Code::kInvalidArgument));
}

TEST(RenderDot, MissingProgramIsNotFound) {
  Result<std::string> r = RenderDot(kSmallGraph, "svg", "tkg-no-such-graphviz-program");
  EXPECT_THAT(r, StatusIs(Status::Code::kNotFound));
  EXPECT_EQ(r.status().message(),
            "Graphviz 'tkg-no-such-graphviz-program' is not installed (apt-get install graphviz)");
}

TEST(RenderDot, BadDotIsIoErrorWithDotsMessage) {
  Result<std::string> r = RenderDot("digraph { a -> ; }", "svg");
  EXPECT_THAT(r, StatusIs(Status::Code::kIoError));
  EXPECT_THAT(r.status().message(), HasSubstr("syntax error"));
  EXPECT_THAT(r.status().message(), HasSubstr("dot -Tsvg failed"));
}

TEST(RenderDot, NeatoAndSfdpWork) {
  for (const char* program : {"neato", "sfdp"}) {
    Result<std::string> svg = RenderDot(kSmallGraph, "svg", program);
    ASSERT_OK(svg) << program;
    EXPECT_THAT(*svg, HasSubstr("<svg")) << program;
  }
}

// Megabytes in and out: writing and reading at once must not deadlock.
TEST(RenderDot, LargeInputAndOutputDoNotDeadlock) {
  std::string dot = "digraph g {\n";
  for (int i = 0; i < 2048; ++i) dot += "// " + std::string(1021, 'x') + "\n";
  for (int i = 0; i < 400; ++i) {
    dot += "n" + std::to_string(i) + " [label=\"node number " + std::to_string(i) + "\"];\n";
  }
  dot += "}\n";
  Result<std::string> svg = RenderDot(dot, "svg");
  ASSERT_OK(svg);
  EXPECT_THAT(*svg, HasSubstr("node number 399"));
  EXPECT_GT(svg->size(), 64U * 1024U);  // more than a pipe buffer
}

// A program that exits without reading its input: the write fails with EPIPE,
// which must not kill the test process with SIGPIPE.
TEST(RenderDot, ProgramThatStopsReadingDoesNotRaiseSigpipe) {
  std::string big(4 * 1024 * 1024, 'x');
  Result<std::string> ok = RenderDot(big, "svg", "true");
  ASSERT_OK(ok);
  EXPECT_EQ(*ok, "");
  Result<std::string> failed = RenderDot(big, "svg", "false");
  EXPECT_THAT(failed, StatusIs(Status::Code::kIoError));
  EXPECT_THAT(failed.status().message(), HasSubstr("exit status 1"));
}

TEST(RenderDot, EmptyInputDoesNotHang) {
  // dot accepts an empty input and prints nothing; either way nothing hangs.
  Result<std::string> r = RenderDot("", "svg");
  if (r.ok()) {
    EXPECT_EQ(*r, "");
  }
}

}  // namespace
}  // namespace tkg
