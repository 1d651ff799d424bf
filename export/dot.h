// GraphViz DOT export of a GraphView: entities as nodes (shape and colour by
// type), facts as labelled edges subject -> object with their date, and
// claims as speaker -> statement edges labelled "said · date" (the statement
// is a box node holding the words). Output is deterministic and valid input
// for dot, neato and sfdp; every label is escaped (quotes, backslashes,
// newlines, <, &, non-ASCII kept as UTF-8).

#ifndef TKG_EXPORT_DOT_H_
#define TKG_EXPORT_DOT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "core/status.h"
#include "graph/query.h"

namespace tkg {

struct DotOptions {
  // Graph title (the label at the top).
  // Default: "tkg"
  std::string title = "tkg";

  // Statement labels longer than this many characters are cut with "…".
  // Default: 80
  std::size_t max_label = 80;

  // Statement labels are wrapped at spaces onto lines of about this many
  // characters, so that boxes stay compact in every layout. 0: one line.
  // Default: 30
  std::size_t wrap_width = 30;

  // Said statements drawn inside boxes (Graphviz clusters): kDocument, one
  // per document (a statement's first source, labelled with its id and
  // title); kYear, one per year of its date ("undated" for the rest).
  // Entities stay outside, since they belong to many. neato and sfdp ignore
  // clusters; the output stays valid for them.
  // Default: kNone
  enum class Cluster { kNone, kDocument, kYear };
  Cluster cluster = Cluster::kNone;
};

// Writes the whole graph to `out`: entity nodes in the order given, then the
// facts ("o1", "o2"... note nodes for objects that are no entity), then the
// statements ("s1", "s2"... box nodes, in the order given). An edge endpoint
// that names no node of `g` gets a plain node labelled with its id; an edge
// without a subject or speaker is left out. Edge labels show a date's TIMEX3
// value only when it names an interval ("2008", "2022-11-29"; not
// "XXXX-XX-XX"). Returns IoError when `out` fails.
Status WriteDot(const GraphView& g, const DotOptions& options, std::ostream& out);

// `s` as a DOT double-quoted string, with the quotes: "a \"b\"\nc".
// Backslash and double quote are escaped, a newline becomes \n (a centred
// line break), '\r' is dropped, a tab becomes a space, other control
// characters are dropped and ill-formed UTF-8 becomes U+FFFD. '&' is written
// "&amp;" because Graphviz decodes HTML entities in ordinary labels: a label
// holding "&amp;" or "&lt;" then renders literally. Valid UTF-8 is kept as is.
// Graphviz rejects a quoted string over 16384 bytes, so a longer text is
// written as pieces joined by DOT's concatenation: "..." + "...".
std::string DotQuote(std::string_view s);

}  // namespace tkg

#endif  // TKG_EXPORT_DOT_H_
