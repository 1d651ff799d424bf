// Tests of export/timelinejs.h. Golden file:
// tests/data/golden/export/fixture.timelinejs.json (TKG_UPDATE_GOLDEN=1
// rewrites it; see fixture.h).

#include "export/timelinejs.h"

#include <functional>
#include <string>
#include <vector>

#include <date/date.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/export/fixture.h"

namespace tkg {
namespace {

using namespace date::literals;
using ::testing::HasSubstr;
using ::testing::Not;
using ojson = nlohmann::ordered_json;

TimelineEvent Statement(TimeAnchor a, std::string text) {
  TimelineEvent e;
  e.type = TimelineEvent::Type::kStatement;
  e.time = DatedAnchor{std::move(a), DateBasis::kExplicit};
  e.text = text;
  e.title = std::move(text);
  return e;
}

// The one slide of a timeline holding `e` alone.
ojson SlideOf(TimelineEvent e) {
  Timeline t;
  t.dated.push_back(std::move(e));
  const ojson j = TimelineJs(t, TimelineJsOptions{});
  EXPECT_EQ(j["events"].size(), 1U);
  return j["events"].empty() ? ojson() : j["events"][0];
}

// Calls `f` on every string in `j`, keys included.
void ForEachString(const ojson& j, const std::function<void(const std::string&)>& f) {
  if (j.is_string()) f(j.get<std::string>());
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      f(k);
      ForEachString(v, f);
    }
  }
  if (j.is_array()) {
    for (const ojson& v : j) ForEachString(v, f);
  }
}

TEST(TimelineJs, MatchesGoldenFile) {
  TimelineJsOptions options;
  options.title = "tkg: NATO";
  const ojson j = TimelineJs(testing::FixtureTimeline(), options);
  testing::ExpectGolden("fixture.timelinejs.json", j.dump(2) + "\n");
}

TEST(TimelineJs, TitleSlideAndEventShape) {
  const ojson j = TimelineJs(testing::FixtureTimeline(), TimelineJsOptions{});
  EXPECT_EQ(j["title"]["text"]["headline"], "tkg timeline");
  ASSERT_EQ(j["events"].size(), 4U);  // the undated event is left out
  const ojson& said = j["events"][2];
  EXPECT_EQ(said["text"]["headline"], "Jens Stoltenberg said");
  // The content keeps the quotation marks of a direct quote.
  EXPECT_THAT(said["text"]["text"].get<std::string>(),
              ::testing::StartsWith("<p>“Ukraine will become a member of NATO”</p>"));
  EXPECT_EQ(said["group"], "Jens Stoltenberg");
  EXPECT_EQ(said["unique_id"], "e2");
  EXPECT_THAT(said["text"]["text"].get<std::string>(),
              HasSubstr("<li><a href=\"https://example.org/3\">Stoltenberg in Bucharest</a> — "
                        "Example News, 2022-11-29</li>"));
  const ojson& fact = j["events"][0];
  EXPECT_EQ(fact["text"]["headline"], "NATO ministers confirmed");
  EXPECT_EQ(fact["group"], "NATO ministers");
  EXPECT_EQ(j["events"][1]["group"], "statements");
  EXPECT_EQ(j["events"][1]["text"]["headline"],
            "Allies agreed at the Bucharest summit that Ukraine will become…");
}

TEST(TimelineJs, NegativeFactHeadline) {
  TimelineEvent e = Statement(YearAnchor(2022_y), "NATO did not set a timeline");
  e.type = TimelineEvent::Type::kFact;
  e.subject = "NATO";
  e.relation = "set";
  e.object = "a timeline";
  e.polarity = Polarity::kNegative;
  const ojson slide = SlideOf(e);
  EXPECT_EQ(slide["text"]["headline"], "NATO not set");
  EXPECT_THAT(slide["text"]["text"].get<std::string>(), HasSubstr("<em>negated</em>"));
}

TEST(TimelineJs, GroupByType) {
  TimelineJsOptions options;
  options.group_by = "type";
  const ojson j = TimelineJs(testing::FixtureTimeline(), options);
  EXPECT_EQ(j["events"][0]["group"], "fact");
  EXPECT_EQ(j["events"][1]["group"], "statement");
  EXPECT_EQ(j["events"][2]["group"], "said");
}

TEST(TimelineJs, YearGrainHasOnlyTheYear) {
  const ojson slide = SlideOf(Statement(YearAnchor(2008_y), "x"));
  EXPECT_EQ(slide["start_date"].dump(), R"({"year":2008})");
  EXPECT_FALSE(slide["start_date"].contains("month"));
  EXPECT_FALSE(slide.contains("end_date"));
}

TEST(TimelineJs, MonthAndDayGrains) {
  EXPECT_EQ(SlideOf(Statement(MonthAnchor(2022_y / 3), "x"))["start_date"].dump(),
            R"({"year":2022,"month":3})");
  const ojson day = SlideOf(Statement(DayAnchor(date::sys_days{2022_y / 11 / 29}), "x"));
  EXPECT_EQ(day["start_date"].dump(), R"({"year":2022,"month":11,"day":29})");
  EXPECT_FALSE(day.contains("end_date"));
}

TEST(TimelineJs, SeasonQuarterAndWeekHaveStartAndEnd) {
  const ojson winter = SlideOf(Statement(SeasonAnchor(2022_y, 3), "x"));
  EXPECT_EQ(winter["start_date"].dump(), R"({"year":2022,"month":12,"day":1})");
  EXPECT_EQ(winter["end_date"].dump(), R"({"year":2023,"month":2,"day":28})");
  const ojson q = SlideOf(Statement(QuarterAnchor(2022_y, 4), "x"));
  EXPECT_EQ(q["start_date"].dump(), R"({"year":2022,"month":10,"day":1})");
  EXPECT_EQ(q["end_date"].dump(), R"({"year":2022,"month":12,"day":31})");
  const ojson w = SlideOf(Statement(IsoWeekAnchor(2022, 48), "x"));
  EXPECT_EQ(w["start_date"].dump(), R"({"year":2022,"month":11,"day":28})");
  EXPECT_EQ(w["end_date"].dump(), R"({"year":2022,"month":12,"day":4})");
}

