// N-Quads export (https://www.w3.org/TR/n-quads/): every claim is a named
// graph holding its statement, and the default graph says who holds the
// claim, when, in which documents and with which reporting verb. The
// vocabulary and the IRIs are documented in docs/formats.md ("N-Quads").
//
//   said claim   graph <urn:tkg:claim:H-S> holds
//                  <urn:tkg:statement:S> a tkg:Statement; tkg:text "...";
//                                        tkg:mentions <urn:tkg:entity:...>.
//                default graph: <urn:tkg:claim:H-S> a tkg:Claim;
//                  tkg:statement, tkg:speaker (an entity IRI, else
//                  tkg:speakerName "..."), tkg:cue, tkg:kind, tkg:date
//                  (xsd:date / xsd:gYearMonth / xsd:gYear at the date's real
//                  precision), tkg:sourceCount and one prov:wasDerivedFrom
//                  per document.
//   fact         graph <urn:tkg:fact:S> holds the triple
//                  <subject> <urn:tkg:relation:lemma> <object> (an entity
//                  IRI, else the object text as a literal); the default graph
//                  gives its polarity, modality, time, stated-by and sources.
//   entity       <urn:tkg:entity:id> a schema:Person|Organization|Place|
//                  tkg:Group|tkg:Entity; rdfs:label; tkg:role "..."
//   document     <urn:tkg:doc:id> a schema:NewsArticle; schema:headline,
//                  schema:url, schema:publisher, schema:datePublished.
//
// Output is deterministic (the order of the inputs, then documents sorted by
// id) and every line is one quad. Literals escape '"', '\\', newlines and
// other control characters (\uXXXX); IRIs percent-encode every byte outside
// the unreserved and a few safe delimiters, so hostile text can never break
// the syntax.

#ifndef TKG_EXPORT_NQUADS_H_
#define TKG_EXPORT_NQUADS_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/query.h"

namespace tkg {

struct RdfInput {
  std::vector<GraphView::Node> entities;
  std::vector<SaidRow> said;
  std::vector<FactRow> facts;
};

// Writes `in` as N-Quads. Returns IoError when `out` fails.
Status WriteNQuads(const RdfInput& in, std::ostream& out);

// `s` as an N-Quads string literal with its quotes.
std::string NQuadsLiteral(std::string_view s);

// `s` percent-encoded for use inside an IRI: bytes outside
// [A-Za-z0-9-._~:/@!$&'()*+,;=] become %XX.
std::string IriEncode(std::string_view s);

// The vocabulary namespace, "urn:tkg:vocab#".
inline constexpr std::string_view kTkgVocab = "urn:tkg:vocab#";

}  // namespace tkg

#endif  // TKG_EXPORT_NQUADS_H_
