// Hand-built inputs for the export tests (a small NATO-like graph and
// timeline) and the golden-file helper they share.
//
// Golden files live in tests/data/golden/export/. The tests compare their
// output with them byte for byte; run the tests with TKG_UPDATE_GOLDEN=1 in
// the environment to rewrite the files instead (then review the diff):
//   TKG_UPDATE_GOLDEN=1 build/tests/export/export_test

#ifndef TKG_TESTS_EXPORT_FIXTURE_H_
#define TKG_TESTS_EXPORT_FIXTURE_H_

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <date/date.h>
#include <gtest/gtest.h>

#include "core/time_anchor.h"
#include "graph/query.h"

namespace tkg::testing {

inline Source MakeSource(std::string doc, std::string title, std::string url, float confidence) {
  Source s;
  s.doc_id = std::move(doc);
  s.title = std::move(title);
  s.url = std::move(url);
  s.source = "Example News";
  s.date = "2022-11-29";
  s.span = Span{120, 160};
  s.evidence = {Span{0, 28}};
  s.rule = "said.direct.colon";
  s.confidence = confidence;
  return s;
}

inline DatedAnchor Dated(TimeAnchor a, DateBasis basis) { return DatedAnchor{std::move(a), basis}; }

inline DatedAnchor Nov29() {
  using namespace date::literals;
  return Dated(DayAnchor(date::sys_days{2022_y / 11 / 29}), DateBasis::kPublication);
}

// Jens Stoltenberg (PERSON with a role), NATO (ORG), Ukraine (PLACE), NATO
// ministers (GROUP); the fact "NATO ministers confirmed a 2008 decision"
// (year grain), two more facts (future modality, negative polarity) and two
// statements of Stoltenberg dated 2022-11-29.
inline GraphView FixtureGraph() {
  GraphView g;
  g.nodes.push_back({"person/jens-stoltenberg",
                     "Jens Stoltenberg",
                     EntityType::kPerson,
                     {"Secretary-General of NATO (2022-11-29)"}});
  g.nodes.push_back({"org/nato", "NATO", EntityType::kOrg, {}});
  g.nodes.push_back({"place/ukraine", "Ukraine", EntityType::kPlace, {}});
  g.nodes.push_back({"group/nato-ministers", "NATO ministers", EntityType::kGroup, {}});

  GraphView::FactEdge confirmed;
  confirmed.subject = "group/nato-ministers";
  confirmed.object_text = "a 2008 decision";
  confirmed.relation = "confirmed";
  confirmed.time = Dated(YearAnchor(date::year{2008}), DateBasis::kExplicit);
  confirmed.sources = {
      MakeSource("doc-1", "NATO confirms 2008 decision", "https://example.org/1", 0.8F)};
  g.facts.push_back(confirmed);

  GraphView::FactEdge join;
  join.subject = "place/ukraine";
  join.object = "org/nato";
  join.relation = "will join";
  join.modality = Modality::kFuture;
  g.facts.push_back(join);

  GraphView::FactEdge timeline;
  timeline.subject = "org/nato";
  timeline.object_text = "a timeline";
  timeline.relation = "set";
  timeline.polarity = Polarity::kNegative;
  timeline.time = Nov29();
  g.facts.push_back(timeline);

  GraphView::SaidEdge member;
  member.speaker = "person/jens-stoltenberg";
  member.content = "Ukraine will become a member of NATO";
  member.cue = "say";
  member.kind = StoredClaimKind::kDirect;
  member.date = Nov29();
  member.about = {"place/ukraine", "org/nato"};
  member.sources = {
      MakeSource("doc-1", "NATO confirms 2008 decision", "https://example.org/1", 0.9F)};
  g.said.push_back(member);

  GraphView::SaidEdge support;
  support.speaker = "person/jens-stoltenberg";
  support.content =
      "NATO allies would continue to support Ukraine for as long as it takes, whatever the cost "
      "and whatever Russia does next";
  support.cue = "promise";
  support.kind = StoredClaimKind::kIndirect;
  support.date = Nov29();
  support.about = {"org/nato", "place/russia"};  // Russia is no node of this view
  g.said.push_back(support);
  return g;
}

// Four dated events (a year, a month, a day, a season) and one undated one.
inline Timeline FixtureTimeline() {
  using namespace date::literals;
  Timeline t;

  TimelineEvent fact;
  fact.type = TimelineEvent::Type::kFact;
  fact.time = Dated(YearAnchor(date::year{2008}), DateBasis::kExplicit);
  fact.subject = "NATO ministers";
  fact.relation = "confirmed";
  fact.object = "a 2008 decision";
  fact.text = "NATO ministers confirmed a 2008 decision";
  fact.title = fact.text;
  fact.entities = {"group/nato-ministers"};
  fact.entity_names = {"NATO ministers"};
  fact.said_by = {"Example News"};
  fact.sources = {
      MakeSource("doc-1", "NATO confirms 2008 decision", "https://example.org/1", 0.8F)};
  t.dated.push_back(fact);

  TimelineEvent bucharest;
  bucharest.type = TimelineEvent::Type::kStatement;
  bucharest.time = Dated(MonthAnchor(2008_y / 4), DateBasis::kExplicit);
  bucharest.text = "Allies agreed at the Bucharest summit that Ukraine will become a member";
  bucharest.title = bucharest.text + " — Jens Stoltenberg (recalled)";
  bucharest.said_by = {"Jens Stoltenberg (recalled)"};
  bucharest.sources = {MakeSource("doc-2", "", "", 0.7F)};
  t.dated.push_back(bucharest);

  TimelineEvent said;
  said.type = TimelineEvent::Type::kSaid;
  said.time = Nov29();
  said.speaker = "Jens Stoltenberg";
  said.speaker_id = "person/jens-stoltenberg";
  said.text = "Ukraine will become a member of NATO";
  said.title = "Jens Stoltenberg said: “Ukraine will become a member of NATO”";
  said.cue = "said";
  said.claim_kind = StoredClaimKind::kDirect;
  said.entities = {"person/jens-stoltenberg"};
  said.entity_names = {"Jens Stoltenberg"};
  said.sources = {MakeSource("doc-1", "NATO confirms 2008 decision", "https://example.org/1", 0.9F),
                  MakeSource("doc-3", "Stoltenberg in Bucharest", "https://example.org/3", 0.85F)};
  t.dated.push_back(said);

  TimelineEvent winter;
  winter.type = TimelineEvent::Type::kStatement;
  winter.time = Dated(SeasonAnchor(2022_y, 3), DateBasis::kInferred);
  winter.text = "Russia will step up attacks on Ukraine's energy infrastructure";
  winter.title = winter.text + " — Jens Stoltenberg (warned)";
  winter.modality = Modality::kFuture;
  winter.said_by = {"Jens Stoltenberg (warned)"};
  winter.sources = {
      MakeSource("doc-3", "Stoltenberg in Bucharest", "https://example.org/3", 0.75F)};
  t.dated.push_back(winter);

  TimelineEvent join;
  join.type = TimelineEvent::Type::kStatement;
  join.time = Dated(ValueOnlyAnchor("FUTURE_REF"), DateBasis::kInferred);
  join.text = "Ukraine will join NATO";
  join.title = "Ukraine will join NATO — Jens Stoltenberg (said)";
  join.modality = Modality::kFuture;
  join.said_by = {"Jens Stoltenberg (said)"};
  join.sources = {
      MakeSource("doc-1", "NATO confirms 2008 decision", "https://example.org/1", 0.9F)};
  t.undated.push_back(join);
  return t;
}

// The hostile strings of the escaping tests.
inline std::string LongText() {
  std::string s;
  while (s.size() < 5000) s += "abcdefghi ";
  s.resize(5000);
  return s;
}
inline const char* const kScript = "<script>alert(1)</script>";
inline const char* const kRtlMark = "\u200F";
inline std::string HostileText() {
  return std::string("He said \"no\" \\ back\\slash\nnew line\r\ttab ") + kScript + " &amp; AT&T " +
         kRtlMark + "שלום";
}

// Compares `actual` with tests/data/golden/export/<name> byte for byte, or
// rewrites that file when TKG_UPDATE_GOLDEN=1.
inline void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = "tests/data/golden/export/" + name;
  const char* update = std::getenv("TKG_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    ASSERT_TRUE(out.good()) << "cannot write " << path;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << "cannot read " << path
                         << " (run with TKG_UPDATE_GOLDEN=1 to create it)";
  std::ostringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(expected.str(), actual)
      << "differs from " << path << " (TKG_UPDATE_GOLDEN=1 rewrites it)";
}

}  // namespace tkg::testing

#endif  // TKG_TESTS_EXPORT_FIXTURE_H_
