#include "export/dot.h"

#include <exception>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/escape.h"

namespace tkg {
namespace {

// The longest quoted piece DotQuote writes, in bytes (Graphviz's limit is
// 16384).
constexpr std::size_t kMaxQuotedPiece = 8000;

struct NodeStyle {
  const char* shape;
  const char* fill;  // nullptr: not filled
};

NodeStyle StyleOf(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return {"ellipse", "lightblue"};
    case EntityType::kOrg:
      return {"box", "lightgoldenrod"};
    case EntityType::kPlace:
      return {"hexagon", "palegreen"};
    case EntityType::kGroup:
      return {"octagon", "lightpink"};
    case EntityType::kOther:
      break;
  }
  return {"plaintext", nullptr};
}

// "relation · date · (modality)" for a fact edge. Only a date with an
// interval is shown: "XXXX-XX-XX" or "FUTURE_REF" tell a reader nothing.
std::string FactLabel(const GraphView::FactEdge& f) {
  std::string label = RelationLabel(f.relation, f.polarity);
  if (f.time.anchor.has_interval()) label += " · " + f.time.anchor.value;
  if (f.modality != Modality::kAsserted) {
    label += " · (" + std::string(ModalityName(f.modality)) + ")";
  }
  return label;
}

// "said · 2022-11-29", or the cue lemma instead of "said".
std::string SaidLabel(const GraphView::SaidEdge& s) {
  std::string label = s.cue.empty() || s.cue == "say" ? "said" : s.cue;
  if (s.date.anchor.has_interval()) label += " · " + s.date.anchor.value;
  return label;
}

// Writes the graph, remembering which node ids exist so that edges never
// create unlabelled nodes and generated ids ("s1", "o1") never clash with an
// entity id.
class DotWriter {
 public:
  DotWriter(const GraphView& g, const DotOptions& options, std::ostream& out)
      : g_(g), options_(options), out_(out) {}

  void Write() {
    out_ << "digraph tkg {\n"
         << "  graph [label=" << DotQuote(options_.title)
         << ", labelloc=t, fontname=\"Helvetica\", rankdir=LR, overlap=false, splines=true];\n"
         << "  node [fontname=\"Helvetica\", fontsize=11];\n"
         << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
    for (const GraphView::Node& n : g_.nodes) entities_.insert(n.id);
    ids_ = entities_;
    if (!g_.nodes.empty()) out_ << "\n  // entities\n";
    for (const GraphView::Node& n : g_.nodes) WriteEntity(n);
    if (!g_.facts.empty()) out_ << "\n  // facts\n";
    for (const GraphView::FactEdge& f : g_.facts) WriteFact(f);
    if (!g_.said.empty()) out_ << "\n  // statements\n";
    for (const GraphView::SaidEdge& s : g_.said) WriteSaid(s);
    if (options_.cluster != DotOptions::Cluster::kNone) {
      int n = 0;
      for (const std::string& key : cluster_order_) {
        out_ << "  subgraph " << DotQuote("cluster_" + std::to_string(++n)) << " {\n"
             << "    label=" << DotQuote(key)
             << "; style=\"rounded,dashed\"; color=gray60; fontsize=10;\n";
        for (const std::string& line : clusters_[key]) out_ << "  " << line;
        out_ << "  }\n";
      }
      out_ << edges_.str();
    }
    out_ << "}\n";
  }

 private:
  void WriteEntity(const GraphView::Node& n) {
    std::string label = n.name.empty() ? n.id : n.name;
    if (n.type == EntityType::kPerson && !n.roles.empty()) label += "\n" + n.roles.front();
    const NodeStyle style = StyleOf(n.type);
    out_ << "  " << DotQuote(n.id) << " [label=" << DotQuote(label) << ", shape=" << style.shape;
    if (style.fill != nullptr) out_ << ", style=filled, fillcolor=" << style.fill;
    out_ << "];\n";
  }

  // Declares a plain node for an endpoint that is not among the entities.
  void EnsureNode(const std::string& id) {
    if (!ids_.insert(id).second) return;
    out_ << "  " << DotQuote(id) << " [label=" << DotQuote(id) << ", shape=plaintext];\n";
  }

  // A fresh id "<prefix><n>" that no entity uses.
  std::string FreshId(const char* prefix, int* counter) {
    std::string id;
    do {
      id = prefix + std::to_string(++*counter);
    } while (!ids_.insert(id).second);
    return id;
  }

