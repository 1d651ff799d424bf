// TimelineJS3 export (https://timeline.knightlab.com/docs/json-format.html):
// {"title": {"text": {"headline", "text"}}, "events": [{"start_date": {"year",
// "month"?, "day"?}, "end_date"?, "text": {"headline", "text"}, "group",
// "unique_id"}]}. Dates keep the event's real precision: a year-grain event
// has only "year", a month-grain one "year" and "month"; seasons, quarters
// and weeks get start and end dates. Events without a date are left out
// (TimelineJS needs one). TimelineJS is built for about 20 slides, so the
// export keeps a curated top N.

#ifndef TKG_EXPORT_TIMELINEJS_H_
#define TKG_EXPORT_TIMELINEJS_H_

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "graph/query.h"

namespace tkg {

struct TimelineJsOptions {
  // Title slide headline.
  // Default: "tkg timeline"
  std::string title = "tkg timeline";

  // At most this many events: the most-sourced ones, then the most confident,
  // kept in chronological order. 0 keeps all.
  // Default: 20
  std::size_t max_events = 20;

  // What "group" shows: "speaker" (who said it; facts by subject), "entity"
  // (the first entity the event involves: a said event's speaker, a fact's
  // subject; "other" when none) or "type" (said / fact / statement).
  // Default: "speaker"
  std::string group_by = "speaker";
};

// The TimelineJS3 document of `t`'s dated events (those with an interval).
// Each slide's "headline" is "<speaker> <cue>" for said events, "<subject>
// <relation>" for facts, else the first ten words; its "text" is the content
// followed by who stated it and the sources as an HTML list (only http(s)
// URLs become links). All stored text is HTML-escaped (&, <, >, ", '), since
// TimelineJS inserts it as HTML. "unique_id" is "e<i>", i the event's index
// in t.dated, so an event keeps its id whatever the curation keeps.
nlohmann::ordered_json TimelineJs(const Timeline& t, const TimelineJsOptions& options);

}  // namespace tkg

#endif  // TKG_EXPORT_TIMELINEJS_H_
