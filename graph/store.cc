#include "graph/store.h"

#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include "core/text.h"
#include "graph/ids.h"
#include "graph/key_codec.h"

namespace tkg {
namespace {

constexpr const char* kFamilyNames[] = {
    "meta", "docs", "entities",  "aliases",        "mentions", "statements", "claims",       "spo",
    "pos",  "osp",  "by_holder", "by_entity_time", "by_time",  "by_doc",     "by_statement",
};
static_assert(std::size(kFamilyNames) == static_cast<std::size_t>(Family::kCount));

Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  if (s.ok()) return Status();
  std::string msg = std::string(what) + ": " + s.ToString();
  if (s.IsNotFound()) return Status::NotFound(msg);
  if (s.IsCorruption()) return Status::Corruption(msg);
  return Status::IoError(msg);
}

std::string HexKey(Family f, std::string_view key) {
  return std::string(FamilyName(f)) + "/" + keys::Hex(key);
}

rocksdb::Slice S(std::string_view v) { return rocksdb::Slice(v.data(), v.size()); }

}  // namespace

std::string_view FamilyName(Family f) {
  auto i = static_cast<std::size_t>(f);
  return i < std::size(kFamilyNames) ? kFamilyNames[i] : "?";
}

std::string_view IngestOutcomeName(IngestOutcome o) {
  switch (o) {
    case IngestOutcome::kAdded:
      return "added";
    case IngestOutcome::kReplaced:
      return "replaced";
    case IngestOutcome::kUnchanged:
      return "unchanged";
  }
  return "?";
}

namespace {

// Control bytes would break the 00 separator of an alias key.
std::string AliasKey(std::string_view name) {
  std::string f = Fold(name);
  f.erase(std::remove_if(f.begin(), f.end(),
                         [](char c) { return static_cast<unsigned char>(c) < 0x20; }),
          f.end());
  return f;
}

// Folded name without a leading honorific ("mr stoltenberg" -> "stoltenberg").
std::string_view WithoutHonorific(std::string_view f) {
  static constexpr std::string_view kHonorifics[] = {
      "mr ",   "mr. ", "mrs ", "mrs. ", "ms ",   "ms. ",
      "miss ", "dr ",  "dr. ", "sir ",  "dame ", "madam ",
  };
  for (std::string_view h : kHonorifics) {
    if (f.size() > h.size() && f.starts_with(h)) return f.substr(h.size());
  }
  return f;
}

}  // namespace

std::set<std::string> EntityAliasKeys(const EntityRecord& e) {
  std::set<std::string> out;
  auto add = [&](std::string_view s) {
    std::string f = AliasKey(s);
    if (!f.empty()) out.insert(std::move(f));
  };
  add(e.name);
  for (const std::string& a : e.aliases) add(a);
  if (e.type == EntityType::kPerson) {
    std::string surname = PersonSurname(e);
    if (!surname.empty()) out.insert(surname);
    std::string lone = LoneSurname(e);
    if (!lone.empty()) out.insert(lone);
  }
  return out;
}

std::string PersonSurname(const EntityRecord& e) {
  if (e.type != EntityType::kPerson) return "";
  std::string f = AliasKey(e.name);
  std::string_view n = WithoutHonorific(f);
  std::size_t sp = n.rfind(' ');
  if (sp == std::string_view::npos) return "";
  return std::string(n.substr(sp + 1));
}

std::string LoneSurname(const EntityRecord& e) {
  if (e.type != EntityType::kPerson) return "";
  std::string f = AliasKey(e.name);
  std::string_view n = WithoutHonorific(f);
  if (n.empty() || n.find(' ') != std::string_view::npos) return "";
  return std::string(n);
}

struct Store::Impl {
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;  // index = Family
  rocksdb::ColumnFamilyHandle* default_handle = nullptr;
  StoreOptions options;
  std::string secondary_dir;  // scratch directory of a secondary instance

  rocksdb::ColumnFamilyHandle* cf(Family f) const { return handles[static_cast<std::size_t>(f)]; }

  ~Impl() {
    if (db) {
      if (!options.read_only) {
        // Write the memtables to table files: readers open the store as a
        // secondary instance, which replays the write-ahead log into memory
        // on every open (seconds for a few thousand articles) unless it is
        // flushed. Best effort: unflushed writes are safe in the log anyway.
        std::vector<rocksdb::ColumnFamilyHandle*> all(handles.begin(), handles.end());
        if (default_handle != nullptr) all.push_back(default_handle);
        rocksdb::FlushOptions fo;
        fo.wait = true;
        (void)db->Flush(fo, all);
      }
      for (auto* h : handles) {
        if (h != nullptr) (void)db->DestroyColumnFamilyHandle(h);  // close; nothing to report
      }
      if (default_handle != nullptr) (void)db->DestroyColumnFamilyHandle(default_handle);
      (void)db->Close();  // best effort on shutdown; writes were acknowledged already
      db.reset();
    }
    if (!secondary_dir.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(secondary_dir, ec);
    }
  }

  Result<std::optional<std::string>> Get(Family f, std::string_view key) const {
    std::string value;
    rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cf(f), S(key), &value);
    if (s.IsNotFound()) return std::optional<std::string>();
    if (!s.ok()) return FromRocks(s, "read " + HexKey(f, key));
    return std::optional<std::string>(std::move(value));
  }
};

