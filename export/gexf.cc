#include "export/gexf.h"

#include <exception>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "export/escape.h"

namespace tkg {
namespace {

struct Rgb {
  int r, g, b;
};

Rgb ColorOf(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return {173, 216, 230};  // lightblue, as in the DOT export
    case EntityType::kOrg:
      return {238, 221, 130};  // lightgoldenrod
    case EntityType::kPlace:
      return {152, 251, 152};  // palegreen
    case EntityType::kGroup:
      return {255, 182, 193};  // lightpink
    case EntityType::kOther:
      break;
  }
  return {200, 200, 200};
}

// A closed interval of days, as GEXF writes them.
struct Days {
  std::optional<date::sys_days> start, end;
  void Add(const DatedAnchor& d) {
    if (!d.anchor.has_interval()) return;
    if (!start || d.anchor.begin < *start) start = d.anchor.begin;
    if (!end || d.anchor.last() > *end) end = d.anchor.last();
  }
  void Add(const Days& o) {
    if (o.start && (!start || *o.start < *start)) start = o.start;
    if (o.end && (!end || *o.end > *end)) end = o.end;
  }
  std::string Attrs() const {
    if (!start) return "";
    return " start=\"" + FormatDay(*start) + "\" end=\"" + FormatDay(*end) + "\"";
  }
};

struct Edge {
  std::string source, target, label, kind;
  const DatedAnchor* date = nullptr;
  Days days;
  std::string polarity, modality, cue;
  std::size_t sources = 0;
};

struct Node {
  std::string id, label, type, role;
  std::string time;  // statements: their own time ("2008"), if any
  Rgb color{200, 200, 200};
  Days days;
};

std::string Attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + XmlEscape(value) + "\"";
}

std::string AttValue(std::string_view id, std::string_view value) {
  return "        <attvalue for=\"" + std::string(id) + "\" value=\"" + XmlEscape(value) + "\"/>\n";
}

std::string DateLabel(const DatedAnchor& d) {
  return d.anchor.has_interval() ? " · " + d.anchor.value : "";
}

class GexfBuilder {
 public:
  explicit GexfBuilder(const GraphView& g, const GexfOptions& options) : g_(g), options_(options) {}

  void Build() {
    for (const GraphView::Node& n : g_.nodes) {
      Node node;
      node.id = n.id;
      node.label = n.name.empty() ? n.id : n.name;
      node.type = std::string(EntityTypeName(n.type));
      node.role = n.roles.empty() ? "" : n.roles.front();
      node.color = ColorOf(n.type);
      AddNode(std::move(node));
    }
    for (const GraphView::FactEdge& f : g_.facts) {
      if (f.subject.empty()) continue;
      Edge e;
      e.source = EnsureNode(f.subject);
      if (!f.object.empty()) {
        e.target = EnsureNode(f.object);
      } else {
        Node o;
        o.id = FreshId("o", &objects_);
        o.label =
            f.object_text.empty() ? "(no object)" : CutChars(f.object_text, options_.max_label);
        o.type = "text";
        o.days.Add(f.time);
        e.target = o.id;
        AddNode(std::move(o));
      }
      e.kind = "fact";
      e.label = RelationLabel(f.relation, f.polarity) + DateLabel(f.time);
      e.date = &f.time;
      e.days.Add(f.time);
      e.polarity = std::string(PolarityName(f.polarity));
      e.modality = std::string(ModalityName(f.modality));
      e.sources = f.sources.size();
      AddEdge(std::move(e));
    }
    for (const GraphView::SaidEdge& s : g_.said) {
      if (s.speaker.empty()) continue;
      Node st;
      st.id = FreshId("s", &statements_);
      std::string text = CutChars(s.content, options_.max_label);
      st.label = s.kind == StoredClaimKind::kDirect ? "“" + text + "”" : text;
      st.type = "statement";
      st.time = s.statement_time.anchor.value;
      st.days.Add(s.date);
      Edge e;
      e.source = EnsureNode(s.speaker);
      e.target = st.id;
      e.kind = "said";
      e.label = (s.cue.empty() || s.cue == "say" ? std::string("said") : s.cue) + DateLabel(s.date);
      e.date = &s.date;
      e.days.Add(s.date);
      e.cue = s.cue;
      e.sources = s.sources.size();
      const std::string st_id = st.id;
      AddNode(std::move(st));
      AddEdge(std::move(e));
      std::set<std::string> done;
      for (const std::string& a : s.about) {
        if (entities_.count(a) == 0 || !done.insert(a).second) continue;
        Edge m;
        m.source = st_id;
        m.target = a;
        m.kind = "mentions";
        m.label = "mentions";
        m.date = &s.date;
        m.days.Add(s.date);
        m.sources = s.sources.size();
        AddEdge(std::move(m));
      }
    }
    // A node spans its dated edges.
    for (const Edge& e : edges_) {
      nodes_[index_.at(e.source)].days.Add(e.days);
      nodes_[index_.at(e.target)].days.Add(e.days);
    }
  }

