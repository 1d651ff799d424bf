// GEXF 1.3 export (https://gexf.net/) of a GraphView, for Gephi: a dynamic
// graph (mode="dynamic", timeformat="date") whose nodes and edges carry
// start and end days, so that Gephi's timeline slider shows the graph as it
// grows.
//
//   nodes  entities (id = entity id, label = name; attributes type and role;
//          a viz:color by type), statements ("s1", "s2"...: what a speaker
//          said, type "statement"; attribute time: the statement's own time,
//          "2008" for "a 2008 decision", while the node's start/end are the
//          day it was said) and object texts ("o1"...: a fact's object
//          that is no entity, type "text").
//   edges  facts subject -> object (label "relation · date"), said edges
//          speaker -> statement (label "said · date" or the cue), and
//          "mentions" edges statement -> entity; attributes kind, date,
//          granularity, polarity, modality, cue, sources; weight = number of
//          sources.
//
// A dated edge has start and end: the first and last day of its date's
// interval ("2008" is 2008-01-01 to 2008-12-31). A mentions edge takes its
// statement's. A node spans its dated edges (the earliest start to the latest
// end); a node or edge with no dated element has no start/end and is shown at
// every time. All text is XML-escaped (&, <, >, ", ', newlines as &#10;), so
// the file is well-formed whatever the names hold.

#ifndef TKG_EXPORT_GEXF_H_
#define TKG_EXPORT_GEXF_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "core/status.h"
#include "graph/query.h"

namespace tkg {

struct GexfOptions {
  // The graph's description in <meta>.
  // Default: "tkg"
  std::string title = "tkg";

  // Statement labels longer than this many characters are cut with "…".
  // Default: 120
  std::size_t max_label = 120;
};

// Returns IoError when `out` fails.
Status WriteGexf(const GraphView& g, const GexfOptions& options, std::ostream& out);

// `s` escaped for XML 1.0 element content and double-quoted attributes:
// valid UTF-8, control characters dropped (tab kept as a space), &<>"' as
// references, '\n' as "&#10;", U+FFFE and U+FFFF (not XML characters) as
// U+FFFD.
std::string XmlEscape(std::string_view s);

}  // namespace tkg

#endif  // TKG_EXPORT_GEXF_H_