Store::Store(std::unique_ptr<Impl> impl, std::string path)
    : impl_(std::move(impl)), path_(std::move(path)) {}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  rocksdb::Options db_opts;
  db_opts.create_if_missing = options.create_if_missing && !options.read_only;
  db_opts.create_missing_column_families = db_opts.create_if_missing;
  db_opts.max_open_files = -1;  // required by secondary instances; few files here
  db_opts.keep_log_file_num = 3;
  db_opts.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;

  std::error_code ec;
  bool exists = std::filesystem::exists(path + "/CURRENT", ec);
  if (!exists && !db_opts.create_if_missing) {
    return Status::NotFound("no tkg database at " + path +
                            " (create one with 'tkg ingest FILE --db " + path + "')");
  }

  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  descs.emplace_back(rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions(db_opts));
  for (const char* name : kFamilyNames) {
    descs.emplace_back(name, rocksdb::ColumnFamilyOptions(db_opts));
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (options.read_only) {
    std::vector<std::string> existing;
    s = rocksdb::DB::ListColumnFamilies(db_opts, path, &existing);
    if (!s.ok()) return FromRocks(s, "open " + path);
    for (const auto& d : descs) {
      if (std::find(existing.begin(), existing.end(), d.name) == existing.end()) {
        return Status::Corruption("database " + path + " lacks the column family '" + d.name +
                                  "' (not a tkg database, or from another version)");
      }
    }
    std::string tmpl = (std::filesystem::temp_directory_path(ec) / "tkg-reader-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) {
      return Status::IoError("cannot create a scratch directory for reading " + path);
    }
    impl->secondary_dir = tmpl;
    s = rocksdb::DB::OpenAsSecondary(db_opts, path, impl->secondary_dir, descs, &handles, &raw);
  } else {
    s = rocksdb::DB::Open(db_opts, path, descs, &handles, &raw);
  }
  if (!s.ok()) {
    std::string msg = s.ToString();
    if (s.IsIOError() && (msg.find("lock") != std::string::npos ||
                          msg.find("Resource temporarily unavailable") != std::string::npos)) {
      return Status::Busy("database " + path + " is in use by another process");
    }
    if (s.IsInvalidArgument() && msg.find("olumn famil") != std::string::npos) {
      return Status::Corruption(
          "database " + path +
          " does not have tkg's column families (not a tkg database?): " + msg);
    }
    return FromRocks(s, "open " + path);
  }
  impl->db.reset(raw);
  impl->default_handle = handles[0];
  impl->handles.assign(handles.begin() + 1, handles.end());

  // Schema version.
  auto v = impl->Get(Family::kMeta, "schema_version");
  if (!v.ok()) return v.status();
  if (!v->has_value()) {
    if (options.read_only) {
      return Status::Corruption("database " + path +
                                " has no schema_version (not a tkg database?)");
    }
    rocksdb::WriteBatch wb;
    (void)wb.Put(impl->cf(Family::kMeta), "schema_version", std::to_string(kSchemaVersion));
    (void)wb.Put(impl->cf(Family::kMeta), "created_by", std::string("tkg ") + "0.1.0");
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = impl->db->Write(wo, &wb);
    if (!s.ok()) return FromRocks(s, "write schema_version");
  } else if (**v == "1") {
    // Version 1 -> 2: entity records gained the canonical link (version 1
    // records still decode). A reader reads it as it is; a writer computes
    // the links of every stored entity and the new version in one batch.
    if (!options.read_only) {
      std::unique_ptr<Store> store(new Store(std::move(impl), path));
      TKG_RETURN_IF_ERROR(store->MigrateToLinks());
      return store;
    }
  } else if (**v != std::to_string(kSchemaVersion)) {
    int found = std::atoi((*v)->c_str());
    if (found > kSchemaVersion) {
      return Status::Corruption("database " + path + " has schema version " + **v +
                                ", newer than this tkg understands (" +
                                std::to_string(kSchemaVersion) + "); upgrade tkg");
    }
    return Status::Corruption("database " + path + " has schema version " + **v +
                              " and no migration to " + std::to_string(kSchemaVersion) + " exists");
  }
  return std::unique_ptr<Store>(new Store(std::move(impl), path));
}

Status Store::SyncWal() {
  if (impl_->options.read_only) return Status();
  return FromRocks(impl_->db->SyncWAL(), "sync the write-ahead log");
}

// --- reads -------------------------------------------------------------------

template <typename R, typename F>
Result<std::optional<R>> GetRecord(const Store::Impl& impl, Family f, std::string_view key,
                                   F decode) {
  auto v = impl.Get(f, key);
  if (!v.ok()) return v.status();
  if (!v->has_value()) return std::optional<R>();
  auto r = decode(**v, HexKey(f, key));
  if (!r.ok()) return r.status();
  return std::optional<R>(std::move(*r));
}

Result<std::optional<DocRecord>> Store::GetDoc(const Id128& id) const {
  return GetRecord<DocRecord>(*impl_, Family::kDocs, id.raw(), DecodeDoc);
}
Result<std::optional<EntityRecord>> Store::GetEntity(const Id128& id) const {
  return GetRecord<EntityRecord>(*impl_, Family::kEntities, id.raw(), DecodeEntity);
}
Result<std::optional<StatementRecord>> Store::GetStatement(const Id128& id) const {
  return GetRecord<StatementRecord>(*impl_, Family::kStatements, id.raw(), DecodeStatement);
}
Result<std::optional<ClaimRecord>> Store::GetClaim(const Id128& id) const {
  return GetRecord<ClaimRecord>(*impl_, Family::kClaims, id.raw(), DecodeClaim);
}
Result<std::optional<MentionRecord>> Store::GetMention(const Id128& entity,
                                                       const Id128& doc) const {
  return GetRecord<MentionRecord>(*impl_, Family::kMentions, keys::Mention(entity, doc),
                                  DecodeMention);
}

Status Store::Scan(Family family, std::string_view from, std::string_view to,
                   const std::function<bool(std::string_view, std::string_view)>& fn) const {
  rocksdb::ReadOptions ro;
  std::string upper(to);
  rocksdb::Slice upper_slice(upper);
  if (!upper.empty()) ro.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(impl_->db->NewIterator(ro, impl_->cf(family)));
  for (it->Seek(S(from)); it->Valid(); it->Next()) {
    rocksdb::Slice k = it->key(), v = it->value();
    if (!fn(std::string_view(k.data(), k.size()), std::string_view(v.data(), v.size()))) break;
  }
  return FromRocks(it->status(), std::string("scan ") + std::string(FamilyName(family)));
}

