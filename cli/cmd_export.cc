// tkg export FORMAT: the graph or the timeline as a file.
//   dot         GraphViz source (valid for dot, neato, sfdp)
//   svg, png    rendered through Graphviz's dot program
//   gexf        GEXF 1.3 with start/end days, for Gephi's timeline
//   nquads      N-Quads: every claim a named graph, with its provenance
//   timeline    tkg's own JSON timeline (every dated event, its granularity,
//               sources and speakers)
//   timelinejs  TimelineJS3 JSON (a curated top N)
//   vis         vis-timeline items and groups (JSON)
//   csv         the timeline as CSV
//   html        the offline viewer: timeline, who-said-what-when table, graph

#include <algorithm>
#include <set>
#include <sstream>

#include "cli/command.h"
#include "cli/output.h"
#include "export/dot.h"
#include "export/gexf.h"
#include "export/html.h"
#include "export/json_views.h"
#include "export/nquads.h"
#include "export/render.h"
#include "export/timeline_formats.h"
#include "export/timelinejs.h"

namespace tkg::cli {
namespace {

constexpr const char* kFormats =
    "dot, svg, png, gexf, nquads, timeline, timelinejs, vis, csv, html";

bool KnownFormat(const std::string& f) {
  for (const char* k :
       {"dot", "svg", "png", "gexf", "nquads", "timeline", "timelinejs", "vis", "csv", "html"}) {
    if (f == k) return true;
  }
  return false;
}

// The entity ids `about` names (all of them when the name is ambiguous);
// empty when `about` is empty.
Result<std::set<std::string>> AboutIds(const Store& store, const std::string& about) {
  std::set<std::string> ids;
  if (about.empty()) return ids;
  auto refs = ResolveEntities(store, about);
  if (!refs.ok()) return refs.status();
  if (refs->empty()) return Status::NotFound("no entity matches '" + about + "'");
  for (const EntityRef& r : *refs) ids.insert(r.id);
  return ids;
}

// Who said what when, for the exports: every row in the range, or with
// --about the rows whose speaker is the entity or whose content mentions it.
Result<std::vector<SaidRow>> SaidFor(const Store& store, const std::set<std::string>& about,
                                     const DateRange& range) {
  SaidQuery q;
  q.range = range;
  auto rows = Said(store, q);
  if (!rows.ok() || about.empty()) return rows;
  std::erase_if(*rows, [&](const SaidRow& r) {
    if (about.count(r.speaker_id) > 0) return false;
    return std::none_of(r.about.begin(), r.about.end(),
                        [&](const std::string& a) { return about.count(a) > 0; });
  });
  return rows;
}

Result<std::vector<FactRow>> FactsFor(const Store& store, const std::set<std::string>& about,
                                      const DateRange& range) {
  FactQuery q;
  q.range = range;
  auto rows = Facts(store, q);
  if (!rows.ok() || about.empty()) return rows;
  std::erase_if(*rows, [&](const FactRow& f) {
    return about.count(f.st.subject.entity) == 0 && about.count(f.st.object.entity) == 0;
  });
  return rows;
}

Status RunExport(const Flags& flags) {
  if (flags.positional().size() != 1) {
    return Status::Usage(std::string("give one format: ") + kFormats);
  }
  std::string format = flags.positional()[0];
  if (!KnownFormat(format)) {
    return Status::Usage("unknown export format '" + format + "' (" + kFormats + ")");
  }
  auto range = RangeFromFlags(flags);
  if (!range.ok()) return range.status();
  auto depth = flags.GetInt("depth", 1, 0, 10);
  if (!depth.ok()) return depth.status();
  auto max_nodes = flags.GetInt("max-nodes", 0, 0, 1000000);
  if (!max_nodes.ok()) return max_nodes.status();
  auto max_events = flags.GetInt("max-events", 20, 0, 1000000);
  if (!max_events.ok()) return max_events.status();
  std::string group_by = flags.Get("group-by", "speaker");
  if (group_by != "speaker" && group_by != "entity" && group_by != "type") {
    return Status::Usage("--group-by must be speaker, entity or type");
  }
  std::string cluster = flags.Get("cluster", "");
  if (cluster != "" && cluster != "doc" && cluster != "year") {
    return Status::Usage("--cluster must be doc or year");
  }
  std::string about = flags.Get("about");
  std::string title = flags.Get("title", about.empty() ? "tkg" : "tkg: " + about);
  std::string out = flags.Get("output", "-");
  if (format == "png" && out == "-" && StdoutIsTerminal()) {
    return Status::Usage("a PNG goes to a file: add -o FILE.png");
  }

  auto store = OpenForQuery(flags);
  if (!store.ok()) return store.status();

  TimelineQuery tq;
  tq.about = about;
  tq.range = *range;
  if (format == "timeline" || format == "timelinejs" || format == "vis" || format == "csv") {
    auto t = BuildTimeline(**store, tq);
    if (!t.ok()) return t.status();
    if (format == "csv") return WriteOutput(out, TimelineCsv(*t));
    ojson j;
    if (format == "timeline") {
      j = TimelineToJson(*t, title);
    } else if (format == "vis") {
      j = VisTimeline(*t, group_by);
    } else {
      TimelineJsOptions o;
      o.title = title;
      o.max_events = static_cast<std::size_t>(*max_events);
      o.group_by = group_by;
      j = TimelineJs(*t, o);
    }
    return WriteOutput(out, j.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n");
  }

  GraphQuery gq;
  gq.about = about;
  gq.depth = static_cast<int>(*depth);
  gq.range = *range;
  gq.max_nodes = static_cast<std::size_t>(*max_nodes);
  auto g = BuildGraph(**store, gq);
  if (!g.ok()) return g.status();

  if (format == "gexf") {
    GexfOptions o;
    o.title = title;
    std::ostringstream s;
    TKG_RETURN_IF_ERROR(WriteGexf(*g, o, s));
    return WriteOutput(out, s.str());
  }
  auto about_ids = AboutIds(**store, about);
  if (!about_ids.ok()) return about_ids.status();
  if (format == "nquads") {
    RdfInput in;
    in.entities = std::move(g->nodes);
    auto said = SaidFor(**store, *about_ids, *range);
    if (!said.ok()) return said.status();
    in.said = std::move(*said);
    auto facts = FactsFor(**store, *about_ids, *range);
    if (!facts.ok()) return facts.status();
    in.facts = std::move(*facts);
    std::ostringstream s;
    TKG_RETURN_IF_ERROR(WriteNQuads(in, s));
    return WriteOutput(out, s.str());
  }

  DotOptions dopt;
  dopt.title = title;
  dopt.cluster = cluster == "doc"    ? DotOptions::Cluster::kDocument
                 : cluster == "year" ? DotOptions::Cluster::kYear
                                     : DotOptions::Cluster::kNone;
  std::ostringstream dot;
  TKG_RETURN_IF_ERROR(WriteDot(*g, dopt, dot));
  if (format == "dot") return WriteOutput(out, dot.str());
  if (format == "svg" || format == "png") {
    auto rendered = RenderDot(dot.str(), format);
    if (!rendered.ok()) return rendered.status();
    return WriteOutput(out, *rendered);
  }

  // html
  HtmlInput in;
  in.title = title;
  auto said = SaidFor(**store, *about_ids, *range);
  if (!said.ok()) return said.status();
  in.said = std::move(*said);
  auto t = BuildTimeline(**store, tq);
  if (!t.ok()) return t.status();
  in.timeline = std::move(*t);
  if (g->nodes.empty()) {
    in.svg_note = "nothing to draw";
  } else {
    auto svg = RenderDot(dot.str(), "svg");
    if (svg.ok()) {
      in.svg = std::move(*svg);
    } else {
      PrintWarning("the viewer has no graph: " + svg.status().message());
      in.svg_note = "no graph: " + svg.status().message();
    }
  }
  std::ostringstream s;
  TKG_RETURN_IF_ERROR(WriteHtml(in, s));
  return WriteOutput(out, s.str());
}

}  // namespace

Command ExportCommand() {
  return Command{"export",
                 "dot|svg|png|gexf|nquads|timeline|timelinejs|vis|csv|html [--about X] [-o FILE]",
                 "write the graph, the claims or the timeline as a file",
                 {{"output", true, "FILE", "write here instead of standard output", 'o'},
                  {"about", true, "X", "only this entity and its neighbourhood"},
                  {"depth", true, "N", "graph: hops from --about (default 1)"},
                  {"max-nodes", true, "N", "graph: keep the N best-connected entities"},
                  {"cluster", true, "C", "dot/svg/png/html: group statements by doc or year"},
                  {"max-events", true, "N", "timelinejs: at most N events (default 20; 0 = all)"},
                  {"group-by", true, "G",
                   "timelinejs, vis: group events by speaker (default), entity or type"},
                  {"title", true, "T", "title of the graph, timeline or viewer"},
                  FromFlag(),
                  ToFlag(),
                  DbFlag()},
                 RunExport};
}

}  // namespace tkg::cli
