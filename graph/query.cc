#include "graph/query.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "graph/ids.h"
#include "graph/key_codec.h"

namespace tkg {
namespace {

struct DocInfo {
  std::string id, title, url, source, date;
  std::int64_t day = 0;  // publication day, for ordering
};

// Caches document records by key during one query.
class Docs {
 public:
  explicit Docs(const Store& store) : store_(store) {}
  Result<const DocInfo*> Get(const Id128& key) {
    auto it = cache_.find(key);
    if (it != cache_.end()) return &it->second;
    auto d = store_.GetDoc(key);
    if (!d.ok()) return d.status();
    DocInfo info;
    if (d->has_value()) {
      const DocRecord& r = **d;
      info = DocInfo{r.id, r.title, r.url, r.source, r.date_text, r.dct ? DayNumber(*r.dct) : 0};
    } else {
      info.id = "(missing document " + key.Hex() + ")";
    }
    return &cache_.emplace(key, std::move(info)).first->second;
  }

 private:
  const Store& store_;
  std::unordered_map<Id128, DocInfo, Id128Hash> cache_;
};

Result<Source> MakeSource(Docs& docs, const ClaimRecord& c) {
  auto d = docs.Get(c.doc);
  if (!d.ok()) return d.status();
  Source s;
  s.doc_id = (*d)->id;
  s.title = (*d)->title;
  s.url = (*d)->url;
  s.source = (*d)->source;
  s.date = (*d)->date;
  s.span = c.content;
  s.evidence = c.evidence;
  s.rule = c.rule;
  s.confidence = c.confidence;
  return s;
}

std::string HolderName(const ClaimRecord& c) {
  if (!c.speaker_name.empty()) return c.speaker_name;
  return c.speaker_text;
}

// Ordering key: time key, then publication day, document id, position.
struct OrderKey {
  std::string tk;
  std::int64_t day;
  std::string doc;
  std::uint32_t pos;
  friend bool operator<(const OrderKey& a, const OrderKey& b) {
    return std::tie(a.tk, a.day, a.doc, a.pos) < std::tie(b.tk, b.day, b.doc, b.pos);
  }
};

bool Contains(const std::vector<Id128>& v, const Id128& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Entities as the queries show them: a stored entity merged into another
// (EntityRecord::canonical, docs/storage_format.md) is shown as that one.
// Caches records by key during one query.
class EntityNames {
 public:
  explicit EntityNames(const Store& store) : store_(store) {}
  struct View {
    Id128 key;         // the canonical entity's key
    std::string id;    // its id, "" when the key has no record
    std::string name;  // its name
  };
  // The canonical entity of `key` (itself when it is not merged).
  const View& Of(const Id128& key) {
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    View v;
    v.key = key;
    Id128 cur = key;
    for (int hop = 0; hop < 4; ++hop) {  // links are stored resolved; a chain is a stale link
      auto e = store_.GetEntity(cur);
      if (!e.ok() || !e->has_value()) break;
      v.key = cur;
      v.id = (*e)->id;
      v.name = (*e)->name;
      if ((*e)->canonical.empty() || (*e)->canonical == (*e)->id) break;
      cur = ids::Entity((*e)->canonical);
      if (cur == key) break;
    }
    return cache_.emplace(key, std::move(v)).first->second;
  }

 private:
  const Store& store_;
  std::unordered_map<Id128, View, Id128Hash> cache_;
};

std::string EntityIdOrEmpty(EntityNames& names, const Id128& key) { return names.Of(key).id; }

// The entities merged into `canonical`, itself first. Every entity merged
// into another shares an alias key with it (the surname, its name or an
// alias), so the alias scans of the canonical entity (and of what they find)
// reach them all.
Result<std::vector<Id128>> MemberKeys(const Store& store, EntityNames& names,
                                      const Id128& canonical) {
  std::vector<Id128> out = {canonical};
  std::set<Id128> seen = {canonical};
  for (std::size_t i = 0; i < out.size() && i < 64; ++i) {
    auto rec = store.GetEntity(out[i]);
    if (!rec.ok()) return rec.status();
    if (!rec->has_value()) continue;
    std::vector<Id128> found;
    for (const std::string& a : EntityAliasKeys(**rec)) {
      Status s = store.ScanPrefix(Family::kAliases, keys::AliasPrefix(a),
                                  [&](std::string_view k, std::string_view) {
                                    found.push_back(keys::IdAt(k, k.size() - keys::kIdSize));
                                    return true;
                                  });
      if (!s.ok()) return s;
    }
    for (const Id128& k : found) {
      if (seen.insert(k).second && names.Of(k).key == canonical) out.push_back(k);
    }
  }
  return out;
}

std::string CueVerb(const ClaimRecord& c) {
  if (!c.cue_text.empty()) return c.cue_text;
  if (!c.cue_lemma.empty()) return c.cue_lemma;
  return "said";
}

// Collects the claims of `keys`, grouped by (holder, statement), as SaidRows.
Result<std::vector<SaidRow>> GroupSaid(const Store& store, Docs& docs,
                                       const std::vector<Id128>& claim_keys,
                                       const std::function<bool(const ClaimRecord&)>& keep) {
  std::map<std::pair<Id128, Id128>, std::size_t> index;
  std::vector<SaidRow> rows;
  std::vector<OrderKey> order;
  EntityNames names(store);
  std::unordered_set<Id128, Id128Hash> seen;
  for (const Id128& ck : claim_keys) {
    if (!seen.insert(ck).second) continue;
    auto c = store.GetClaim(ck);
    if (!c.ok()) return c.status();
    if (!c->has_value()) continue;
    const ClaimRecord& rec = **c;
    if (!IsSpeech(rec.kind) || !keep(rec)) continue;
    auto src = MakeSource(docs, rec);
    if (!src.ok()) return src.status();
    auto d = docs.Get(rec.doc);
    if (!d.ok()) return d.status();
    // The same statement said by one entity under several ids (merged
    // across documents) is one row.
    const EntityNames::View* speaker = nullptr;
    if (rec.holder_kind == HolderKind::kEntity) speaker = &names.Of(rec.holder);
    Id128 holder = speaker != nullptr ? speaker->key : rec.holder;
    auto key = std::make_pair(holder, rec.statement);
    auto it = index.find(key);
    if (it == index.end()) {
      SaidRow row;
      row.statement = rec.statement;
      row.holder = holder;
      row.speaker = HolderName(rec);
      row.speaker_text = rec.speaker_text;
      if (speaker != nullptr) {
        row.speaker_id = speaker->id;
        if (!speaker->name.empty()) row.speaker = speaker->name;
      }
      row.kind = rec.kind;
      row.cue = rec.cue_lemma;
      row.content = rec.content_text;
      row.date = rec.date;
      row.confidence = rec.confidence;
      auto st = store.GetStatement(rec.statement);
      if (!st.ok()) return st.status();
      if (st->has_value()) row.statement_time = (*st)->time;
      for (const Id128& a : rec.about) {
        std::string id = EntityIdOrEmpty(names, a);
        if (!id.empty() && id != row.speaker_id &&
            std::find(row.about.begin(), row.about.end(), id) == row.about.end()) {
          row.about.push_back(id);
        }
      }
      row.sources.push_back(std::move(*src));
      index[key] = rows.size();
      rows.push_back(std::move(row));
      order.push_back(
          OrderKey{keys::TimeKey(rec.date.anchor), (*d)->day, (*d)->id, rec.content.begin});
    } else {
      SaidRow& row = rows[it->second];
      row.sources.push_back(std::move(*src));
      row.confidence = std::max(row.confidence, rec.confidence);
      OrderKey ok{keys::TimeKey(rec.date.anchor), (*d)->day, (*d)->id, rec.content.begin};
      if (ok < order[it->second]) {
        order[it->second] = ok;
        row.date = rec.date;
      }
    }
  }
  std::vector<std::size_t> idx(rows.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(),
                   [&](std::size_t a, std::size_t b) { return order[a] < order[b]; });
  std::vector<SaidRow> out;
  out.reserve(rows.size());
  for (std::size_t i : idx) {
    SaidRow& r = rows[i];
    std::sort(r.sources.begin(), r.sources.end(), [](const Source& a, const Source& b) {
      return std::tie(a.date, a.doc_id, a.span.begin) < std::tie(b.date, b.doc_id, b.span.begin);
    });
    out.push_back(std::move(r));
  }
  return out;
}

// Keys of `family` under `prefix` whose time key (at `tk_offset`) lies before
// the range's end; the caller filters by overlap.
Status ScanTimed(const Store& store, Family family, std::string_view prefix, const DateRange& range,
                 const std::function<bool(std::string_view)>& fn) {
  std::string to;
  if (range.to) {
    to = std::string(prefix) + keys::TimeKeyLowerBound(*range.to + date::days{1});
  } else {
    to = keys::PrefixSuccessor(prefix);
  }
  return store.Scan(family, prefix, to,
                    [&](std::string_view k, std::string_view) { return fn(k); });
}

}  // namespace

bool DateRange::Matches(const TimeAnchor& a) const {
  if (!bounded()) return true;
  if (!a.has_interval()) return false;
  if (from && a.end <= *from) return false;
  if (to && a.begin > *to) return false;
  return true;
}

std::string_view TimelineEventTypeName(TimelineEvent::Type t) {
  switch (t) {
    case TimelineEvent::Type::kSaid:
      return "said";
    case TimelineEvent::Type::kFact:
      return "fact";
    case TimelineEvent::Type::kStatement:
      return "statement";
  }
  return "statement";
}

std::string FirstEntityOf(const TimelineEvent& e) {
  for (std::size_t i = 0; i < e.entities.size(); ++i) {
    if (i < e.entity_names.size() && !e.entity_names[i].empty()) return e.entity_names[i];
    if (!e.entities[i].empty()) return e.entities[i];
  }
  return "other";
}

Result<std::vector<EntityRef>> ResolveEntities(const Store& store, std::string_view name) {
  std::string f = Fold(name);
  std::vector<EntityRef> out;
  if (f.empty()) return out;
  std::map<Id128, bool> found;  // key -> exact
  Status s = store.ScanPrefix(Family::kAliases, keys::AliasPrefix(f),
                              [&](std::string_view k, std::string_view) {
                                found[keys::IdAt(k, k.size() - keys::kIdSize)] = true;
                                return true;
                              });
  if (!s.ok()) return s;
  // An entity id ("person/jens-stoltenberg").
  if (f.find('/') != std::string::npos) {
    Id128 key = ids::Entity(f);
    auto e = store.GetEntity(key);
    if (!e.ok()) return e.status();
    if (e->has_value()) found[key] = true;
  }
  if (found.empty()) {
    // Parts of names: a surname, a first name, a word of an organisation.
    s = store.Scan(Family::kAliases, "", "", [&](std::string_view k, std::string_view) {
      std::string_view alias = k.substr(0, k.size() - keys::kIdSize - 1);
      bool word = alias.size() > f.size() &&
                  ((alias.starts_with(f) && alias[f.size()] == ' ') ||
                   (alias.ends_with(f) && alias[alias.size() - f.size() - 1] == ' ') ||
                   alias.find(" " + f + " ") != std::string_view::npos);
      bool sub = f.size() >= 4 && alias.find(f) != std::string_view::npos;
      if (word || sub) found.emplace(keys::IdAt(k, k.size() - keys::kIdSize), false);
      return true;
    });
    if (!s.ok()) return s;
  }
  // Merged entities are one: each match counts as its canonical entity.
  EntityNames names(store);
  std::map<Id128, bool> canonical;  // key -> exact
  for (const auto& [key, exact] : found) {
    const EntityNames::View& v = names.Of(key);
    if (v.id.empty()) continue;
    auto [it, added] = canonical.emplace(v.key, exact);
    if (!added) it->second = it->second || exact;
  }
  for (const auto& [key, exact] : canonical) {
    auto e = store.GetEntity(key);
    if (!e.ok()) return e.status();
    if (!e->has_value()) continue;
    EntityRef ref{key, (*e)->id, (*e)->name, (*e)->type, exact, {}};
    auto members = MemberKeys(store, names, key);
    if (!members.ok()) return members.status();
    ref.members = std::move(*members);
    out.push_back(std::move(ref));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const EntityRef& a, const EntityRef& b) { return a.exact > b.exact; });
  return out;
}

Result<std::vector<SaidRow>> Said(const Store& store, const SaidQuery& q) {
  Docs docs(store);
  std::vector<Id128> claim_keys;
  std::vector<Id128> about_keys;
  if (!q.about.empty()) {
    auto about = ResolveEntities(store, q.about);
    if (!about.ok()) return about.status();
    if (about->empty()) return Status::NotFound("no entity matches '" + q.about + "'");
    for (const EntityRef& e : *about) {
      about_keys.insert(about_keys.end(), e.members.begin(), e.members.end());
    }
  }
  if (!q.who.empty()) {
    auto who = ResolveEntities(store, q.who);
    if (!who.ok()) return who.status();
    std::vector<Id128> holders;
    for (const EntityRef& e : *who) {
      holders.insert(holders.end(), e.members.begin(), e.members.end());
    }
    holders.push_back(ids::Speaker(q.who));  // speakers no entity was found for
    for (const Id128& h : holders) {
      Status s = ScanTimed(store, Family::kByHolder, h.raw(), q.range, [&](std::string_view k) {
        claim_keys.push_back(keys::IdAt(k, keys::kIdSize + keys::kTimeSize));
        return true;
      });
      if (!s.ok()) return s;
    }
    if (claim_keys.empty() && who->empty()) {
      return Status::NotFound("no speaker matches '" + q.who + "'");
    }
  } else if (!about_keys.empty()) {
    for (const Id128& e : about_keys) {
      Status s = ScanTimed(store, Family::kByEntityTime, e.raw(), q.range, [&](std::string_view k) {
        if (static_cast<keys::Kind>(k[keys::kIdSize + keys::kTimeSize]) == keys::Kind::kAbout) {
          claim_keys.push_back(keys::IdAt(k, keys::kIdSize + keys::kTimeSize + 1));
        }
        return true;
      });
      if (!s.ok()) return s;
    }
  } else {
    Status s = ScanTimed(store, Family::kByTime, "", q.range, [&](std::string_view k) {
      if (static_cast<keys::Kind>(k[keys::kTimeSize]) == keys::Kind::kSpeechAct) {
        claim_keys.push_back(keys::IdAt(k, keys::kTimeSize + 1));
      }
      return true;
    });
    if (!s.ok()) return s;
  }
  std::string cue = Fold(q.cue);
  auto rows = GroupSaid(store, docs, claim_keys, [&](const ClaimRecord& c) {
    if (!q.range.Matches(c.date.anchor)) return false;
    if (q.kind && static_cast<int>(*q.kind) != static_cast<int>(c.kind)) return false;
    if (!cue.empty() && Fold(c.cue_lemma) != cue && Fold(c.cue_text) != cue) return false;
    if (!about_keys.empty()) {
      bool any = false;
      for (const Id128& e : about_keys) any = any || Contains(c.about, e);
      if (!any) return false;
    }
    return true;
  });
  if (!rows.ok()) return rows.status();
  if (q.limit > 0 && rows->size() > q.limit) rows->resize(q.limit);
  return rows;
}

namespace {

// Builds the timeline events of statement and claim keys.
class TimelineBuilder {
 public:
  TimelineBuilder(const Store& store, const DateRange& range)
      : store_(store), docs_(store), names_(store), range_(range) {}

