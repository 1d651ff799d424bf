// The store against real RocksDB databases in temporary directories.

#include "graph/store.h"

#include <filesystem>

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include "core/text.h"
#include "extract/extractor.h"
#include "extract/lexicon.h"
#include "graph/ids.h"
#include "graph/key_codec.h"
#include "graph/query.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace tkg {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ex = Extractor::Create(ExtractorOptions{});
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    extractor_ = ex->release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }

  static ExtractResult Extract(const std::string& id, const std::string& text,
                               const std::string& date = "2022-11-29") {
    DocumentInput in;
    in.meta.id = id;
    in.meta.date_text = date;
    in.meta.dct = *ParseIsoDay(date);
    in.text = text;
    auto r = extractor_->Extract(std::move(in));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ExtractResult{};
  }

  static std::string Nato() {
    std::string text;
    EXPECT_TRUE(ReadFile("samples/nato-bucharest-2022-11-29.txt", &text).ok());
    return text;
  }

  std::unique_ptr<Store> OpenWriter() {
    StoreOptions o;
    o.create_if_missing = true;
    auto s = Store::Open(dir_.Sub("db"), o);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }

  static std::map<std::string, std::uint64_t> Counts(const Store& s) {
    auto c = s.Counts();
    EXPECT_TRUE(c.ok());
    return c.ok() ? *c : std::map<std::string, std::uint64_t>{};
  }

  testing::TempDir dir_;
  static Extractor* extractor_;
};

Extractor* StoreTest::extractor_ = nullptr;

TEST_F(StoreTest, MissingDatabaseIsNotFound) {
  StoreOptions o;
  EXPECT_THAT(Store::Open(dir_.Sub("nope"), o), testing::StatusIs(Status::Code::kNotFound));
  o.read_only = true;
  EXPECT_THAT(Store::Open(dir_.Sub("nope"), o), testing::StatusIs(Status::Code::kNotFound));
}

TEST_F(StoreTest, ReingestingTheSameDocumentChangesNothing) {
  auto store = OpenWriter();
  ASSERT_NE(store, nullptr);
  std::string text = Nato();
  ExtractResult r = Extract("nato", text);
  ASSERT_GE(r.claims.size(), 10u);
  auto first = store->Ingest(r, text, "v1");
  ASSERT_OK(first);
  EXPECT_EQ(*first, IngestOutcome::kAdded);
  auto before = Counts(*store);
  EXPECT_EQ(before["docs"], 1u);
  // A claim record per claim and per fact, but for the facts that only repeat
  // a claim ("Stoltenberg said") or have a bare pronoun subject.
  EXPECT_GT(before["claims"], r.claims.size() + r.facts.size() / 2);
  EXPECT_LT(before["claims"], r.claims.size() + r.facts.size());
  EXPECT_GE(before["entities"], 13u);
  auto again = store->Ingest(r, text, "v1");
  ASSERT_OK(again);
  EXPECT_EQ(*again, IngestOutcome::kUnchanged);
  EXPECT_EQ(Counts(*store), before);
  // A new extractor version rewrites the same keys: counts stay the same.
  auto rewritten = store->Ingest(r, text, "v2");
  ASSERT_OK(rewritten);
  EXPECT_EQ(*rewritten, IngestOutcome::kReplaced);
  EXPECT_EQ(Counts(*store), before);
}

TEST_F(StoreTest, ChangedDocumentReplacesItsClaims) {
  auto store = OpenWriter();
  ASSERT_NE(store, nullptr);
  std::string v1 = "“The talks failed,” Smith said.\n\nJohn Smith is a diplomat.";
  std::string v2 = "“The talks succeeded,” Smith said.\n\nJohn Smith is a diplomat.";
  // v1 has no full name: Smith stays unresolved, which is fine here.
  ASSERT_OK(store->Ingest(Extract("doc", v1), v1, "v"));
  auto c1 = Counts(*store);
  auto outcome = store->Ingest(Extract("doc", v2), v2, "v");
  ASSERT_OK(outcome);
  EXPECT_EQ(*outcome, IngestOutcome::kReplaced);
  auto c2 = Counts(*store);
  EXPECT_EQ(c2["docs"], 1u);
  EXPECT_EQ(c2["claims"], c1["claims"]);
  EXPECT_EQ(c2["statements"], c1["statements"]);
  // The old content is gone, the new one is there.
  auto old_statement = store->GetStatement(ids::SaidStatement("The talks failed"));
  ASSERT_OK(old_statement);
  EXPECT_FALSE(old_statement->has_value());
  auto new_statement = store->GetStatement(ids::SaidStatement("The talks succeeded"));
  ASSERT_OK(new_statement);
  EXPECT_TRUE(new_statement->has_value());
}

