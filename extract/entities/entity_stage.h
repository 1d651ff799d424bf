// EntityStage: the first entity pass. Finds named mentions of people,
// organisations, places and groups, gives them canonical entities within the
// document, attaches roles ("NATO Secretary-General Jens Stoltenberg" is a
// PERSON with the role Secretary-General of org/nato) and resolves the
// references a speaker is often written as: surnames ("Stoltenberg"), titles
// ("NATO chief", "the Secretary-General"), definite descriptions ("the
// alliance"), demonyms ("Slovak" -> Slovakia), capitals used for their
// country ("Moscow's attacks" -> Russia) and third-person pronouns (he, she,
// they: by salience, gender and number, extract/entities/coref.h).
//
// How names are found:
//   - runs of capitalised tokens, with connectors ("of", "the") and name
//     particles ("bin", "van") allowed between capitalised parts, are split
//     by the longest matches of titles.tsv, organisations.tsv and places.tsv;
//   - what no list knows is typed by name_parts.tsv ("Ministry" -> ORG,
//     "River" -> PLACE), by a title before it (-> PERSON), or, for two to
//     four capitalised words, as a PERSON; a single unknown capitalised word
//     is kept only when it is the surname or first name of a person named in
//     the document (a capitalised word at the start of a sentence must be
//     seen capitalised elsewhere too);
//   - group nouns (group_nouns.tsv) with an optional organisation or
//     demonym before them make GROUP mentions ("NATO foreign ministers");
//   - the mention tagger (mention_tagger.h) adds the names no list or
//     capitalisation rule found and types unknown ones; the lists keep
//     priority and their ids.
// All-caps lexicon names of three letters or fewer (US, UN, WHO) match only
// all-caps text.
//
// Reads: tokens, sentences, zones, and the syntax layer when present (pronoun
// resolution).  Writes: mentions, entities.

#ifndef TKG_EXTRACT_ENTITIES_ENTITY_STAGE_H_
#define TKG_EXTRACT_ENTITIES_ENTITY_STAGE_H_

#include <memory>

#include "extract/pipeline.h"
#include "extract/resources.h"

namespace tkg {

class EntityStage final : public Stage {
 public:
  explicit EntityStage(std::shared_ptr<const Resources> res) : res_(std::move(res)) {}

  std::string_view name() const override { return "entities"; }
  Layers Requires() const override { return Layer::kTokens | Layer::kSentences; }
  Layers Provides() const override { return Layer::kMentions; }
  Status Run(Document* doc) const override;

 private:
  std::shared_ptr<const Resources> res_;
};

// The index of the mention that heads the phrase `span` of `doc`: the last
// PERSON, ORG, PLACE or GROUP mention inside it that is not followed inside
// the span by a preposition's object ("several ministers from the 30-member
// alliance" -> "ministers") and, when a mention comes before it, not after
// the phrase's first comma ("Paul Dewar, an Ottawa MP" -> "Paul Dewar"), or
// -1 when the span contains none.
std::int32_t HeadMention(const Document& doc, const Resources& res, Span span);

}  // namespace tkg

#endif  // TKG_EXTRACT_ENTITIES_ENTITY_STAGE_H_