  Status AddStatement(const Id128& key) {
    if (!statements_seen_.insert(key).second) return Status();
    auto st = store_.GetStatement(key);
    if (!st.ok()) return st.status();
    if (!st->has_value()) return Status();
    const StatementRecord& rec = **st;
    if (!range_.Matches(rec.time.anchor)) return Status();
    TimelineEvent ev;
    ev.id = key;
    ev.time = rec.time;
    ev.polarity = rec.polarity;
    ev.modality = rec.modality;
    OrderKey order{keys::TimeKey(rec.time.anchor), 0, "", 0};
    bool first = true;
    std::set<std::string> said_by;
    Status s = store_.ScanPrefix(
        Family::kByStatement, key.raw(), [&](std::string_view k, std::string_view) {
          auto c = store_.GetClaim(keys::IdAt(k, keys::kIdSize));
          if (!c.ok() || !c->has_value()) return true;
          const ClaimRecord& cr = **c;
          auto src = MakeSource(docs_, cr);
          if (!src.ok()) return true;
          auto d = docs_.Get(cr.doc);
          OrderKey ok{order.tk, d.ok() ? (*d)->day : 0, src->doc_id, cr.content.begin};
          if (first || ok < order) order = ok;
          first = false;
          std::string who = cr.holder_kind == HolderKind::kDocument
                                ? (src->source.empty() ? src->doc_id : src->source)
                                : HolderName(cr);
          if (!who.empty()) {
            // Speech claims name their cue ("NATO ministers (confirmed)").
            said_by.insert(IsSpeech(cr.kind) ? who + " (" + CueVerb(cr) + ")" : who);
          }
          ev.sources.push_back(std::move(*src));
          return true;
        });
    if (!s.ok()) return s;
    ev.said_by.assign(said_by.begin(), said_by.end());
    if (rec.kind == StatementRecord::kFact) {
      ev.type = TimelineEvent::Type::kFact;
      ev.subject = rec.subject.text;
      ev.relation = rec.relation_text;
      ev.object = rec.object.text;
      ev.text = rec.subject.text + " — " + rec.relation_text +
                (rec.object.text.empty() ? "" : " — " + rec.object.text);
      ev.title = ev.text;
      for (const StatementArg* a : {&rec.subject, &rec.object}) {
        if (!a->entity.empty()) {
          const std::string& id = names_.Of(ids::Entity(a->entity)).id;
          ev.entities.push_back(id.empty() ? a->entity : id);
          ev.entity_names.push_back(a->text);
        }
      }
    } else {
      ev.type = TimelineEvent::Type::kStatement;
      ev.text = rec.object.text;
      ev.title = rec.object.text;
      if (!ev.said_by.empty()) {
        std::string by;
        for (const std::string& b : ev.said_by) by += (by.empty() ? "" : "; ") + b;
        ev.title += " — " + by;
      }
    }
    Push(std::move(ev), order);
    return Status();
  }