TEST_F(StoreTest, StatementsSharedByDocumentsSurviveOneReplacement) {
  auto store = OpenWriter();
  ASSERT_NE(store, nullptr);
  std::string a = "“We will not back down,” Jens Stoltenberg said.";
  std::string b = "“We will not back down,” Jens Stoltenberg said on Tuesday.";
  ASSERT_OK(store->Ingest(Extract("a", a), a, "v"));
  ASSERT_OK(store->Ingest(Extract("b", b), b, "v"));
  Id128 st = ids::SaidStatement("We will not back down");
  std::size_t sources = 0;
  ASSERT_OK(
      store->ScanPrefix(Family::kByStatement, st.raw(), [&](std::string_view, std::string_view) {
        ++sources;
        return true;
      }));
  EXPECT_EQ(sources, 2u);
  std::string a2 = "Nothing was said today.";
  ASSERT_OK(store->Ingest(Extract("a", a2), a2, "v"));
  auto kept = store->GetStatement(st);
  ASSERT_OK(kept);
  EXPECT_TRUE(kept->has_value());  // document b still states it
  auto person = store->GetEntity(ids::Entity("person/jens-stoltenberg"));
  ASSERT_OK(person);
  EXPECT_TRUE(person->has_value());
  // Replace b too: now the statement and the person have no source left.
  ASSERT_OK(store->Ingest(Extract("b", a2), a2, "v"));
  auto gone = store->GetStatement(st);
  ASSERT_OK(gone);
  EXPECT_FALSE(gone->has_value());
  auto person_gone = store->GetEntity(ids::Entity("person/jens-stoltenberg"));
  ASSERT_OK(person_gone);
  EXPECT_FALSE(person_gone->has_value());
  std::size_t aliases = 0;
  ASSERT_OK(store->ScanPrefix(Family::kAliases, keys::AliasPrefix("stoltenberg"),
                              [&](std::string_view, std::string_view) {
                                ++aliases;
                                return true;
                              }));
  EXPECT_EQ(aliases, 0u);
}

TEST_F(StoreTest, SecondWriterIsBusyAndReadersStillRead) {
  auto writer = OpenWriter();
  ASSERT_NE(writer, nullptr);
  std::string text = Nato();
  ASSERT_OK(writer->Ingest(Extract("nato", text), text, "v"));
  StoreOptions o;
  o.create_if_missing = true;
  auto second = Store::Open(dir_.Sub("db"), o);
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(second.status().IsBusy());
  EXPECT_EQ(second.status().message(),
            "database " + dir_.Sub("db") + " is in use by another process");
  StoreOptions ro;
  ro.read_only = true;
  auto reader = Store::Open(dir_.Sub("db"), ro);
  ASSERT_OK(reader);
  auto doc = (*reader)->GetDoc(ids::Doc("nato"));
  ASSERT_OK(doc);
  ASSERT_TRUE(doc->has_value());
  EXPECT_EQ((*doc)->text, text);
  EXPECT_FALSE((*reader)->Ingest(Extract("x", "y"), "y", "v").ok());
}

TEST_F(StoreTest, ClosingAWriterLeavesNoWriteAheadLogForReadersToReplay) {
  // Readers open the store as a secondary instance, which replays the log
  // into memory on every open: a writer flushes its memtables when it closes.
  std::string text = Nato();
  {
    auto writer = OpenWriter();
    ASSERT_NE(writer, nullptr);
    ASSERT_OK(writer->Ingest(Extract("nato", text), text, "v"));
  }
  std::uintmax_t log_bytes = 0;
  int tables = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir_.Sub("db"))) {
    if (f.path().extension() == ".log") log_bytes += f.file_size();
    if (f.path().extension() == ".sst") ++tables;
  }
  EXPECT_EQ(log_bytes, 0u);
  EXPECT_GT(tables, 0);
  StoreOptions ro;
  ro.read_only = true;
  auto reader = Store::Open(dir_.Sub("db"), ro);
  ASSERT_OK(reader);
  auto doc = (*reader)->GetDoc(ids::Doc("nato"));
  ASSERT_OK(doc);
  ASSERT_TRUE(doc->has_value());
  EXPECT_EQ((*doc)->text, text);
}

