// The offline HTML viewer (`tkg export html`): one self-contained file with
// no network access at all (no CDN, no fonts, no images to fetch). It holds
//   * the data as JSON in a <script type="application/json"> element (every
//     '<', '>' and '&' written as \u003c, \u003e, \u0026, so no text can end
//     the element);
//   * our own CSS and JavaScript, inline; the script builds the page from the
//     data with textContent and createElement only (never innerHTML), so a
//     hostile name or quotation is shown as text and never runs;
//   * the graph as inline SVG rendered by Graphviz (XML prolog and comments
//     removed), or a note saying why there is none.
// The page has three parts: a zoomable timeline (dated events placed on a
// time axis at their real precision: a year is a bar over the year; buttons
// and Ctrl+wheel zoom), with the undated events listed under it; a
// who-said-what-when table filtered by free text, speaker, kind and date as
// you type (the filters and the timeline's zoom are mirrored in the URL
// fragment, e.g. report.html#q=faster&kind=mixed&zoom=4, so a view can be
// linked); and the graph.

#ifndef TKG_EXPORT_HTML_H_
#define TKG_EXPORT_HTML_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/query.h"

namespace tkg {

struct HtmlInput {
  // The page title and heading.
  std::string title = "tkg";
  // The rows of the who-said-what-when table.
  std::vector<SaidRow> said;
  // The timeline (dated and undated events).
  Timeline timeline;
  // The graph as SVG (Graphviz output), or empty.
  std::string svg;
  // Shown in place of the graph when `svg` is empty.
  std::string svg_note = "no graph";
};

// Writes the viewer. Returns IoError when `out` fails.
Status WriteHtml(const HtmlInput& in, std::ostream& out);

// Graphviz SVG made fit for inlining in HTML: everything before "<svg"
// (XML prolog, DOCTYPE) and every comment removed. Empty when `svg` holds no
// <svg element.
std::string InlineSvg(std::string_view svg);

}  // namespace tkg

#endif  // TKG_EXPORT_HTML_H_
