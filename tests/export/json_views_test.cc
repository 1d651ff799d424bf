// Tests of export/json_views.h. Golden file:
// tests/data/golden/export/fixture.timeline.json (TKG_UPDATE_GOLDEN=1
// rewrites it; see fixture.h).

#include "export/json_views.h"

#include <string>

#include <date/date.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/export/fixture.h"

namespace tkg {
namespace {

using namespace date::literals;
using ::testing::HasSubstr;

// Dumps with the strict UTF-8 handler (throws on invalid UTF-8) and parses
// back; the result must equal the original.
void ExpectRoundTrip(const ojson& j) {
  std::string text;
  ASSERT_NO_THROW(text = j.dump(2));
  const ojson back = ojson::parse(text, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(back.is_discarded()) << text;
  EXPECT_EQ(back, j);
}

TEST(TimeToJson, YearHasInclusiveDays) {
  DatedAnchor t{YearAnchor(2008_y), DateBasis::kExplicit};
  EXPECT_EQ(TimeToJson(t).dump(), R"({"value":"2008","begin":"2008-01-01","end":"2008-12-31",)"
                                  R"("granularity":"year","basis":"explicit"})");
}

TEST(TimeToJson, SeasonCrossesTheYear) {
  DatedAnchor t{SeasonAnchor(2022_y, 3), DateBasis::kInferred};
  EXPECT_EQ(TimeToJson(t).dump(), R"({"value":"2022-WI","begin":"2022-12-01","end":"2023-02-28",)"
                                  R"("granularity":"season","basis":"inferred"})");
}

TEST(TimeToJson, ValueWithoutIntervalHasNoDays) {
  DatedAnchor t{ValueOnlyAnchor("FUTURE_REF"), DateBasis::kInferred};
  EXPECT_EQ(TimeToJson(t).dump(),
            R"({"value":"FUTURE_REF","granularity":"unknown","basis":"inferred"})");
}

TEST(TimeToJson, EmptyValueIsNull) { EXPECT_TRUE(TimeToJson(DatedAnchor{}).is_null()); }

TEST(SourceToJson, OmitsEmptyFieldsAndRoundsConfidence) {
  Source s;
  s.doc_id = "doc-1";
  s.date = "2022-11-29";
  s.span = Span{3, 9};
  s.evidence = {Span{0, 2}, Span{10, 12}};
  s.rule = "r";
  s.confidence = 0.8500001F;
  EXPECT_EQ(SourceToJson(s).dump(),
            R"({"doc":"doc-1","date":"2022-11-29","span":[3,9],"evidence":[[0,2],[10,12]],)"
            R"("rule":"r","confidence":0.85})");
  s.title = "T";
  s.url = "https://x";
  s.source = "S";
  EXPECT_EQ(SourceToJson(s).dump(),
            R"({"doc":"doc-1","title":"T","url":"https://x","source":"S","date":"2022-11-29",)"
            R"("span":[3,9],"evidence":[[0,2],[10,12]],"rule":"r","confidence":0.85})");
}

TEST(SaidRowToJson, KeysInOrderAndNullSpeakerId) {
  SaidRow r;
  r.speaker = "He";
  r.speaker_text = "He";
  r.kind = StoredClaimKind::kDirect;
  r.cue = "say";
  r.content = "We stand with Ukraine";
  r.date = testing::Nov29();
  r.about = {"place/ukraine"};
  r.confidence = 0.666F;
  const ojson j = SaidRowToJson(r);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_THAT(keys, ::testing::ElementsAre("date", "speaker", "speaker_id", "speaker_text", "kind",
                                           "cue", "content", "about", "confidence", "sources"));
  EXPECT_TRUE(j["speaker_id"].is_null());
  EXPECT_EQ(j["kind"], "direct");
  EXPECT_EQ(j["date"]["value"], "2022-11-29");
  EXPECT_EQ(j["confidence"].dump(), "0.67");
  r.speaker_id = "person/x";
  EXPECT_EQ(SaidRowToJson(r)["speaker_id"], "person/x");
}

TEST(TimelineEventToJson, FactHasSubjectRelationObject) {
  const Timeline t = testing::FixtureTimeline();
  const ojson fact = TimelineEventToJson(t.dated[0]);
  EXPECT_EQ(fact["type"], "fact");
  EXPECT_EQ(fact["subject"], "NATO ministers");
  EXPECT_EQ(fact["relation"], "confirmed");
  EXPECT_EQ(fact["object"], "a 2008 decision");
  EXPECT_FALSE(fact.contains("speaker"));
  EXPECT_EQ(fact["entities"].dump(), R"([{"id":"group/nato-ministers","name":"NATO ministers"}])");

  const ojson said = TimelineEventToJson(t.dated[2]);
  EXPECT_EQ(said["type"], "said");
  EXPECT_EQ(said["speaker"], "Jens Stoltenberg");
  EXPECT_EQ(said["speaker_id"], "person/jens-stoltenberg");
  EXPECT_FALSE(said.contains("subject"));
  EXPECT_EQ(said["sources"].size(), 2U);
  EXPECT_EQ(said["polarity"], "positive");
  EXPECT_EQ(said["modality"], "asserted");
}

TEST(FactRowToJson, WritesTheStatement) {
  FactRow f;
  f.st.subject = {"group/nato-ministers", "NATO ministers"};
  f.st.relation_lemma = "confirm";
  f.st.relation_text = "confirmed";
  f.st.object = {"", "a 2008 decision"};
  f.st.args = {{"place", "in Bucharest"}};
  f.st.polarity = Polarity::kNegative;
  f.st.time = {YearAnchor(2008_y), DateBasis::kExplicit};
  f.said_by = {"Example News"};
  const ojson j = FactRowToJson(f);
  EXPECT_EQ(j["id"], std::string(32, '0'));
  EXPECT_EQ(j["subject"], "NATO ministers");
  EXPECT_EQ(j["subject_id"], "group/nato-ministers");
  EXPECT_EQ(j["relation"], "confirm");
  EXPECT_EQ(j["relation_text"], "confirmed");
  EXPECT_TRUE(j["object_id"].is_null());
  EXPECT_EQ(j["args"].dump(), R"([{"role":"place","text":"in Bucharest"}])");
  EXPECT_EQ(j["polarity"], "negative");
  EXPECT_EQ(j["time"]["granularity"], "year");
  EXPECT_EQ(j["said_by"].dump(), R"(["Example News"])");
}

TEST(EntityReportToJson, WritesRolesDocumentsAndTimeline) {
  EntityReport r;
  r.ref.id = "person/jens-stoltenberg";
  r.record.id = "person/jens-stoltenberg";
  r.record.type = EntityType::kPerson;
  r.record.name = "Jens Stoltenberg";
  r.record.aliases = {"Stoltenberg", "NATO chief"};
  RoleRecord role;
  role.title = "Secretary-General";
  role.org = "org/nato";
  role.text = "NATO Secretary-General Jens Stoltenberg";
  role.as_of = date::sys_days{2022_y / 11 / 29};
  r.record.roles = {role};
  EntityReport::DocMentions dm;
  dm.doc_id = "doc-1";
  dm.title = "NATO confirms 2008 decision";
  dm.date = "2022-11-29";
  dm.count = 3;
  dm.surfaces = {"Jens Stoltenberg", "Stoltenberg"};
  r.documents = {dm};
  r.timeline = testing::FixtureTimeline();
  const ojson j = EntityReportToJson(r);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_THAT(keys, ::testing::ElementsAre("id", "type", "name", "aliases", "roles", "role_history",
                                           "merged", "documents", "said", "about", "timeline"));
  EXPECT_EQ(j["type"], "PERSON");
  EXPECT_EQ(j["roles"][0].dump(),
            R"({"title":"Secretary-General","org":"org/nato",)"
            R"("text":"NATO Secretary-General Jens Stoltenberg","as_of":"2022-11-29","doc":null})");
  EXPECT_EQ(j["documents"][0]["mentions"], 3);
  EXPECT_EQ(j["timeline"]["events"].size(), 4U);
  EXPECT_EQ(j["timeline"]["undated"].size(), 1U);
  ExpectRoundTrip(j);
}

TEST(TimelineToJson, MatchesGoldenFile) {
  const ojson j = TimelineToJson(testing::FixtureTimeline(), "tkg: NATO");
  EXPECT_EQ(j["format"], "tkg-timeline");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["events"].size(), 4U);
  EXPECT_EQ(j["undated"].size(), 1U);
  testing::ExpectGolden("fixture.timeline.json", j.dump(2) + "\n");
}

TEST(TimelineToJson, HostileTextRoundTrips) {
  Timeline t = testing::FixtureTimeline();
  TimelineEvent& e = t.dated[2];
  e.speaker = testing::HostileText();
  e.text = testing::HostileText() + testing::LongText();
  e.title = std::string("bad UTF-8 \xff\xfe and NUL ") + std::string(1, '\0') + " end";
  e.sources[0].title = testing::kScript;
  const ojson j = TimelineToJson(t, testing::HostileText());
  ExpectRoundTrip(j);
  const std::string text = j.dump();
  EXPECT_THAT(text, HasSubstr(R"(He said \"no\" \\ back\\slash\nnew line\r\ttab <script>)"));
  // Ill-formed bytes became U+FFFD; the NUL is kept, escaped by JSON.
  EXPECT_EQ(j["events"][2]["title"],
            "bad UTF-8 \uFFFD\uFFFD and NUL " + std::string(1, '\0') + " end");
  EXPECT_THAT(text, HasSubstr("\\u0000"));
}

}  // namespace
}  // namespace tkg
