// Pronoun resolution for the entity stage: he, him, his, she, her, they, them
// and their are linked to the entity they most likely refer to.
//
// The method is salience-based, after Lappin and Leass (1994): every mention
// of an entity adds weight to that entity, more when it is a subject, an
// object, or a head noun not embedded in another phrase; weights halve at
// each sentence boundary; a pronoun goes to the entity of highest salience
// that agrees with it in gender and number and that the binding constraint
// allows ("him" is not the subject of its own clause); an entity last
// mentioned inside a quotation weighs a quarter for the pronoun of the tag
// right after it (names in a quotation are what the speaker talks about,
// rarely the speaker). A resolved pronoun
// adds to its entity's salience, so a chain of pronouns keeps the topic of a
// paragraph ahead of a person mentioned in passing ("Placed under the care of
// a Dr. Bailey, he was ..." stays with the paragraph's subject).
//
// Grammatical roles come from the dependency parse when the syntax stage has
// run; without it, from the caller's guesses (Item::guess_*).
// Gender comes from given names (first_names.tsv), honorifics and gendered
// nouns (gender_words.tsv), and is learnt within the document: an entity a
// "she" was resolved to is female from then on.

#ifndef TKG_EXTRACT_ENTITIES_COREF_H_
#define TKG_EXTRACT_ENTITIES_COREF_H_

#include <cstdint>
#include <vector>

#include "extract/document.h"

namespace tkg::coref {

enum class Gender : std::uint8_t { kUnknown, kMale, kFemale };

enum class PronounCase : std::uint8_t { kSubject, kObject, kPossessive };

// One mention as the resolver sees it.
struct Item {
  std::uint32_t first = 0, end = 0;  // tokens [first, end)
  // The entity (any dense id chosen by the caller) of a resolved mention, -1
  // when unresolved. For pronouns: filled by ResolvePronouns.
  std::int32_t entity = -1;
  EntityType type = EntityType::kOther;
  bool pronoun = false;
  bool plural = false;               // they / them / their; group mentions
  Gender gender = Gender::kUnknown;  // pronouns: their gender; names: the evidence
  PronounCase pronoun_case = PronounCase::kSubject;
  // The caller's guess at the grammar, used when the document has no parse:
  // the subject of its main clause, inside an adverbial ("by Jobs"), a
  // possessor or modifier inside a larger noun phrase ("Jobs' leave").
  bool guess_subject = false;
  bool guess_adverbial = false;
  bool guess_embedded = false;
  // Inside quotation marks: another voice.
  bool quoted = false;
  // A pronoun right after a closing quotation mark, the speaker of a tag
  // ("“...,” he said"): it discounts an entity whose last mention was
  // inside the quotation ("“... we've convinced Food Standards
  // Australia,” he said" is not Food Standards).
  bool tags_quote = false;
};

// Resolves the pronouns of `items` (sorted by first token) in place.
// `entities` is the number of distinct entity ids used by the items.
void ResolvePronouns(const Document& doc, std::size_t entities, std::vector<Item>* items);

}  // namespace tkg::coref

#endif  // TKG_EXTRACT_ENTITIES_COREF_H_
