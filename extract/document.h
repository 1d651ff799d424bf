// Document: one article flowing through the extraction stages, with its text,
// its metadata and one typed vector per annotation layer (spaCy's Doc,
// CoreNLP's Annotation, without a string-keyed bag).
//
// Every annotation points into text() with byte Spans; nothing copies text.
// Stages fill layers in pipeline order (see pipeline.h); a layer's vector is
// empty until the stage that provides it has run. Indices between layers are
// plain integers (-1 for "none"): Mention::entity indexes entities(),
// Claim::facts index facts(), and so on.
//
// Thread-safety: a Document is owned by one thread at a time.

#ifndef TKG_EXTRACT_DOCUMENT_H_
#define TKG_EXTRACT_DOCUMENT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "core/model.h"
#include "core/span.h"
#include "core/time_anchor.h"

namespace tkg {

// The rule or model that produced an annotation: a name such as
// "claims.direct.quote_then_tag". The pointed-to characters live for the whole
// process (string literals, or names interned by InternRuleName()).
struct RuleRef {
  const char* name = "";
  std::string_view view() const { return name; }
};

// Interns a rule name loaded from a data file so that a RuleRef to it stays
// valid for the life of the process. Thread-safe; meant for load time.
RuleRef InternRuleName(std::string_view name);

// ---------------------------------------------------------------------------
// Layers

// Regions of an article found by the clean stage. Later stages skip
// kBoilerplate; claims found in display zones (headline, standfirst,
// pull-quote, caption) are merged into the body's claims as extra evidence.
enum class ZoneKind : std::uint8_t {
  kHeadline,
  kStandfirst,
  kDateline,
  kBody,
  kPullQuote,
  kCaption,
  kBoilerplate,
  // A line of the "Sources" or "References" list under its heading:
  // "“Headline” — Publisher, August 15, 2008". Analysed like the body, but
  // the publisher after the dash signs no quotation, and what the line
  // reports is dated by its date.
  kCitation,
};
std::string_view ZoneKindName(ZoneKind k);
inline bool IsDisplayZone(ZoneKind k) {
  return k == ZoneKind::kHeadline || k == ZoneKind::kStandfirst || k == ZoneKind::kPullQuote ||
         k == ZoneKind::kCaption;
}

struct Zone {
  Span span;  // one paragraph (or line), trimmed
  ZoneKind kind = ZoneKind::kBody;
  RuleRef rule;
};

enum class TokenKind : std::uint8_t {
  kWord,    // letters, with inner hyphens, apostrophes or periods ("U.S.", "Secretary-General")
  kNumber,  // digits with inner separators ("1,000.5", "2022-11-29", "30-member" is a word)
  kPunct,   // . , ; : ! ? ( ) [ ] - – — … and the like
  kQuote,   // quotation marks: “ ” " ‘ ’ ' « » „ (see the kOpen/kClose flags)
  kSymbol,  // $ % & @ # and other symbols
  kUrl,     // http://..., www....; e-mail addresses too
};

enum TokenFlag : std::uint16_t {
  kTokCapitalized = 1 << 0,      // first letter upper case
  kTokAllCaps = 1 << 1,          // two or more letters, all upper case ("NATO")
  kTokSpaceBefore = 1 << 2,      // whitespace before the token
  kTokNewlineBefore = 1 << 3,    // a line break before the token
  kTokParagraphBefore = 1 << 4,  // a blank line (or the start of a zone) before the token
  kTokOpenQuote = 1 << 5,        // kQuote that opens a quotation
  kTokCloseQuote = 1 << 6,       // kQuote that closes a quotation
  kTokDoubleQuote = 1 << 7,      // kQuote of the double kind (“ ” " « » „)
  kTokClitic = 1 << 8,           // split-off clitic: 's, n't, 're, 've, 'll, 'd, 'm
  kTokAbbreviation = 1 << 9,     // a known abbreviation ending in '.' ("Gen.", "U.S.")
  kTokHasDigit = 1 << 10,        // a word containing digits ("30-member", "G7")
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  std::uint16_t flags = 0;
  bool Has(TokenFlag f) const { return (flags & f) != 0; }
};

// Per-token syntax, filled by the syntax stage. The tag and relation names
// point into the syntax model, which the document keeps alive; the lemma is
// read with Document::Lemma(i).
struct TokenSyntax {
  std::string_view upos, xpos, deprel;
  std::int32_t head = -1;  // token index of the head; -1 for the sentence's root
  std::uint32_t lemma_begin = 0, lemma_size = 0;  // into the document's lemma arena
};

struct Sentence {
  Span span;
  std::uint32_t first_token = 0;  // [first_token, end_token) into tokens()
  std::uint32_t end_token = 0;
  std::uint32_t zone = 0;  // index into zones()
};

enum class MentionKind : std::uint8_t {
  kName,     // "Jens Stoltenberg", "NATO", "Ukraine"
  kTitle,    // a title used as a name: "the Secretary-General", "NATO chief"
  kDemonym,  // "Russian" -> Russia, "Slovak" -> Slovakia
  kPronoun,  // "he", "she", "they"
  kNominal,  // "the alliance", "diplomats", "NATO ministers"
};

struct Mention {
  Span span;
  std::uint32_t first_token = 0;  // [first_token, end_token) into tokens()
  std::uint32_t end_token = 0;
  EntityType type = EntityType::kOther;
  MentionKind kind = MentionKind::kName;
  std::int32_t entity = -1;  // index into entities(), -1 when unresolved
  RuleRef rule;
};

struct DocRole {
  std::string title;      // canonical title: "Secretary-General"
  std::int32_t org = -1;  // index into entities() of the organisation, -1 when none
  Span evidence;          // "NATO Secretary-General"
};

struct Entity {
  std::string id;  // "person/jens-stoltenberg"
  EntityType type = EntityType::kOther;
  std::string name;                     // canonical name
  std::vector<std::string> aliases;     // other surface forms, deduplicated
  std::vector<std::uint32_t> mentions;  // indices into mentions()
  std::vector<DocRole> roles;
};

struct Timex {
  Span span;
  TimexType type = TimexType::kDate;
  TimeAnchor anchor;
  bool relative = false;  // resolved against the publication date
  RuleRef rule;
};

struct Claim {
  Span speaker;                       // empty when the speaker is not expressed
  std::int32_t speaker_mention = -1;  // index into mentions(), -1 when none
  std::int32_t speaker_entity = -1;   // index into entities(), -1 when unresolved
  // What a pronoun speaker refers to when it is no entity: "They say" after
  // "The pollsters say" (empty when none or when speaker_entity is set).
  Span speaker_antecedent;
  Span cue;  // empty when there is no cue word
  std::string cue_lemma;
  Span content;
  ClaimKind kind = ClaimKind::kIndirect;
  TimeAnchor date;
  DateBasis date_basis = DateBasis::kUnknown;
  std::int32_t date_timex = -1;
  std::uint32_t sentence = 0;
  bool display = false;              // found in display text (headline, standfirst, pull-quote)
  std::vector<Span> evidence;        // spans of merged duplicates
  std::vector<std::uint32_t> facts;  // indices into facts()
  float confidence = 0.0F;
  RuleRef rule;
};

struct Argument {
  Span span;
  std::int32_t entity = -1;
};

struct ExtraArgument {
  std::string_view role;  // "time", "place", "other" (static strings)
  Span span;
};

struct Fact {
  Argument subject;
  Span relation;  // from the first to the last relation word
  // The relation's words when they are not contiguous ("was born in" around
  // an adverb, "is" of an apposition); empty when the relation is the text
  // of `relation`.
  std::string relation_text;
  std::string relation_lemma;
  Argument object;
  std::vector<ExtraArgument> args;
  Polarity polarity = Polarity::kPositive;
  Modality modality = Modality::kAsserted;
  TimeAnchor time;
  DateBasis time_basis = DateBasis::kUnknown;
  std::int32_t time_timex = -1;
  std::int32_t claim = -1;  // index into claims() when stated inside a claim's content
  std::uint32_t sentence = 0;
  float confidence = 0.0F;
  RuleRef rule;
};

// What the reader knows about a document before extraction.
struct DocumentMeta {
  std::string id;                     // required, non-empty
  std::optional<date::sys_days> dct;  // publication date (document creation time)
  std::string date_text;              // the date as given, "" when absent
  std::string title;
  std::string url;
  std::string source;
};

class Document {
 public:
  Document(DocumentMeta meta, std::string text) : meta_(std::move(meta)), text_(std::move(text)) {}

  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;

