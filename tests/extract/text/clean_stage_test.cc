#include "extract/text/clean_stage.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/lexicon.h"
#include "tests/testing/documents.h"

namespace tkg {
namespace {

std::vector<std::pair<std::string, std::string>> Zones(const Document& doc) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Zone& z : doc.zones()) {
    out.emplace_back(std::string(ZoneKindName(z.kind)), std::string(doc.Slice(z.span)));
  }
  return out;
}

TEST(CleanStage, TheLinesOfASourcesListAreCitations) {
  Document doc = testing::Annotate(
      "Body text here.\n\nSources\n\n\"Document found on street not secret, say feds\" — The "
      "Canadian Press, August 15, 2008\n\nPeter Zimonjic. “MP calls for probe” — Edmonton Sun, "
      "August 16, 2008\n\nOfficials declined to comment. \"We are reviewing it\" - a "
      "spokesman said.\n\nA \"quoted\" - word.",
      "2008-08-15", {"clean"});
  auto zones = Zones(doc);
  ASSERT_EQ(zones.size(), 6u);
  EXPECT_EQ(zones[0].first, "body");
  EXPECT_EQ(zones[2].first, "citation");
  EXPECT_EQ(zones[3].first, "citation");
  // A paragraph with a quotation and a dash is no citation (nor what follows).
  EXPECT_NE(zones[4].first, "citation");
  EXPECT_NE(zones[5].first, "citation");
}

TEST(CleanStage, NatoSampleZones) {
  std::string text;
  ASSERT_TRUE(ReadFile("samples/nato-bucharest-2022-11-29.txt", &text).ok());
  Document doc = testing::Annotate(text, "2022-11-29", {"clean"});
  auto zones = Zones(doc);
  ASSERT_GE(zones.size(), 10u);
  EXPECT_EQ(zones[0].first, "headline");
  EXPECT_EQ(zones[0].second, "NATO chief says alliance will not back down on Ukraine aid");
  EXPECT_EQ(zones[1].first, "standfirst");
  EXPECT_TRUE(zones[1].second.starts_with("NATO Secretary General calls on"));  // \xa0 trimmed
  int boiler = 0, pull = 0;
  for (const auto& [kind, z] : zones) {
    if (kind == "boilerplate") {
      ++boiler;
      EXPECT_TRUE(z == "Nato,Worldnews" || z == "Read More on.." || z == "Comments") << z;
    }
    if (kind == "pullquote") {
      ++pull;
      EXPECT_TRUE(z.ends_with("Bucharest, Romania")) << z;
    }
  }
  EXPECT_EQ(boiler, 3);
  EXPECT_EQ(pull, 1);
  // The last body paragraph keeps its text but loses "Read More on..".
  bool found = false;
  for (const auto& [kind, z] : zones) {
    if (z.starts_with("“The coming months")) {
      found = true;
      EXPECT_EQ(kind, "body");
      EXPECT_TRUE(z.ends_with("Kacer said.")) << z;
    }
  }
  EXPECT_TRUE(found);
}

TEST(CleanStage, DatelineOnItsOwnOrFollowedByText) {
  Document a = testing::Annotate("Thursday, February 23, 2006\n\nAlmost half of them said so.", "",
                                 {"clean"});
  auto za = Zones(a);
  ASSERT_EQ(za.size(), 2u);
  EXPECT_EQ(za[0].first, "dateline");
  EXPECT_EQ(za[1].first, "body");
  Document b = testing::Annotate("Thursday, May 7, 2015 On Tuesday, the government announced it.",
                                 "", {"clean"});
  auto zb = Zones(b);
  ASSERT_EQ(zb.size(), 2u);
  EXPECT_EQ(zb[0].second, "Thursday, May 7, 2015");
  EXPECT_EQ(zb[1].second, "On Tuesday, the government announced it.");
}

TEST(CleanStage, ExactDuplicateParagraphIsMarkedOnce) {
  std::string p = "The minister said the talks would resume in the spring after the vote.";
  Document doc =
      testing::Annotate("Intro sentence here.\n\n" + p + "\n\nMiddle.\n\n" + p, "", {"clean"});
  int pull = 0;
  for (const Zone& z : doc.zones()) pull += z.kind == ZoneKind::kPullQuote ? 1 : 0;
  EXPECT_EQ(pull, 1);
  EXPECT_EQ(doc.zones()[1].kind, ZoneKind::kPullQuote);
}

TEST(CleanStage, CaptionsAndEmptyText) {
  Document doc = testing::Annotate(
      "Tuesday, March 8, 2011\n\nThe ship in port. Image: John Smith.\n\nBody text follows.", "",
      {"clean"});
  EXPECT_EQ(doc.zones()[1].kind, ZoneKind::kCaption);
  Document empty = testing::Annotate("  \n\n ", "", {"clean", "segment"});
  EXPECT_TRUE(empty.zones().empty());
  EXPECT_TRUE(empty.tokens().empty());
}

}  // namespace
}  // namespace tkg
