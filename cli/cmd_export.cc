// tkg export FORMAT: the graph or the timeline as a file.
//   dot         GraphViz source (valid for dot, neato, sfdp)
//   svg, png    rendered through Graphviz's dot program
//   timeline    tkg's own JSON timeline (every dated event, its granularity,
//               sources and speakers)
//   timelinejs  TimelineJS3 JSON (a curated top N)

#include <sstream>

#include "cli/command.h"
#include "cli/output.h"
#include "export/dot.h"
#include "export/json_views.h"
#include "export/render.h"
#include "export/timelinejs.h"

namespace tkg::cli {
namespace {

Status RunExport(const Flags& flags) {
  if (flags.positional().size() != 1) {
    return Status::Usage("give one format: dot, svg, png, timeline or timelinejs");
  }
  std::string format = flags.positional()[0];
  if (format != "dot" && format != "svg" && format != "png" && format != "timeline" &&
      format != "timelinejs") {
    return Status::Usage("unknown export format '" + format +
                         "' (dot, svg, png, timeline, timelinejs)");
  }
  auto range = RangeFromFlags(flags);
  if (!range.ok()) return range.status();
  auto depth = flags.GetInt("depth", 1, 0, 10);
  if (!depth.ok()) return depth.status();
  auto max_nodes = flags.GetInt("max-nodes", 0, 0, 1000000);
  if (!max_nodes.ok()) return max_nodes.status();
  auto max_events = flags.GetInt("max-events", 20, 0, 1000000);
  if (!max_events.ok()) return max_events.status();
  std::string about = flags.Get("about");
  std::string title = flags.Get("title", about.empty() ? "tkg" : "tkg: " + about);
  std::string out = flags.Get("output", "-");
  if (format == "png" && out == "-" && StdoutIsTerminal()) {
    return Status::Usage("a PNG goes to a file: add -o FILE.png");
  }

  auto store = OpenForQuery(flags);
  if (!store.ok()) return store.status();

  if (format == "timeline" || format == "timelinejs") {
    TimelineQuery q;
    q.about = about;
    q.range = *range;
    auto t = BuildTimeline(**store, q);
    if (!t.ok()) return t.status();
    ojson j;
    if (format == "timeline") {
      j = TimelineToJson(*t, title);
    } else {
      TimelineJsOptions o;
      o.title = title;
      o.max_events = static_cast<std::size_t>(*max_events);
      o.group_by = flags.Get("group-by", "speaker");
      if (o.group_by != "speaker" && o.group_by != "type") {
        return Status::Usage("--group-by must be speaker or type");
      }
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
  DotOptions dopt;
  dopt.title = title;
  std::ostringstream dot;
  TKG_RETURN_IF_ERROR(WriteDot(*g, dopt, dot));
  if (format == "dot") return WriteOutput(out, dot.str());
  auto rendered = RenderDot(dot.str(), format);
  if (!rendered.ok()) return rendered.status();
  return WriteOutput(out, *rendered);
}

}  // namespace

Command ExportCommand() {
  return Command{"export",
                 "dot|svg|png|timeline|timelinejs [--about X] [-o FILE]",
                 "write the graph (GraphViz) or the timeline (JSON, TimelineJS3)",
                 {{"output", true, "FILE", "write here instead of standard output", 'o'},
                  {"about", true, "X", "only this entity and its neighbourhood"},
                  {"depth", true, "N", "graph: hops from --about (default 1)"},
                  {"max-nodes", true, "N", "graph: keep the N best-connected entities"},
                  {"max-events", true, "N", "timelinejs: at most N events (default 20; 0 = all)"},
                  {"group-by", true, "G", "timelinejs: group events by speaker (default) or type"},
                  {"title", true, "T", "title of the graph or timeline"},
                  FromFlag(),
                  ToFlag(),
                  DbFlag()},
                 RunExport};
}

}  // namespace tkg::cli