Status Store::ScanPrefix(Family family, std::string_view prefix,
                         const std::function<bool(std::string_view, std::string_view)>& fn) const {
  return Scan(family, prefix, keys::PrefixSuccessor(prefix), fn);
}

Result<int> Store::SchemaVersion() const {
  auto v = impl_->Get(Family::kMeta, "schema_version");
  if (!v.ok()) return v.status();
  if (!v->has_value()) return Status::Corruption("database " + path_ + " has no schema_version");
  return std::atoi((*v)->c_str());
}

Result<std::map<std::string, std::uint64_t>> Store::Counts() const {
  std::map<std::string, std::uint64_t> out;
  for (int f = 0; f < static_cast<int>(Family::kCount); ++f) {
    std::uint64_t n = 0;
    Status s = Scan(static_cast<Family>(f), "", "", [&](std::string_view, std::string_view) {
      ++n;
      return true;
    });
    if (!s.ok()) return s;
    out[std::string(FamilyName(static_cast<Family>(f)))] = n;
  }
  return out;
}

std::uint64_t Store::ApproximateBytes() const {
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(path_, ec)) {
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  }
  return total;
}

// --- ingest ------------------------------------------------------------------

namespace {

// Everything one document writes, computed before the batch.
struct Planned {
  struct ClaimOut {
    Id128 key;
    ClaimRecord rec;
    std::string tk;  // time key of the claim date
  };
  struct StatementOut {
    Id128 key;
    StatementRecord rec;
    Id128 s, p, o;  // for fact statements
  };
  std::vector<ClaimOut> claims;
  std::unordered_map<Id128, StatementOut, Id128Hash> statements;
  std::vector<std::pair<Id128, EntityRecord>> entities;  // this document's view
  std::vector<std::pair<Id128, MentionRecord>> mentions;
};

// A personal, demonstrative or relative pronoun standing alone ("we", "It",
// "which").
bool IsBarePronoun(std::string_view text) {
  static constexpr std::string_view kPronouns[] = {
      "i",    "you", "he",    "she",  "it",        "we",      "they",    "me",    "him",
      "her",  "us",  "them",  "this", "that",      "these",   "those",   "which", "who",
      "whom", "one", "there", "what", "something", "someone", "everyone"};
  if (text.empty() || text.size() > 9) return false;
  std::string lower(text);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (std::string_view p : kPronouns) {
    if (lower == p) return true;
  }
  return false;
}

StoredClaimKind ToStored(ClaimKind k) {
  switch (k) {
    case ClaimKind::kDirect:
      return StoredClaimKind::kDirect;
    case ClaimKind::kIndirect:
      return StoredClaimKind::kIndirect;
    case ClaimKind::kMixed:
      return StoredClaimKind::kMixed;
  }
  return StoredClaimKind::kIndirect;
}

// The first dated time expression inside `content` (a said statement's own
// time: "a 2008 decision ..." -> 2008).
DatedAnchor TimeInside(const ExtractResult& r, Span content) {
  for (const ExtractedTimex& t : r.timexes) {
    if (!content.Contains(t.text.span)) continue;
    if (t.type != TimexType::kDate && t.type != TimexType::kTime) continue;
    if (!t.anchor.has_interval()) continue;
    return DatedAnchor{t.anchor, DateBasis::kExplicit};
  }
  return DatedAnchor{};
}

Planned Plan(const ExtractResult& r, const Id128& doc) {
  Planned p;
  // Entities and their mentions.
  std::unordered_map<std::string, Id128> entity_key;
  for (const ExtractedEntity& e : r.entities) {
    Id128 key = ids::Entity(e.id);
    entity_key[e.id] = key;
    EntityRecord rec;
    rec.id = e.id;
    rec.type = e.type;
    rec.name = e.name;
    rec.aliases = e.aliases;
    for (const EntityRole& role : e.roles) {
      rec.roles.push_back(RoleRecord{role.title, role.org, role.text, r.dct, doc});
    }
    p.entities.emplace_back(key, std::move(rec));
    // The store keeps the adjectives with the names: where the entity is
    // referred to ("Turkish ratification" is about Turkey).
    MentionRecord m;
    m.spans = e.mentions;
    m.spans.insert(m.spans.end(), e.modifiers.begin(), e.modifiers.end());
    std::sort(m.spans.begin(), m.spans.end());
    p.mentions.emplace_back(key, std::move(m));
  }
  auto entity_ids_in = [&](Span s) {
    std::vector<std::string> out;
    auto in = [&](const std::vector<Span>& spans) {
      return std::any_of(spans.begin(), spans.end(), [&](const Span& m) { return s.Contains(m); });
    };
    for (const ExtractedEntity& e : r.entities) {
      if (in(e.mentions) || in(e.modifiers)) out.push_back(e.id);
    }
    return out;
  };
  auto entities_in = [&](Span s) {
    std::vector<Id128> out;
    for (const std::string& id : entity_ids_in(s)) out.push_back(entity_key[id]);
    return out;
  };
  // Speech claims.
  std::unordered_map<std::string, std::size_t> claim_index;  // local id -> p.claims
  for (const ExtractedClaim& c : r.claims) {
    Planned::ClaimOut out;
    ClaimRecord& rec = out.rec;
    if (c.speaker && !c.speaker->entity.empty()) {
      rec.holder = ids::Entity(c.speaker->entity);
      rec.holder_kind = HolderKind::kEntity;
      rec.speaker_name = c.speaker->name;
    } else {
      // A pronoun resolved to a phrase that is no entity ("They" -> "The
      // pollsters") is held by that phrase.
      const bool named = c.speaker && !c.speaker->name.empty();
      rec.holder = ids::Speaker(named       ? c.speaker->name
                                : c.speaker ? c.speaker->mention.text
                                            : std::string());
      rec.holder_kind = HolderKind::kUnresolved;
      if (named) rec.speaker_name = c.speaker->name;
    }
    if (c.speaker) rec.speaker_text = c.speaker->mention.text;
    rec.doc = doc;
    rec.kind = ToStored(c.kind);
    rec.cue_text = c.cue.text;
    rec.cue_lemma = c.cue_lemma;
    rec.content = c.content.span;
    rec.content_text = c.content.text;
    rec.evidence = c.evidence;
    rec.date = DatedAnchor{c.date, c.date_basis};
    rec.confidence = c.confidence;
    rec.rule = c.rule;
    rec.display = c.display;
    rec.about = entities_in(c.content.span);
    StatementRecord st;
    st.kind = StatementRecord::kSaid;
    st.object.text = c.content.text;
    st.time = TimeInside(r, c.content.span);
    st.entities = entity_ids_in(c.content.span);
    Id128 skey = ids::SaidStatement(c.content.text);
    rec.statement = skey;
    p.statements.emplace(skey, Planned::StatementOut{skey, std::move(st), {}, {}, {}});
    out.key = ids::Claim(doc, rec.holder, skey, static_cast<int>(rec.kind));
    out.tk = keys::TimeKey(rec.date.anchor);
    claim_index[c.id] = p.claims.size();
    p.claims.push_back(std::move(out));
  }
  // An argument that is exactly one mention of its entity ("he", "the
  // alliance", "Stoltenberg") is shown by the entity's name.
  auto display_text = [&](const FactArgument& a) {
    if (a.entity.empty()) return a.text.text;
    for (const ExtractedEntity& e : r.entities) {
      if (e.id != a.entity) continue;
      for (const auto* spans : {&e.mentions, &e.modifiers}) {
        for (const Span& m : *spans) {
          if (m == a.text.span) return e.name;
        }
      }
    }
    return a.text.text;
  };
  // Facts: a statement each, claimed by the document or by the speaker of
  // the claim whose content states it. Three kinds stay out of the graph
  // (they stay in `tkg extract`): a "has" read off a possessive ("NATO's
  // door" -> "NATO - has - door"), too weak to stand as a statement; a fact
  // whose relation is the reporting words of a
  // claim ("Stoltenberg - said - ...", or the same speaker with the same
  // verb elsewhere), which the claim already records with its speaker and
  // content, and a fact whose subject is a pronoun no entity
  // resolves ("we - have - generators", "which - increase"), which says
  // nothing on its own.
  // Indexed once per document: the cue spans (claims never share a cue
  // word, so sorted by end they are sorted by begin too) and the pairs
  // (speaker entity, cue lemma).
  std::vector<Span> cues;
  std::set<std::pair<std::string_view, std::string_view>> spoken;
  // (A claim with no speaker, "he is credited with X", does not: the fact
  // keeps who was credited, told or accused.)
  for (const ExtractedClaim& c : r.claims) {
    if (!c.cue.span.empty() && c.speaker) cues.push_back(c.cue.span);
    if (c.speaker && !c.speaker->entity.empty()) spoken.emplace(c.speaker->entity, c.cue_lemma);
  }
  std::sort(cues.begin(), cues.end(), [](Span a, Span b) { return a.end < b.end; });
  auto reports_a_claim = [&](const ExtractedFact& f) {
    auto it = std::upper_bound(cues.begin(), cues.end(), f.relation.span.begin,
                               [](std::uint32_t pos, Span c) { return pos < c.end; });
    if (it != cues.end() && it->begin < f.relation.span.end) return true;
    // The same speech act told again (a headline's "says", "said in a
    // speech"): the speaker of a claim with the same reporting verb.
    return !f.subject.entity.empty() && spoken.count({std::string_view(f.subject.entity),
                                                      std::string_view(f.relation_lemma)}) > 0;
  };
  for (const ExtractedFact& f : r.facts) {
    // (a possessive's "has" has no words of its own: the rule is written
    // only with --explain, and `tkg load` must drop the same facts)
    const bool possessive =
        f.relation.span.begin == f.relation.span.end && f.relation_phrase == "has";
    if (possessive || reports_a_claim(f) ||
        (f.subject.entity.empty() && IsBarePronoun(f.subject.text.text))) {
      continue;
    }
    StatementRecord st;
    st.kind = StatementRecord::kFact;
    st.subject = StatementArg{f.subject.entity, display_text(f.subject)};
    st.relation_lemma = f.relation_lemma;
    st.relation_text = f.RelationPhrase();
    st.object = StatementArg{f.object.entity, display_text(f.object)};
    for (const FactExtraArgument& a : f.args) st.args.emplace_back(a.role, a.text.text);
    st.polarity = f.polarity;
    st.modality = f.modality;
    st.time = DatedAnchor{f.time, f.time_basis};
    st.entities = entity_ids_in(
        Span{f.subject.text.span.begin, std::max(f.relation.span.end, f.object.text.span.end)});
    Id128 s = ids::Argument(f.subject.entity, f.subject.text.text);
    Id128 rel = ids::Relation(f.relation_lemma);
    Id128 o = ids::Argument(f.object.entity, f.object.text.text);
    Id128 skey = ids::FactStatement(s, rel, o, f.polarity, f.modality, f.time.value);
    Planned::ClaimOut out;
    ClaimRecord& rec = out.rec;
    auto parent = claim_index.find(f.claim);
    if (!f.claim.empty() && parent != claim_index.end()) {
      const ClaimRecord& pc = p.claims[parent->second].rec;
      rec.holder = pc.holder;
      rec.holder_kind = pc.holder_kind;
      rec.speaker_text = pc.speaker_text;
      rec.speaker_name = pc.speaker_name;
      rec.kind = StoredClaimKind::kReported;
      rec.parent = p.claims[parent->second].key;
      rec.date = pc.date;
    } else {
      rec.holder = doc;
      rec.holder_kind = HolderKind::kDocument;
      rec.kind = StoredClaimKind::kNarrated;
      if (r.dct) rec.date = DatedAnchor{DayAnchor(*r.dct), DateBasis::kPublication};
    }
    rec.statement = skey;
    rec.doc = doc;
    rec.cue_text = f.RelationPhrase();
    rec.cue_lemma = f.relation_lemma;
    Span evidence{f.subject.text.span.begin, std::max(f.relation.span.end, f.object.text.span.end)};
    rec.content = evidence;
    rec.content_text = f.subject.text.text + " " + f.RelationPhrase() +
                       (f.object.text.text.empty() ? "" : " " + f.object.text.text);
    rec.confidence = f.confidence;
    rec.rule = f.rule;
    rec.about = entities_in(evidence);
    out.key = ids::Claim(doc, rec.holder, skey, static_cast<int>(rec.kind));
    out.tk = keys::TimeKey(rec.date.anchor);
    p.statements.emplace(skey, Planned::StatementOut{skey, std::move(st), s, rel, o});
    p.claims.push_back(std::move(out));
  }
  return p;
}

void PutStatementIndexes(rocksdb::WriteBatch* wb, const Store::Impl& impl, const Id128& key,
                         const StatementRecord& st, const Id128& s, const Id128& p, const Id128& o,
                         bool remove) {
  auto put = [&](Family f, const std::string& k) {
    if (remove) {
      (void)wb->Delete(impl.cf(f), k);  // WriteBatch edits only fail on OOM
    } else {
      (void)wb->Put(impl.cf(f), k, rocksdb::Slice());
    }
  };
  std::string tk = keys::TimeKey(st.time.anchor);
  if (st.time.anchor.has_interval()) {
    put(Family::kByTime, keys::ByTime(tk, keys::Kind::kStatement, key));
  }
  std::set<std::string> involved(st.entities.begin(), st.entities.end());
  if (st.kind == StatementRecord::kFact) {
    put(Family::kSpo, keys::Triple(s, p, o, key));
    put(Family::kPos, keys::Triple(p, o, s, key));
    put(Family::kOsp, keys::Triple(o, s, p, key));
    if (!st.subject.entity.empty()) involved.insert(st.subject.entity);
    if (!st.object.entity.empty()) involved.insert(st.object.entity);
  }
  // An entity's timeline holds the facts it takes part in, and the said
  // statements that mention it when they have a time of their own.
  if (st.kind == StatementRecord::kFact || st.time.anchor.has_interval()) {
    for (const std::string& e : involved) {
      put(Family::kByEntityTime,
          keys::ByEntityTime(ids::Entity(e), tk, keys::Kind::kStatement, key));
    }
  }
}

void PutClaimIndexes(rocksdb::WriteBatch* wb, const Store::Impl& impl, const Id128& key,
                     const ClaimRecord& c, std::string_view tk, bool remove) {
  auto put = [&](Family f, const std::string& k) {
    if (remove) {
      (void)wb->Delete(impl.cf(f), k);
    } else {
      (void)wb->Put(impl.cf(f), k, rocksdb::Slice());
    }
  };
  put(Family::kByHolder, keys::ByHolder(c.holder, tk, key));
  put(Family::kByStatement, keys::ByStatement(c.statement, key));
  put(Family::kByDoc, keys::ByDoc(c.doc, keys::Kind::kDocClaim, key));
  if (IsSpeech(c.kind)) {
    put(Family::kByTime, keys::ByTime(tk, keys::Kind::kSpeechAct, key));
    if (c.holder_kind == HolderKind::kEntity) {
      put(Family::kByEntityTime, keys::ByEntityTime(c.holder, tk, keys::Kind::kSpeechAct, key));
    }
  }
  for (const Id128& e : c.about) {
    if (e == c.holder) continue;
    put(Family::kByEntityTime, keys::ByEntityTime(e, tk, keys::Kind::kAbout, key));
  }
}

// Merging entities across documents.
//
// The extractor names an entity by a slug that is only canonical within one
// document: article A has "person/jens-stoltenberg", article B, which names
// only the surname, "person/stoltenberg". The store keeps both records and
// links B's to A's through EntityRecord::canonical (a merge table kept in the
// entity records); the queries follow the links. We chose links over
// re-keying at ingest because a link is one field per entity, computed from
// what is stored, in the same WriteBatch as the document: when B comes before
// A, re-keying would have to rewrite every claim and index key B wrote, and
// undo it again when a third article makes "Stoltenberg" ambiguous; with
// links the keys a document writes depend on that document only, so
// re-ingest stays idempotent and the stored state does not depend on the
// ingest order.
//
// The rules (Direct below), on folded names (diacritics folded, so Kačer =
// Kacer):
//  * a person named by one word ("Stoltenberg", "Mr Stoltenberg") is merged
//    into the one stored person whose fuller name ends with that surname and
//    whose roles do not conflict; among several, into the one that shares a
//    role with it (same organisation or title); otherwise it stays apart
//    (ambiguous: never merged into an arbitrary one);
//  * an entity whose name is the name or an alias of another entity of the
//    same type (a person: of a fuller name) is merged into the better named
//    of the two (more words, then the smaller id) when the names are equal or
//    one is the acronym of the other, unless their roles conflict. Different
//    first names never match ("Anne Smith", "John Smith").
// Roles conflict when both entities have roles naming organisations and they
// share neither an organisation nor a title.
class MergeResolver {
 public:
  MergeResolver(const Store& store,
                const std::unordered_map<Id128, EntityRecord, Id128Hash>& pending,
                const std::unordered_set<Id128, Id128Hash>& deleted)
      : store_(store), pending_(pending), deleted_(deleted) {
    for (const auto& [key, rec] : pending_) {
      for (const std::string& a : EntityAliasKeys(rec)) pending_aliases_[a].insert(key);
    }
  }

