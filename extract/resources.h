// Resources: the lexicons every extraction stage reads, loaded once from a
// data directory (extract/data/<lang>/ in the source tree; see
// docs/data_format.md) and shared read-only by all stages and threads.
//
// Nothing is hard-coded English in the stages' code beyond what the file
// formats name; adding words means editing these files, not recompiling.

#ifndef TKG_EXTRACT_RESOURCES_H_
#define TKG_EXTRACT_RESOURCES_H_

#include <memory>
#include <string>

#include "core/result.h"
#include "extract/lexicon.h"

namespace tkg {

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
  Lexicon time_words;      // time_words.tsv: word <TAB> kind <TAB> value
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

  // Loads every file of `lang_dir` (e.g. "extract/data/en"). Fails with the
  // first file's error ("path:line: reason").
  static Result<std::shared_ptr<const Resources>> Load(const std::string& lang_dir);
};

// The data directory to use: `flag` when non-empty, else $TKG_DATA, else the
// directory compiled in at build time (the source tree's extract/data).
std::string DataDirectory(const std::string& flag);

}  // namespace tkg

#endif  // TKG_EXTRACT_RESOURCES_H_
