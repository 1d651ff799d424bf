#include "export/nquads.h"

#include <cstdio>
#include <exception>
#include <map>
#include <set>

#include "export/escape.h"

namespace tkg {
namespace {

constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
constexpr std::string_view kSchema = "https://schema.org/";

std::string Iri(std::string_view full) { return "<" + std::string(full) + ">"; }
std::string Ns(std::string_view ns, std::string_view local) {
  return "<" + std::string(ns) + std::string(local) + ">";
}
std::string Tkg(std::string_view local) { return Ns(kTkgVocab, local); }

std::string EntityIri(std::string_view id) { return Iri("urn:tkg:entity:" + IriEncode(id)); }
std::string DocIri(std::string_view id) { return Iri("urn:tkg:doc:" + IriEncode(id)); }

std::string Typed(std::string_view value, std::string_view xsd_type) {
  return NQuadsLiteral(value) + "^^" + Ns(kXsd, xsd_type);
}

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}

  void Quad(const std::string& s, const std::string& p, const std::string& o,
            const std::string& g = "") {
    out_ << s << ' ' << p << ' ' << o;
    if (!g.empty()) out_ << ' ' << g;
    out_ << " .\n";
  }

  // tkg:date at the anchor's real precision, plus tkg:dateBegin/dateEnd
  // (inclusive days) for any interval, or tkg:dateValue for a value without
  // one ("FUTURE_REF").
  void Date(const std::string& s, std::string_view prop, const DatedAnchor& d) {
    GraphDate(s, prop, d, "");
  }
  void GraphDate(const std::string& s, std::string_view prop, const DatedAnchor& d,
                 const std::string& g) {
    const TimeAnchor& a = d.anchor;
    if (a.value.empty()) return;
    if (!a.has_interval()) {
      Quad(s, Tkg(std::string(prop) + "Value"), NQuadsLiteral(a.value), g);
      return;
    }
    const date::year_month_day ymd{a.begin};
    const std::string year = FormatYear(static_cast<int>(ymd.year()));
    char month[4];
    std::snprintf(month, sizeof(month), "%02u", static_cast<unsigned>(ymd.month()));
    switch (a.grain) {
      case Grain::kDay:
        Quad(s, Tkg(prop), Typed(FormatDay(a.begin), "date"), g);
        break;
      case Grain::kMonth:
        Quad(s, Tkg(prop), Typed(year + "-" + month, "gYearMonth"), g);
        break;
      case Grain::kYear:
        Quad(s, Tkg(prop), Typed(year, "gYear"), g);
        break;
      default:
        Quad(s, Tkg(std::string(prop) + "Value"), NQuadsLiteral(a.value), g);
        break;
    }
    Quad(s, Tkg(std::string(prop) + "Begin"), Typed(FormatDay(a.begin), "date"), g);
    Quad(s, Tkg(std::string(prop) + "End"), Typed(FormatDay(a.last()), "date"), g);
    Quad(s, Tkg(std::string(prop) + "Granularity"), NQuadsLiteral(GrainName(a.grain)), g);
    Quad(s, Tkg(std::string(prop) + "Basis"), NQuadsLiteral(DateBasisName(d.basis)), g);
  }

  void Sources(const std::string& s, const std::vector<Source>& sources) {
    Quad(s, Tkg("sourceCount"), Typed(std::to_string(sources.size()), "integer"));
    for (const Source& src : sources) {
      Quad(s, Ns(kProv, "wasDerivedFrom"), DocIri(src.doc_id));
      docs_.emplace(src.doc_id, src);
    }
  }

  void Entity(const GraphView::Node& n) {
    const std::string e = EntityIri(n.id);
    std::string type;
    switch (n.type) {
      case EntityType::kPerson:
        type = Ns(kSchema, "Person");
        break;
      case EntityType::kOrg:
        type = Ns(kSchema, "Organization");
        break;
      case EntityType::kPlace:
        type = Ns(kSchema, "Place");
        break;
      case EntityType::kGroup:
        type = Tkg("Group");
        break;
      case EntityType::kOther:
        type = Tkg("Entity");
        break;
    }
    Quad(e, Ns(kRdf, "type"), type);
    Quad(e, Ns(kRdfs, "label"), NQuadsLiteral(n.name.empty() ? n.id : n.name));
    Quad(e, Tkg("id"), NQuadsLiteral(n.id));
    for (const std::string& r : n.roles) Quad(e, Tkg("role"), NQuadsLiteral(r));
  }

