// JSON forms of query results (graph/query.h), shared by `--json` output of
// the CLI and by the JSON exports. Keys keep a fixed, documented order
// (nlohmann::ordered_json); enums are written as their names; times as
// {"value", "begin", "end", "granularity", "basis"} with inclusive ISO days.

#ifndef TKG_EXPORT_JSON_VIEWS_H_
#define TKG_EXPORT_JSON_VIEWS_H_

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "graph/query.h"

namespace tkg {

using ojson = nlohmann::ordered_json;

// {"value": "2008", "begin": "2008-01-01", "end": "2008-12-31",
//  "granularity": "year", "basis": "explicit"}; null when the value is empty.
// "begin"/"end" are present only when the anchor has an interval
// ("FUTURE_REF" has none).
ojson TimeToJson(const DatedAnchor& t);

// The forms below write every string as valid UTF-8 (ill-formed bytes become
// U+FFFD), so any dump() error handler works, and round confidences to two
// decimals.

// {"doc", "title"?, "url"?, "source"?, "date", "span": [b, e],
//  "evidence": [[b, e]...], "rule", "confidence"}; empty title, url and source
// are left out.
ojson SourceToJson(const Source& s);

// {"date": TimeToJson, "speaker", "speaker_id" (null if none), "speaker_text",
//  "kind", "cue", "content", "statement_time"? (the statement's own time,
//  when it has one), "about": [ids], "confidence", "sources": [...]}.
ojson SaidRowToJson(const SaidRow& r);

// {"type", "time", "title", "text", "speaker"?, "speaker_id"? (when set),
//  "subject", "relation", "object" (facts only), "polarity", "modality",
//  "entities": [{"id", "name"}], "said_by": [...], "sources": [...]}.
ojson TimelineEventToJson(const TimelineEvent& e);

// {"id" (statement, hex), "subject", "subject_id" (null if no entity),
//  "relation" (lemma), "relation_text", "object", "object_id",
//  "args": [{"role", "text"}], "polarity", "modality", "time", "said_by",
//  "sources"}.
ojson FactRowToJson(const FactRow& f);

// {"id", "type", "name", "aliases", "roles": [{"title", "org" (null if none),
//  "text", "as_of" (ISO day or null), "doc" (hex or null)}] (one per document
//  that states a role), "role_history": [{"title", "org", "org_name",
//  "first_seen", "last_seen", "documents", "texts"}] (one per title and
//  organisation), "merged": [ids of the entities merged into it], "documents":
//  [{"doc", "title", "date", "mentions", "surfaces", "spans": [{"begin",
//  "end", "text"}]}], "said": [SaidRow...],
//  "about": [SaidRow...], "timeline": {"events": [...], "undated": [...]}}.
ojson EntityReportToJson(const EntityReport& r);

// tkg's own JSON timeline (docs/formats.md, "JSON timeline"):
// {"format": "tkg-timeline", "version": 1, "title": ..., "events": [...dated],
//  "undated": [...]}. Every event carries its granularity, sources and
// speakers.
ojson TimelineToJson(const Timeline& t, const std::string& title);

}  // namespace tkg

#endif  // TKG_EXPORT_JSON_VIEWS_H_