TEST_F(StoreTest, SchemaVersionIsCheckedAndWrittenOnce) {
  {
    auto s = OpenWriter();
    ASSERT_NE(s, nullptr);
  }
  {
    // A database from a newer tkg.
    rocksdb::Options opts;
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(opts, dir_.Sub("db"), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descs;
    for (const auto& n : names) descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(opts, dir_.Sub("db"), descs, &handles, &db).ok());
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == "meta") {
        ASSERT_TRUE(db->Put({}, handles[i], "schema_version", "99").ok());
      }
    }
    for (auto* h : handles) ASSERT_TRUE(db->DestroyColumnFamilyHandle(h).ok());
    delete db;
  }
  StoreOptions o;
  o.create_if_missing = true;
  auto s = Store::Open(dir_.Sub("db"), o);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.status().IsCorruption());
  EXPECT_NE(s.status().message().find("schema version 99, newer"), std::string::npos);
}

TEST_F(StoreTest, DatedIndexesFollowTheKnowledgeModel) {
  auto store = OpenWriter();
  ASSERT_NE(store, nullptr);
  std::string text = Nato();
  ExtractResult r = Extract("nato", text);
  ASSERT_OK(store->Ingest(r, text, "v"));
  // Every speech claim is indexed by holder at its date; Stoltenberg's at 2022-11-29.
  Id128 jens = ids::Entity("person/jens-stoltenberg");
  std::size_t n = 0;
  std::string tk = keys::TimeKey(AnchorFromValue("2022-11-29"));
  ASSERT_OK(
      store->ScanPrefix(Family::kByHolder, jens.raw(), [&](std::string_view k, std::string_view) {
        EXPECT_EQ(keys::TimeAt(k, keys::kIdSize), tk);
        ++n;
        return true;
      }));
  EXPECT_GE(n, 5u);
  // The 2008 decision is a statement at 2008 in the global timeline.
  std::string y2008 = keys::TimeKey(YearAnchor(date::year{2008}));
  bool found = false;
  ASSERT_OK(store->ScanPrefix(Family::kByTime, y2008, [&](std::string_view, std::string_view) {
    found = true;
    return false;
  }));
  EXPECT_TRUE(found);
}

TEST_F(StoreTest, PossessivesRepeatedClaimsAndPronounSubjectsStayOutOfTheGraph) {
  std::string text =
      "NATO chief Jens Stoltenberg said on Tuesday that Russia does not have a veto. "
      "We will win the war. Finland joined the alliance in April. NATO's door is open.";
  ExtractResult r = Extract("veto", text);
  // What the extractor gives (checked, so the test fails if it stops giving it).
  bool said_fact = false, we_fact = false, possessive = false;
  for (const ExtractedFact& f : r.facts) {
    if (f.rule == "facts.possessive") possessive = true;
    if (f.relation_lemma == "say") said_fact = true;
    if (f.subject.text.text == "We") we_fact = true;
  }
  ASSERT_TRUE(said_fact);
  ASSERT_TRUE(we_fact);
  ASSERT_TRUE(possessive);
  ASSERT_FALSE(r.claims.empty());

  auto store = OpenWriter();
  ASSERT_NE(store, nullptr);
  ASSERT_OK(store->Ingest(r, text, "v"));
  auto rows = Facts(*store, FactQuery{});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  bool veto = false, joined = false;
  for (const FactRow& row : *rows) {
    EXPECT_NE(row.st.relation_lemma, "say") << row.st.relation_text;
    EXPECT_NE(row.st.subject.text, "We") << row.st.relation_text;
    EXPECT_FALSE(row.st.object.text == "door") << row.st.subject.text;  // "NATO's door"
    if (row.st.object.text == "a veto") veto = true;
    if (row.st.relation_lemma == "join") joined = true;
  }
  EXPECT_TRUE(veto);
  EXPECT_TRUE(joined);
}

TEST_F(StoreTest, APronounSpeakerResolvedToAPhraseIsHeldByThatPhrase) {
  std::string text =
      "The pollsters say the results confirm the problem. They call for urgent action.";
  ExtractResult r = Extract("they", text);
  auto store = OpenWriter();
  ASSERT_NE(store, nullptr);
  ASSERT_OK(store->Ingest(r, text, "v"));
  auto rows = Said(*store, SaidQuery{});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  bool they = false;
  Id128 pollsters{};
  for (const SaidRow& row : *rows) {
    if (row.speaker_text == "The pollsters") pollsters = row.holder;
  }
  for (const SaidRow& row : *rows) {
    if (row.speaker_text != "They") continue;
    they = true;
    EXPECT_EQ(row.speaker, "The pollsters");
    EXPECT_EQ(row.holder, pollsters);  // one holder for both claims
  }
  EXPECT_TRUE(they);
}