  void Said(const SaidRow& r) {
    const std::string st = Iri("urn:tkg:statement:" + r.statement.Hex());
    const std::string g = Iri("urn:tkg:claim:" + r.holder.Hex() + "-" + r.statement.Hex());
    // The named graph: the statement itself.
    Quad(st, Ns(kRdf, "type"), Tkg("Statement"), g);
    Quad(st, Tkg("text"), NQuadsLiteral(r.content), g);
    for (const std::string& a : r.about) Quad(st, Tkg("mentions"), EntityIri(a), g);
    GraphDate(st, "time", r.statement_time, g);
    // The default graph: the claim's provenance.
    Quad(g, Ns(kRdf, "type"), Tkg("Claim"));
    Quad(g, Tkg("statement"), st);
    if (!r.speaker_id.empty()) Quad(g, Tkg("speaker"), EntityIri(r.speaker_id));
    if (!r.speaker.empty()) Quad(g, Tkg("speakerName"), NQuadsLiteral(r.speaker));
    if (!r.speaker_text.empty()) Quad(g, Tkg("speakerText"), NQuadsLiteral(r.speaker_text));
    if (!r.cue.empty()) Quad(g, Tkg("cue"), NQuadsLiteral(r.cue));
    Quad(g, Tkg("kind"), NQuadsLiteral(StoredClaimKindName(r.kind)));
    Date(g, "date", r.date);
    char conf[16];
    std::snprintf(conf, sizeof(conf), "%.2f", RoundConfidence(r.confidence));
    Quad(g, Tkg("confidence"), Typed(conf, "decimal"));
    Sources(g, r.sources);
  }

  void Fact(const FactRow& f) {
    const StatementRecord& st = f.st;
    const std::string g = Iri("urn:tkg:fact:" + f.statement.Hex());
    const std::string subject = st.subject.entity.empty()
                                    ? Iri("urn:tkg:statement:" + f.statement.Hex() + "#subject")
                                    : EntityIri(st.subject.entity);
    const std::string relation =
        Iri("urn:tkg:relation:" +
            IriEncode(st.relation_lemma.empty() ? st.relation_text : st.relation_lemma));
    std::string object;
    if (!st.object.entity.empty()) {
      object = EntityIri(st.object.entity);
    } else {
      object = NQuadsLiteral(st.object.text);
    }
    // The named graph: the fact's triple.
    Quad(subject, relation, object, g);
    if (st.subject.entity.empty()) {
      Quad(subject, Ns(kRdfs, "label"), NQuadsLiteral(st.subject.text), g);
    }
    // The default graph: what kind of assertion it is, and its sources.
    Quad(g, Ns(kRdf, "type"), Tkg("Fact"));
    Quad(g, Tkg("subjectText"), NQuadsLiteral(st.subject.text));
    Quad(g, Tkg("relationText"), NQuadsLiteral(st.relation_text));
    if (!st.object.text.empty()) Quad(g, Tkg("objectText"), NQuadsLiteral(st.object.text));
    Quad(g, Tkg("polarity"), NQuadsLiteral(PolarityName(st.polarity)));
    Quad(g, Tkg("modality"), NQuadsLiteral(ModalityName(st.modality)));
    Date(g, "time", st.time);
    for (const std::string& by : f.said_by) Quad(g, Tkg("statedBy"), NQuadsLiteral(by));
    Sources(g, f.sources);
  }

  void Documents() {
    for (const auto& [id, s] : docs_) {
      const std::string d = DocIri(id);
      Quad(d, Ns(kRdf, "type"), Ns(kSchema, "NewsArticle"));
      Quad(d, Tkg("id"), NQuadsLiteral(id));
      if (!s.title.empty()) Quad(d, Ns(kSchema, "headline"), NQuadsLiteral(s.title));
      if (!s.url.empty()) Quad(d, Ns(kSchema, "url"), NQuadsLiteral(s.url));
      if (!s.source.empty()) Quad(d, Ns(kSchema, "publisher"), NQuadsLiteral(s.source));
      if (!s.date.empty()) {
        TimeAnchor a = AnchorFromValue(s.date);
        if (a.grain == Grain::kDay && s.date.size() == 10) {
          Quad(d, Ns(kSchema, "datePublished"), Typed(s.date, "date"));
        } else {
          Quad(d, Ns(kSchema, "datePublished"), NQuadsLiteral(s.date));
        }
      }
    }
  }

 private:
  std::ostream& out_;
  std::map<std::string, Source> docs_;  // by id: the first source naming it
};

}  // namespace

std::string NQuadsLiteral(std::string_view s) {
  const std::string clean = ValidUtf8(s);
  std::string out;
  out.reserve(clean.size() + 2);
  out.push_back('"');
  for (char c : clean) {
    const auto u = static_cast<unsigned char>(c);
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
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (u < 0x20 || u == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04X", u);
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string IriEncode(std::string_view s) {
  static constexpr std::string_view kSafe = "-._~:/@!$&'()*+,;=";
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    const bool alnum = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
    if (alnum || kSafe.find(c) != std::string_view::npos) {
      out.push_back(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof(buf), "%%%02X", u);
      out += buf;
    }
  }
  return out;
}

Status WriteNQuads(const RdfInput& in, std::ostream& out) {
  try {
    Writer w(out);
    for (const GraphView::Node& n : in.entities) w.Entity(n);
    for (const SaidRow& r : in.said) w.Said(r);
    for (const FactRow& f : in.facts) w.Fact(f);
    w.Documents();
    out.flush();
  } catch (const std::exception& e) {
    return Status::IoError(std::string("cannot write the N-Quads output: ") + e.what());
  }
  if (!out) return Status::IoError("cannot write the N-Quads output");
  return Status();
}

}  // namespace tkg
