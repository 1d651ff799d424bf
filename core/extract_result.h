// ExtractResult: what the extractor found in one document, in the shape of
// the JSONL contract of `tkg extract` (docs: ../shared/docs/EXTRACT-FORMAT.md,
// this repository's docs/extract_format.md). It is the boundary between
// extraction and everything downstream: the store ingests it, `tkg load`
// reads it back from JSONL, exporters show its evidence.
//
// Every span is a [begin, end) byte range into the document's UTF-8 text, and
// every TextSpan also carries a copy of that text, so a result stays readable
// without the document. Ids inside one result ("t1", "c2", "f3") are local to
// it; entity ids ("person/jens-stoltenberg") are canonical across documents.

#ifndef TKG_CORE_EXTRACT_RESULT_H_
#define TKG_CORE_EXTRACT_RESULT_H_

#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "core/model.h"
#include "core/span.h"
#include "core/time_anchor.h"

namespace tkg {

struct TextSpan {
  Span span;
  std::string text;  // == document text at span
};

struct EntityRole {
  std::string title;  // "Secretary-General", "Foreign Minister"
  std::string org;    // entity id of the organisation or country, or empty
  std::string text;   // the role as written: "NATO Secretary-General"
};

struct ExtractedEntity {
  std::string id;  // "person/jens-stoltenberg", "org/nato", "place/ukraine"
  EntityType type = EntityType::kOther;
  std::string name;                  // canonical display name
  std::vector<std::string> aliases;  // other names seen in this document
  std::vector<Span> mentions;        // names, titles, nominals, pronouns, in text order
  // Adjectives naming it ("Turkish" in "Turkish ratification" for Turkey), in
  // text order: references, not named mentions.
  std::vector<Span> modifiers;
  std::vector<EntityRole> roles;
};

struct ExtractedTimex {
  std::string id;  // "t1", ...
  TextSpan text;
  TimexType type = TimexType::kDate;
  TimeAnchor anchor;      // value, and the interval when it has one
  bool relative = false;  // resolved against the publication date ("anchor": "dct")
  std::string rule;
};

struct ExtractedSpeaker {
  TextSpan mention;    // the speaker as written at the cue: "He", "NATO ministers"
  std::string entity;  // canonical entity id, empty when unresolved
  // The canonical name; without an entity, the phrase a pronoun refers to
  // ("They" -> "The pollsters"); empty when unresolved.
  std::string name;
};

struct ExtractedClaim {
  std::string id;  // "c1", ...
  std::optional<ExtractedSpeaker> speaker;
  TextSpan cue;  // empty span when there is no cue word
  std::string cue_lemma;
  TextSpan content;
  ClaimKind kind = ClaimKind::kIndirect;
  TimeAnchor date;  // the date of the speech act
  DateBasis date_basis = DateBasis::kUnknown;
  std::string date_timex;          // id of the timex that dates it, if any
  std::vector<std::string> facts;  // ids of facts stated in the content
  std::vector<Span> evidence;      // further spans of the same claim (headline, pull-quote)
  bool display = false;            // the main span is display text (headline, pull-quote)
  float confidence = 0.0F;
  std::string rule;  // the sieve or rule that produced it
};

struct FactArgument {
  TextSpan text;
  std::string entity;  // canonical entity id, empty when none
};

struct FactExtraArgument {
  std::string role;  // "time", "place", "other"
  TextSpan text;
};

struct ExtractedFact {
  std::string id;  // "f1", ...
  FactArgument subject;
  TextSpan relation;  // the words as written, [begin, end) of the text
  // The relation as a phrase when it is not those words: non-contiguous
  // ("calls ... to pledge" -> "calls to pledge") or implied by an apposition
  // or a possessive ("is", "has"); empty when it is relation.text.
  std::string relation_phrase;
  std::string relation_lemma;
  // The relation as shown: the phrase, else the words.
  const std::string& RelationPhrase() const {
    return relation_phrase.empty() ? relation.text : relation_phrase;
  }
  FactArgument object;
  std::vector<FactExtraArgument> args;
  Polarity polarity = Polarity::kPositive;
  Modality modality = Modality::kAsserted;
  TimeAnchor time;
  DateBasis time_basis = DateBasis::kUnknown;
  std::string time_timex;
  std::string claim;  // id of the claim whose content states it, empty for narration
  int sentence = -1;
  float confidence = 0.0F;
  std::string rule;
};

struct ExtractResult {
  std::string id;    // the document id given on input
  std::string date;  // the publication date as given on input ("" when absent)
  std::optional<date::sys_days> dct;
  std::string title;
  std::string url;
  std::string source;
  std::string extra_json = "{}";  // other input fields, carried through (a JSON object)
  std::vector<Span> sentences;
  std::vector<ExtractedEntity> entities;
  std::vector<ExtractedTimex> timexes;
  std::vector<ExtractedClaim> claims;
  std::vector<ExtractedFact> facts;
  std::vector<std::string> warnings;
};

}  // namespace tkg

#endif  // TKG_CORE_EXTRACT_RESULT_H_
