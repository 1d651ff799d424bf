// The store against real RocksDB databases in temporary directories.

#include "graph/store.h"

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include "extract/extractor.h"
#include "extract/lexicon.h"
#include "graph/ids.h"
#include "graph/key_codec.h"
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
  EXPECT_EQ(before["claims"], r.claims.size() + r.facts.size());
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

}  // namespace
}  // namespace tkg
