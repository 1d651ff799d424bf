// Resources: the lexicons every extraction stage reads, loaded once from a
// data directory (extract/data/<lang>/ in the source tree; see
// docs/data_format.md) and shared read-only by all stages and threads.
//
// Nothing is hard-coded English in the stages' code beyond what the file
// formats name; adding words means editing these files, not recompiling.

#ifndef TKG_EXTRACT_RESOURCES_H_
#define TKG_EXTRACT_RESOURCES_H_

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "extract/document.h"
#include "extract/lexicon.h"

namespace tkg {

namespace syntax {
struct SyntaxModel;
}

struct Resources {
  std::string dir;  // the language directory the files came from
  // Hex hash of every data file's bytes: recorded with stored documents so
  // that an edited lexicon makes re-ingesting update them.
  std::string fingerprint;

  Lexicon abbreviations;   // abbreviations.tsv: "gen." <TAB> title|other
  Lexicon boilerplate;     // boilerplate.tsv: line or suffix <TAB> line|suffix|prefix
  Lexicon function_words;  // function_words.tsv: word <TAB> class
  Lexicon months;          // months.tsv: "january" <TAB> 1
  Lexicon weekdays;        // weekdays.tsv: "tuesday" <TAB> 2 (ISO: Monday 1 .. Sunday 7)
  Lexicon time_words;      // time/time_words.tsv: word <TAB> kind <TAB> value
  Lexicon numbers;         // numbers.tsv: "two" <TAB> 2
  Lexicon cues;            // cues.tsv: form <TAB> lemma <TAB> frame
  Lexicon titles;          // titles.tsv: title <TAB> canonical <TAB> class
  Lexicon places;          // places.tsv: name <TAB> id <TAB> canonical <TAB> kind
  Lexicon organisations;   // organisations.tsv: name <TAB> id <TAB> canonical <TAB> kind
  Lexicon group_nouns;     // group_nouns.tsv: plural noun <TAB> singular
  Lexicon name_parts;      // name_parts.tsv: word <TAB> org|place|person|connector
  Lexicon nominals;        // nominals.tsv: noun <TAB> referent kind ("alliance" -> alliance)
  Lexicon pronouns;        // pronouns.tsv: pronoun <TAB> gender <TAB> number <TAB> case
  Lexicon verbs;           // verbs.tsv: inflected form <TAB> lemma <TAB> tense
  Lexicon first_names;     // first_names.tsv: given name <TAB> m|f <TAB> source
  Lexicon gender_words;    // gender_words.tsv: honorific or noun <TAB> m|f
  // time/rules.txt: the time stage's token-pattern rules, kept as text and
  // parsed by the time stage (extract/time/time_rules.h).
  std::string time_rules_path;
  std::string time_rules;

  // Loads every file of `lang_dir` (e.g. "extract/data/en"). Fails with the
  // first file's error ("path:line: reason").
  static Result<std::shared_ptr<const Resources>> Load(const std::string& lang_dir);

  // The syntax model (<dir>/models/syntax.tkgm), loaded on first use (a few
  // tenths of a second) and shared (copies of this Resources share it too);
  // an error if it is missing or corrupt. Thread-safe.
  Result<std::shared_ptr<const syntax::SyntaxModel>> SyntaxModel() const;

  // --- the word table -------------------------------------------------------
  // One table over all lexicons, so that a token is hashed once (the segment
  // stage stores its id, Document::WordId) and every later "is this word in
  // lexicon X?" is an array read.
  static constexpr int kMaxLexicons = 32;
  struct WordInfo {
    // Per lexicon slot: the entry whose key is exactly this one word.
    std::array<const LexiconEntry*, kMaxLexicons> entry{};
    // Bit per lexicon slot: some key of that lexicon starts with this word.
    std::uint32_t starts = 0;
  };
  // The id of a folded word; 0 (an empty WordInfo) when no lexicon has it.
  std::uint32_t WordId(std::string_view folded) const;
  const WordInfo& Word(std::uint32_t id) const { return words_[id]; }
  // For token `i` of a segmented document: its one-word entry in `lex`, and
  // whether some entry of `lex` starts with it.
  const LexiconEntry* Entry(const Lexicon& lex, const Document& doc, std::uint32_t i) const {
    return words_[doc.WordId(i)].entry[static_cast<std::size_t>(lex.slot())];
  }
  bool Starts(const Lexicon& lex, const Document& doc, std::uint32_t i) const {
    return (words_[doc.WordId(i)].starts >> lex.slot()) & 1u;
  }

 private:
  void BuildWordTable();
  // The lazily loaded syntax model; copies of a Resources share it.
  struct LazySyntax {
    std::once_flag once;
    std::shared_ptr<const syntax::SyntaxModel> model;
    Status status;
  };
  std::shared_ptr<LazySyntax> syntax_ = std::make_shared<LazySyntax>();
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> word_ids_;
  std::vector<WordInfo> words_;
};

// The data directory to use: `flag` when non-empty, else $TKG_DATA, else the
// directory compiled in at build time (the source tree's extract/data).
std::string DataDirectory(const std::string& flag);

}  // namespace tkg

#endif  // TKG_EXTRACT_RESOURCES_H_