  void Write(std::ostream& out) const {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
           "version=\"1.3\">\n"
        << "  <meta>\n    <creator>tkg</creator>\n    <description>" << XmlEscape(options_.title)
        << "</description>\n  </meta>\n"
        << "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" "
           "timerepresentation=\"interval\">\n"
        << "    <attributes class=\"node\" mode=\"static\">\n"
        << "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
        << "      <attribute id=\"role\" title=\"role\" type=\"string\"/>\n"
        << "      <attribute id=\"time\" title=\"time\" type=\"string\"/>\n"
        << "    </attributes>\n"
        << "    <attributes class=\"edge\" mode=\"static\">\n"
        << "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
        << "      <attribute id=\"date\" title=\"date\" type=\"string\"/>\n"
        << "      <attribute id=\"granularity\" title=\"granularity\" type=\"string\"/>\n"
        << "      <attribute id=\"polarity\" title=\"polarity\" type=\"string\"/>\n"
        << "      <attribute id=\"modality\" title=\"modality\" type=\"string\"/>\n"
        << "      <attribute id=\"cue\" title=\"cue\" type=\"string\"/>\n"
        << "      <attribute id=\"sources\" title=\"sources\" type=\"integer\"/>\n"
        << "    </attributes>\n"
        << "    <nodes>\n";
    for (const Node& n : nodes_) {
      out << "      <node" << Attr("id", n.id) << Attr("label", n.label) << n.days.Attrs() << ">\n"
          << "        <attvalues>\n"
          << "  " << AttValue("type", n.type);
      if (!n.role.empty()) out << "  " << AttValue("role", n.role);
      if (!n.time.empty()) out << "  " << AttValue("time", n.time);
      out << "        </attvalues>\n"
          << "        <viz:color r=\"" << n.color.r << "\" g=\"" << n.color.g << "\" b=\""
          << n.color.b << "\"/>\n"
          << "      </node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    for (std::size_t i = 0; i < edges_.size(); ++i) {
      const Edge& e = edges_[i];
      out << "      <edge id=\"e" << (i + 1) << "\"" << Attr("source", e.source)
          << Attr("target", e.target) << Attr("label", e.label) << " weight=\""
          << (e.sources == 0 ? 1 : e.sources) << "\"" << e.days.Attrs() << ">\n"
          << "        <attvalues>\n"
          << "  " << AttValue("kind", e.kind);
      if (e.date != nullptr && !e.date->anchor.value.empty()) {
        out << "  " << AttValue("date", e.date->anchor.value) << "  "
            << AttValue("granularity", GrainName(e.date->anchor.grain));
      }
      if (!e.polarity.empty()) out << "  " << AttValue("polarity", e.polarity);
      if (!e.modality.empty()) out << "  " << AttValue("modality", e.modality);
      if (!e.cue.empty()) out << "  " << AttValue("cue", e.cue);
      out << "  " << AttValue("sources", std::to_string(e.sources)) << "        </attvalues>\n"
          << "      </edge>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
  }

 private:
  void AddNode(Node n) {
    if (n.type != "statement" && n.type != "text") entities_.insert(n.id);
    ids_.insert(n.id);
    index_[n.id] = nodes_.size();
    nodes_.push_back(std::move(n));
  }
  void AddEdge(Edge e) { edges_.push_back(std::move(e)); }

  // An endpoint that names no node gets a plain one labelled with its id.
  const std::string& EnsureNode(const std::string& id) {
    if (index_.count(id) == 0) {
      Node n;
      n.id = id;
      n.label = id;
      n.type = "OTHER";
      AddNode(std::move(n));
    }
    return id;
  }

  std::string FreshId(const char* prefix, int* counter) {
    std::string id;
    do {
      id = prefix + std::to_string(++*counter);
    } while (ids_.count(id) > 0);
    return id;
  }

  const GraphView& g_;
  const GexfOptions& options_;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::map<std::string, std::size_t> index_;
  std::set<std::string> ids_, entities_;
  int objects_ = 0;
  int statements_ = 0;
};

}  // namespace

std::string XmlEscape(std::string_view s) {
  const std::string html = HtmlEscape(s);
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (c == '\n') {
      out += "&#10;";
    } else if (static_cast<unsigned char>(c) == 0xEF && i + 2 < html.size() &&
               static_cast<unsigned char>(html[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(html[i + 2]) == 0xBE ||
                static_cast<unsigned char>(html[i + 2]) == 0xBF)) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Status WriteGexf(const GraphView& g, const GexfOptions& options, std::ostream& out) {
  try {
    GexfBuilder b(g, options);
    b.Build();
    b.Write(out);
    out.flush();
  } catch (const std::exception& e) {
    return Status::IoError(std::string("cannot write the GEXF output: ") + e.what());
  }
  if (!out) return Status::IoError("cannot write the GEXF output");
  return Status();
}

}  // namespace tkg