  const DocumentMeta& meta() const { return meta_; }
  const std::string& id() const { return meta_.id; }
  std::string_view text() const { return text_; }
  const std::optional<date::sys_days>& dct() const { return meta_.dct; }
  // The text of `s`. REQUIRES: s.end <= text().size().
  std::string_view Slice(Span s) const { return s.In(text_); }

  const std::vector<Zone>& zones() const { return zones_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  const std::vector<Mention>& mentions() const { return mentions_; }
  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<Timex>& timexes() const { return timexes_; }
  const std::vector<Claim>& claims() const { return claims_; }
  const std::vector<Fact>& facts() const { return facts_; }
  // One entry per token once the syntax stage has run, else empty.
  const std::vector<TokenSyntax>& syntax() const { return syntax_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

  std::vector<Zone>* mutable_zones() { return &zones_; }
  std::vector<Token>* mutable_tokens() { return &tokens_; }
  std::vector<Sentence>* mutable_sentences() { return &sentences_; }
  std::vector<Mention>* mutable_mentions() { return &mentions_; }
  std::vector<Entity>* mutable_entities() { return &entities_; }
  std::vector<Timex>* mutable_timexes() { return &timexes_; }
  std::vector<Claim>* mutable_claims() { return &claims_; }
  std::vector<Fact>* mutable_facts() { return &facts_; }
  std::vector<TokenSyntax>* mutable_syntax() { return &syntax_; }
  // Starts the syntax layer: one empty entry per token, no lemmas, and a
  // reference to `owner` (the model the tag and relation names point into),
  // so that the names stay valid as long as the document.
  void ResetSyntax(std::shared_ptr<const void> owner) {
    syntax_.assign(tokens_.size(), TokenSyntax{});
    lemma_arena_.clear();
    syntax_owner_ = std::move(owner);
  }
  // Appends a lemma to the arena and records it on syntax entry i.
  void SetLemma(std::size_t i, std::string_view lemma) {
    syntax_[i].lemma_begin = static_cast<std::uint32_t>(lemma_arena_.size());
    syntax_[i].lemma_size = static_cast<std::uint32_t>(lemma.size());
    lemma_arena_.append(lemma);
  }
  // The lemma of token i. REQUIRES: the syntax stage has run.
  std::string_view Lemma(std::size_t i) const {
    return std::string_view(lemma_arena_).substr(syntax_[i].lemma_begin, syntax_[i].lemma_size);
  }
  void AddWarning(std::string w) { warnings_.push_back(std::move(w)); }

  // The text of token i. REQUIRES: i < tokens().size().
  std::string_view TokenText(std::size_t i) const { return Slice(tokens_[i].span); }
  // The Fold()ed form of token i ("NATO’s" -> "nato", "’s" -> "'s"),
  // computed once by the segment stage for every lexicon lookup after it.
  // REQUIRES: i < tokens().size() and the segment stage has run.
  std::string_view Folded(std::size_t i) const {
    return std::string_view(fold_arena_)
        .substr(fold_offsets_[i], fold_offsets_[i + 1] - fold_offsets_[i]);
  }
  // The id of token i's folded form in the word table of the extraction
  // resources (Resources::WordId; 0 when no lexicon knows it). Set by the
  // segment stage. REQUIRES: i < tokens().size().
  std::uint32_t WordId(std::size_t i) const { return word_ids_[i]; }
  void SetWordIds(std::vector<std::uint32_t> ids) { word_ids_ = std::move(ids); }
  // Sets the folded forms: token i's is arena[offsets[i], offsets[i + 1]).
  // REQUIRES: offsets.size() == tokens().size() + 1.
  void SetFolded(std::string arena, std::vector<std::uint32_t> offsets) {
    fold_arena_ = std::move(arena);
    fold_offsets_ = std::move(offsets);
  }
  // The index of the sentence containing byte `pos`, or -1.
  std::int32_t SentenceAt(std::uint32_t pos) const;
  // The index of the first token whose span begins at or after `pos`.
  std::uint32_t TokenAtOrAfter(std::uint32_t pos) const;

 private:
  DocumentMeta meta_;
  std::string text_;
  std::vector<Zone> zones_;
  std::vector<Token> tokens_;
  std::string fold_arena_;
  std::vector<std::uint32_t> fold_offsets_;
  std::vector<std::uint32_t> word_ids_;
  std::vector<Sentence> sentences_;
  std::vector<Mention> mentions_;
  std::vector<Entity> entities_;
  std::vector<Timex> timexes_;
  std::vector<Claim> claims_;
  std::vector<Fact> facts_;
  std::vector<TokenSyntax> syntax_;
  std::string lemma_arena_;
  std::shared_ptr<const void> syntax_owner_;
  std::vector<std::string> warnings_;
};

}  // namespace tkg

#endif  // TKG_EXTRACT_DOCUMENT_H_