TEST_F(StoreTest, AClaimWithNoSpeakerKeepsTheFactOfWhoWasToldOrCredited) {
  std::string text = "Tim Cook is credited with the success of the iPad.";
  ExtractResult r = Extract("credited", text);
  bool unspecified = false;
  for (const ExtractedClaim& c : r.claims) unspecified = unspecified || !c.speaker;
  ASSERT_TRUE(unspecified);  // the claim: credited by no one named
  auto store = OpenWriter();
  ASSERT_NE(store, nullptr);
  ASSERT_OK(store->Ingest(r, text, "v"));
  auto said = Said(*store, SaidQuery{});
  ASSERT_TRUE(said.ok()) << said.status().ToString();
  ASSERT_EQ(said->size(), 1u);
  EXPECT_EQ((*said)[0].speaker, "");
  auto rows = Facts(*store, FactQuery{});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  bool credited = false;
  for (const FactRow& row : *rows) {
    credited = credited || (row.st.relation_lemma == "credit" &&
                            row.st.subject.text.find("Cook") != std::string::npos);
  }
  EXPECT_TRUE(credited);
}

// --- Merging entities across documents --------------------------------------
//
// Articles built by hand (not by the extractor, which changes independently),
// so each test controls exactly which names and roles an article has.

struct Ent {
  std::string id;
  EntityType type = EntityType::kPerson;
  std::string name;
  std::vector<std::string> forms;  // surfaces to find in the text as mentions
  std::vector<EntityRole> roles;
  std::vector<std::string> aliases;
};
struct Quote {
  std::string entity;   // speaker entity id
  std::string speaker;  // the speaker as written
  std::string content;  // text of the quote (found in the text)
};

// One article: mentions are every occurrence of each form; each quote is a
// direct claim dated by the publication date.
ExtractResult Article(const std::string& id, const std::string& day, const std::string& text,
                      const std::vector<Ent>& ents, const std::vector<Quote>& quotes = {}) {
  ExtractResult r;
  r.id = id;
  r.date = day;
  r.dct = *ParseIsoDay(day);
  auto find = [&](const std::string& what) {
    std::size_t at = text.find(what);
    EXPECT_NE(at, std::string::npos) << what;
    return TextSpan{
        Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + what.size())}, what};
  };
  for (const Ent& e : ents) {
    ExtractedEntity x;
    x.id = e.id;
    x.type = e.type;
    x.name = e.name;
    x.aliases = e.aliases;
    x.roles = e.roles;
    for (const std::string& f : e.forms) {
      for (std::size_t at = text.find(f); at != std::string::npos; at = text.find(f, at + 1)) {
        x.mentions.push_back(
            Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + f.size())});
      }
    }
    std::sort(x.mentions.begin(), x.mentions.end());
    r.entities.push_back(std::move(x));
  }
  int n = 0;
  for (const Quote& q : quotes) {
    ExtractedClaim c;
    c.id = "c" + std::to_string(++n);
    ExtractedSpeaker sp;
    sp.mention = find(q.speaker);
    sp.entity = q.entity;
    for (const Ent& e : ents) {
      if (e.id == q.entity) sp.name = e.name;
    }
    c.speaker = sp;
    c.cue = find("said");
    c.cue_lemma = "say";
    c.content = find(q.content);
    c.kind = ClaimKind::kDirect;
    c.date = DayAnchor(*r.dct);
    c.date_basis = DateBasis::kPublication;
    c.confidence = 0.9F;
    c.rule = "test";
    r.claims.push_back(std::move(c));
  }
  return r;
}

const EntityRole kNatoChief{"Secretary-General", "org/nato", "NATO Secretary-General"};
const Ent kNato{"org/nato", EntityType::kOrg, "NATO", {"NATO"}, {}, {}};

const char* kTextA = "NATO Secretary-General Jens Stoltenberg said: “NATO’s door is open.”";
const char* kTextB =
    "“Allies will send more air defence,” Mr Stoltenberg said.\n\n"
    "Stoltenberg, the NATO chief, said: “NATO’s door is open.”";

// Article A names Jens Stoltenberg in full.
ExtractResult ArticleA() {
  std::string text = kTextA;
  return Article("a", "2022-11-29", text,
                 {Ent{"person/jens-stoltenberg",
                      EntityType::kPerson,
                      "Jens Stoltenberg",
                      {"Jens Stoltenberg"},
                      {kNatoChief},
                      {}},
                  kNato},
                 {Quote{"person/jens-stoltenberg", "Jens Stoltenberg", "NATO’s door is open."}});
}