  // The record as it will be after this batch; nullptr when there is none.
  Result<const EntityRecord*> Get(const Id128& key) {
    if (deleted_.count(key) != 0) return static_cast<const EntityRecord*>(nullptr);
    if (auto it = pending_.find(key); it != pending_.end()) return &it->second;
    if (auto it = cache_.find(key); it != cache_.end()) {
      return it->second ? &*it->second : static_cast<const EntityRecord*>(nullptr);
    }
    auto e = store_.GetEntity(key);
    if (!e.ok()) return e.status();
    auto& slot = cache_[key];
    slot = std::move(*e);
    return slot ? &*slot : static_cast<const EntityRecord*>(nullptr);
  }

  // Entities sharing an alias key with `e` (stored or in this batch).
  Result<std::set<Id128>> Neighbours(const Id128& self, const EntityRecord& e) {
    std::set<Id128> out;
    for (const std::string& a : EntityAliasKeys(e)) {
      Status s = store_.ScanPrefix(Family::kAliases, keys::AliasPrefix(a),
                                   [&](std::string_view k, std::string_view) {
                                     out.insert(keys::IdAt(k, k.size() - keys::kIdSize));
                                     return true;
                                   });
      if (!s.ok()) return s;
      if (auto it = pending_aliases_.find(a); it != pending_aliases_.end()) {
        out.insert(it->second.begin(), it->second.end());
      }
    }
    out.erase(self);
    std::erase_if(out, [&](const Id128& k) { return deleted_.count(k) != 0; });
    return out;
  }