  void WriteFact(const GraphView::FactEdge& f) {
    if (f.subject.empty()) return;
    EnsureNode(f.subject);
    std::string target;
    if (!f.object.empty()) {
      EnsureNode(f.object);
      target = f.object;
    } else {
      target = FreshId("o", &objects_);
      if (f.object_text.empty()) {
        out_ << "  " << DotQuote(target) << " [label=\"\", shape=point];\n";
      } else {
        out_ << "  " << DotQuote(target) << " [label="
             << DotQuote(
                    WrapWords(CutChars(f.object_text, options_.max_label), options_.wrap_width))
             << ", shape=note, fontsize=10];\n";
      }
    }
    out_ << "  " << DotQuote(f.subject) << " -> " << DotQuote(target)
         << " [label=" << DotQuote(FactLabel(f)) << "];\n";
  }

  void WriteSaid(const GraphView::SaidEdge& s) {
    const std::string box = FreshId("s", &statements_);
    std::string text = CutChars(s.content, options_.max_label);
    text = WrapWords(text, options_.wrap_width);
    if (s.kind == StoredClaimKind::kDirect) text = "“" + text + "”";
    const bool clustered = options_.cluster != DotOptions::Cluster::kNone;
    std::ostringstream node;
    node << "  " << DotQuote(box) << " [label=" << DotQuote(text)
         << ", shape=box, style=\"rounded,filled\", fillcolor=white, fontsize=10];\n";
    if (clustered) {
      if (!s.speaker.empty()) EnsureNode(s.speaker);  // declared outside the cluster
      AddToCluster(ClusterKey(s), node.str());
    } else {
      out_ << node.str();
    }
    std::ostream& edges = clustered ? static_cast<std::ostream&>(edges_) : out_;
    if (!s.speaker.empty()) {
      EnsureNode(s.speaker);
      edges << "  " << DotQuote(s.speaker) << " -> " << DotQuote(box)
            << " [label=" << DotQuote(SaidLabel(s)) << "];\n";
    }
    std::set<std::string> done;
    for (const std::string& about : s.about) {
      if (!IsEntity(about) || !done.insert(about).second) continue;
      edges << "  " << DotQuote(box) << " -> " << DotQuote(about)
            << " [style=dashed, color=gray50, arrowhead=none];\n";
    }
  }

  // The cluster label of a statement: its first source's document (with the
  // title when there is one), or the year of its date.
  std::string ClusterKey(const GraphView::SaidEdge& s) const {
    if (options_.cluster == DotOptions::Cluster::kYear) {
      if (!s.date.anchor.has_interval()) return "undated";
      const date::year_month_day ymd{s.date.anchor.begin};
      return FormatYear(static_cast<int>(ymd.year()));
    }
    if (s.sources.empty()) return "(no document)";
    const Source& src = s.sources.front();
    return src.title.empty() ? src.doc_id : src.doc_id + ": " + CutChars(src.title, 60);
  }

  void AddToCluster(const std::string& key, std::string line) {
    auto [it, fresh] = clusters_.try_emplace(key);
    if (fresh) cluster_order_.push_back(key);
    it->second.push_back(std::move(line));
  }

  bool IsEntity(const std::string& id) const { return entities_.count(id) > 0; }

  const GraphView& g_;
  const DotOptions& options_;
  std::ostream& out_;
  std::set<std::string> entities_;  // ids of g_.nodes
  std::set<std::string> ids_;       // every node id written so far (and all entities)
  int objects_ = 0;
  int statements_ = 0;
  // With clustering: statement nodes by cluster, in first-seen order, and
  // the edges, written after the clusters.
  std::map<std::string, std::vector<std::string>> clusters_;
  std::vector<std::string> cluster_order_;
  std::ostringstream edges_;
};

}  // namespace

std::string DotQuote(std::string_view s) {
  const std::string clean = CleanText(s);
  std::string out;
  out.reserve(clean.size() + 2);
  out.push_back('"');
  std::size_t chunk = 0;  // bytes in the current quoted piece
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char c = clean[i];
    // Graphviz's lexer rejects a quoted string longer than 16384 bytes, so a
    // long text is written as "..." + "..." (DOT's string concatenation),
    // never splitting a UTF-8 sequence or an escape.
    const bool starts_char = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts_char && chunk >= kMaxQuotedPiece) {
      out += "\" + \"";
      chunk = 0;
    }
    const std::size_t before = out.size();
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out.push_back(c);
    }
    chunk += out.size() - before;
  }
  out.push_back('"');
  return out;
}

Status WriteDot(const GraphView& g, const DotOptions& options, std::ostream& out) {
  try {
    DotWriter(g, options, out).Write();
    out.flush();
  } catch (const std::exception& e) {  // a stream with exceptions() enabled
    return Status::IoError(std::string("cannot write the DOT output: ") + e.what());
  }
  if (!out) return Status::IoError("cannot write the DOT output");
  return Status();
}

}  // namespace tkg
