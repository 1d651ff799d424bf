#include "extract/io/jsonl.h"

#include <algorithm>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/text.h"
#include "extract/extractor.h"

namespace tkg {
namespace {

const ExtractedEntity* ById(const ExtractResult& r, std::string_view id) {
  for (const ExtractedEntity& e : r.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

TEST(Jsonl, ADemonymAdjectiveIsAModifierNotAMentionAndSurvivesTheRoundTrip) {
  auto ex = Extractor::Create(ExtractorOptions{});
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  DocumentInput in;
  in.meta.id = "d";
  in.meta.date_text = "2022-11-29";
  in.meta.dct = *ParseIsoDay("2022-11-29");
  in.text = "Turkey met Finland. Turkish and Hungarian ratifications are pending.";
  auto r = (*ex)->Extract(std::move(in));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const ExtractedEntity* turkey = ById(*r, "place/turkey");
  ASSERT_NE(turkey, nullptr);
  const Span turkish{20, 27};  // "Turkish"
  EXPECT_EQ(std::count(turkey->modifiers.begin(), turkey->modifiers.end(), turkish), 1);
  EXPECT_EQ(std::count(turkey->mentions.begin(), turkey->mentions.end(), turkish), 0);
  EXPECT_EQ(std::count(turkey->mentions.begin(), turkey->mentions.end(), Span{0, 6}), 1);
  const ExtractedEntity* hungary = ById(*r, "place/hungary");
  ASSERT_NE(hungary, nullptr);  // named only by its adjective
  EXPECT_TRUE(hungary->mentions.empty());
  EXPECT_EQ(hungary->modifiers.size(), 1u);

  const std::string line = ResultToJsonLine(*r);
  EXPECT_NE(line.find("\"modifiers\":[[20,27]]"), std::string::npos) << line;
  auto back = ParseResultLine(line);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  const ExtractedEntity* again = ById(*back, "place/turkey");
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->modifiers, turkey->modifiers);
  EXPECT_EQ(again->mentions, turkey->mentions);
}

}  // namespace
}  // namespace tkg
