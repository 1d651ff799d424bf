// Queries over a real database holding the NATO sample and two small
// follow-up articles.

#include "graph/query.h"

#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/lexicon.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace tkg {
namespace {

class QueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    auto ex = Extractor::Create(ExtractorOptions{});
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    StoreOptions o;
    o.create_if_missing = true;
    auto store = Store::Open(dir_->Sub("db"), o);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::string nato;
    ASSERT_TRUE(ReadFile("samples/nato-bucharest-2022-11-29.txt", &nato).ok());
    struct Doc {
      const char* id;
      std::string text;
      const char* date;
    };
    std::vector<Doc> docs = {
        {"nato", nato, "2022-11-29"},
        {"follow-up",
         "Stoltenberg said on Wednesday that allies would send more air defence systems.\n\n"
         "“NATO’s door is open,” Stoltenberg said.\n\n"
         "Slovak Foreign Minister Rastislav Kačer said the winter would be hard.",
         "2022-11-30"},
        {"older", "Finland applied to join NATO in May 2022, officials said.", "2022-06-01"},
    };
    for (const Doc& d : docs) {
      DocumentInput in;
      in.meta.id = d.id;
      in.meta.date_text = d.date;
      in.meta.dct = *ParseIsoDay(d.date);
      in.text = d.text;
      auto r = (*ex)->Extract(std::move(in));
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      ASSERT_TRUE((*store)->Ingest(*r, d.text, "v").ok());
    }
    store->reset();
    StoreOptions ro;
    ro.read_only = true;
    auto reader = Store::Open(dir_->Sub("db"), ro);
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    store_ = reader->release();
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }

  static testing::TempDir* dir_;
  static Store* store_;
};

testing::TempDir* QueryTest::dir_ = nullptr;
Store* QueryTest::store_ = nullptr;

TEST_F(QueryTest, ResolveIsForgiving) {
  for (const char* name : {"Jens Stoltenberg", "jens stoltenberg", "STOLTENBERG", "Stoltenberg",
                           "person/jens-stoltenberg", "NATO chief"}) {
    auto r = ResolveEntities(*store_, name);
    ASSERT_OK(r);
    ASSERT_FALSE(r->empty()) << name;
    EXPECT_EQ(r->front().id, "person/jens-stoltenberg") << name;
  }
  auto kacer = ResolveEntities(*store_, "Kacer");  // written Kačer in one document
  ASSERT_OK(kacer);
  ASSERT_FALSE(kacer->empty());
  EXPECT_EQ(kacer->front().id, "person/rastislav-kacer");
  auto none = ResolveEntities(*store_, "Nobody Here");
  ASSERT_OK(none);
  EXPECT_TRUE(none->empty());
}

TEST_F(QueryTest, SaidByAcrossDocumentsGroupsTheSameStatement) {
  SaidQuery q;
  q.who = "stoltenberg";
  auto rows = Said(*store_, q);
  ASSERT_OK(rows);
  int door = 0, back_down = 0;
  for (const SaidRow& r : *rows) {
    EXPECT_EQ(r.speaker, "Jens Stoltenberg");
    if (r.content == "NATO’s door is open") {
      ++door;
      EXPECT_EQ(r.sources.size(), 2u);  // the sample and the follow-up
    }
    if (r.content.find("We will not back down") != std::string::npos) {
      ++back_down;
      EXPECT_EQ(r.kind, StoredClaimKind::kDirect);
      ASSERT_EQ(r.sources.size(), 1u);
      EXPECT_EQ(r.sources[0].evidence.size(), 2u);  // headline and pull-quote
    }
  }
  EXPECT_EQ(door, 1);
  EXPECT_EQ(back_down, 1);
  // Ordered by date.
  for (std::size_t i = 1; i < rows->size(); ++i) {
    EXPECT_LE((*rows)[i - 1].date.anchor.begin, (*rows)[i].date.anchor.begin);
  }
}

TEST_F(QueryTest, SaidFiltersByDateKindAboutAndLimit) {
  SaidQuery q;
  q.range.from = *ParseIsoDay("2022-11-30");
  auto later = Said(*store_, q);
  ASSERT_OK(later);
  ASSERT_FALSE(later->empty());
  for (const SaidRow& r : *later) EXPECT_EQ(r.sources[0].doc_id, "follow-up");
  SaidQuery direct;
  direct.kind = ClaimKind::kDirect;
  auto d = Said(*store_, direct);
  ASSERT_OK(d);
  for (const SaidRow& r : *d) EXPECT_EQ(r.kind, StoredClaimKind::kDirect);
  SaidQuery about;
  about.about = "Russia";
  auto a = Said(*store_, about);
  ASSERT_OK(a);
  ASSERT_FALSE(a->empty());
  for (const SaidRow& r : *a) {
    EXPECT_NE(std::find(r.about.begin(), r.about.end(), "place/russia"), r.about.end())
        << r.content;
  }
  SaidQuery limited;
  limited.limit = 2;
  auto l = Said(*store_, limited);
  ASSERT_OK(l);
  EXPECT_EQ(l->size(), 2u);
  SaidQuery unknown;
  unknown.who = "Nobody Here";
  EXPECT_THAT(Said(*store_, unknown), testing::StatusIs(Status::Code::kNotFound));
}