// Article B names him by the surname only ("Mr Stoltenberg", "Stoltenberg,
// the NATO chief"), a day later.
ExtractResult ArticleB() {
  std::string text = kTextB;
  EntityRole chief{"Secretary-General", "org/nato", "the NATO chief"};
  return Article(
      "b", "2022-11-30", text,
      {Ent{"person/stoltenberg",
           EntityType::kPerson,
           "Stoltenberg",
           {"Stoltenberg"},
           {chief},
           {"Mr Stoltenberg"}},
       kNato},
      {Quote{"person/stoltenberg", "Mr Stoltenberg", "Allies will send more air defence,"},
       Quote{"person/stoltenberg", "Stoltenberg, the NATO chief", "NATO’s door is open."}});
}

class MergeTest : public StoreTest {
 protected:
  std::unique_ptr<Store> OpenAt(const std::string& name) {
    StoreOptions o;
    o.create_if_missing = true;
    auto s = Store::Open(dir_.Sub(name), o);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }
  static void Ingest(Store* store, const ExtractResult& r, const std::string& text,
                     const std::string& version = "v") {
    auto out = store->Ingest(r, text, version);
    ASSERT_TRUE(out.ok()) << out.status().ToString();
  }
  static std::string Canonical(const Store& store, const std::string& id) {
    auto e = store.GetEntity(ids::Entity(id));
    EXPECT_TRUE(e.ok() && e->has_value()) << id;
    return e.ok() && e->has_value() ? (*e)->canonical : "?";
  }
};

TEST_F(MergeTest, SurnameMergesIntoTheFullNameInBothIngestOrders) {
  std::map<std::string, std::uint64_t> counts[2];
  std::vector<std::string> said_lines[2];
  for (int order = 0; order < 2; ++order) {
    auto store = OpenAt("db" + std::to_string(order));
    ASSERT_NE(store, nullptr);
    if (order == 0) {
      Ingest(store.get(), ArticleA(), kTextA);
      Ingest(store.get(), ArticleB(), kTextB);
    } else {
      Ingest(store.get(), ArticleB(), kTextB);
      Ingest(store.get(), ArticleA(), kTextA);
    }
    SCOPED_TRACE(order == 0 ? "A then B" : "B then A");
    // Both records stay; the surname one is linked to the full name.
    EXPECT_EQ(Canonical(*store, "person/stoltenberg"), "person/jens-stoltenberg");
    EXPECT_EQ(Canonical(*store, "person/jens-stoltenberg"), "");
    counts[order] = Counts(*store);

    // "Stoltenberg", "Mr Stoltenberg" and the full name find one entity.
    for (const char* q :
         {"Stoltenberg", "Mr Stoltenberg", "jens stoltenberg", "person/stoltenberg"}) {
      auto refs = ResolveEntities(*store, q);
      ASSERT_OK(refs);
      ASSERT_EQ(refs->size(), 1u) << q;
      EXPECT_EQ(refs->front().id, "person/jens-stoltenberg") << q;
      EXPECT_EQ(refs->front().members.size(), 2u) << q;
    }
    // who said what follows the merge: both articles, under the full name,
    // and the quote both articles carry is one row with two sources.
    SaidQuery sq;
    sq.who = "Stoltenberg";
    auto said = Said(*store, sq);
    ASSERT_OK(said);
    ASSERT_EQ(said->size(), 2u);
    for (const SaidRow& row : *said) {
      EXPECT_EQ(row.speaker, "Jens Stoltenberg");
      EXPECT_EQ(row.speaker_id, "person/jens-stoltenberg");
      said_lines[order].push_back(row.content + " / " + std::to_string(row.sources.size()));
    }
    std::sort(said_lines[order].begin(), said_lines[order].end());
    EXPECT_EQ(said_lines[order][1], "NATO’s door is open. / 2");

    // The entity report: aliases, the merged id, the role with both dates,
    // the mentions of both articles with their text.
    auto rep = DescribeEntity(*store, "Stoltenberg");
    ASSERT_OK(rep);
    EXPECT_EQ(rep->record.name, "Jens Stoltenberg");
    EXPECT_EQ(rep->merged, std::vector<std::string>{"person/stoltenberg"});
    EXPECT_NE(std::find(rep->record.aliases.begin(), rep->record.aliases.end(), "Mr Stoltenberg"),
              rep->record.aliases.end());
    ASSERT_EQ(rep->roles.size(), 1u);
    EXPECT_EQ(rep->roles[0].org_name, "NATO");
    ASSERT_TRUE(rep->roles[0].first_seen && rep->roles[0].last_seen);
    EXPECT_EQ(FormatDay(*rep->roles[0].first_seen), "2022-11-29");
    EXPECT_EQ(FormatDay(*rep->roles[0].last_seen), "2022-11-30");
    EXPECT_EQ(rep->roles[0].docs, (std::vector<std::string>{"a", "b"}));
    ASSERT_EQ(rep->documents.size(), 2u);
    EXPECT_EQ(rep->documents[0].doc_id, "a");
    EXPECT_EQ(rep->documents[0].surfaces, std::vector<std::string>{"Jens Stoltenberg"});
    EXPECT_EQ(rep->documents[1].doc_id, "b");
    EXPECT_EQ(rep->documents[1].surfaces, (std::vector<std::string>{"Stoltenberg", "Stoltenberg"}));
    EXPECT_EQ(rep->said.size(), 2u);

    // The timeline of the entity holds the speech acts of both articles.
    TimelineQuery tq;
    tq.about = "Stoltenberg";
    auto tl = BuildTimeline(*store, tq);
    ASSERT_OK(tl);
    ASSERT_EQ(tl->dated.size(), 2u);
    for (const TimelineEvent& ev : tl->dated) EXPECT_EQ(ev.speaker, "Jens Stoltenberg");

    // The graph around him has one node for him, with the edges of both.
    GraphQuery gq;
    gq.about = "Stoltenberg";
    auto g = BuildGraph(*store, gq);
    ASSERT_OK(g);
    std::vector<std::string> nodes;
    for (const auto& n : g->nodes) nodes.push_back(n.id);
    EXPECT_NE(std::find(nodes.begin(), nodes.end(), "person/jens-stoltenberg"), nodes.end());
    EXPECT_EQ(std::find(nodes.begin(), nodes.end(), "person/stoltenberg"), nodes.end());
    ASSERT_EQ(g->said.size(), 2u);
    for (const auto& e : g->said) EXPECT_EQ(e.speaker, "person/jens-stoltenberg");
  }
  // The stored state does not depend on the order.
  EXPECT_EQ(counts[0], counts[1]);
  EXPECT_EQ(said_lines[0], said_lines[1]);
}