  // The entity `key` is merged into directly, if any.
  Result<std::optional<Id128>> Direct(const Id128& key) {
    if (auto it = direct_.find(key); it != direct_.end()) return it->second;
    auto rec = Get(key);
    if (!rec.ok()) return rec.status();
    std::optional<Id128> out;
    if (*rec != nullptr) {
      const EntityRecord& e = **rec;
      auto near = Neighbours(key, e);
      if (!near.ok()) return near.status();
      std::string lone = LoneSurname(e);
      if (!lone.empty()) {
        std::vector<Id128> fits, sharing;
        for (const Id128& n : *near) {
          auto r = Get(n);
          if (!r.ok()) return r.status();
          if (*r == nullptr || PersonSurname(**r) != lone || RolesConflict(e, **r)) continue;
          fits.push_back(n);
          if (SharesRole(e, **r)) sharing.push_back(n);
        }
        if (fits.size() == 1) {
          out = fits[0];
        } else if (sharing.size() == 1) {
          out = sharing[0];
        }
      } else {
        std::string name = AliasKey(e.name);
        std::set<std::string> mine = NameKeys(e);
        Id128 best = key;
        const EntityRecord* best_rec = &e;
        for (const Id128& n : *near) {
          auto r = Get(n);
          if (!r.ok()) return r.status();
          const EntityRecord* o = *r;
          if (o == nullptr || o->type != e.type || RolesConflict(e, *o)) continue;
          if (e.type == EntityType::kPerson && !LoneSurname(*o).empty()) continue;
          if (NameKeys(*o).count(name) == 0 && mine.count(AliasKey(o->name)) == 0) continue;
          // An alias is not always another name of the same thing: the
          // extractor also records metonymies ("Washington" for the United
          // States, "London" for the United Kingdom). Across documents only
          // equal names and an acronym with its expansion match.
          std::string other = AliasKey(o->name);
          if (other != name && !IsAcronymOf(name, other) && !IsAcronymOf(other, name)) continue;
          if (Better(n, *o, best, *best_rec)) {
            best = n;
            best_rec = o;
          }
        }
        if (best != key) out = best;
      }
    }
    direct_[key] = out;
    return out;
  }