  Status AddClaim(const Id128& key) {
    auto c = store_.GetClaim(key);
    if (!c.ok()) return c.status();
    if (!c->has_value()) return Status();
    const ClaimRecord& rec = **c;
    if (!IsSpeech(rec.kind) || !range_.Matches(rec.date.anchor)) return Status();
    auto src = MakeSource(docs_, rec);
    if (!src.ok()) return src.status();
    auto d = docs_.Get(rec.doc);
    if (!d.ok()) return d.status();
    OrderKey order{keys::TimeKey(rec.date.anchor), (*d)->day, src->doc_id, rec.content.begin};
    Id128 holder = rec.holder_kind == HolderKind::kEntity ? names_.Of(rec.holder).key : rec.holder;
    auto group = std::make_pair(holder, rec.statement);
    auto it = said_index_.find(group);
    if (it != said_index_.end()) {
      TimelineEvent& ev = events_[it->second];
      ev.sources.push_back(std::move(*src));
      if (order < orders_[it->second]) orders_[it->second] = order;
      return Status();
    }
    TimelineEvent ev;
    ev.type = TimelineEvent::Type::kSaid;
    ev.id = key;
    ev.time = rec.date;
    ev.speaker = HolderName(rec);
    if (rec.holder_kind == HolderKind::kEntity) {
      const EntityNames::View& v = names_.Of(rec.holder);
      ev.speaker_id = v.id;
      if (!v.name.empty()) ev.speaker = v.name;
      if (!ev.speaker_id.empty()) {
        ev.entities.push_back(ev.speaker_id);
        ev.entity_names.push_back(ev.speaker);
      }
    }
    ev.text = rec.content_text;
    ev.cue = CueVerb(rec);
    ev.claim_kind = rec.kind;
    std::string who = ev.speaker.empty() ? "(unknown speaker)" : ev.speaker;
    std::string quote =
        rec.kind == StoredClaimKind::kDirect ? "“" + rec.content_text + "”" : rec.content_text;
    ev.title = who + " " + CueVerb(rec) + ": " + quote;
    ev.sources.push_back(std::move(*src));
    said_index_[group] = events_.size();
    Push(std::move(ev), order);
    return Status();
  }