TEST_F(MergeTest, ReingestCreatesNoDuplicatesAndRemovalUndoesTheMerge) {
  auto store = OpenAt("db");
  ASSERT_NE(store, nullptr);
  Ingest(store.get(), ArticleB(), kTextB);
  Ingest(store.get(), ArticleA(), kTextA);
  auto before = Counts(*store);
  // Same content: nothing written.
  for (const auto& [r, text] : {std::pair{ArticleA(), kTextA}, std::pair{ArticleB(), kTextB}}) {
    auto out = store->Ingest(r, text, "v");
    ASSERT_OK(out);
    EXPECT_EQ(*out, IngestOutcome::kUnchanged);
  }
  EXPECT_EQ(Counts(*store), before);
  // Rewritten by a new extractor version: the same keys, the same link.
  Ingest(store.get(), ArticleB(), kTextB, "v2");
  Ingest(store.get(), ArticleA(), kTextA, "v2");
  EXPECT_EQ(Counts(*store), before);
  EXPECT_EQ(Canonical(*store, "person/stoltenberg"), "person/jens-stoltenberg");
  auto rep = DescribeEntity(*store, "Stoltenberg");
  ASSERT_OK(rep);
  ASSERT_EQ(rep->roles.size(), 1u);
  EXPECT_EQ(rep->roles[0].docs.size(), 2u);

  // Article A changes and no longer names him: Jens Stoltenberg goes, and
  // with him the link; "Stoltenberg" stands for itself again.
  std::string text = "NATO ministers met in Bucharest.";
  Ingest(store.get(), Article("a", "2022-11-29", text, {kNato}), text);
  auto gone = store->GetEntity(ids::Entity("person/jens-stoltenberg"));
  ASSERT_OK(gone);
  EXPECT_FALSE(gone->has_value());
  EXPECT_EQ(Canonical(*store, "person/stoltenberg"), "");
  auto refs = ResolveEntities(*store, "Stoltenberg");
  ASSERT_OK(refs);
  ASSERT_EQ(refs->size(), 1u);
  EXPECT_EQ(refs->front().id, "person/stoltenberg");
}