  // The id of the entity `key` ends up merged into ("" for itself).
  Result<std::string> Canonical(const Id128& key) {
    Id128 cur = key;
    for (int hop = 0; hop < 4; ++hop) {
      auto d = Direct(cur);
      if (!d.ok()) return d.status();
      if (!d->has_value() || **d == key) break;
      cur = **d;
    }
    if (cur == key) return std::string();
    auto rec = Get(cur);
    if (!rec.ok()) return rec.status();
    return *rec == nullptr ? std::string() : (*rec)->id;
  }

 private:
  static std::set<std::string> NameKeys(const EntityRecord& e) {
    std::set<std::string> out;
    out.insert(AliasKey(e.name));
    for (const std::string& a : e.aliases) out.insert(AliasKey(a));
    out.erase(std::string());
    return out;
  }
  // "nato" of "north atlantic treaty organization" (folded; function words
  // skipped: "the", "of", "and", "for", "on", "in").
  static bool IsAcronymOf(std::string_view acronym, std::string_view expansion) {
    if (acronym.size() < 2 || acronym.find(' ') != std::string_view::npos) return false;
    std::string initials;
    std::size_t i = 0;
    while (i < expansion.size()) {
      std::size_t j = expansion.find(' ', i);
      if (j == std::string_view::npos) j = expansion.size();
      std::string_view w = expansion.substr(i, j - i);
      if (!w.empty() && w != "the" && w != "of" && w != "and" && w != "for" && w != "on" &&
          w != "in") {
        initials.push_back(w[0]);
      }
      i = j + 1;
    }
    return initials.size() >= 2 && initials == acronym;
  }
  static bool SharesRole(const EntityRecord& a, const EntityRecord& b) {
    for (const RoleRecord& x : a.roles) {
      for (const RoleRecord& y : b.roles) {
        if (!x.org.empty() && x.org == y.org) return true;
        if (!x.title.empty() && Fold(x.title) == Fold(y.title)) return true;
      }
    }
    return false;
  }
  static bool RolesConflict(const EntityRecord& a, const EntityRecord& b) {
    auto has_org = [](const EntityRecord& e) {
      return std::any_of(e.roles.begin(), e.roles.end(),
                         [](const RoleRecord& r) { return !r.org.empty(); });
    };
    return has_org(a) && has_org(b) && !SharesRole(a, b);
  }
  static std::size_t Words(const EntityRecord& e) {
    std::string f = AliasKey(e.name);
    return static_cast<std::size_t>(std::count(f.begin(), f.end(), ' ')) + 1;
  }
  // Whether `a` names the merged entity better than `b`.
  static bool Better(const Id128& ak, const EntityRecord& a, const Id128& bk,
                     const EntityRecord& b) {
    std::size_t wa = Words(a), wb = Words(b);
    if (wa != wb) return wa > wb;
    return ak < bk;
  }

