#include "graph/records.h"

#include <cmath>

namespace tkg {
namespace {

constexpr std::uint8_t kVersion = 1;

class Writer {
 public:
  void U8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void V64(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Z64(std::int64_t v) {
    V64((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void Str(std::string_view s) {
    V64(s.size());
    out_.append(s);
  }
  void Id(const Id128& id) { out_.append(id.raw()); }
  void Anchor(const DatedAnchor& d) {
    Str(d.anchor.value);
    bool has = d.anchor.has_interval();
    U8(has ? static_cast<std::uint8_t>(d.anchor.grain) : 15);
    Z64(has ? DayNumber(d.anchor.begin) : 0);
    Z64(has ? DayNumber(d.anchor.end) : 0);
    U8(static_cast<std::uint8_t>(d.basis));
  }
  void Spans(const std::vector<Span>& spans) {
    V64(spans.size());
    for (const Span& s : spans) {
      V64(s.begin);
      V64(s.end);
    }
  }
  void Strs(const std::vector<std::string>& v) {
    V64(v.size());
    for (const std::string& s : v) Str(s);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }

  std::uint8_t U8() {
    if (pos_ >= in_.size()) return Fail<std::uint8_t>();
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  std::uint64_t V64() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return Fail<std::uint64_t>();
      auto b = static_cast<std::uint8_t>(in_[pos_++]);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    return Fail<std::uint64_t>();
  }
  std::uint32_t V32() {
    std::uint64_t v = V64();
    if (v > 0xFFFFFFFFu) return Fail<std::uint32_t>();
    return static_cast<std::uint32_t>(v);
  }
  std::int64_t Z64() {
    std::uint64_t v = V64();
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
  }
  std::string Str() {
    std::uint64_t n = V64();
    if (!ok_ || n > in_.size() - pos_) return Fail<std::string>();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  Id128 Id() {
    if (in_.size() - pos_ < Id128::kSize) return Fail<Id128>();
    Id128 id = Id128::FromRaw(in_.substr(pos_, Id128::kSize));
    pos_ += Id128::kSize;
    return id;
  }
  DatedAnchor Anchor() {
    DatedAnchor d;
    std::string value = Str();
    std::uint8_t grain = U8();
    std::int64_t b = Z64();
    std::int64_t e = Z64();
    std::uint8_t basis = U8();
    if (!ok_) return d;
    if (basis > 3 || (grain > 8 && grain != 15)) return Fail<DatedAnchor>();
    if (grain == 15) {
      d.anchor = ValueOnlyAnchor(std::move(value));
    } else {
      d.anchor.value = std::move(value);
      d.anchor.grain = static_cast<Grain>(grain);
      d.anchor.begin = DayFromNumber(b);
      d.anchor.end = DayFromNumber(e);
    }
    d.basis = static_cast<DateBasis>(basis);
    return d;
  }
  std::vector<Span> Spans() {
    std::uint64_t n = Count();
    std::vector<Span> out;
    for (std::uint64_t i = 0; i < n && ok_; ++i) {
      Span s;
      s.begin = V32();
      s.end = V32();
      out.push_back(s);
    }
    return out;
  }
  std::vector<std::string> Strs() {
    std::uint64_t n = Count();
    std::vector<std::string> out;
    for (std::uint64_t i = 0; i < n && ok_; ++i) out.push_back(Str());
    return out;
  }
  // A list length, bounded by the bytes left (every item takes >= 1 byte).
  std::uint64_t Count() {
    std::uint64_t n = V64();
    if (n > in_.size() - pos_) return Fail<std::uint64_t>();
    return n;
  }
  template <typename T>
  T Fail() {
    ok_ = false;
    return T{};
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

Status Corrupt(std::string_view what, std::string_view where) {
  return Status::Corruption(std::string(what) + " record does not decode: " + std::string(where));
}

bool StartRecord(Reader* r) { return r->U8() == kVersion && r->ok(); }

}  // namespace

std::string_view StoredClaimKindName(StoredClaimKind k) {
  switch (k) {
    case StoredClaimKind::kDirect:
      return "direct";
    case StoredClaimKind::kIndirect:
      return "indirect";
    case StoredClaimKind::kMixed:
      return "mixed";
    case StoredClaimKind::kNarrated:
      return "narrated";
    case StoredClaimKind::kReported:
      return "reported";
  }
  return "indirect";
}

std::string EncodeDoc(const DocRecord& r) {
  Writer w;
  w.U8(kVersion);
  w.Str(r.id);
  w.Id(r.content);
  w.Str(r.title);
  w.Str(r.url);
  w.Str(r.source);
  w.Str(r.date_text);
  w.U8(r.dct ? 1 : 0);
  w.Z64(r.dct ? DayNumber(*r.dct) : 0);
  w.Str(r.extractor_version);
  w.Str(r.text);
  w.Strs(r.warnings);
  w.Str(r.extra_json);
  return w.Take();
}

Result<DocRecord> DecodeDoc(std::string_view v, std::string_view where) {
  Reader r(v);
  DocRecord d;
  if (!StartRecord(&r)) return Corrupt("document", where);
  d.id = r.Str();
  d.content = r.Id();
  d.title = r.Str();
  d.url = r.Str();
  d.source = r.Str();
  d.date_text = r.Str();
  bool has = r.U8() != 0;
  std::int64_t day = r.Z64();
  if (has) d.dct = DayFromNumber(day);
  d.extractor_version = r.Str();
  d.text = r.Str();
  d.warnings = r.Strs();
  d.extra_json = r.Str();
  if (!r.ok() || !r.done()) return Corrupt("document", where);
  return d;
}

// Entity records are version 2: version 1 plus the canonical entity id at
// the end. Version 1 records (databases written before merging) still decode,
// as entities that stand for themselves.
constexpr std::uint8_t kEntityVersion = 2;

std::string EncodeEntity(const EntityRecord& r) {
  Writer w;
  w.U8(kEntityVersion);
  w.Str(r.id);
  w.U8(static_cast<std::uint8_t>(r.type));
  w.Str(r.name);
  w.Strs(r.aliases);
  w.V64(r.roles.size());
  for (const RoleRecord& role : r.roles) {
    w.Str(role.title);
    w.Str(role.org);
    w.Str(role.text);
    w.U8(role.as_of ? 1 : 0);
    w.Z64(role.as_of ? DayNumber(*role.as_of) : 0);
    w.Id(role.doc);
  }
  w.Str(r.canonical);
  return w.Take();
}

Result<EntityRecord> DecodeEntity(std::string_view v, std::string_view where) {
  Reader r(v);
  EntityRecord e;
  const std::uint8_t version = r.U8();
  if (!r.ok() || (version != kVersion && version != kEntityVersion)) {
    return Corrupt("entity", where);
  }
  e.id = r.Str();
  std::uint8_t type = r.U8();
  if (type > 4) return Corrupt("entity", where);
  e.type = static_cast<EntityType>(type);
  e.name = r.Str();
  e.aliases = r.Strs();
  std::uint64_t n = r.Count();
  for (std::uint64_t i = 0; i < n && r.ok(); ++i) {
    RoleRecord role;
    role.title = r.Str();
    role.org = r.Str();
    role.text = r.Str();
    bool has = r.U8() != 0;
    std::int64_t day = r.Z64();
    if (has) role.as_of = DayFromNumber(day);
    role.doc = r.Id();
    e.roles.push_back(std::move(role));
  }
  if (version >= kEntityVersion) e.canonical = r.Str();
  if (!r.ok() || !r.done()) return Corrupt("entity", where);
  return e;
}

std::string EncodeMention(const MentionRecord& r) {
  Writer w;
  w.U8(kVersion);
  w.Spans(r.spans);
  w.Strs(r.surfaces);
  return w.Take();
}

Result<MentionRecord> DecodeMention(std::string_view v, std::string_view where) {
  Reader r(v);
  MentionRecord m;
  if (!StartRecord(&r)) return Corrupt("mention", where);
  m.spans = r.Spans();
  m.surfaces = r.Strs();
  if (!r.ok() || !r.done()) return Corrupt("mention", where);
  return m;
}

std::string EncodeStatement(const StatementRecord& r) {
  Writer w;
  w.U8(kVersion);
  w.U8(r.kind);
  w.U8(r.subject.entity.empty() ? 0 : 1);
  w.Str(r.subject.entity);
  w.Str(r.subject.text);
  w.Str(r.relation_lemma);
  w.Str(r.relation_text);
  w.U8(r.object.entity.empty() ? 0 : 1);
  w.Str(r.object.entity);
  w.Str(r.object.text);
  w.V64(r.args.size());
  for (const auto& [role, text] : r.args) {
    w.Str(role);
    w.Str(text);
  }
  w.U8(static_cast<std::uint8_t>(r.polarity));
  w.U8(static_cast<std::uint8_t>(r.modality));
  w.Anchor(r.time);
  w.Strs(r.entities);
  return w.Take();
}

Result<StatementRecord> DecodeStatement(std::string_view v, std::string_view where) {
  Reader r(v);
  StatementRecord s;
  if (!StartRecord(&r)) return Corrupt("statement", where);
  s.kind = r.U8();
  (void)r.U8();
  s.subject.entity = r.Str();
  s.subject.text = r.Str();
  s.relation_lemma = r.Str();
  s.relation_text = r.Str();
  (void)r.U8();
  s.object.entity = r.Str();
  s.object.text = r.Str();
  std::uint64_t n = r.Count();
  for (std::uint64_t i = 0; i < n && r.ok(); ++i) {
    std::string role = r.Str();
    std::string text = r.Str();
    s.args.emplace_back(std::move(role), std::move(text));
  }
  std::uint8_t pol = r.U8();
  std::uint8_t mod = r.U8();
  s.time = r.Anchor();
  s.entities = r.Strs();
  if (!r.ok() || !r.done() || pol > 1 || mod > 4 || (s.kind != 1 && s.kind != 2)) {
    return Corrupt("statement", where);
  }
  s.polarity = static_cast<Polarity>(pol);
  s.modality = static_cast<Modality>(mod);
  return s;
}

std::string EncodeClaim(const ClaimRecord& r) {
  Writer w;
  w.U8(kVersion);
  w.Id(r.statement);
  w.Id(r.holder);
  w.U8(static_cast<std::uint8_t>(r.holder_kind));
  w.Str(r.speaker_text);
  w.Str(r.speaker_name);
  w.Id(r.doc);
  w.U8(static_cast<std::uint8_t>(r.kind));
  w.Str(r.cue_text);
  w.Str(r.cue_lemma);
  w.V64(r.content.begin);
  w.V64(r.content.end);
  w.Str(r.content_text);
  w.Spans(r.evidence);
  w.Anchor(r.date);
  float c = std::min(1.0F, std::max(0.0F, r.confidence));
  w.V64(static_cast<std::uint64_t>(std::lround(static_cast<double>(c) * 10000.0)));
  w.Str(r.rule);
  w.U8(r.display ? 1 : 0);
  w.Id(r.parent);
  w.V64(r.about.size());
  for (const Id128& id : r.about) w.Id(id);
  return w.Take();
}

Result<ClaimRecord> DecodeClaim(std::string_view v, std::string_view where) {
  Reader r(v);
  ClaimRecord c;
  if (!StartRecord(&r)) return Corrupt("claim", where);
  c.statement = r.Id();
  c.holder = r.Id();
  std::uint8_t hk = r.U8();
  c.speaker_text = r.Str();
  c.speaker_name = r.Str();
  c.doc = r.Id();
  std::uint8_t kind = r.U8();
  c.cue_text = r.Str();
  c.cue_lemma = r.Str();
  c.content.begin = r.V32();
  c.content.end = r.V32();
  c.content_text = r.Str();
  c.evidence = r.Spans();
  c.date = r.Anchor();
  c.confidence = static_cast<float>(static_cast<double>(r.V64()) / 10000.0);
  c.rule = r.Str();
  c.display = r.U8() != 0;
  c.parent = r.Id();
  std::uint64_t n = r.Count();
  for (std::uint64_t i = 0; i < n && r.ok(); ++i) c.about.push_back(r.Id());
  if (!r.ok() || !r.done() || hk > 2 || kind > 4) return Corrupt("claim", where);
  c.holder_kind = static_cast<HolderKind>(hk);
  c.kind = static_cast<StoredClaimKind>(kind);
  return c;
}

}  // namespace tkg