TEST_F(MergeTest, AVersionOneDatabaseIsReadAndUpgradedWithItsLinks) {
  {
    auto store = OpenAt("db");
    ASSERT_NE(store, nullptr);
    Ingest(store.get(), ArticleB(), kTextB);
    Ingest(store.get(), ArticleA(), kTextA);
  }
  {
    // Turn it into what tkg wrote before merging: schema 1, entity records
    // of version 1 (no canonical link).
    rocksdb::Options opts;
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(opts, dir_.Sub("db"), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descs;
    for (const auto& n : names) descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(opts, dir_.Sub("db"), descs, &handles, &db).ok());
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == "meta") {
        ASSERT_TRUE(db->Put({}, handles[i], "schema_version", "1").ok());
      }
      if (names[i] != "entities") continue;
      std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, handles[i]));
      std::vector<std::pair<std::string, std::string>> v1;
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        auto e = DecodeEntity(it->value().ToString(), "x");
        ASSERT_TRUE(e.ok());
        std::string enc = EncodeEntity(*e);
        enc.resize(enc.size() - 1 - e->canonical.size());
        enc[0] = 1;
        v1.emplace_back(it->key().ToString(), enc);
      }
      for (const auto& [k, val] : v1) ASSERT_TRUE(db->Put({}, handles[i], k, val).ok());
    }
    for (auto* h : handles) ASSERT_TRUE(db->DestroyColumnFamilyHandle(h).ok());
    delete db;
  }
  {
    // A reader reads it as it is: no links yet.
    StoreOptions ro;
    ro.read_only = true;
    auto reader = Store::Open(dir_.Sub("db"), ro);
    ASSERT_OK(reader);
    EXPECT_EQ(Canonical(**reader, "person/stoltenberg"), "");
    auto version = (*reader)->SchemaVersion();  // what `tkg stats` shows
    ASSERT_OK(version);
    EXPECT_EQ(*version, 1);
  }
  // The first writer upgrades it, links included.
  auto store = OpenAt("db");
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Canonical(*store, "person/stoltenberg"), "person/jens-stoltenberg");
  auto again = OpenAt("db2");  // a new database is created at the current version
  ASSERT_NE(again, nullptr);
  store.reset();
  StoreOptions ro;
  ro.read_only = true;
  auto reader = Store::Open(dir_.Sub("db"), ro);
  ASSERT_OK(reader);
  auto upgraded = (*reader)->SchemaVersion();
  ASSERT_OK(upgraded);
  EXPECT_EQ(*upgraded, kSchemaVersion);
  auto refs = ResolveEntities(**reader, "Stoltenberg");
  ASSERT_OK(refs);
  ASSERT_EQ(refs->size(), 1u);
  EXPECT_EQ(refs->front().id, "person/jens-stoltenberg");
}

// Three articles about people called Smith.
ExtractResult SmithArticle(const std::string& id, const std::string& full_or_surname,
                           const std::vector<EntityRole>& roles = {}) {
  std::string text = full_or_surname + " said: “The talks went well.”";
  return Article(
      id, "2022-11-29", text,
      {Ent{"person/" + Slug(full_or_surname),
           EntityType::kPerson,
           full_or_surname,
           {full_or_surname},
           roles,
           {}}},
      {Quote{"person/" + Slug(full_or_surname), full_or_surname, "The talks went well."}});
}
std::string SmithText(const std::string& name) { return name + " said: “The talks went well.”"; }

TEST_F(MergeTest, DifferentFirstNamesStayApartAndASharedSurnameIsAmbiguous) {
  auto store = OpenAt("db");
  ASSERT_NE(store, nullptr);
  Ingest(store.get(), SmithArticle("anne", "Anne Smith"), SmithText("Anne Smith"));
  Ingest(store.get(), SmithArticle("smith", "Smith"), SmithText("Smith"));
  // With one Smith known, "Smith" is her.
  EXPECT_EQ(Canonical(*store, "person/smith"), "person/anne-smith");
  Ingest(store.get(), SmithArticle("john", "John Smith"), SmithText("John Smith"));
  EXPECT_EQ(Canonical(*store, "person/anne-smith"), "");
  EXPECT_EQ(Canonical(*store, "person/john-smith"), "");
  // Now "Smith" fits two people: it is merged into neither.
  EXPECT_EQ(Canonical(*store, "person/smith"), "");
  auto refs = ResolveEntities(*store, "Smith");
  ASSERT_OK(refs);
  EXPECT_EQ(refs->size(), 3u);
  auto rep = DescribeEntity(*store, "Smith");
  EXPECT_THAT(rep, testing::StatusIs(Status::Code::kInvalidArgument));
  auto anne = DescribeEntity(*store, "Anne Smith");
  ASSERT_OK(anne);
  EXPECT_TRUE(anne->merged.empty());
  EXPECT_EQ(anne->documents.size(), 1u);

  // The same three articles in another order end the same way.
  auto other = OpenAt("db2");
  ASSERT_NE(other, nullptr);
  Ingest(other.get(), SmithArticle("john", "John Smith"), SmithText("John Smith"));
  Ingest(other.get(), SmithArticle("smith", "Smith"), SmithText("Smith"));
  Ingest(other.get(), SmithArticle("anne", "Anne Smith"), SmithText("Anne Smith"));
  EXPECT_EQ(Canonical(*other, "person/smith"), "");
  EXPECT_EQ(Counts(*other), Counts(*store));
}