TEST_F(QueryTest, TimelinePutsThe2008DecisionFirstAtYearPrecision) {
  auto t = BuildTimeline(*store_, TimelineQuery{});
  ASSERT_OK(t);
  ASSERT_FALSE(t->dated.empty());
  const TimelineEvent& first = t->dated.front();
  EXPECT_EQ(first.time.anchor.value, "2008");
  EXPECT_EQ(first.time.anchor.grain, Grain::kYear);
  EXPECT_NE(first.text.find("2008 decision"), std::string::npos);
  for (std::size_t i = 1; i < t->dated.size(); ++i) {
    EXPECT_LE(t->dated[i - 1].time.anchor.begin, t->dated[i].time.anchor.begin);
  }
  bool has_nov29 = false;
  for (const TimelineEvent& e : t->dated) has_nov29 |= e.time.anchor.value == "2022-11-29";
  EXPECT_TRUE(has_nov29);
  TimelineQuery nato;
  nato.about = "NATO";
  auto n = BuildTimeline(*store_, nato);
  ASSERT_OK(n);
  ASSERT_FALSE(n->dated.empty());
  EXPECT_EQ(n->dated.front().time.anchor.value,
            "2008");  // said content naming NATO ("the alliance")
  TimelineQuery about;
  about.about = "Kuleba";
  auto k = BuildTimeline(*store_, about);
  ASSERT_OK(k);
  ASSERT_FALSE(k->dated.empty());
  for (const TimelineEvent& e : k->dated) {
    bool involves =
        std::find(e.entities.begin(), e.entities.end(), "person/dmytro-kuleba") != e.entities.end();
    EXPECT_TRUE(involves || e.speaker_id == "person/dmytro-kuleba") << e.title;
  }
  TimelineQuery range;
  range.range.to = *ParseIsoDay("2010-12-31");
  auto early = BuildTimeline(*store_, range);
  ASSERT_OK(early);
  ASSERT_EQ(early->dated.size(), 1u);
  EXPECT_TRUE(early->undated.empty());
}

TEST_F(QueryTest, EntityReportHasRolesMentionsAndClaims) {
  auto rep = DescribeEntity(*store_, "Kuleba");
  ASSERT_OK(rep);
  EXPECT_EQ(rep->record.name, "Dmytro Kuleba");
  ASSERT_FALSE(rep->record.roles.empty());
  EXPECT_EQ(rep->record.roles[0].title, "Foreign Minister");
  EXPECT_EQ(rep->record.roles[0].org, "place/ukraine");
  ASSERT_TRUE(rep->record.roles[0].as_of.has_value());
  EXPECT_EQ(FormatDay(*rep->record.roles[0].as_of), "2022-11-29");
  ASSERT_EQ(rep->documents.size(), 1u);
  EXPECT_GE(rep->documents[0].count, 2u);
  EXPECT_GE(rep->said.size(), 2u);
  auto nato = DescribeEntity(*store_, "NATO");
  ASSERT_OK(nato);
  EXPECT_EQ(nato->documents.size(), 3u);
  EXPECT_FALSE(nato->about.empty());
  EXPECT_THAT(DescribeEntity(*store_, "Nobody Here"), testing::StatusIs(Status::Code::kNotFound));
}

TEST_F(QueryTest, GraphAroundAnEntity) {
  GraphQuery q;
  q.about = "Stoltenberg";
  auto g = BuildGraph(*store_, q);
  ASSERT_OK(g);
  bool has_jens = false;
  for (const auto& n : g->nodes) has_jens |= n.id == "person/jens-stoltenberg";
  EXPECT_TRUE(has_jens);
  ASSERT_FALSE(g->said.empty());
  for (const auto& e : g->said) EXPECT_FALSE(e.speaker.empty());
  GraphQuery small;
  small.max_nodes = 3;
  auto s = BuildGraph(*store_, small);
  ASSERT_OK(s);
  EXPECT_LE(s->nodes.size(), 3u);
}

}  // namespace
}  // namespace tkg
