// Two more forms of a Timeline: vis-timeline items (https://visjs.github.io/
// vis-timeline/docs/timeline/) and CSV for spreadsheets. tkg's own JSON
// timeline is TimelineToJson (json_views.h); TimelineJS3 is timelinejs.h.

#ifndef TKG_EXPORT_TIMELINE_FORMATS_H_
#define TKG_EXPORT_TIMELINE_FORMATS_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "graph/query.h"

namespace tkg {

// {"items": [{"id", "content", "title", "start", "end"?, "type", "group",
// "className"}], "groups": [{"id", "content"}]}, the two DataSets of a
// vis-timeline. Only dated events are items. A day is a "box" at its day
// ("start": "2022-11-29"); any coarser grain is a "range" from its first day
// to the day after its last ("2008" is 2008-01-01 to 2009-01-01), so a year
// is drawn as a year. `group_by` is "speaker" (said events by speaker, facts
// by subject, statements in "statements"), "entity" (the first entity the
// event involves) or "type". "id" is "e<i>", i the index in t.dated.
// "content" and "title" are HTML-escaped, since vis-timeline renders them as
// HTML.
nlohmann::ordered_json VisTimeline(const Timeline& t, std::string_view group_by);

// RFC 4180 CSV with a header line, one row per event, dated events first
// (chronological), then the undated ones. Columns: type, value, granularity,
// begin, end (inclusive days, empty when undated), title, text, speaker,
// cue, kind, subject, relation, object, polarity, modality, said_by
// ("; "-joined), sources (the number of documents), documents ("; "-joined
// ids). Fields holding a comma, a quote, CR or LF are quoted with quotes
// doubled; a text field that starts with = + - @ or a tab gets a leading
// apostrophe so that no spreadsheet runs it as a formula. Lines end in CRLF.
std::string TimelineCsv(const Timeline& t);

// One CSV field, quoted when needed (as TimelineCsv). `text` fields get the
// formula guard.
std::string CsvField(std::string_view s, bool text);

}  // namespace tkg

#endif  // TKG_EXPORT_TIMELINE_FORMATS_H_