  const Store& store_;
  const std::unordered_map<Id128, EntityRecord, Id128Hash>& pending_;
  const std::unordered_set<Id128, Id128Hash>& deleted_;
  std::unordered_map<std::string, std::set<Id128>> pending_aliases_;
  std::unordered_map<Id128, std::optional<EntityRecord>, Id128Hash> cache_;
  std::unordered_map<Id128, std::optional<Id128>, Id128Hash> direct_;
};

}  // namespace

Result<IngestOutcome> Store::Ingest(const ExtractResult& r, std::string_view text,
                                    std::string_view extractor_version) {
  if (impl_->options.read_only) return Status::InvalidArgument("the database is open read-only");
  const Impl& impl = *impl_;
  Id128 doc = ids::Doc(r.id);
  Id128 content = ids::DocContent(text, r, extractor_version);
  auto old = GetDoc(doc);
  if (!old.ok()) return old.status();
  if (old->has_value() && (*old)->content == content) return IngestOutcome::kUnchanged;

  Planned plan = Plan(r, doc);
  rocksdb::WriteBatch wb;
  std::unordered_map<Id128, EntityRecord, Id128Hash> touched;  // entity records to write
  std::unordered_set<Id128, Id128Hash> deleted_entities;
  std::vector<std::pair<Id128, EntityRecord>> deleted_records;  // as they were

  // 1. Remove what the old version contributed.
  if (old->has_value()) {
    std::vector<Id128> old_claims, old_entities;
    Status s = ScanPrefix(Family::kByDoc, doc.raw(), [&](std::string_view k, std::string_view) {
      auto kind = static_cast<keys::Kind>(k[keys::kIdSize]);
      Id128 id = keys::IdAt(k, keys::kIdSize + 1);
      if (kind == keys::Kind::kDocClaim) old_claims.push_back(id);
      if (kind == keys::Kind::kDocEntity) old_entities.push_back(id);
      return true;
    });
    if (!s.ok()) return s;
    std::unordered_set<Id128, Id128Hash> dropped_claims(old_claims.begin(), old_claims.end());
    std::unordered_set<Id128, Id128Hash> old_statements;
    for (const Id128& ck : old_claims) {
      auto c = GetClaim(ck);
      if (!c.ok()) return c.status();
      if (!c->has_value()) continue;
      PutClaimIndexes(&wb, impl, ck, **c, keys::TimeKey((*c)->date.anchor), /*remove=*/true);
      (void)wb.Delete(impl.cf(Family::kClaims), S(ck.raw()));
      old_statements.insert((*c)->statement);
    }
    for (const Id128& sk : old_statements) {
      if (plan.statements.count(sk) != 0) continue;  // still stated by the new version
      bool referenced = false;
      s = ScanPrefix(Family::kByStatement, sk.raw(), [&](std::string_view k, std::string_view) {
        if (dropped_claims.count(keys::IdAt(k, keys::kIdSize)) == 0) referenced = true;
        return !referenced;
      });
      if (!s.ok()) return s;
      if (referenced) continue;
      auto st = GetStatement(sk);
      if (!st.ok()) return st.status();
      if (!st->has_value()) continue;
      const StatementRecord& rec = **st;
      Id128 subj = ids::Argument(rec.subject.entity, rec.subject.text);
      Id128 rel = ids::Relation(rec.relation_lemma);
      Id128 obj = ids::Argument(rec.object.entity, rec.object.text);
      PutStatementIndexes(&wb, impl, sk, rec, subj, rel, obj, /*remove=*/true);
      (void)wb.Delete(impl.cf(Family::kStatements), S(sk.raw()));
    }
    std::unordered_set<Id128, Id128Hash> new_entities;
    for (const auto& [k, e] : plan.entities) new_entities.insert(k);
    for (const Id128& ek : old_entities) {
      (void)wb.Delete(impl.cf(Family::kMentions), keys::Mention(ek, doc));
      auto e = GetEntity(ek);
      if (!e.ok()) return e.status();
      if (!e->has_value()) continue;
      EntityRecord rec = std::move(**e);
      std::erase_if(rec.roles, [&](const RoleRecord& role) { return role.doc == doc; });
      bool elsewhere = false;
      s = ScanPrefix(Family::kMentions, ek.raw(), [&](std::string_view k, std::string_view) {
        if (keys::IdAt(k, keys::kIdSize) != doc) elsewhere = true;
        return !elsewhere;
      });
      if (!s.ok()) return s;
      if (!elsewhere && new_entities.count(ek) == 0) {
        for (const std::string& a : EntityAliasKeys(rec)) {
          (void)wb.Delete(impl.cf(Family::kAliases), keys::Alias(a, ek));
        }
        (void)wb.Delete(impl.cf(Family::kEntities), S(ek.raw()));
        deleted_entities.insert(ek);
        deleted_records.emplace_back(ek, std::move(rec));
      } else {
        touched[ek] = std::move(rec);
      }
    }
    s = ScanPrefix(Family::kByDoc, doc.raw(), [&](std::string_view k, std::string_view) {
      (void)wb.Delete(impl.cf(Family::kByDoc), S(k));
      return true;
    });
    if (!s.ok()) return s;
  }

  // 2. Write the new version.
  DocRecord d;
  d.id = r.id;
  d.content = content;
  d.title = r.title;
  d.url = r.url;
  d.source = r.source;
  d.date_text = r.date;
  d.dct = r.dct;
  d.extractor_version = std::string(extractor_version);
  d.text = std::string(text);
  d.warnings = r.warnings;
  d.extra_json = r.extra_json;
  (void)wb.Put(impl.cf(Family::kDocs), S(doc.raw()), EncodeDoc(d));

  for (auto& [key, mine] : plan.entities) {
    EntityRecord rec;
    if (auto it = touched.find(key); it != touched.end()) {
      rec = std::move(it->second);
      touched.erase(it);
    } else {
      auto e = GetEntity(key);
      if (!e.ok()) return e.status();
      if (e->has_value()) {
        rec = std::move(**e);
      } else {
        rec.id = mine.id;
        rec.type = mine.type;
        rec.name = mine.name;
      }
    }
    // A longer name wins as the display name ("Jens Stoltenberg" over
    // "Stoltenberg"); the other becomes an alias.
    if (mine.name.size() > rec.name.size()) {
      rec.aliases.push_back(rec.name);
      rec.name = mine.name;
    } else if (mine.name != rec.name) {
      rec.aliases.push_back(mine.name);
    }
    for (const std::string& a : mine.aliases) rec.aliases.push_back(a);
    std::sort(rec.aliases.begin(), rec.aliases.end());
    rec.aliases.erase(std::unique(rec.aliases.begin(), rec.aliases.end()), rec.aliases.end());
    std::erase(rec.aliases, rec.name);
    for (const RoleRecord& role : mine.roles) {
      if (std::find(rec.roles.begin(), rec.roles.end(), role) == rec.roles.end()) {
        rec.roles.push_back(role);
      }
    }
    for (const std::string& a : EntityAliasKeys(rec)) {
      (void)wb.Put(impl.cf(Family::kAliases), keys::Alias(a, key), rocksdb::Slice());
    }
    (void)wb.Put(impl.cf(Family::kByDoc), keys::ByDoc(doc, keys::Kind::kDocEntity, key),
                 rocksdb::Slice());
    touched[key] = std::move(rec);
  }
  // Merges across documents: recompute the links of every entity this
  // document adds, changes or removes, and of the entities that share an
  // alias key with one of them (the only ones whose link can change).
  {
    MergeResolver merges(*this, touched, deleted_entities);
    std::set<Id128> scope;
    auto add_scope = [&](const Id128& key, const EntityRecord& rec) -> Status {
      scope.insert(key);
      auto near = merges.Neighbours(key, rec);
      if (!near.ok()) return near.status();
      scope.insert(near->begin(), near->end());
      return Status();
    };
    for (const auto& [key, rec] : touched) TKG_RETURN_IF_ERROR(add_scope(key, rec));
    for (const auto& [key, rec] : deleted_records) TKG_RETURN_IF_ERROR(add_scope(key, rec));
    std::vector<std::pair<Id128, std::string>> relinked;
    for (const Id128& key : scope) {
      auto rec = merges.Get(key);
      if (!rec.ok()) return rec.status();
      if (*rec == nullptr) continue;
      auto want = merges.Canonical(key);
      if (!want.ok()) return want.status();
      if (touched.count(key) != 0 || *want != (*rec)->canonical) {
        relinked.emplace_back(key, std::move(*want));
      }
    }
    for (auto& [key, canonical] : relinked) {
      auto it = touched.find(key);
      if (it == touched.end()) {
        auto rec = merges.Get(key);
        if (!rec.ok()) return rec.status();
        it = touched.emplace(key, **rec).first;
      }
      it->second.canonical = std::move(canonical);
    }
  }
  for (auto& [key, rec] : touched) {
    (void)wb.Put(impl.cf(Family::kEntities), S(key.raw()), EncodeEntity(rec));
  }
  for (const auto& [key, m] : plan.mentions) {
    (void)wb.Put(impl.cf(Family::kMentions), keys::Mention(key, doc), EncodeMention(m));
  }
  for (const auto& [key, st] : plan.statements) {
    (void)wb.Put(impl.cf(Family::kStatements), S(key.raw()), EncodeStatement(st.rec));
    PutStatementIndexes(&wb, impl, key, st.rec, st.s, st.p, st.o, /*remove=*/false);
  }
  for (const Planned::ClaimOut& c : plan.claims) {
    (void)wb.Put(impl.cf(Family::kClaims), S(c.key.raw()), EncodeClaim(c.rec));
    PutClaimIndexes(&wb, impl, c.key, c.rec, c.tk, /*remove=*/false);
  }

  rocksdb::WriteOptions wo;
  wo.sync = impl.options.sync;
  rocksdb::Status ws = impl.db->Write(wo, &wb);
  if (!ws.ok()) return FromRocks(ws, "write document '" + r.id + "'");
  return old->has_value() ? IngestOutcome::kReplaced : IngestOutcome::kAdded;
}

Status Store::MigrateToLinks() {
  const Impl& impl = *impl_;
  std::vector<Id128> all;
  TKG_RETURN_IF_ERROR(Scan(Family::kEntities, "", "", [&](std::string_view k, std::string_view) {
    all.push_back(Id128::FromRaw(k));
    return true;
  }));
  std::unordered_map<Id128, EntityRecord, Id128Hash> none;
  std::unordered_set<Id128, Id128Hash> deleted;
  MergeResolver merges(*this, none, deleted);
  rocksdb::WriteBatch wb;
  for (const Id128& key : all) {
    auto rec = merges.Get(key);
    if (!rec.ok()) return rec.status();
    if (*rec == nullptr) continue;
    auto want = merges.Canonical(key);
    if (!want.ok()) return want.status();
    EntityRecord out = **rec;
    out.canonical = std::move(*want);
    (void)wb.Put(impl.cf(Family::kEntities), S(key.raw()), EncodeEntity(out));
  }
  (void)wb.Put(impl.cf(Family::kMeta), "schema_version", std::to_string(kSchemaVersion));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(impl.db->Write(wo, &wb), "upgrade " + path_ + " to schema version 2");
}

}  // namespace tkg
