// The ids of stored objects (docs/storage_format.md, "Ids"). Every id is a
// hash of canonical bytes, so independent machines agree on it.

#ifndef TKG_GRAPH_IDS_H_
#define TKG_GRAPH_IDS_H_

#include <string>
#include <string_view>

#include "core/extract_result.h"
#include "core/id.h"

namespace tkg::ids {

Id128 Doc(std::string_view doc_id);
Id128 DocContent(std::string_view text, const ExtractResult& r, std::string_view extractor_version);
Id128 Entity(std::string_view entity_id);
Id128 Speaker(std::string_view speaker_text);
Id128 Relation(std::string_view lemma);
Id128 Literal(std::string_view text);
// A fact's subject or object: its entity when it has one, else the literal.
Id128 Argument(std::string_view entity_id, std::string_view text);
Id128 FactStatement(const Id128& subject, const Id128& relation, const Id128& object,
                    Polarity polarity, Modality modality, std::string_view time_value);
Id128 SaidStatement(std::string_view content);
Id128 Claim(const Id128& doc, const Id128& holder, const Id128& statement, int kind);

// The normal form of said content: Fold()ed, quotation marks removed,
// trailing punctuation trimmed ("“NATO’s door is open,”" -> "nato's door is open").
std::string NormalizeContent(std::string_view content);

}  // namespace tkg::ids

#endif  // TKG_GRAPH_IDS_H_