TEST_F(MergeTest, RolesPickOneOfSeveralOrKeepPeopleApart) {
  const EntityRole acme{"chief executive", "org/acme", "Acme's chief executive"};
  const EntityRole envoy{"envoy", "org/un", "UN envoy"};
  auto store = OpenAt("db");
  ASSERT_NE(store, nullptr);
  Ingest(store.get(), SmithArticle("anne", "Anne Smith", {envoy}), SmithText("Anne Smith"));
  Ingest(store.get(), SmithArticle("john", "John Smith", {acme}), SmithText("John Smith"));
  // "Smith, Acme's chief executive" fits both by name, but only John by role.
  Ingest(store.get(), SmithArticle("smith", "Smith", {acme}), SmithText("Smith"));
  EXPECT_EQ(Canonical(*store, "person/smith"), "person/john-smith");

  // A Kačer with a conflicting role stays apart from the only Kacer known;
  // without roles the folded names match (diacritics folded).
  auto other = OpenAt("db2");
  ASSERT_NE(other, nullptr);
  Ingest(other.get(), SmithArticle("full", "Rastislav Kačer", {envoy}),
         SmithText("Rastislav Kačer"));
  Ingest(other.get(), SmithArticle("plain", "Kacer"), SmithText("Kacer"));
  EXPECT_EQ(Canonical(*other, "person/kacer"), "person/rastislav-kacer");
  Ingest(other.get(), SmithArticle("ceo", "Kačer", {acme}), SmithText("Kačer"));
  // Same slug (person/kacer): the record now has Acme's role, which
  // conflicts with the envoy's.
  EXPECT_EQ(Canonical(*other, "person/kacer"), "");
}

TEST_F(MergeTest, AnOrganisationNamedByItsExpansionMergesThroughTheAlias) {
  auto store = OpenAt("db");
  ASSERT_NE(store, nullptr);
  std::string a = "The North Atlantic Treaty Organization (NATO) met.";
  Ingest(store.get(),
         Article("a", "2022-11-29", a,
                 {Ent{"org/nato",
                      EntityType::kOrg,
                      "NATO",
                      {"NATO"},
                      {},
                      {"North Atlantic Treaty Organization"}}}),
         a);
  std::string b = "The North Atlantic Treaty Organization met again.";
  Ingest(store.get(),
         Article("b", "2022-11-30", b,
                 {Ent{"org/north-atlantic-treaty-organization",
                      EntityType::kOrg,
                      "North Atlantic Treaty Organization",
                      {"North Atlantic Treaty Organization"},
                      {},
                      {}}}),
         b);
  auto refs = ResolveEntities(*store, "NATO");
  ASSERT_OK(refs);
  ASSERT_EQ(refs->size(), 1u);
  EXPECT_EQ(refs->front().members.size(), 2u);
  auto rep = DescribeEntity(*store, "NATO");
  ASSERT_OK(rep);
  EXPECT_EQ(rep->documents.size(), 2u);

  // An alias that is a metonymy ("London" for the United Kingdom in one
  // article) does not merge the city of another article into the country.
  std::string c = "London said it would send more aid.";
  Ingest(store.get(),
         Article("c", "2022-11-30", c,
                 {Ent{"place/united-kingdom",
                      EntityType::kPlace,
                      "United Kingdom",
                      {"London"},
                      {},
                      {"London"}}}),
         c);
  std::string d = "Protesters gathered in London.";
  Ingest(store.get(),
         Article("d", "2022-11-30", d,
                 {Ent{"place/london", EntityType::kPlace, "London", {"London"}, {}, {}}}),
         d);
  EXPECT_EQ(Canonical(*store, "place/london"), "");
  EXPECT_EQ(Canonical(*store, "place/united-kingdom"), "");
}

}  // namespace
}  // namespace tkg
