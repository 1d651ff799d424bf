// Queries over the store: who said what when, timelines, facts, entities and
// counts. Results are plain structs with names already resolved, so the CLI
// prints them and the exporters (export/) turn them into files without
// touching the store again.
//
// Name matching is forgiving: case, diacritics and quote variants are
// ignored ("kacer" finds "Rastislav Kačer"), a surname finds a person, and an
// entity id ("person/jens-stoltenberg") works too.
//
// Orders are stable: by time (coarser grain first at the same first day),
// then document, then position in the document.

#ifndef TKG_GRAPH_QUERY_H_
#define TKG_GRAPH_QUERY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/id.h"
#include "core/model.h"
#include "core/result.h"
#include "core/time_anchor.h"
#include "graph/records.h"
#include "graph/store.h"

namespace tkg {

struct EntityRef {
  Id128 key;
  std::string id;  // "person/jens-stoltenberg"
  std::string name;
  EntityType type = EntityType::kOther;
  bool exact = false;  // matched a whole name or alias, not a part of one
  // The stored entities merged into this one across documents, `key` first
  // (docs/storage_format.md, "Merging entities across documents"). Queries
  // about the entity read the index keys of all of them.
  std::vector<Id128> members;
};

// Entities whose name, alias, surname or id matches `name`; exact matches
// first. Empty when none matches. An entity merged into another across
// documents is reported as that one (with `members`), so "Stoltenberg"
// finds Jens Stoltenberg once, not twice.
Result<std::vector<EntityRef>> ResolveEntities(const Store& store, std::string_view name);

// Where a claim or statement was found.
struct Source {
  std::string doc_id;
  std::string title;
  std::string url;
  std::string source;          // publication name
  std::string date;            // publication date as given
  Span span;                   // evidence in the document's text
  std::vector<Span> evidence;  // further spans (headline, pull-quote)
  std::string rule;            // the rule or sieve that produced it
  float confidence = 0.0F;
};

// One statement said by one holder, with every document that reports it.
struct SaidRow {
  Id128 statement;
  Id128 holder;
  std::string speaker;       // canonical name, else the speaker as written, else ""
  std::string speaker_id;    // entity id, or ""
  std::string speaker_text;  // as written in the first source ("He")
  StoredClaimKind kind = StoredClaimKind::kIndirect;
  std::string cue;  // lemma
  std::string content;
  DatedAnchor date;
  // The statement's own time, when it has one ("a 2008 decision" said on
  // 2022-11-29 has 2008); empty value otherwise.
  DatedAnchor statement_time;
  std::vector<std::string> about;  // entity ids the content mentions
  std::vector<Source> sources;
  float confidence = 0.0F;  // the highest over the sources
};

struct DateRange {
  std::optional<date::sys_days> from;  // inclusive
  std::optional<date::sys_days> to;    // inclusive
  // True when an anchor's interval overlaps [from, to]; undated anchors never
  // match a bounded range.
  bool Matches(const TimeAnchor& a) const;
  bool bounded() const { return from.has_value() || to.has_value(); }
};

struct SaidQuery {
  std::string who;    // speaker name (forgiving); empty: anyone
  std::string about;  // entity the content mentions; empty: anything
  DateRange range;
  std::optional<ClaimKind> kind;
  std::string cue;        // cue lemma ("say", "accuse"); empty: any
  std::size_t limit = 0;  // 0: no limit
};

// Fails with NotFound naming the speaker or topic when no entity matches.
Result<std::vector<SaidRow>> Said(const Store& store, const SaidQuery& q);

struct TimelineEvent {
  enum class Type { kSaid, kFact, kStatement };
  Type type = Type::kStatement;
  Id128 id;  // claim id (kSaid) or statement id
  DatedAnchor time;
  std::string title;                // one line: "NATO ministers confirmed: a 2008 decision ..."
  std::string text;                 // the statement's own words
  std::string speaker, speaker_id;  // kSaid, or who stated it
  std::string cue;                  // kSaid: the reporting words as written ("called on")
  StoredClaimKind claim_kind = StoredClaimKind::kIndirect;  // kSaid
  std::string subject, relation, object;                    // kFact
  std::vector<std::string> entities;                        // entity ids involved
  std::vector<std::string> entity_names;                    // their names, same order
  Polarity polarity = Polarity::kPositive;
  Modality modality = Modality::kAsserted;
  std::vector<Source> sources;
  std::vector<std::string> said_by;  // for statements: who stated them ("NATO ministers")
};
std::string_view TimelineEventTypeName(TimelineEvent::Type t);
// The name (else the id) of the first entity the event involves; "other" when
// none (the group of an event when timelines group by entity).
std::string FirstEntityOf(const TimelineEvent& e);

struct TimelineQuery {
  std::string about;  // entity (forgiving); empty: everything
  DateRange range;
  std::size_t limit = 0;  // dated events; 0: no limit
};

struct Timeline {
  std::vector<TimelineEvent> dated;    // chronological
  std::vector<TimelineEvent> undated;  // events without a time of their own
};

Result<Timeline> BuildTimeline(const Store& store, const TimelineQuery& q);

struct FactRow {
  Id128 statement;
  StatementRecord st;
  std::vector<Source> sources;
  std::vector<std::string> said_by;  // holders: speakers, or the publication
};

struct FactQuery {
  std::string subject, relation, object;  // forgiving matches; empty: any
  DateRange range;
  std::size_t limit = 0;
};

Result<std::vector<FactRow>> Facts(const Store& store, const FactQuery& q);

struct EntityReport {
  EntityRef ref;
  // The canonical entity's record, with the names, aliases and roles of the
  // entities merged into it added (aliases exclude the name).
  EntityRecord record;
  // The ids of the entities merged into it ("person/stoltenberg"), sorted.
  std::vector<std::string> merged;
  // A role (title + organisation) over every document that states it.
  struct Role {
    std::string title;
    std::string org;                                      // entity id, or ""
    std::string org_name;                                 // its name, or ""
    std::optional<date::sys_days> first_seen, last_seen;  // publication dates
    std::vector<std::string> docs;                        // document ids, by date
    std::vector<std::string> texts;                       // as written, distinct
  };
  std::vector<Role> roles;  // by first seen date
  struct DocMentions {
    std::string doc_id, title, date;
    std::size_t count = 0;
    std::vector<Span> spans;            // every mention, in text order
    std::vector<std::string> surfaces;  // the text of each span (same order)
  };
  std::vector<DocMentions> documents;
  std::vector<SaidRow> said;   // what it said
  std::vector<SaidRow> about;  // what was said about it
  Timeline timeline;
};

// NotFound when nothing matches; InvalidArgument listing the candidates when
// the name is ambiguous (several people share the surname).
Result<EntityReport> DescribeEntity(const Store& store, std::string_view name);

// A graph for exports: entities, facts and claims, filtered.
struct GraphQuery {
  std::string about;  // entity and its neighbourhood; empty: everything
  int depth = 1;      // hops from `about`
  DateRange range;
  std::size_t max_nodes = 0;  // 0: no limit
};

struct GraphView {
  struct Node {
    std::string id;  // entity id
    std::string name;
    EntityType type = EntityType::kOther;
    std::vector<std::string> roles;  // "Secretary-General of NATO (2022-11-29)"
  };
  struct FactEdge {
    std::string subject, object;  // entity ids; an object that is no entity is
    std::string object_text;      // kept as text (object empty)
    std::string relation;
    DatedAnchor time;
    Polarity polarity = Polarity::kPositive;
    Modality modality = Modality::kAsserted;
    std::vector<Source> sources;
  };
  struct SaidEdge {
    std::string speaker;  // entity id
    std::string content;
    std::string cue;
    StoredClaimKind kind = StoredClaimKind::kIndirect;
    DatedAnchor date;
    DatedAnchor statement_time;      // the statement's own time, if any (SaidRow)
    std::vector<std::string> about;  // entity ids the content mentions
    std::vector<Source> sources;
  };
  std::vector<Node> nodes;
  std::vector<FactEdge> facts;
  std::vector<SaidEdge> said;
};

Result<GraphView> BuildGraph(const Store& store, const GraphQuery& q);

}  // namespace tkg

#endif  // TKG_GRAPH_QUERY_H_