TEST(TimelineJs, DecadeAndCenturyAreYearRanges) {
  const ojson decade = SlideOf(Statement(DecadeAnchor(1990), "x"));
  EXPECT_EQ(decade["start_date"].dump(), R"({"year":1990})");
  EXPECT_EQ(decade["end_date"].dump(), R"({"year":1999})");
  const ojson century = SlideOf(Statement(CenturyAnchor(1900), "x"));
  EXPECT_EQ(century["start_date"].dump(), R"({"year":1900})");
  EXPECT_EQ(century["end_date"].dump(), R"({"year":1999})");
}

TEST(TimelineJs, NegativeYears) {
  const ojson slide = SlideOf(Statement(YearAnchor(date::year{-44}), "Caesar is killed"));
  EXPECT_EQ(slide["start_date"].dump(), R"({"year":-44})");
}

TEST(TimelineJs, EventsWithoutIntervalAreLeftOut) {
  Timeline t;
  t.dated.push_back(Statement(ValueOnlyAnchor("PRESENT_REF"), "no interval"));
  t.dated.push_back(Statement(YearAnchor(2008_y), "kept"));
  t.undated.push_back(Statement(ValueOnlyAnchor("FUTURE_REF"), "undated"));
  const ojson j = TimelineJs(t, TimelineJsOptions{});
  ASSERT_EQ(j["events"].size(), 1U);
  EXPECT_EQ(j["events"][0]["unique_id"], "e1");
  EXPECT_THAT(j.dump(), Not(HasSubstr("undated")));
  EXPECT_THAT(j.dump(), Not(HasSubstr("no interval")));
}

TEST(TimelineJs, CurationKeepsTheBestSourcedInChronologicalOrder) {
  Timeline t;
  for (int i = 0; i < 30; ++i) {
    TimelineEvent e = Statement(YearAnchor(date::year{1990 + i}), "event " + std::to_string(i));
    // Events 3, 10, 17, 24 have three sources; 5 and 20 two; the rest one.
    const int n = i % 7 == 3 ? 3 : (i == 5 || i == 20) ? 2 : 1;
    for (int k = 0; k < n; ++k) {
      e.sources.push_back(testing::MakeSource("doc-" + std::to_string(k), "t", "", 0.5F));
    }
    // Among the one-source events, 28 is the most confident and 12 the only
    // one dated by its text rather than by its publication.
    if (i == 28) e.sources[0].confidence = 0.95F;
    e.time.basis = i == 12 ? DateBasis::kExplicit : DateBasis::kPublication;
    t.dated.push_back(e);
  }
  TimelineJsOptions options;
  options.max_events = 7;
  const ojson j = TimelineJs(t, options);
  std::vector<std::string> ids;
  for (const ojson& e : j["events"]) ids.push_back(e["unique_id"].get<std::string>());
  EXPECT_THAT(ids, ::testing::ElementsAre("e3", "e5", "e10", "e12", "e17", "e20", "e24"));
  EXPECT_THAT(j["title"]["text"]["text"].get<std::string>(),
              HasSubstr("The 7 best-sourced of 30 dated events."));
  options.max_events = 8;
  ids.clear();
  const ojson j8 = TimelineJs(t, options);
  for (const ojson& e : j8["events"]) ids.push_back(e["unique_id"].get<std::string>());
  EXPECT_THAT(ids, ::testing::ElementsAre("e3", "e5", "e10", "e12", "e17", "e20", "e24", "e28"));

  options.max_events = 0;  // keeps all
  EXPECT_EQ(TimelineJs(t, options)["events"].size(), 30U);
}

TEST(TimelineJs, HostileTextIsEscaped) {
  Timeline t = testing::FixtureTimeline();
  for (TimelineEvent& e : t.dated) {
    e.text = testing::HostileText() + " " + testing::LongText();
    e.title = testing::HostileText();
    e.speaker = testing::kScript;
    e.subject = testing::kScript;
    e.relation = testing::HostileText();
    e.said_by = {testing::kScript};
    for (Source& s : e.sources) {
      s.title = testing::kScript;
      s.source = "<img src=x onerror=alert(1)>";
      s.date = "\"><script>";
    }
  }
  t.dated[0].sources[0].url = "javascript:alert(1)";
  t.dated[2].sources[0].url = "https://example.org/?a=1&b=\"<script>";
  TimelineJsOptions options;
  options.title = testing::kScript;
  const ojson j = TimelineJs(t, options);
  ForEachString(j, [](const std::string& s) {
    EXPECT_THAT(s, Not(HasSubstr("<script"))) << s;
    EXPECT_THAT(s, Not(HasSubstr("<img"))) << s;
  });
  const std::string text = j.dump();
  EXPECT_THAT(text, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(text, HasSubstr("He said &quot;no&quot; \\\\ back\\\\slash\\nnew line tab "));
  EXPECT_THAT(text, HasSubstr("&amp;amp; AT&amp;T"));
  EXPECT_THAT(text, Not(HasSubstr("href=\\\"javascript")));
  EXPECT_THAT(text, HasSubstr("href=\\\"https://example.org/?a=1&amp;b=&quot;&lt;script&gt;\\\""));
  // The JSON itself stays valid.
  const ojson back = ojson::parse(j.dump(), nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(back.is_discarded());
}

}  // namespace
}  // namespace tkg