  Timeline Finish(std::size_t limit) {
    std::vector<std::size_t> idx(events_.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(),
                     [&](std::size_t a, std::size_t b) { return orders_[a] < orders_[b]; });
    Timeline t;
    for (std::size_t i : idx) {
      TimelineEvent& ev = events_[i];
      if (ev.time.anchor.has_interval()) {
        if (limit == 0 || t.dated.size() < limit) t.dated.push_back(std::move(ev));
      } else {
        t.undated.push_back(std::move(ev));
      }
    }
    return t;
  }

 private:
  void Push(TimelineEvent ev, OrderKey order) {
    events_.push_back(std::move(ev));
    orders_.push_back(std::move(order));
  }

  const Store& store_;
  Docs docs_;
  EntityNames names_;
  DateRange range_;
  std::vector<TimelineEvent> events_;
  std::vector<OrderKey> orders_;
  std::unordered_set<Id128, Id128Hash> statements_seen_;
  std::map<std::pair<Id128, Id128>, std::size_t> said_index_;
};

}  // namespace

Result<Timeline> BuildTimeline(const Store& store, const TimelineQuery& q) {
  TimelineBuilder b(store, q.range);
  std::vector<std::pair<keys::Kind, Id128>> items;
  if (!q.about.empty()) {
    auto about = ResolveEntities(store, q.about);
    if (!about.ok()) return about.status();
    if (about->empty()) return Status::NotFound("no entity matches '" + q.about + "'");
    for (const EntityRef& e : *about) {
      for (const Id128& member : e.members) {
        Status s =
            ScanTimed(store, Family::kByEntityTime, member.raw(), q.range, [&](std::string_view k) {
              auto kind = static_cast<keys::Kind>(k[keys::kIdSize + keys::kTimeSize]);
              items.emplace_back(kind, keys::IdAt(k, keys::kIdSize + keys::kTimeSize + 1));
              return true;
            });
        if (!s.ok()) return s;
      }
    }
    // An item found through two merged entities is one event.
    std::set<std::pair<keys::Kind, Id128>> unique;
    std::erase_if(items, [&](const auto& item) { return !unique.insert(item).second; });
  } else {
    Status s = ScanTimed(store, Family::kByTime, "", q.range, [&](std::string_view k) {
      items.emplace_back(static_cast<keys::Kind>(k[keys::kTimeSize]),
                         keys::IdAt(k, keys::kTimeSize + 1));
      return true;
    });
    if (!s.ok()) return s;
  }
  for (const auto& [kind, id] : items) {
    Status s = kind == keys::Kind::kStatement ? b.AddStatement(id) : b.AddClaim(id);
    if (!s.ok()) return s;
  }
  return b.Finish(q.limit);
}

Result<std::vector<FactRow>> Facts(const Store& store, const FactQuery& q) {
  Docs docs(store);
  std::vector<FactRow> rows;
  std::vector<OrderKey> order;
  std::string subject = Fold(q.subject), relation = Fold(q.relation), object = Fold(q.object);
  auto matches = [](const StatementArg& a, const std::string& want) {
    if (want.empty()) return true;
    std::string t = Fold(a.text);
    return t.find(want) != std::string::npos || Fold(a.entity) == want;
  };
  Status s = store.Scan(Family::kStatements, "", "", [&](std::string_view k, std::string_view v) {
    auto st = DecodeStatement(v, "statements/" + keys::Hex(k));
    if (!st.ok() || st->kind != StatementRecord::kFact) return true;
    if (!matches(st->subject, subject) || !matches(st->object, object)) return true;
    if (!relation.empty() && Fold(st->relation_lemma) != relation &&
        Fold(st->relation_text).find(relation) == std::string::npos) {
      return true;
    }
    if (!q.range.Matches(st->time.anchor)) return true;
    FactRow row;
    row.statement = Id128::FromRaw(k);
    row.st = std::move(*st);
    OrderKey ok{keys::TimeKey(row.st.time.anchor), 0, "", 0};
    bool first = true;
    std::set<std::string> said_by;
    (void)store.ScanPrefix(Family::kByStatement, k, [&](std::string_view ck, std::string_view) {
      auto c = store.GetClaim(keys::IdAt(ck, keys::kIdSize));
      if (!c.ok() || !c->has_value()) return true;
      auto src = MakeSource(docs, **c);
      if (!src.ok()) return true;
      OrderKey o{ok.tk, 0, src->doc_id, (*c)->content.begin};
      if (first || o < ok) ok = o;
      first = false;
      said_by.insert((*c)->holder_kind == HolderKind::kDocument
                         ? (src->source.empty() ? src->doc_id : src->source)
                         : HolderName(**c));
      row.sources.push_back(std::move(*src));
      return true;
    });
    row.said_by.assign(said_by.begin(), said_by.end());
    rows.push_back(std::move(row));
    order.push_back(ok);
    return true;
  });
  if (!s.ok()) return s;
  std::vector<std::size_t> idx(rows.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(),
                   [&](std::size_t a, std::size_t b) { return order[a] < order[b]; });
  std::vector<FactRow> out;
  for (std::size_t i : idx) {
    if (q.limit > 0 && out.size() >= q.limit) break;
    out.push_back(std::move(rows[i]));
  }
  return out;
}

Result<EntityReport> DescribeEntity(const Store& store, std::string_view name) {
  auto refs = ResolveEntities(store, name);
  if (!refs.ok()) return refs.status();
  if (refs->empty()) return Status::NotFound("no entity matches '" + std::string(name) + "'");
  std::vector<EntityRef> best;
  for (const EntityRef& r : *refs) {
    if (r.exact == refs->front().exact) best.push_back(r);
  }
  if (best.size() > 1) {
    std::string list;
    for (const EntityRef& r : best) list += "\n  " + r.id + " (" + r.name + ")";
    return Status::InvalidArgument("'" + std::string(name) + "' matches " +
                                   std::to_string(best.size()) +
                                   " entities; use one of these ids:" + list);
  }
  EntityReport rep;
  rep.ref = best.front();
  auto rec = store.GetEntity(rep.ref.key);
  if (!rec.ok()) return rec.status();
  if (!rec->has_value()) return Status::NotFound("entity " + rep.ref.id + " has no record");
  rep.record = std::move(**rec);
  // The names and roles of the entities merged into it.
  for (const Id128& m : rep.ref.members) {
    if (m == rep.ref.key) continue;
    auto mr = store.GetEntity(m);
    if (!mr.ok()) return mr.status();
    if (!mr->has_value()) continue;
    rep.merged.push_back((*mr)->id);
    rep.record.aliases.push_back((*mr)->name);
    for (std::string& a : (*mr)->aliases) rep.record.aliases.push_back(std::move(a));
    for (RoleRecord& r : (*mr)->roles) {
      if (std::find(rep.record.roles.begin(), rep.record.roles.end(), r) ==
          rep.record.roles.end()) {
        rep.record.roles.push_back(std::move(r));
      }
    }
  }
  std::sort(rep.merged.begin(), rep.merged.end());
  {
    auto& al = rep.record.aliases;
    std::sort(al.begin(), al.end());
    al.erase(std::unique(al.begin(), al.end()), al.end());
    std::string folded = Fold(rep.record.name);
    std::erase_if(al, [&](const std::string& a) { return Fold(a) == folded; });
  }
  Docs docs(store);
  // Roles with their dates: one row per (title, organisation).
  {
    EntityNames names(store);
    std::map<std::pair<std::string, std::string>, std::size_t> at;
    for (const RoleRecord& r : rep.record.roles) {
      std::string org = r.org.empty() ? "" : names.Of(ids::Entity(r.org)).id;
      if (org.empty()) org = r.org;
      auto key = std::make_pair(Fold(r.title), org);
      auto it = at.find(key);
      if (it == at.end()) {
        EntityReport::Role role;
        role.title = r.title;
        role.org = org;
        if (!org.empty()) role.org_name = names.Of(ids::Entity(org)).name;
        it = at.emplace(key, rep.roles.size()).first;
        rep.roles.push_back(std::move(role));
      }
      EntityReport::Role& role = rep.roles[it->second];
      if (r.as_of) {
        if (!role.first_seen || *r.as_of < *role.first_seen) role.first_seen = r.as_of;
        if (!role.last_seen || *r.as_of > *role.last_seen) role.last_seen = r.as_of;
      }
      if (!r.doc.IsZero()) {
        auto d = docs.Get(r.doc);
        if (!d.ok()) return d.status();
        if (std::find(role.docs.begin(), role.docs.end(), (*d)->id) == role.docs.end()) {
          role.docs.push_back((*d)->id);
        }
      }
      if (!r.text.empty() &&
          std::find(role.texts.begin(), role.texts.end(), r.text) == role.texts.end()) {
        role.texts.push_back(r.text);
      }
    }
    std::stable_sort(rep.roles.begin(), rep.roles.end(), [](const auto& a, const auto& b) {
      return a.first_seen.has_value() && (!b.first_seen || *a.first_seen < *b.first_seen);
    });
  }
  // Mentions, with the text of each span.
  std::map<Id128, EntityReport::DocMentions> by_doc;
  for (const Id128& member : rep.ref.members) {
    std::vector<std::pair<Id128, MentionRecord>> found;
    Status s = store.ScanPrefix(Family::kMentions, member.raw(),
                                [&](std::string_view k, std::string_view v) {
                                  auto m = DecodeMention(v, "mentions/" + keys::Hex(k));
                                  if (m.ok()) found.emplace_back(keys::IdAt(k, keys::kIdSize), *m);
                                  return true;
                                });
    if (!s.ok()) return s;
    for (auto& [dk, m] : found) {
      auto d = store.GetDoc(dk);
      if (!d.ok()) return d.status();
      EntityReport::DocMentions& dm = by_doc[dk];
      if (d->has_value()) {
        dm.doc_id = (*d)->id;
        dm.title = (*d)->title;
        dm.date = (*d)->date_text;
      } else {
        dm.doc_id = "(missing document " + dk.Hex() + ")";
      }
      for (const Span& sp : m.spans) dm.spans.push_back(sp);
    }
  }
  for (auto& [dk, dm] : by_doc) {
    std::sort(dm.spans.begin(), dm.spans.end());
    dm.spans.erase(std::unique(dm.spans.begin(), dm.spans.end()), dm.spans.end());
    auto d = store.GetDoc(dk);
    if (!d.ok()) return d.status();
    std::string_view text = d->has_value() ? std::string_view((*d)->text) : std::string_view();
    for (const Span& sp : dm.spans) {
      dm.surfaces.push_back(sp.begin <= sp.end && sp.end <= text.size()
                                ? std::string(text.substr(sp.begin, sp.end - sp.begin))
                                : std::string());
    }
    dm.count = dm.spans.size();
    rep.documents.push_back(std::move(dm));
  }
  std::sort(rep.documents.begin(), rep.documents.end(), [](const auto& a, const auto& b) {
    return std::tie(a.date, a.doc_id) < std::tie(b.date, b.doc_id);
  });
  // What it said, what was said about it.
  std::vector<Id128> said_keys, about_keys;
  for (const Id128& member : rep.ref.members) {
    Status s = store.ScanPrefix(
        Family::kByHolder, member.raw(), [&](std::string_view k, std::string_view) {
          said_keys.push_back(keys::IdAt(k, keys::kIdSize + keys::kTimeSize));
          return true;
        });
    if (!s.ok()) return s;
    s = store.ScanPrefix(
        Family::kByEntityTime, member.raw(), [&](std::string_view k, std::string_view) {
          if (static_cast<keys::Kind>(k[keys::kIdSize + keys::kTimeSize]) == keys::Kind::kAbout) {
            about_keys.push_back(keys::IdAt(k, keys::kIdSize + keys::kTimeSize + 1));
          }
          return true;
        });
    if (!s.ok()) return s;
  }
  // A claim about one member that another member made is not "about" it.
  {
    std::set<Id128> mine(rep.ref.members.begin(), rep.ref.members.end());
    std::erase_if(about_keys, [&](const Id128& ck) {
      auto c = store.GetClaim(ck);
      return c.ok() && c->has_value() && (*c)->holder_kind == HolderKind::kEntity &&
             mine.count((*c)->holder) != 0;
    });
  }
  auto all = [](const ClaimRecord&) { return true; };
  auto said = GroupSaid(store, docs, said_keys, all);
  if (!said.ok()) return said.status();
  rep.said = std::move(*said);
  auto about = GroupSaid(store, docs, about_keys, all);
  if (!about.ok()) return about.status();
  rep.about = std::move(*about);
  TimelineQuery tq;
  tq.about = rep.ref.id;
  auto tl = BuildTimeline(store, tq);
  if (!tl.ok()) return tl.status();
  rep.timeline = std::move(*tl);
  return rep;
}

Result<GraphView> BuildGraph(const Store& store, const GraphQuery& q) {
  Docs docs(store);
  GraphView g;
  EntityNames names(store);                   // nodes are canonical entities (merges followed)
  std::map<std::string, std::size_t> degree;  // entity id -> edges
  std::unordered_set<Id128, Id128Hash> statements, claims;

  // Which statements and claims to draw.
  if (q.about.empty()) {
    Status s = store.Scan(Family::kByTime, "", "", [&](std::string_view k, std::string_view) {
      auto kind = static_cast<keys::Kind>(k[keys::kTimeSize]);
      Id128 id = keys::IdAt(k, keys::kTimeSize + 1);
      (kind == keys::Kind::kStatement ? statements : claims).insert(id);
      return true;
    });
    if (!s.ok()) return s;
    // Facts without a time are in no time index: take them from spo.
    s = store.Scan(Family::kSpo, "", "", [&](std::string_view k, std::string_view) {
      statements.insert(keys::IdAt(k, 3 * keys::kIdSize));
      return true;
    });
    if (!s.ok()) return s;
    // Undated speech acts are in by_time under the undated key already.
  } else {
    auto about = ResolveEntities(store, q.about);
    if (!about.ok()) return about.status();
    if (about->empty()) return Status::NotFound("no entity matches '" + q.about + "'");
    std::deque<std::pair<Id128, int>> frontier;
    std::unordered_set<Id128, Id128Hash> visited;
    for (const EntityRef& e : *about) {
      for (const Id128& m : e.members) {
        frontier.emplace_back(m, 0);
        visited.insert(m);
      }
    }
    while (!frontier.empty()) {
      auto [ek, depth] = frontier.front();
      frontier.pop_front();
      std::vector<Id128> next;
      Status s = store.ScanPrefix(
          Family::kByEntityTime, ek.raw(), [&](std::string_view k, std::string_view) {
            auto kind = static_cast<keys::Kind>(k[keys::kIdSize + keys::kTimeSize]);
            Id128 id = keys::IdAt(k, keys::kIdSize + keys::kTimeSize + 1);
            if (kind == keys::Kind::kStatement) {
              statements.insert(id);
            } else {
              claims.insert(id);
            }
            return true;
          });
      if (!s.ok()) return s;
      if (depth + 1 >= q.depth + 1) continue;
      // Neighbours: the other entities of those statements and claims.
      for (const Id128& sk : statements) {
        auto st = store.GetStatement(sk);
        if (!st.ok() || !st->has_value()) continue;
        for (const StatementArg* a : {&(*st)->subject, &(*st)->object}) {
          if (a->entity.empty()) continue;
          Id128 n = ids::Entity(a->entity);
          if (visited.insert(n).second) next.push_back(n);
        }
      }
      for (const Id128& ck : claims) {
        auto c = store.GetClaim(ck);
        if (!c.ok() || !c->has_value()) continue;
        if ((*c)->holder_kind == HolderKind::kEntity && visited.insert((*c)->holder).second) {
          next.push_back((*c)->holder);
        }
        for (const Id128& a : (*c)->about) {
          if (visited.insert(a).second) next.push_back(a);
        }
      }
      for (const Id128& n : next) frontier.emplace_back(n, depth + 1);
    }
  }

  // Facts.
  std::vector<Id128> st_sorted(statements.begin(), statements.end());
  std::sort(st_sorted.begin(), st_sorted.end());
  for (const Id128& sk : st_sorted) {
    auto st = store.GetStatement(sk);
    if (!st.ok()) return st.status();
    if (!st->has_value() || (*st)->kind != StatementRecord::kFact) continue;
    const StatementRecord& rec = **st;
    if (!q.range.Matches(rec.time.anchor) || rec.subject.entity.empty()) continue;
    GraphView::FactEdge e;
    e.subject = names.Of(ids::Entity(rec.subject.entity)).id;
    if (e.subject.empty()) e.subject = rec.subject.entity;
    if (!rec.object.entity.empty()) {
      e.object = names.Of(ids::Entity(rec.object.entity)).id;
      if (e.object.empty()) e.object = rec.object.entity;
    }
    e.object_text = rec.object.text;
    e.relation = rec.relation_text;
    e.time = rec.time;
    e.polarity = rec.polarity;
    e.modality = rec.modality;
    (void)store.ScanPrefix(Family::kByStatement, sk.raw(),
                           [&](std::string_view k, std::string_view) {
                             auto c = store.GetClaim(keys::IdAt(k, keys::kIdSize));
                             if (c.ok() && c->has_value()) {
                               auto src = MakeSource(docs, **c);
                               if (src.ok()) e.sources.push_back(std::move(*src));
                             }
                             return true;
                           });
    ++degree[e.subject];
    if (!e.object.empty()) ++degree[e.object];
    g.facts.push_back(std::move(e));
  }
  // Said edges (speech claims with a resolved speaker), grouped.
  std::vector<Id128> cl_sorted(claims.begin(), claims.end());
  std::sort(cl_sorted.begin(), cl_sorted.end());
  auto rows = GroupSaid(store, docs, cl_sorted, [&](const ClaimRecord& c) {
    return c.holder_kind == HolderKind::kEntity && q.range.Matches(c.date.anchor);
  });
  if (!rows.ok()) return rows.status();
  for (SaidRow& r : *rows) {
    if (r.speaker_id.empty()) continue;
    GraphView::SaidEdge e;
    e.speaker = r.speaker_id;
    e.content = r.content;
    e.cue = r.cue;
    e.kind = r.kind;
    e.date = r.date;
    e.statement_time = r.statement_time;
    e.sources = std::move(r.sources);
    e.about = std::move(r.about);
    ++degree[e.speaker];
    for (const std::string& a : e.about) ++degree[a];
    g.said.push_back(std::move(e));
  }
  // Nodes, trimmed to the best-connected max_nodes.
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& [id, n] : degree) ranked.emplace_back(n, id);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::set<std::string> keep;
  std::string about_id;
  if (!q.about.empty()) {
    auto about = ResolveEntities(store, q.about);
    if (about.ok() && !about->empty()) about_id = about->front().id;
  }
  if (!about_id.empty()) keep.insert(about_id);
  for (const auto& [n, id] : ranked) {
    if (q.max_nodes > 0 && keep.size() >= q.max_nodes) break;
    keep.insert(id);
  }
  for (const std::string& id : keep) {
    auto e = store.GetEntity(ids::Entity(id));
    if (!e.ok()) return e.status();
    if (!e->has_value()) continue;
    GraphView::Node node;
    node.id = id;
    node.name = (*e)->name;
    node.type = (*e)->type;
    for (const RoleRecord& r : (*e)->roles) {
      std::string role = r.title;
      if (!r.org.empty()) {
        auto org = store.GetEntity(ids::Entity(r.org));
        role += " of " + ((org.ok() && org->has_value()) ? (*org)->name : r.org);
      }
      if (r.as_of) role += " (" + FormatDay(*r.as_of) + ")";
      if (std::find(node.roles.begin(), node.roles.end(), role) == node.roles.end()) {
        node.roles.push_back(role);
      }
    }
    g.nodes.push_back(std::move(node));
  }
  std::erase_if(g.facts, [&](const GraphView::FactEdge& e) {
    return keep.count(e.subject) == 0 || (!e.object.empty() && keep.count(e.object) == 0);
  });
  std::erase_if(g.said, [&](const GraphView::SaidEdge& e) { return keep.count(e.speaker) == 0; });
  return g;
}

}  // namespace tkg
