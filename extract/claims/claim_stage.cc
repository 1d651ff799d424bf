#include "extract/claims/claim_stage.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/text.h"
#include "extract/entities/entity_stage.h"
#include "extract/phrase.h"
#include "extract/shallow.h"
#include "extract/syntax/syntax_stage.h"

namespace tkg {
namespace {

const RuleRef kSieveQuoteThenTag{"claims.direct.quote_then_tag"};
const RuleRef kSieveTagThenQuote{"claims.direct.tag_then_quote"};
const RuleRef kSieveColon{"claims.direct.colon"};
const RuleRef kSieveColonBlock{"claims.direct.colon_block"};
const RuleRef kSieveAccordingTo{"claims.according_to"};
const RuleRef kSievePassiveBy{"claims.passive_by"};
const RuleRef kSievePassiveUnspecified{"claims.passive_unspecified"};
const RuleRef kSieveSpeakerFirst{"claims.speaker_first"};
const RuleRef kSieveContentFirst{"claims.content_first"};
const RuleRef kSieveMidTag{"claims.mid_tag"};
const RuleRef kSieveContinuation{"claims.direct.continuation"};
const RuleRef kSieveByline{"claims.direct.byline"};
const RuleRef kSieveRelay{"claims.relay"};
// Documents that speak for their author ("a statement from Apple said").
constexpr std::string_view kDocumentNouns[] = {"statement", "report", "letter", "release", "memo",
                                               "message",   "note",   "email",  "posting", "post",
                                               "study",     "survey", "filing", "document"};
const RuleRef kSieveRelativeObject{"claims.relative_object"};
const RuleRef kSieveInterview{"claims.direct.interview_answer"};
const RuleRef kSieveLabel{"claims.mixed.label"};
const RuleRef kSieveSpeechNoun{"claims.direct.speech_noun"};

// "interview", "interviews", "interviewed", "interviewing" (not
// "interviewer", "interviewee": they do not say an interview took place).
bool IsInterviewWord(std::string_view w) {
  return w == "interview" || w == "interviews" || w == "interviewed" || w == "interviewing";
}

constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);

// A form of "be" (folded): the auxiliary of a passive.
bool IsBeForm(std::string_view w) {
  return w == "is" || w == "are" || w == "was" || w == "were" || w == "be" || w == "been" ||
         w == "being";
}

using WC = WordClass;

struct Quote {
  std::uint32_t open = kNone;                    // token of the opening mark, kNone when missing
  std::uint32_t close = kNone;                   // token of the closing mark, kNone when missing
  std::uint32_t inner_first = 0, inner_end = 0;  // tokens strictly inside
};

struct Cue {
  std::uint32_t first = 0, end = 0;  // tokens
  const LexiconEntry* entry = nullptr;
  std::uint32_t sentence = 0;
  bool used = false;
  std::string_view frame_;  // the entry's frame; "say_that" and "tag" cues are "say" cues here
  bool needs_that = false;  // "tag": "S added C" only before "that" or a quotation
  std::string_view frame() const { return frame_; }
  const std::string& lemma() const { return entry->fields[0]; }
};

class Attributor {
 public:
  Attributor(const Resources& res, Document* doc)
      : res_(res), doc_(doc), toks_(doc->tokens()), sents_(doc->sentences()), shallow_(res, *doc) {}

  void Run();

 private:
  // --- token helpers
  WC Class(std::uint32_t i) const { return shallow_.Class(i); }
  std::string_view Text(std::uint32_t i) const { return doc_->TokenText(i); }
  bool Is(std::uint32_t i, std::string_view folded) const { return shallow_.Is(i, folded); }
  bool IsComma(std::uint32_t i) const { return shallow_.IsComma(i); }
  bool IsOpenQuote(std::uint32_t i) const { return shallow_.IsOpenQuote(i); }
  bool IsCloseQuote(std::uint32_t i) const { return shallow_.IsCloseQuote(i); }
  bool IsTerminal(std::uint32_t i) const { return shallow_.IsTerminal(i); }
  bool IsNpWord(std::uint32_t i) const { return shallow_.IsNpWord(i); }
  bool IsCueToken(std::uint32_t i) const { return cue_at_[i] >= 0; }
  // The first mention starting at token `tok` or later (mentions are sorted
  // by position).
  std::vector<Mention>::const_iterator MentionsFrom(std::uint32_t tok) const {
    const auto& mentions = doc_->mentions();
    return std::lower_bound(mentions.begin(), mentions.end(), tok,
                            [](const Mention& m, std::uint32_t t) { return m.first_token < t; });
  }
  // The kind of the zone holding sentence `si`.
  ZoneKind ZoneOf(std::uint32_t si) const { return doc_->zones()[sents_[si].zone].kind; }
  // The last name mention (an entity's name) lying within tokens [first,
  // end), or -1.
  std::int32_t LastNameIn(std::uint32_t first, std::uint32_t end) const {
    if (first >= end) return -1;
    const auto& mentions = doc_->mentions();
    const std::uint32_t b = toks_[first].span.begin, e = toks_[end - 1].span.end;
    auto it =
        std::lower_bound(mentions.begin(), mentions.end(), b,
                         [](const Mention& m, std::uint32_t pos) { return m.span.begin < pos; });
    std::int32_t found = -1;
    for (; it != mentions.end() && it->span.begin < e; ++it) {
      if (it->span.end <= e && it->kind == MentionKind::kName && it->entity >= 0) {
        found = static_cast<std::int32_t>(it - mentions.begin());
      }
    }
    return found;
  }
  Span TokSpan(std::uint32_t first, std::uint32_t end) const {
    return shallow_.TokSpan(first, end);
  }
  TokenRange NpLeft(std::uint32_t end, std::uint32_t lo) const { return shallow_.NpLeft(end, lo); }
  TokenRange NpRight(std::uint32_t first, std::uint32_t hi) const {
    return shallow_.NpRight(first, hi);
  }
  std::uint32_t SkipAuxLeft(std::uint32_t i, std::uint32_t lo) const {
    return shallow_.SkipAuxLeft(i, lo);
  }

  // --- analysis
  void Classify();
  void FindQuotes();
  void FindCues();
  bool CueIsSpeechAct(const Cue& c) const;
  // "was reportedly rejected", "deaths were reported", "a blog written by":
  // a passive or reduced-relative participle, whose subject is no speaker.
  bool IsPassiveCue(const Cue& c, const Sentence& s) const;
  bool OtherSense(const Cue& c, const Sentence& s) const;
  // Adverbs and other words a shallow phrase can pick up that speak for no
  // one: "quickly", "twice", "consists entirely".
  bool IsBadSpeaker(std::pair<std::uint32_t, std::uint32_t> sp) const;
  // With a parse: the subject phrase of the cue's verb (nsubj), whole; or
  // empty. Without one: empty.
  std::pair<std::uint32_t, std::uint32_t> ParseSubject(const Cue& c, const Sentence& s) const;
  // Whether the parse hangs a clause with a subject of its own on the verb of
  // the cue [first, end), at `from` or later: "The scientists found [crop
  // yields fell]", "They estimated [by 2050, needs would rise]". False
  // without the parse.
  bool ParseClauseAfter(std::uint32_t first, std::uint32_t end, std::uint32_t from,
                        const Sentence& s) const;
  // "C, said S": the speaker follows the cue and ends the sentence. With the
  // parse: the cue's subject follows it. Without: the phrase after the cue
  // reaches the end, or an apposition of it does (", an Ottawa MP.").
  bool InvertedTag(const Cue& cue, const Sentence& s) const;
  // Whether a finite clause starts at token j: a subject pronoun, or a
  // determiner and its nouns (after a comma also a bare noun phrase), then
  // an auxiliary, a modal or (with the parse) a finite verb: "the plan would
  // proceed", "he had resigned".
  bool ClauseStartsAt(std::uint32_t j, bool after_comma, const Sentence& s) const;
  // The token of the cue [first, end) the others hang on ("called on" ->
  // "called"). REQUIRES: the parse is filled.
  std::uint32_t CueVerb(std::uint32_t first, std::uint32_t end) const;
  // With the parse: where a predicate coordinated with the cue's verb and
  // sharing its subject begins inside [first, end) ("Apple confirmed that X,
  // but did not say whether ..."): the speaker's next act, not what was
  // said. `end` when there is none or no parse.
  std::uint32_t CueConjunctStart(const Cue& cue, std::uint32_t first, std::uint32_t end) const;
  // The tense of a verb in the parse from its first auxiliary, else its own
  // tag: 1 past, 2 present (or a modal), 0 not finite.
  int FiniteTense(std::int32_t verb) const;
  // A direct-quote cue: a "say" cue, or one only a quotation may follow
  // ("continued", "reads", "saying").
  static bool QuoteFrame(const Cue& c) { return c.frame() == "say" || c.frame() == "quote"; }

  // Phrases: [first, end) token ranges, or first == end when none.
  std::pair<std::uint32_t, std::uint32_t> ClauseSubject(std::uint32_t cue, const Sentence& s) const;
  std::uint32_t ContentEnd(std::uint32_t start, const Sentence& s) const;
  std::pair<std::uint32_t, std::uint32_t> TagSpeaker(const Cue& cue, const Sentence& s,
                                                     std::uint32_t* before) const;
  bool ClosedAfterCue(const Cue& c, const Sentence& s, std::uint32_t n) const;
  // The first token after a date or time expression starting at token i
  // (or at i + 1 after "on"), or i when none starts there.
  std::uint32_t SkipTimeAfter(std::uint32_t i, const Sentence& s) const;

  // --- claim building
  std::int32_t QuoteEndingAt(std::uint32_t close_tok) const;
  bool AddClaim(std::pair<std::uint32_t, std::uint32_t> speaker, const Cue* cue,
                std::uint32_t content_first, std::uint32_t content_end, RuleRef rule,
                float confidence, std::uint32_t sentence, std::int32_t inherit_from = -1,
                bool nested = false);
  void DateClaim(Claim* c, const Cue* cue) const;
  void InferEventDate();
  // The answers of an interview were given on the day the opening says it
  // took place ("Wikinews interviewed him ... on May 18, 2006"): they take
  // that day, with basis "inferred", instead of the publication date.
  void DateInterview();
  void SieveLabel();
  void SieveSpeechNoun();
  void ResolveNonPersonPronouns();
  std::int32_t SpeakerHead(Span speaker) const;
  void MergeDuplicates();

  // --- sieves
  void SieveQuoteThenTag();
  void SieveTagThenQuote();
  void SieveAccordingTo();
  void SievePassiveBy();
  // "she was told to leave", "has been described as pseudoscience": a
  // reported act whose source the text does not name. The claim has no
  // speaker.
  void SievePassiveUnspecified();
  void SieveSpeakerFirst();
  void SieveContentFirst();
  void SieveMidTag();
  void SieveColonBlock();
  void SieveContinuation();
  void SieveByline();
  void SieveInterview();
  // "The Guardian quoted critics like X, with X stating: “Q”", "he was
  // quoted by The Canadian Press ... “Q”", "According to Yonhap, quoting
  // KCNA, C": the medium that quotes reports the words too; a second claim,
  // same content and date, names it. "Citing people familiar with the
  // situation, the Journal reported C": the people cited said C too.
  void SieveRelay();
  // "a policy ... which the United Nations and the United States have both
  // criticised": the cue ends a relative clause; what it states is the noun
  // phrase the clause belongs to. With the parse only.
  void SieveRelativeObject();

  const Resources& res_;
  Document* doc_;
  const std::vector<Token>& toks_;
  const std::vector<Sentence>& sents_;
  Shallow shallow_;
  std::vector<std::uint32_t> sent_of_;
  std::vector<bool> in_timex_;  // per token: inside a time expression
  std::vector<Quote> quotes_;
  std::vector<std::int32_t> quote_of_;  // per token: quote index (marks and inside), -1
  std::vector<Cue> cues_;
  std::vector<std::int32_t> cue_at_;  // per token: cue index, -1
  std::vector<bool> used_;            // per token: inside an attributed content or speaker
  // Per token: the person name mention starting / ending there, or -1.
  std::vector<std::int32_t> name_start_, name_end_;
  // The organisation named right before a document noun ("The Home Office
  // letter"), by the noun: the one organisation, or -2 when several are.
  std::vector<std::pair<std::string_view, std::int32_t>> document_owner_;

  void IndexNames();
  // A person named next to a speaker phrase that names none: "Chairman of
  // X, Cres Eastman, says" / "K.C. Maurer, chief financial officer and
  // treasurer at the Foundation, said". Returns the mention, or -1.
  std::int32_t AppositiveName(std::pair<std::uint32_t, std::uint32_t> sp) const;
  std::int32_t DocumentAuthor(std::pair<std::uint32_t, std::uint32_t> sp) const;
  // The opening mark of the label quotation after a "label" cue, or kNone.
  std::uint32_t LabelQuote(std::uint32_t cue_end, const Sentence& s) const;
};

void Attributor::IndexNames() {
  name_start_.assign(toks_.size(), -1);
  name_end_.assign(toks_.size() + 1, -1);
  const auto& mentions = doc_->mentions();
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    const Mention& mm = mentions[m];
    if (mm.kind != MentionKind::kName || mm.type != EntityType::kPerson) continue;
    if (name_start_[mm.first_token] < 0) name_start_[mm.first_token] = static_cast<std::int32_t>(m);
    name_end_[mm.end_token] = static_cast<std::int32_t>(m);
  }
  document_owner_.clear();
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    const Mention& mm = mentions[m];
    if (mm.kind != MentionKind::kName || mm.type != EntityType::kOrg || mm.entity < 0 ||
        mm.end_token >= toks_.size()) {
      continue;
    }
    const std::string_view w = doc_->Folded(mm.end_token);
    if (std::find(std::begin(kDocumentNouns), std::end(kDocumentNouns), w) ==
        std::end(kDocumentNouns)) {
      continue;
    }
    auto it = std::find_if(document_owner_.begin(), document_owner_.end(),
                           [&](const auto& e) { return e.first == w; });
    if (it == document_owner_.end()) {
      document_owner_.emplace_back(w, static_cast<std::int32_t>(m));
    } else if (it->second >= 0 &&
               mentions[static_cast<std::size_t>(it->second)].entity != mm.entity) {
      it->second = -2;
    }
  }
}

std::int32_t Attributor::DocumentAuthor(std::pair<std::uint32_t, std::uint32_t> sp) const {
  // "A statement from Apple Computer stated", "a report by the ministry
  // says", "a letter from Smith reads": a document speaks for its author,
  // the organisation or person after "from", "by" or "of".
  // (The source phrase may have been left out of the speaker span, up to
  // the cue: "A statement [from Apple Computer] stated".)
  std::uint32_t end = sp.second;
  const std::uint32_t sentence_end = sents_[sent_of_[sp.first]].end_token;
  while (end < sentence_end && end < sp.second + 8 && !IsCueToken(end) && quote_of_[end] < 0 &&
         !IsComma(end)) {
    ++end;
  }
  for (std::uint32_t k = sp.first; k < sp.second && k + 2 < end; ++k) {
    const std::string_view w = doc_->Folded(k);
    if (std::find(std::begin(kDocumentNouns), std::end(kDocumentNouns), w) ==
        std::end(kDocumentNouns)) {
      continue;
    }
    const std::string_view prep = doc_->Folded(k + 1);
    if (prep == "on" || prep == "in") {
      // "A statement on Apple's website", "a post on Musk's X account": the
      // owner of the page speaks.
      static constexpr std::string_view kMedia[] = {"website", "site",    "homepage", "blog",
                                                    "page",    "account", "feed",     "channel"};
      std::uint32_t poss = k + 2;
      while (poss < end && poss < k + 6 && !Is(poss, "'s") && !Is(poss, "\xE2\x80\x99s")) ++poss;
      if (poss == k + 2 || poss >= end || !(Is(poss, "'s") || Is(poss, "\xE2\x80\x99s"))) return -1;
      std::uint32_t media = poss + 1;
      if (media < end && Class(media) != WC::kContent) return -1;
      while (media < end && media < poss + 3 &&
             std::find(std::begin(kMedia), std::end(kMedia), doc_->Folded(media)) ==
                 std::end(kMedia)) {
        ++media;
      }
      if (media >= end || media >= poss + 3) return -1;
      const std::int32_t m =
          HeadMention(*doc_, res_, Span{toks_[k + 2].span.begin, toks_[poss - 1].span.end});
      if (m < 0) return -1;
      const EntityType t = doc_->mentions()[static_cast<std::size_t>(m)].type;
      return t == EntityType::kOrg || t == EntityType::kPerson ? m : -1;
    }
    if (prep != "from" && prep != "by" && prep != "of") {
      // "A leaked internal letter seen by Sky News says" after or before
      // "The Home Office letter reads": the one organisation whose letter
      // the document mentions.
      auto it = std::find_if(document_owner_.begin(), document_owner_.end(),
                             [&](const auto& e) { return e.first == w; });
      return it != document_owner_.end() && it->second >= 0 ? it->second : -1;
    }
    // The author's phrase ends before its addressee or topic ("a letter from
    // Smith to Boris Johnson").
    std::uint32_t stop = k + 2;
    while (stop < end && !IsComma(stop) && Class(stop) != WC::kRel && !Is(stop, "to") &&
           !Is(stop, "for") && !Is(stop, "about") && !Is(stop, "on") && !Is(stop, "regarding")) {
      ++stop;
    }
    if (stop == k + 2) return -1;
    const Span rest{toks_[k + 2].span.begin, toks_[stop - 1].span.end};
    const std::int32_t m = HeadMention(*doc_, res_, rest);
    if (m < 0) return -1;
    const EntityType t = doc_->mentions()[static_cast<std::size_t>(m)].type;
    return t == EntityType::kOrg || t == EntityType::kPerson || t == EntityType::kPlace ? m : -1;
  }
  return -1;
}

std::int32_t Attributor::AppositiveName(std::pair<std::uint32_t, std::uint32_t> sp) const {
  if (sp.first >= sp.second) return -1;
  std::uint32_t lo = sents_[sent_of_[sp.first]].first_token;
  std::uint32_t hi = sents_[sent_of_[sp.first]].end_token;
  // After: "Chairman ..., Cres Eastman, says".
  if (sp.second < hi && name_start_[sp.second] >= 0) return name_start_[sp.second];
  for (std::uint32_t k = sp.second; k + 1 < hi && k - sp.second < 12; ++k) {
    if (IsComma(k) && name_start_[k + 1] >= 0) return name_start_[k + 1];
    if (IsTerminal(k) || quote_of_[k] >= 0 || IsCueToken(k)) break;
  }
  // Before: "K.C. Maurer, chief ... treasurer at the Foundation, said",
  // "Tom Devocht, who said"; a speaker with a name of its own only when its
  // phrase is closed by a comma or the sentence's end (not "According to a
  // report in Ars Technica, a memo at Apple showed").
  const Span span = TokSpan(sp.first, sp.second);
  const auto& mentions = doc_->mentions();
  auto m = std::lower_bound(mentions.begin(), mentions.end(), span.begin,
                            [](const Mention& x, std::uint32_t pos) { return x.span.begin < pos; });
  bool own_name = false;
  for (; m != mentions.end() && m->span.begin < span.end && !own_name; ++m) {
    own_name = m->kind == MentionKind::kName && m->span.end <= span.end;
  }
  const bool closed = sp.second >= hi || IsComma(sp.second) || IsTerminal(sp.second);
  for (std::uint32_t j = sp.first; (closed || !own_name) && j > lo && sp.first - j < 16;) {
    --j;
    if (IsComma(j)) {
      if (name_end_[j] >= 0) return name_end_[j];
      continue;
    }
    if (IsTerminal(j) || quote_of_[j] >= 0 || IsCueToken(j) || used_[j]) break;
  }
  return -1;
}

void Attributor::Classify() {
  sent_of_.assign(toks_.size(), 0);
  for (std::uint32_t si = 0; si < sents_.size(); ++si) {
    for (std::uint32_t i = sents_[si].first_token; i < sents_[si].end_token; ++i) sent_of_[i] = si;
  }
  in_timex_.assign(toks_.size(), false);
  for (const Timex& t : doc_->timexes()) {
    for (std::uint32_t i = doc_->TokenAtOrAfter(t.span.begin);
         i < toks_.size() && toks_[i].span.begin < t.span.end; ++i) {
      in_timex_[i] = true;
    }
  }
}

std::uint32_t Attributor::LabelQuote(std::uint32_t cue_end, const Sentence& s) const {
  // "called the sentence “dangerous”", "dubbed the conflict: “Q”": an object
  // of a few words (no preposition, adverb, time or clause: not "called
  // Putin on Tuesday to discuss “the crisis”", "called the police
  // “immediately”"), then a quotation that is a label, not an adverb, a
  // time or an infinitive ("“every day”", "“to discuss the budget”").
  std::uint32_t j = cue_end;
  while (j < s.end_token && j < cue_end + 12 && !IsOpenQuote(j)) {
    if (IsTerminal(j) || Text(j) == ";" || in_timex_[j] || IsCueToken(j) || Is(j, "to")) {
      return kNone;
    }
    const WC c = Class(j);
    if (c == WC::kSub || c == WC::kRel || c == WC::kAux || c == WC::kModal || c == WC::kPrep ||
        c == WC::kAdv || c == WC::kPart) {
      return kNone;
    }
    if (Text(j) == ":" && j + 1 < s.end_token && IsOpenQuote(j + 1)) {
      ++j;
      break;
    }
    ++j;
  }
  if (j == cue_end || j >= s.end_token || !IsOpenQuote(j) || quote_of_[j] < 0) return kNone;
  const Quote& q = quotes_[static_cast<std::size_t>(quote_of_[j])];
  if (q.open != j || q.close == kNone || q.inner_first >= q.inner_end) return kNone;
  const std::uint32_t f = q.inner_first;
  const WC fc = Class(f);
  if (in_timex_[f] || Is(f, "to") || fc == WC::kAdv || fc == WC::kPrep || fc == WC::kPart ||
      doc_->Folded(f).ends_with("ly")) {
    return kNone;
  }
  return j;
}

void Attributor::FindQuotes() {
  quote_of_.assign(toks_.size(), -1);
  // Quotations are looked for zone by zone; a zone without double quotation
  // marks may use single ones. A quotation left open at the end of a
  // paragraph runs on into the next one when that paragraph's first mark
  // closes it (one quotation across a paragraph break).
  struct ZoneRange {
    std::uint32_t first, end;
    bool has_double;
    bool citation;  // a sources-list line: its marks enclose a title, not words said
  };
  std::vector<ZoneRange> zones;
  for (std::size_t si = 0; si < sents_.size();) {
    std::size_t sj = si;
    while (sj < sents_.size() && sents_[sj].zone == sents_[si].zone) ++sj;
    ZoneRange z{sents_[si].first_token, sents_[sj - 1].end_token, false,
                ZoneOf(static_cast<std::uint32_t>(si)) == ZoneKind::kCitation};
    for (std::uint32_t i = z.first; i < z.end; ++i) {
      if (toks_[i].kind == TokenKind::kQuote && toks_[i].Has(kTokDoubleQuote)) z.has_double = true;
    }
    zones.push_back(z);
    si = sj;
  }
  auto push = [&](std::uint32_t o, std::uint32_t c, std::uint32_t inner_first,
                  std::uint32_t inner_end) {
    if (inner_end <= inner_first) return;
    auto qi = static_cast<std::int32_t>(quotes_.size());
    quotes_.push_back(Quote{o, c, inner_first, inner_end});
    std::uint32_t a = o != kNone ? o : inner_first;
    std::uint32_t b = c != kNone ? c + 1 : inner_end;
    for (std::uint32_t k = a; k < b; ++k) quote_of_[k] = qi;
  };
  std::uint32_t carried = kNone;  // an opening mark from the previous paragraph
  for (std::size_t zi = 0; zi < zones.size(); ++zi) {
    const ZoneRange& z = zones[zi];
    std::uint32_t open = z.has_double ? carried : kNone;
    carried = kNone;
    if (z.citation) continue;
    for (std::uint32_t i = z.first; i < z.end; ++i) {
      const Token& t = toks_[i];
      if (t.kind != TokenKind::kQuote || t.Has(kTokDoubleQuote) != z.has_double) continue;
      if (!z.has_double) {
        // Single marks: an apostrophe after s ("Jones' car") is not a quote;
        // a closing mark without an opening one must follow punctuation.
        if (t.Has(kTokCloseQuote) && open == kNone) {
          bool after_punct = i > z.first && (IsComma(i - 1) || IsTerminal(i - 1));
          if (!after_punct) continue;
        }
      }
      // An opening-shaped mark after the end of a quoted sentence, with a
      // space after it, closes the open quotation (“Q. “ -- a typo for ”).
      // So does one glued to a reporting verb ('... cloud”, “said Jobs').
      auto glued_cue = [&] {
        if (i + 1 >= z.end || toks_[i + 1].span.begin != t.span.end) return false;
        const LexiconEntry* e = res_.Entry(res_.cues, *doc_, i + 1);
        return e != nullptr && e->fields.size() >= 2 && e->fields[1] == "say";
      };
      bool closes_anyway = t.Has(kTokOpenQuote) && open != kNone && i > open + 1 &&
                           Text(i) == "\xE2\x80\x9C" && (IsTerminal(i - 1) || IsComma(i - 1)) &&
                           (i + 1 >= z.end || toks_[i + 1].span.begin > t.span.end || glued_cue());
      // A closing-shaped mark without an opening one, when the next mark of
      // the paragraph closes too, opens: 'communities," For example, ...
      // exercise".' (a mark on the wrong side of its space).
      bool opens_anyway = false;
      if (!t.Has(kTokOpenQuote) && open == kNone) {
        for (std::uint32_t j = i + 1; j < z.end; ++j) {
          const Token& u = toks_[j];
          if (u.kind != TokenKind::kQuote || u.Has(kTokDoubleQuote) != z.has_double) continue;
          opens_anyway = !u.Has(kTokOpenQuote) && j > i + 1;
          break;
        }
      }
      if ((t.Has(kTokOpenQuote) && !closes_anyway) || opens_anyway) {
        if (open == kNone) open = i;
      } else if (open != kNone) {
        push(open, i, open + 1, i);
        open = kNone;
      } else if (i > z.first) {
        // A closing mark without an opening one: the quotation runs from the
        // start of the paragraph (a pull-quote that lost its first mark).
        push(kNone, i, z.first, i);
      }
    }
    if (open == kNone) continue;
    // Does the next paragraph close this quotation before opening another?
    bool runs_on = false;
    if (zi + 1 < zones.size() && zones[zi + 1].has_double) {
      for (std::uint32_t i = zones[zi + 1].first; i < zones[zi + 1].end; ++i) {
        const Token& t = toks_[i];
        if (t.kind != TokenKind::kQuote || !t.Has(kTokDoubleQuote)) continue;
        runs_on = t.Has(kTokCloseQuote);
        break;
      }
    }
    if (runs_on) {
      carried = open;
    } else {
      push(open, kNone, open + 1, z.end);
    }
  }
}

bool Attributor::CueIsSpeechAct(const Cue& c) const {
  std::uint32_t i = c.first;
  const Sentence& s = sents_[c.sentence];
  if (i == s.first_token) return c.frame() == "according";
  std::uint32_t p = i - 1;
  // "has not yet mentioned", "will also say": past adverbs to the word that
  // decides.
  // ("have both criticised": a floating quantifier after the auxiliary too.)
  for (int n = 0; n < 2 && p > s.first_token &&
                  (Class(p) == WC::kAdv || Is(p, "yet") ||
                   ((Is(p, "both") || Is(p, "all") || Is(p, "each")) &&
                    (Class(p - 1) == WC::kAux || Class(p - 1) == WC::kModal)));
       ++n) {
    --p;
  }
  // "to say", "will announce", "did not say", "the announced plan".
  WC pc = Class(p);
  if (pc == WC::kPart || pc == WC::kModal || pc == WC::kNeg || pc == WC::kDet) {
    return c.frame() == "according" || c.frame() == "statement";
  }
  if (pc == WC::kAux && (Is(p, "did") || Is(p, "do") || Is(p, "does"))) return false;
  return true;
}

bool Attributor::OtherSense(const Cue& c, const Sentence& s) const {
  // Senses of cue verbs that report no speech: "welcomed everyone to the
  // event", "arrested and questioned the student", ", adding the words X to
  // the name".
  const std::uint32_t nx = c.end;
  if (nx >= s.end_token) return false;
  static constexpr std::string_view kPeople[] = {
      "everyone", "everybody", "him",     "her",      "them",    "us",       "guests",
      "visitors", "delegates", "student", "students", "suspect", "suspects", "man",
      "woman",    "men",       "women",   "boy",      "girl",    "witness",  "witnesses"};
  // A possessor is no object: "welcomed the man's decision", "questioned
  // Smith's account" state what they welcome or question.
  auto possessive = [&](std::uint32_t j) {
    return j < s.end_token &&
           (Is(j, "'s") || Is(j, "\xE2\x80\x99s") || Is(j, "'") || Is(j, "\xE2\x80\x99"));
  };
  auto person_object = [&]() {
    std::uint32_t k = nx;
    if (k < s.end_token && (Is(k, "the") || Is(k, "a") || Is(k, "two") || Is(k, "three"))) ++k;
    if (k >= s.end_token) return false;
    if (std::find(std::begin(kPeople), std::end(kPeople), doc_->Folded(k)) != std::end(kPeople)) {
      return !possessive(k + 1);
    }
    // A person's name right after the verb ("questioned Smith").
    auto it = MentionsFrom(k);
    return it != doc_->mentions().end() && it->first_token == k &&
           it->type == EntityType::kPerson && it->kind == MentionKind::kName &&
           !possessive(it->end_token);
  };
  const std::string_view lemma = c.lemma();
  if (lemma == "welcome" || lemma == "question") return person_object();
  if (lemma == "add" && (Class(nx) == WC::kDet || Class(nx) == WC::kContent) && quote_of_[nx] < 0 &&
      !ParseClauseAfter(c.first, c.end, nx, s)) {
    for (std::uint32_t k = nx + 1; k < s.end_token && k < nx + 10; ++k) {
      if (Is(k, "to")) return true;  // "adding the words X to the name"
      if (IsComma(k) || IsCueToken(k) || Class(k) == WC::kSub) break;
    }
  }
  return false;
}

bool Attributor::IsPassiveCue(const Cue& c, const Sentence& s) const {
  std::string_view form = doc_->Folded(c.end - 1);
  bool participle = form.ends_with("ed") || form.ends_with("en") || form.ends_with("wn") ||
                    form == "said" || form == "told" || form == "made";
  if (!participle) return false;
  // "written by Marc Headley", "was recommended by Jobs" (but "estimated
  // by 2050, ...": a time, no agent).
  if (c.end < s.end_token && Is(c.end, "by")) {
    bool time = false;
    if (c.end + 1 < s.end_token) {
      const std::uint32_t at = toks_[c.end + 1].span.begin;
      const auto& timexes = doc_->timexes();  // sorted by begin
      auto it =
          std::upper_bound(timexes.begin(), timexes.end(), at,
                           [](std::uint32_t pos, const Timex& t) { return pos < t.span.begin; });
      // The last timex starting at or before `at` holds it, if any does.
      time = it != timexes.begin() && at < std::prev(it)->span.end;
    }
    if (!time) return true;
  }
  std::uint32_t k = c.first;
  for (int hops = 0; k > s.first_token && hops < 3; ++hops) {
    std::uint32_t p = k - 1;
    std::string_view w = doc_->Folded(p);
    if (IsBeForm(w) || w == "get" || w == "got" || w == "gets") {
      return true;
    }
    bool adverb = Class(p) == WC::kAdv || Class(p) == WC::kNeg ||
                  (w.ends_with("ly") && !toks_[p].Has(kTokCapitalized)) || w == "twice" ||
                  w == "once";
    if (!adverb) break;
    k = p;
  }
  return false;
}

bool Attributor::IsBadSpeaker(std::pair<std::uint32_t, std::uint32_t> sp) const {
  if (sp.first >= sp.second) return true;
  std::uint32_t last = sp.second - 1;
  std::string_view w = doc_->Folded(last);
  // ("Rather than recall the devices, ...", "..., which the Home Office
  // today rejects": no speaker, capitalised or not.)
  if (w == "rather" || w == "which" || w == "whom" || w == "whose") return true;
  if (toks_[last].Has(kTokCapitalized) || Class(last) == WC::kPron) return false;
  if (w.ends_with("ly") && w != "assembly" && w != "family" && w != "ally" && w != "italy") {
    return true;
  }
  return Class(last) == WC::kAdv || Class(last) == WC::kNeg || Class(last) == WC::kModal ||
         w == "twice" || w == "once" || w == "rather" || w == "also" || w == "still";
}

std::uint32_t Attributor::CueVerb(std::uint32_t first, std::uint32_t end) const {
  const auto& syn = doc_->syntax();
  for (std::uint32_t k = first; k < end; ++k) {
    auto h = syn[k].head;
    if (h < static_cast<std::int32_t>(first) || h >= static_cast<std::int32_t>(end)) return k;
  }
  return first;
}

int Attributor::FiniteTense(std::int32_t verb) const {
  const auto& syn = doc_->syntax();
  auto of = [](std::string_view xpos) {
    return xpos == "VBD" ? 1 : (xpos == "VBZ" || xpos == "VBP" || xpos == "MD") ? 2 : 0;
  };
  const auto v = static_cast<std::uint32_t>(verb);
  const std::uint32_t lo = v > SyntaxStage::kMaxParseTokens ? v - SyntaxStage::kMaxParseTokens : 0;
  for (std::uint32_t j = lo; j < v; ++j) {
    if (syn[j].head == verb && (syn[j].deprel == "aux" || syn[j].deprel == "aux:pass")) {
      if (int t = of(syn[j].xpos); t != 0) return t;
    }
  }
  return of(syn[v].xpos);
}

std::uint32_t Attributor::CueConjunctStart(const Cue& cue, std::uint32_t first,
                                           std::uint32_t end) const {
  const auto& syn = doc_->syntax();
  if (syn.size() != toks_.size() || end <= first) return end;
  const auto verb = static_cast<std::int32_t>(CueVerb(cue.first, cue.end));
  for (std::uint32_t k = first; k < end; ++k) {
    if (syn[k].head != verb || syn[k].deprel != "conj" ||
        (syn[k].upos != "VERB" && syn[k].upos != "AUX")) {
      continue;
    }
    // Its own words before it ("but", "did not"), no subject of its own, and
    // the cue's tense ("confirmed ..., but did not say"; not "claims that she
    // was working ... and ended up ...", where the parse hangs the content's
    // second verb on the cue).
    std::uint32_t cut = k;
    bool subject = false;
    if (FiniteTense(static_cast<std::int32_t>(k)) != FiniteTense(verb) || FiniteTense(verb) == 0) {
      continue;
    }
    const std::uint32_t lo =
        first + SyntaxStage::kMaxParseTokens < k ? k - SyntaxStage::kMaxParseTokens : first;
    for (std::uint32_t j = lo; j < std::min(end, k + SyntaxStage::kMaxParseTokens); ++j) {
      if (syn[j].head != static_cast<std::int32_t>(k)) continue;
      subject = subject || syn[j].deprel.starts_with("nsubj") || syn[j].deprel == "expl";
      if (j < k && j >= first) cut = std::min(cut, j);
    }
    if (subject) continue;
    while (cut > first && (IsComma(cut - 1) || Class(cut - 1) == WC::kConj)) --cut;
    return cut > first ? cut : end;
  }
  return end;
}

bool Attributor::ClauseStartsAt(std::uint32_t j, bool after_comma, const Sentence& s) const {
  const auto& syn = doc_->syntax();
  const bool parsed = syn.size() == toks_.size();
  auto verb = [&](std::uint32_t v) {
    return parsed && (syn[v].upos == "VERB" || syn[v].upos == "AUX");
  };
  std::uint32_t v = j;
  if (Class(j) == WC::kPron) {
    static constexpr std::string_view kSubject[] = {"i", "he", "she", "it", "we", "they", "you"};
    if (std::find(std::begin(kSubject), std::end(kSubject), doc_->Folded(j)) ==
        std::end(kSubject)) {
      return false;
    }
    v = j + 1;
  } else if (Class(j) == WC::kDet || (after_comma && Class(j) == WC::kContent && !verb(j))) {
    if (Class(j) == WC::kDet) ++v;
    while (v < s.end_token && v < j + 8 && Class(v) == WC::kContent && !verb(v)) ++v;
    if (v == j + 1 && Class(j) == WC::kDet) return false;
  } else {
    return false;
  }
  while (v < s.end_token && (Class(v) == WC::kAdv || Class(v) == WC::kNeg)) ++v;
  if (v >= s.end_token) return false;
  if (Class(v) == WC::kAux || Class(v) == WC::kModal) return true;
  return parsed && (syn[v].xpos == "VBD" || syn[v].xpos == "VBZ" || syn[v].xpos == "VBP");
}

bool Attributor::InvertedTag(const Cue& cue, const Sentence& s) const {
  const bool parsed = doc_->syntax().size() == toks_.size();
  if (parsed) {
    auto subj = ParseSubject(cue, s);
    if (subj.first < subj.second && subj.first >= cue.end) return true;
  }
  auto right = NpRight(cue.end, s.end_token);
  if (right.first >= right.second) return false;
  std::uint32_t k = right.second;
  std::uint32_t end = s.end_token;
  while (end > k && IsTerminal(end - 1)) --end;
  // A headline or a cited title ends with its speaker: "Document found on
  // street not secret, say feds" (the parse takes "feds" for an object).
  if (const ZoneKind zk = doc_->zones()[s.zone].kind;
      zk == ZoneKind::kHeadline || zk == ZoneKind::kCitation) {
    while (end > k && toks_[end - 1].kind == TokenKind::kQuote) --end;
    if (k >= end) return true;
  }
  if (parsed) {
    // "..., as it has for iPhone 4, said Mike Gikas of Consumer Reports.":
    // the parse may take a subject from the clause before; a person's name
    // phrase running from the cue to the end of the sentence still speaks.
    const std::int32_t m = HeadMention(*doc_, res_, TokSpan(right.first, right.second));
    return k >= end && m >= 0 &&
           doc_->mentions()[static_cast<std::size_t>(m)].type == EntityType::kPerson;
  }
  if (k >= end) return true;
  if (!IsComma(k) || k + 1 >= end || !(Is(k + 1, "a") || Is(k + 1, "an") || Is(k + 1, "the"))) {
    return false;
  }
  for (std::uint32_t j = k + 1; j < end; ++j) {
    if (IsComma(j) || IsCueToken(j)) return false;
  }
  return true;
}

bool Attributor::ParseClauseAfter(std::uint32_t first, std::uint32_t end, std::uint32_t from,
                                  const Sentence& s) const {
  const auto& syn = doc_->syntax();
  if (syn.size() != toks_.size() || end <= first) return false;
  const std::uint32_t verb = CueVerb(first, end);
  // Heads stay inside parse windows of kMaxParseTokens: look that far only.
  constexpr std::uint32_t kWindow = SyntaxStage::kMaxParseTokens;
  for (std::uint32_t k = from; k < std::min(s.end_token, from + kWindow); ++k) {
    if (syn[k].head != static_cast<std::int32_t>(verb) || syn[k].deprel != "ccomp") continue;
    for (std::uint32_t j = std::max(s.first_token, k > kWindow ? k - kWindow : 0U);
         j < std::min(s.end_token, k + kWindow); ++j) {
      if (syn[j].head == static_cast<std::int32_t>(k) &&
          (syn[j].deprel == "nsubj" || syn[j].deprel == "nsubj:pass" || syn[j].deprel == "expl")) {
        return true;
      }
    }
  }
  return false;
}

std::pair<std::uint32_t, std::uint32_t> Attributor::ParseSubject(const Cue& c,
                                                                 const Sentence& s) const {
  const auto& syn = doc_->syntax();
  if (syn.size() != toks_.size()) return {0, 0};
  const std::uint32_t verb = CueVerb(c.first, c.end);
  std::int32_t subj = -1;
  for (std::uint32_t k = s.first_token; k < s.end_token; ++k) {
    if (syn[k].head == static_cast<std::int32_t>(verb) && syn[k].deprel == "nsubj") {
      subj = static_cast<std::int32_t>(k);
      break;
    }
  }
  // "Ballmer expressed condolences and described him as ...": a verb
  // coordinated with an earlier one shares its subject.
  // So does a participle clause: "The mayor spoke on Monday, urging ...".
  // Up to three such links: "Jobs acknowledged X, but dismissed Y,
  // saying C".
  for (std::uint32_t v = verb, hops = 0;
       subj < 0 && hops < 3 && (syn[v].deprel == "conj" || syn[v].deprel == "advcl") &&
       syn[v].head >= 0 && static_cast<std::uint32_t>(syn[v].head) < v &&
       static_cast<std::uint32_t>(syn[v].head) >= s.first_token;
       ++hops) {
    const auto h = static_cast<std::uint32_t>(syn[v].head);
    // (A verb, not a hyphenated modifier the tagger took for one:
    // "Salt Lake City-based First Security, ..., said".)
    const bool real_verb = (syn[h].upos == "VERB" || syn[h].upos == "AUX") &&
                           Text(h).find('-') == std::string_view::npos;
    if (!real_verb) break;
    // (A verb with a subject of another kind stops the walk: "Jones was
    // appointed in his place, saying ..." is Jones's, not the first verb's.)
    bool other_subject = false;
    for (std::uint32_t k = h > s.first_token + 200 ? h - 200 : s.first_token;
         k < std::min(s.end_token, h + 20); ++k) {
      if (syn[k].head != static_cast<std::int32_t>(h)) continue;
      const std::string_view rel = syn[k].deprel;
      if (rel == "nsubj" && k < h) {
        subj = static_cast<std::int32_t>(k);
        break;
      }
      other_subject =
          other_subject || rel.starts_with("nsubj") || rel.starts_with("csubj") || rel == "expl";
    }
    if (subj < 0 && other_subject) break;
    v = h;
  }
  if (subj < 0) return {0, 0};
  // The subject's whole subtree, kept contiguous: the tokens between its
  // leftmost and rightmost descendants, stopping at a clause of its own
  // (an apposition set off by commas is kept: "Smith, a spokesman,").
  auto in_subtree = [&](std::uint32_t k) {
    std::int32_t h = static_cast<std::int32_t>(k);
    for (int hops = 0; hops < 64 && h >= 0; ++hops) {
      if (h == subj) return true;
      if (syn[static_cast<std::size_t>(h)].deprel == "acl:relcl") return false;
      h = syn[static_cast<std::size_t>(h)].head;
    }
    return false;
  };
  // A subject the parse found inside quoted words that modify a noun before
  // them ('an anonymous individual “with direct knowledge of the
  // situation” claimed'): that noun's phrase with the quotation.
  if (const std::int32_t qi = quote_of_[static_cast<std::size_t>(subj)]; qi >= 0) {
    const Quote& q = quotes_[static_cast<std::size_t>(qi)];
    if (q.open != kNone && q.close != kNone && q.close < c.first && q.open > s.first_token) {
      const auto np = NpLeft(q.open, s.first_token);
      if (np.first < np.second && np.second == q.open) return {np.first, q.close + 1};
    }
  }
  auto first = static_cast<std::uint32_t>(subj), end = first + 1;
  while (first > s.first_token && in_subtree(first - 1) && quote_of_[first - 1] < 0) --first;
  std::uint32_t lim = first < c.first ? c.first : s.end_token;
  while (end < lim && in_subtree(end) && quote_of_[end] < 0) ++end;
  while (end > first && (IsComma(end - 1) || Text(end - 1) == "-")) --end;
  while (first < end && IsComma(first)) ++first;
  if (first >= end) return {0, 0};
  return {first, end};
}

void Attributor::FindCues() {
  cue_at_.assign(toks_.size(), -1);
  std::string key;
  for (std::uint32_t si = 0; si < sents_.size(); ++si) {
    const Sentence& s = sents_[si];
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
      if (toks_[i].kind != TokenKind::kWord || quote_of_[i] >= 0) continue;
      std::uint32_t n = 0;
      const LexiconEntry* e = LongestPhrase(res_, res_.cues, *doc_, i, s.end_token, &n, &key, 0);
      if (e == nullptr) continue;
      Cue c{i, i + n, e, si, false, e->fields[1]};
      if (c.frame() == "statement") continue;  // "in a statement": not a cue by itself
      if (c.frame() == "ing") {
        // "..., saying (that) C" speaks for the clause's subject; elsewhere
        // ("by saying", "a message stating") only a quotation may follow.
        // (The comma may sit inside the quotation before it: '“X,” saying'.)
        const bool after_comma =
            i > s.first_token &&
            (IsComma(i - 1) || (i > s.first_token + 1 && IsCloseQuote(i - 1) && IsComma(i - 2)));
        c.frame_ = after_comma ? "say" : "quote";
        // "In response to critics saying that C", "with the i reporting
        // that C" / "with the i reporting no one will be refused": a noun
        // phrase speaks through the participle, before "that" or, after
        // "with NP", a clause.
        if (!after_comma && i > s.first_token && i + n < s.end_token &&
            (Class(i - 1) == WC::kContent || Class(i - 1) == WC::kPron) &&
            !toks_[i - 1].Has(kTokClitic)) {
          bool with = false;
          for (std::uint32_t j = i - 1; j-- > s.first_token && i - j <= 5;) {
            if (Is(j, "with")) {
              with = true;
              break;
            }
            if (Class(j) != WC::kContent && Class(j) != WC::kDet) break;
          }
          if (Is(i + n, "that") || (with && ParseClauseAfter(i, i + n, i + n, s))) {
            c.frame_ = "say";
          }
        }
      }
      if (c.frame() == "tag") {
        c.frame_ = "say";
        c.needs_that = true;
      }
      // "a unique light show that can be observed": a noun, by the parse.
      if (c.frame() == "say_that" && n == 1 && doc_->syntax().size() == toks_.size() &&
          doc_->syntax()[i].upos == "NOUN") {
        continue;
      }
      if (c.frame() == "say_that") {
        // "The report states that ..." (but "the states", "his claims that");
        // "the statement states: “Q”" takes a quotation only.
        if (i + n >= s.end_token || (i > s.first_token && Is(i - 1, "her"))) continue;
        std::uint32_t nx = i + n;
        // "Paris claims she was ...": a name or subject pronoun before, a
        // clause after, and the form is a verb too.
        auto subject_pron = [&](std::uint32_t k) {
          std::string_view w = doc_->Folded(k);
          return w == "he" || w == "she" || w == "they" || w == "it" || w == "we" || w == "i";
        };
        bool verb_use = i > s.first_token &&
                        ((toks_[i - 1].Has(kTokCapitalized) && Class(i - 1) == WC::kContent) ||
                         subject_pron(i - 1)) &&
                        (subject_pron(nx) || Is(nx, "the") || Is(nx, "a"));
        if (Is(nx, "that") || verb_use || ParseClauseAfter(i, i + n, nx, s)) {
          c.frame_ = "say";
        } else if (IsOpenQuote(nx) || Text(nx) == ":" ||
                   (IsComma(nx) && nx + 1 < s.end_token && IsOpenQuote(nx + 1))) {
          c.frame_ = "quote";
        } else if (i > s.first_token + 1 &&
                   (IsCloseQuote(i - 1) || (IsComma(i - 1) && IsCloseQuote(i - 2)))) {
          c.frame_ = "quote";  // '“Q,” promises Mr. Campaneris.'
        } else {
          continue;
        }
      }
      // "a quote attributed to him", "condemned to death": no speech.
      if (c.frame() == "np" && n == 1 && i + 1 < s.end_token && Is(i + 1, "to")) continue;
      if (c.frame() == "label") {
        // "S called X “Q”" only: a quotation after an object, and a verb
        // with its subject before, not a participle ("a screen, dubbed a
        // “retina display”", "applications, commonly called “apps”", "a
        // cocktail called “Santorum”", "was called a “disaster”").
        const std::uint32_t nx = i + n;
        if (nx >= s.end_token || IsOpenQuote(nx) || i == s.first_token) continue;
        std::uint32_t p = i - 1;
        if (Class(p) == WC::kAdv && p > s.first_token) --p;
        if (IsComma(p) || IsBeForm(doc_->Folded(p))) continue;
        if (LabelQuote(nx, s) == kNone) continue;
      }
      if (!CueIsSpeechAct(c) || OtherSense(c, s)) continue;
      cue_at_[i] = static_cast<std::int32_t>(cues_.size());
      cues_.push_back(c);
      i += n - 1;
    }
  }
}

std::pair<std::uint32_t, std::uint32_t> Attributor::ClauseSubject(std::uint32_t cue,
                                                                  const Sentence& s) const {
  // The clause starts after the closest subordinator, conjunction or
  // relative pronoun before the cue, or at the sentence start.
  std::uint32_t start = s.first_token;
  for (std::uint32_t k = cue; k-- > s.first_token;) {
    WC c = Class(k);
    if ((c == WC::kSub || c == WC::kConj || c == WC::kRel) && quote_of_[k] < 0) {
      start = k + 1;
      break;
    }
  }
  // Skip an introductory phrase: "In a statement on Tuesday, ..."
  if (start < cue && (Class(start) == WC::kPrep || Class(start) == WC::kSub)) {
    for (std::uint32_t k = start; k < cue; ++k) {
      if (IsComma(k)) {
        start = k + 1;
        break;
      }
    }
  }
  // The first noun phrase from there; a participle ends it ("NATO ministers
  // meeting in ...").
  std::uint32_t k = start;
  while (k < cue && k - start < 12) {
    if (!IsNpWord(k) || IsCueToken(k) || quote_of_[k] >= 0) break;
    std::string_view t = doc_->Folded(k);
    if (k > start && !toks_[k].Has(kTokCapitalized) && Class(k) == WC::kContent &&
        (t.ends_with("ing") || t.ends_with("ed")) && t.size() > 5) {
      break;
    }
    ++k;
  }
  if (k == start && start < cue && Class(start) == WC::kPron) return {start, start + 1};
  return {start, k};
}

std::uint32_t Attributor::ContentEnd(std::uint32_t start, const Sentence& s) const {
  std::uint32_t end = s.end_token;
  // Exclude the final punctuation (and a closing bracket).
  while (end > start && (IsTerminal(end - 1) || Text(end - 1) == ")") && quote_of_[end - 1] < 0) {
    --end;
  }
  for (std::uint32_t k = start + 1; k < end; ++k) {
    if (quote_of_[k] >= 0) continue;
    std::string_view t = Text(k);
    if (t == ";" || t == "(") return k;
    // 'dismissed the existence of an “Antennagate,” saying ...': a
    // reporting participle after a quotation that ends with its comma.
    // So does any participle there ('“priced it really aggressively,”
    // referring to the base price').
    const bool participle = doc_->Folded(k).ends_with("ing") && Class(k) == WC::kContent;
    if ((IsCueToken(k) || participle) && k >= start + 3 && quote_of_[k - 1] >= 0 &&
        IsCloseQuote(k - 1) && IsComma(k - 2)) {
      return k;
    }
    WC c = Class(k);
    bool comma = IsComma(k);
    if (comma || c == WC::kConj || c == WC::kSub) {
      // Another reporting clause follows: "... and confirmed ...",
      // "... as he called on ...".
      for (std::uint32_t j = k + 1; j < std::min(end, k + 5); ++j) {
        // (not a passive: "they should be declared not guilty")
        bool passive = Is(j - 1, "be") || Is(j - 1, "been") || Is(j - 1, "being");
        if (IsCueToken(j) && !passive) return k;
      }
    }
    // ", however," ends it; a relative clause (", which ...") is part of
    // what was said.
    if (comma && k + 1 < end && Is(k + 1, "however")) return k;
    // So does a quoted sentence after a comma: 'said resources would be
    // accessible, "For example, schools can ..."' (its own direct quote).
    // (A sentence: it ends with its own full stop, or the quotation ends
    // the sentence; not a quoted title: 'the film, "Gone With The Wind
    // Again", was his favourite'.)
    if (comma && k + 2 < end && quote_of_[k + 1] >= 0 && toks_[k + 2].Has(kTokCapitalized)) {
      const Quote& q = quotes_[static_cast<std::size_t>(quote_of_[k + 1])];
      const bool sentence = q.close == kNone || IsTerminal(q.inner_end - 1) ||
                            q.close + 1 >= s.end_token || IsTerminal(q.close + 1);
      if (q.open == k + 1 && q.inner_end >= q.inner_first + 4 && sentence) return k;
    }
    // (", as Apple have done in the past": "as" read as a preposition.)
    const bool as_clause = Is(k, "as") && IsComma(k - 1);
    if ((c == WC::kSub || as_clause) && !Is(k, "that") && !Is(k, "if") && !Is(k, "whether") &&
        k + 1 < end) {
      // An adverbial clause with its own subject: "... as he joined ...";
      // not one that opens the content ("said that, as the parents came
      // from India, they ...").
      // (Also after a "that" inside the content: "agreed with Apple's
      // defence that, while the store is branded, the music is not".)
      bool opens = true;
      for (std::uint32_t j = start; j < k && opens; ++j) opens = Is(j, "that") || IsComma(j);
      if (!opens) {
        std::uint32_t j = k;
        while (j > start && IsComma(j - 1)) --j;
        opens = j > start && j < k && Is(j - 1, "that");
      }
      if (opens) continue;
      const auto& syn = doc_->syntax();
      const bool parsed = syn.size() == toks_.size();
      // (A preposition by the parse: "collected head shots as a kid".)
      if (parsed && syn[k].deprel == "case") continue;
      // With the parse: a clause that hangs on a verb of the content is
      // part of it ("explained Warhol's obsession began when he first
      // collected head shots"); one on the cue is not ("called for weapons
      // as he joined the meeting"). ("as" excepted: "called for weapons to
      // come faster as he joined the meeting" tells when the speaker spoke,
      // wherever the parse hangs it.)
      if (parsed && !Is(k, "as") && (syn[k].deprel == "mark" || syn[k].deprel == "advmod") &&
          syn[k].head > 0) {
        const auto clause = static_cast<std::size_t>(syn[k].head);
        const std::int32_t host = syn[clause].head;
        if (syn[clause].deprel.starts_with("advcl") && host >= static_cast<std::int32_t>(start) &&
            host < static_cast<std::int32_t>(k) &&
            syn[static_cast<std::size_t>(host)].upos == "VERB") {
          continue;
        }
      }
      WC n = Class(k + 1);
      bool subject = n == WC::kPron || n == WC::kDet || toks_[k + 1].Has(kTokCapitalized);
      if (subject && !(k >= 1 && Class(k - 1) == WC::kAdv) && !Is(k + 1, "long") &&
          !Is(k + 1, "well")) {
        return k;
      }
    }
  }
  return end;
}

std::uint32_t Attributor::SkipTimeAfter(std::uint32_t i, const Sentence& s) const {
  std::uint32_t k = i;
  if (k < s.end_token && Is(k, "on")) ++k;
  if (k >= s.end_token) return i;
  std::uint32_t begin = toks_[k].span.begin;
  for (const Timex& t : doc_->timexes()) {
    if (t.span.begin != begin) continue;
    if (t.type != TimexType::kDate && t.type != TimexType::kTime) return i;
    std::uint32_t e = doc_->TokenAtOrAfter(t.span.end);
    return e <= s.end_token ? e : i;
  }
  return i;
}

bool Attributor::ClosedAfterCue(const Cue& c, const Sentence& s, std::uint32_t n) const {
  // True when the cue takes no complement of its own: "“Q,” he said." /
  // "..., he said on Tuesday" / "..., said Smith, who ...". `n` is the first
  // token after the cue (or after the speaker, in "said Smith").
  if (c.lemma() == "tell" && n < s.end_token) {
    // "“Q,” he told reporters." The addressee is not a complement clause.
    auto addressee = NpRight(n, s.end_token);
    n = addressee.second;
  }
  // "..., Apple announced this morning." (A day or time right after the cue
  // is no complement; "on Tuesday" starts with a preposition anyway.)
  n = SkipTimeAfter(n, s);
  if (n >= s.end_token) return true;
  if (IsTerminal(n) || IsComma(n) || Text(n) == ";") return true;
  // ('"..., say feds" — The Canadian Press': a cited title closes.)
  if (toks_[n].kind == TokenKind::kQuote && toks_[n].Has(kTokCloseQuote)) return true;
  WC k = Class(n);
  if (k == WC::kPrep || k == WC::kAdv || k == WC::kSub) return !Is(n, "that");
  // "said to the crowd" (but not "said to have ...": an infinitive).
  if (k == WC::kPart && n + 1 < s.end_token)
    return IsNpWord(n + 1) && Class(n + 1) != WC::kContent ? true : Class(n + 1) == WC::kDet;
  return false;
}

std::int32_t Attributor::QuoteEndingAt(std::uint32_t close_tok) const {
  std::int32_t q = quote_of_[close_tok];
  if (q < 0) return -1;
  return quotes_[static_cast<std::size_t>(q)].close == close_tok ? q : -1;
}

bool Attributor::AddClaim(std::pair<std::uint32_t, std::uint32_t> speaker, const Cue* cue,
                          std::uint32_t content_first, std::uint32_t content_end, RuleRef rule,
                          float confidence, std::uint32_t sentence, std::int32_t inherit_from,
                          bool nested) {
  // Trim the content: leading "that", ":", ","; trailing commas and dashes.
  while (content_first < content_end &&
         (IsComma(content_first) || Text(content_first) == ":" ||
          (Is(content_first, "that") && Class(content_first) == WC::kSub))) {
    ++content_first;
  }
  while (content_end > content_first &&
         (IsComma(content_end - 1) || Text(content_end - 1) == "-" ||
          Text(content_end - 1) == "\xE2\x80\x94" || Text(content_end - 1) == ":")) {
    --content_end;
  }
  // A sources-list line reports its title only: "“MP calls for probe into
  // misplaced documents” — Edmonton Sun, August 16, 2008".
  if (ZoneOf(sentence) == ZoneKind::kCitation) {
    // (Its title is a sentence of its own; the marks around it go, inner
    // ones stay: "Obama says ‘no’ to new taxes".)
    const Sentence& ts = sents_[sentence];
    while (content_first < content_end && content_first == ts.first_token &&
           toks_[content_first].kind == TokenKind::kQuote) {
      ++content_first;
    }
    while (content_end > content_first && content_end == ts.end_token &&
           toks_[content_end - 1].kind == TokenKind::kQuote) {
      --content_end;
    }
    while (content_end > content_first && IsComma(content_end - 1)) --content_end;
  }
  if (content_end <= content_first) return false;
  for (std::uint32_t k = content_first; k < content_end && !nested; ++k) {
    if (used_[k]) return false;  // already attributed
  }
  Claim c;
  // Kind: a whole quotation is direct; quoted words inside are mixed.
  bool any_quote = false;
  for (std::uint32_t k = content_first; k < content_end; ++k) {
    if (toks_[k].kind == TokenKind::kQuote && quote_of_[k] >= 0) any_quote = true;
  }
  std::int32_t whole = -1;
  if (IsOpenQuote(content_first) || IsCloseQuote(content_end - 1)) {
    std::int32_t q = quote_of_[content_first];
    if (q >= 0 && q == quote_of_[content_end - 1]) {
      const Quote& qq = quotes_[static_cast<std::size_t>(q)];
      std::uint32_t a = qq.open != kNone ? qq.open : qq.inner_first;
      std::uint32_t b = qq.close != kNone ? qq.close + 1 : qq.inner_end;
      if (a == content_first && b == content_end) whole = q;
    }
  }
  std::uint32_t cf = content_first, ce = content_end;
  if (whole >= 0) {
    const Quote& q = quotes_[static_cast<std::size_t>(whole)];
    cf = q.inner_first;
    ce = q.inner_end;
    while (ce > cf && IsComma(ce - 1)) --ce;  // "open,”" -> "open"
    c.kind = ClaimKind::kDirect;
  } else {
    c.kind = any_quote ? ClaimKind::kMixed : ClaimKind::kIndirect;
  }
  if (ce <= cf) return false;
  c.content = TokSpan(cf, ce);
  // "After the leak, CEO of the Refugee Council Enver Solomon told ...": an
  // adverbial that opens the sentence is not part of the speaker.
  if (speaker.second > speaker.first + 2 &&
      (Class(speaker.first) == WC::kPrep || Class(speaker.first) == WC::kSub)) {
    for (std::uint32_t k = speaker.first + 1; k + 1 < speaker.second; ++k) {
      if (IsComma(k)) {
        speaker.first = k + 1;
        break;
      }
    }
  }
  // "even Macintosh support sites such as Mac News": the speakers are the
  // sites; the ones named after "such as" are examples, not the speaker,
  // and "even" weighs the phrase without being part of it.
  const std::pair<std::uint32_t, std::uint32_t> full_speaker = speaker;
  // "The union, despite calls for calm, said": a parenthetical with a cue
  // of its own is not part of the speaker.
  // (The first comma before the phrase's last cue word.)
  std::uint32_t last_cue = speaker.first;
  for (std::uint32_t j = speaker.first + 1; j < speaker.second; ++j) {
    if (IsCueToken(j)) last_cue = j;
  }
  for (std::uint32_t k = speaker.first + 1; k < last_cue; ++k) {
    if (IsComma(k)) {
      speaker.second = k;
      break;
    }
  }
  // (Not a name's: "Even Pellerud said", "Such As Records".)
  auto name_at = [&](std::uint32_t k) -> const Mention* {
    auto it = MentionsFrom(k + 1);  // the last one starting at k or before
    if (it == doc_->mentions().begin()) return nullptr;
    --it;
    return it->kind == MentionKind::kName && it->end_token > k ? &*it : nullptr;
  };
  if (speaker.second > speaker.first + 1 && Is(speaker.first, "even") &&
      name_at(speaker.first) == nullptr) {
    const Mention* next = name_at(speaker.first + 1);
    if (next == nullptr || next->type != EntityType::kPerson) ++speaker.first;
  }
  // ("such as" and "including" examples, and where the parse has one, a
  // past participle's phrase right after the noun: "The results of the ...
  // Study published in the Medical Journal of Australia this week show";
  // one set off by commas stays: "The report, released by X, says".)
  const auto& syn = doc_->syntax();
  const bool parsed = syn.size() == toks_.size();
  for (std::uint32_t k = speaker.first + 1; k + 2 < speaker.second; ++k) {
    const bool example = (Text(k) == "such" && Is(k + 1, "as")) || Is(k, "including");
    const bool participle = parsed && k >= speaker.first + 3 && !IsComma(k - 1) &&
                            syn[k].xpos == "VBN" && syn[k].deprel.starts_with("acl") &&
                            Class(k + 1) == WC::kPrep;
    if (example || participle) {
      speaker.second = IsComma(k - 1) ? k - 1 : k;
      break;
    }
  }
  if (speaker.second > speaker.first) {
    c.speaker = TokSpan(speaker.first, speaker.second);
    c.speaker_mention = HeadMention(*doc_, res_, c.speaker);
    bool person = false;
    if (c.speaker_mention >= 0) {
      const Mention& m = doc_->mentions()[static_cast<std::size_t>(c.speaker_mention)];
      person = m.type == EntityType::kPerson &&
               (m.kind == MentionKind::kName || m.kind == MentionKind::kPronoun);
    }
    if (!person) {
      std::int32_t named = AppositiveName(speaker);
      if (named >= 0) c.speaker_mention = named;
    }
    if (c.speaker_mention < 0) c.speaker_mention = DocumentAuthor(speaker);
    // "MP calls for probe ..." after "Paul Dewar, an Ottawa New Democrat MP,
    // said": a person's title alone (or after "the") is the one speaker the
    // document introduced with it, when only one was.
    const std::uint32_t head = speaker.second - 1;
    const bool unresolved =
        c.speaker_mention < 0 ||
        doc_->mentions()[static_cast<std::size_t>(c.speaker_mention)].entity < 0;
    const LexiconEntry* title = unresolved ? res_.Entry(res_.titles, *doc_, head) : nullptr;
    if (title != nullptr && title->fields.size() >= 2 && title->fields[1] != "honorific" &&
        (speaker.second == speaker.first + 1 ||
         (speaker.second == speaker.first + 2 && Is(speaker.first, "the")))) {
      // (The last 500 claims: more than an article has, and the walk stays
      // linear on a degenerate one.)
      std::int32_t found = -1;
      const auto& prior = doc_->claims();
      for (std::size_t oi = prior.size(), seen = 0; oi-- > 0 && seen < 500; ++seen) {
        const Claim& o = prior[oi];
        if (o.speaker_entity < 0 || o.speaker_mention < 0) continue;
        const Mention& om = doc_->mentions()[static_cast<std::size_t>(o.speaker_mention)];
        if (om.type != EntityType::kPerson) continue;
        // The same title, before the name ("Minister John Baird") or in an
        // apposition after it ("Paul Dewar, an Ottawa MP"): not part of a
        // longer one ("Prime Minister" is no "minister"), not someone
        // else's ("Harper's spokesman").
        bool titled = false;
        for (std::uint32_t k = doc_->TokenAtOrAfter(o.speaker.begin);
             k < toks_.size() && toks_[k].span.end <= o.speaker.end && !titled; ++k) {
          if (doc_->Folded(k) != doc_->Folded(head)) continue;
          if (k > 0) {
            std::uint32_t n = 0;
            std::string scratch;
            if (LongestPhrase(res_, res_.titles, *doc_, k - 1, k + 1, &n, &scratch, 0) != nullptr &&
                n >= 2) {
              continue;
            }
          }
          if (k > 0 && (Is(k - 1, "'s") || Is(k - 1, "\xE2\x80\x99s"))) continue;
          bool comma = false;
          for (std::uint32_t j = om.end_token; j < k && !comma; ++j) comma = IsComma(j);
          titled = k < om.first_token || comma;
        }
        if (!titled) continue;
        if (found >= 0 &&
            doc_->mentions()[static_cast<std::size_t>(found)].entity != o.speaker_entity) {
          found = -2;  // two of them: no telling which
          break;
        }
        if (found == -1) found = o.speaker_mention;
      }
      if (found >= 0) c.speaker_mention = found;
    }
    // "Apple and Samsung said": names of two entities joined by "and"/"or"
    // speak together; no one of them is the speaker (the phrase is).
    for (std::uint32_t k = speaker.first + 1; k + 1 < speaker.second; ++k) {
      if (!Is(k, "and") && !Is(k, "or")) continue;
      // (names right beside the conjunction: not "X, director of Y, and
      // chairman of Z")
      const std::int32_t left = LastNameIn(speaker.first, k);
      const std::int32_t right = LastNameIn(k + 1, speaker.second);
      if (left < 0 || right < 0) continue;
      const Mention& l = doc_->mentions()[static_cast<std::size_t>(left)];
      const Mention& r = doc_->mentions()[static_cast<std::size_t>(right)];
      if (l.end_token == k && r.first_token == k + 1 && l.entity != r.entity) {
        c.speaker_mention = -1;
        break;
      }
    }
    if (c.speaker_mention >= 0) {
      c.speaker_entity = doc_->mentions()[static_cast<std::size_t>(c.speaker_mention)].entity;
    }
  } else if (inherit_from >= 0) {
    const Claim& prev = doc_->claims()[static_cast<std::size_t>(inherit_from)];
    c.speaker = prev.speaker;
    c.speaker_mention = prev.speaker_mention;
    c.speaker_entity = prev.speaker_entity;
  }
  if (cue != nullptr) {
    c.cue = TokSpan(cue->first, cue->end);
    c.cue_lemma = cue->lemma();
  } else if (rule.name == kSieveColon.name) {
    c.cue_lemma.assign(1, ':');  // (not `= ":"`: GCC 12 warns falsely, -Wrestrict)
  }
  c.sentence = sentence;
  c.display = IsDisplayZone(doc_->zones()[sents_[sentence].zone].kind);
  c.rule = rule;
  c.confidence = confidence;
  if (c.speaker.empty()) {
    c.confidence -= 0.3F;
  } else if (c.speaker_entity < 0) {
    c.confidence -= 0.15F;
  }
  for (std::uint32_t k = content_first; k < content_end; ++k) used_[k] = true;
  for (std::uint32_t k = full_speaker.first; k < full_speaker.second; ++k) used_[k] = true;
  doc_->mutable_claims()->push_back(std::move(c));
  return true;
}

void Attributor::DateClaim(Claim* c, const Cue* cue) const {
  // A line of the sources list reports what the cited report said on its
  // date: "“MP calls for probe into misplaced documents” — Edmonton Sun,
  // August 16, 2008".
  if (const Zone& z = doc_->zones()[sents_[c->sentence].zone]; z.kind == ZoneKind::kCitation) {
    // (The first date after the title: not an "accessed April 1, 2010"
    // after it.)
    const auto& timexes = doc_->timexes();
    auto from =
        std::lower_bound(timexes.begin(), timexes.end(), c->content.end,
                         [](const Timex& t, std::uint32_t pos) { return t.span.begin < pos; });
    for (auto k = static_cast<std::size_t>(from - timexes.begin()); k < timexes.size(); ++k) {
      const Timex& t = timexes[k];
      if (t.span.end > z.span.end) break;
      if (t.type != TimexType::kDate || !t.anchor.has_interval()) continue;
      c->date = t.anchor;
      c->date_basis = DateBasis::kExplicit;
      c->date_timex = static_cast<std::int32_t>(k);
      return;
    }
  }
  // An explicit date: a time expression between the clause start and the
  // cue, or right after the cue ("announced Monday", "said on Tuesday"),
  // outside the content.
  if (cue != nullptr) {
    const Sentence& s = sents_[cue->sentence];
    // From the sentence start: "In a statement on Tuesday, NATO ministers
    // ... condemned" dates the speech act with a phrase before its subject.
    std::uint32_t lo = toks_[s.first_token].span.begin;
    std::uint32_t hi_tok = std::min(cue->end + 3, s.end_token);
    std::uint32_t hi = toks_[hi_tok - 1].span.end;
    const auto& timexes = doc_->timexes();
    std::int32_t best = -1;
    auto from =
        std::lower_bound(timexes.begin(), timexes.end(), lo,
                         [](const Timex& t, std::uint32_t pos) { return t.span.begin < pos; });
    for (std::size_t k = static_cast<std::size_t>(from - timexes.begin()); k < timexes.size();
         ++k) {
      const Timex& t = timexes[k];
      if (t.span.begin >= hi) break;
      if (t.span.end > hi) continue;
      // (A tag inside the content, "X, he said on Monday, would ...", dates
      // the claim from there.)
      if (c->content.Overlaps(t.span) &&
          (c->rule.name != kSieveMidTag.name || t.span.begin < toks_[cue->first].span.begin)) {
        continue;
      }
      // Nor inside a quotation (another claim's: '"Seventeen years ago,
      // ...," said Mohib. "They represent ..."').
      if (quote_of_[doc_->TokenAtOrAfter(t.span.begin)] >= 0) continue;
      if (t.type != TimexType::kDate && t.type != TimexType::kTime) continue;
      if (!t.anchor.has_interval()) continue;
      Grain g = t.anchor.grain;
      if (g != Grain::kDay && g != Grain::kWeek && g != Grain::kMonth && g != Grain::kYear)
        continue;
      // A week, month or year holding the publication day says less than
      // it ("this week", "Steve Jobs 1955-2011"): the publication date wins.
      if (g != Grain::kDay && doc_->dct() && t.anchor.begin <= *doc_->dct() &&
          *doc_->dct() < t.anchor.end) {
        continue;
      }
      best = static_cast<std::int32_t>(k);
      if (t.span.begin > toks_[cue->first].span.begin) break;  // the closest after wins
    }
    if (best >= 0) {
      const Timex& t = timexes[static_cast<std::size_t>(best)];
      c->date = t.anchor;
      c->date_basis = DateBasis::kExplicit;
      c->date_timex = best;
      return;
    }
  }
  if (doc_->dct()) {
    c->date = DayAnchor(*doc_->dct());
    c->date_basis = DateBasis::kPublication;
  } else {
    c->date = ValueOnlyAnchor("XXXX-XX-XX");
    c->date_basis = DateBasis::kUnknown;
  }
}

// --- sieves ---------------------------------------------------------------

// The speaker of a cue that ends a quotation or clause: "C, S said" (the
// phrase between the comma or quotation and the cue) or "C, said S" (the
// phrase after the cue). Sets *before to the first token after C and checks
// that the cue takes no complement of its own. Returns an empty range when
// the pattern does not hold.
std::pair<std::uint32_t, std::uint32_t> Attributor::TagSpeaker(const Cue& cue, const Sentence& s,
                                                               std::uint32_t* before) const {
  std::uint32_t subj_end = SkipAuxLeft(cue.first, s.first_token);
  auto speaker = NpLeft(subj_end, s.first_token);
  std::uint32_t after = cue.end;
  *before = speaker.first;
  if (speaker.first == speaker.second && subj_end > s.first_token + 2 && IsComma(subj_end - 1)) {
    // "“Q,” Khaled Al-Maeena, editor at the Saudi Gazette, said": skip the
    // apposition back to its opening comma; the name before it speaks.
    for (std::uint32_t k = subj_end - 1; k-- > s.first_token && subj_end - k < 14;) {
      if (IsComma(k)) {
        auto name = NpLeft(k, s.first_token);
        if (name.first < name.second && toks_[name.second - 1].Has(kTokCapitalized)) {
          speaker = name;
          *before = name.first;
        }
        break;
      }
      if (quote_of_[k] >= 0 || IsCueToken(k)) break;
    }
  }
  if (speaker.first == speaker.second) {
    speaker = NpRight(cue.end, s.end_token);
    // "said Steve Jobs during the keynote", "said Smith in a statement":
    // the speaker ends before a preposition of time, place or manner (not
    // one of an affiliation or a source: "of", "at", "by an author on X").
    for (std::uint32_t k = speaker.first + 1; k < speaker.second; ++k) {
      static constexpr std::string_view kEnds[] = {"during", "after", "before",    "since",
                                                   "until",  "in",    "following", "amid",
                                                   "with",   "to",    "while"};
      if (Class(k) == WC::kPrep &&
          std::find(std::begin(kEnds), std::end(kEnds), doc_->Folded(k)) != std::end(kEnds)) {
        speaker.second = k;
        break;
      }
    }
    after = speaker.second;
    *before = cue.first;
  }
  if (speaker.first == speaker.second || !ClosedAfterCue(cue, s, after) ||
      *before <= s.first_token) {
    return {0, 0};
  }
  return speaker;
}

void Attributor::SieveQuoteThenTag() {
  for (Cue& cue : cues_) {
    if (cue.used || !QuoteFrame(cue)) continue;
    const Sentence& s = sents_[cue.sentence];
    // "“Q,” S said" / "“Q,” said S"
    std::uint32_t before = 0;
    auto speaker = TagSpeaker(cue, s, &before);
    if (speaker.first == speaker.second) continue;
    std::uint32_t b = before - 1;
    // (The mark that closes a quotation, whatever its shape: '... cloud,
    // “said Jobs'.)
    if (IsComma(b) && b > s.first_token && QuoteEndingAt(b - 1) >= 0) --b;  // “Q”, S said
    std::int32_t q = QuoteEndingAt(b);
    if (q < 0) continue;
    const Quote& qq = quotes_[static_cast<std::size_t>(q)];
    std::uint32_t qfirst = qq.open != kNone ? qq.open : qq.inner_first;
    // The quotation must open the clause (otherwise it is mixed, sieve 6).
    std::uint32_t qs = sent_of_[qfirst];
    if (qfirst != sents_[qs].first_token) continue;
    if (!AddClaim(speaker, &cue, qfirst, b + 1, kSieveQuoteThenTag, 0.9F, cue.sentence)) {
      continue;
    }
    cue.used = true;
    // A split quotation, '“Q1,” S said, “Q2.”' or '“Q1,” S told the press,
    // “Q2”': the part after the tag is the same speaker's, said with the
    // same cue. The tag ends at the first comma after the cue and the
    // speaker, within a few words (an addressee).
    std::uint32_t k = std::max(cue.end, speaker.second);
    const std::uint32_t limit = std::min(s.end_token, k + 6);
    while (k < limit && !IsComma(k) && toks_[k].kind == TokenKind::kWord) ++k;
    if (k + 1 >= s.end_token || !IsComma(k) || !IsOpenQuote(k + 1)) continue;
    const std::int32_t q2 = quote_of_[k + 1];
    if (q2 < 0 || q2 == q) continue;
    const Quote& second = quotes_[static_cast<std::size_t>(q2)];
    if (second.open != k + 1 || second.close == kNone ||
        second.inner_end < second.inner_first + 2) {
      continue;
    }
    // (The rest of the sentence: '“We are done,” Smith said, “finished”
    // being his favourite word' quotes a word, not a second part.)
    if (!(second.close + 1 >= s.end_token || IsTerminal(second.close + 1) ||
          IsTerminal(second.inner_end - 1) || IsComma(second.inner_end - 1))) {
      continue;
    }
    const std::uint32_t end2 = second.close + 1;
    // ('“Q1,” she said, “Q2,” he said': the second part has its own tag.)
    bool own_tag = false;
    for (std::uint32_t t = end2; t < s.end_token && t < end2 + 4 && !own_tag; ++t) {
      own_tag = IsCueToken(t);
    }
    if (own_tag) continue;
    AddClaim(speaker, &cue, k + 1, end2, kSieveQuoteThenTag, 0.85F, cue.sentence);
  }
}

void Attributor::SieveTagThenQuote() {
  for (Cue& cue : cues_) {
    if (cue.used || !QuoteFrame(cue)) continue;
    const Sentence& s = sents_[cue.sentence];
    // "S said: “Q”" / "S said, “Q”": a quotation right after the cue, or
    // after whom or what it was said to or about ("told The Huffington
    // Post, “Q”", "remarked to reporters, “Q”", "commented on the
    // cocktail, “Q”").
    std::uint32_t k = cue.end;
    if (k < s.end_token &&
        (Is(k, "to") || Is(k, "on") || Is(k, "about") || cue.lemma() == "tell")) {
      std::uint32_t j = k;
      while (j < s.end_token && j < k + 10 && !IsComma(j) && Text(j) != ":" && quote_of_[j] < 0 &&
             !IsTerminal(j) && !IsCueToken(j) && Class(j) != WC::kSub && Class(j) != WC::kRel &&
             Class(j) != WC::kAux && Class(j) != WC::kModal && !Is(j, "that")) {
        ++j;
      }
      if (j > k && j + 1 < s.end_token && (IsComma(j) || Text(j) == ":") && IsOpenQuote(j + 1)) {
        k = j;
      }
    }
    if (k < s.end_token && (Text(k) == ":" || IsComma(k))) ++k;
    if (k >= toks_.size() || !IsOpenQuote(k)) continue;
    std::int32_t q = quote_of_[k];
    if (q < 0) continue;
    const Quote& qq = quotes_[static_cast<std::size_t>(q)];
    std::uint32_t qend = qq.close != kNone ? qq.close + 1 : qq.inner_end;
    // The quotation must end its sentence (or paragraph).
    std::uint32_t after = qend;
    if (after < toks_.size() && Text(after) == "(" && sent_of_[after] == sent_of_[qend - 1]) {
      // "“Q” ((it))." -- a note on the quotation (its language, a source)
      std::uint32_t close = after;
      while (close < toks_.size() && close - after < 8 && sent_of_[close] == sent_of_[after] &&
             Text(close) != ")") {
        ++close;
      }
      while (close < toks_.size() && Text(close) == ")") ++close;
      if (close - after <= 8) after = close;
    }
    while (after < toks_.size() && IsTerminal(after) && sent_of_[after] == sent_of_[qend - 1])
      ++after;
    // (A quotation ending with its own full stop may run into the next
    // sentence the segmenter did not split: “Q.” Former CEO ...)
    bool ends_itself = qq.close != kNone && qq.close > k + 1 && IsTerminal(qq.close - 1);
    // (Or a participle clause follows: 'notes, “Q”, highlighting ...'.)
    const bool participle =
        after + 1 < toks_.size() && IsComma(after) && sent_of_[after + 1] == sent_of_[after] &&
        doc_->Folded(after + 1).ends_with("ing") && Class(after + 1) == WC::kContent;
    // (Or a clause joined by a conjunction: 'reads “Q”, but no plans exist'.)
    const bool coordinated =
        after + 1 < toks_.size() && IsComma(after) && sent_of_[after + 1] == sent_of_[after] &&
        (Is(after + 1, "but") || Is(after + 1, "and") || Is(after + 1, "while") ||
         Is(after + 1, "although") || Is(after + 1, "though"));
    if (after < toks_.size() && sent_of_[after] == sent_of_[qend - 1] && qq.close != kNone &&
        !ends_itself && !participle && !coordinated) {
      continue;
    }
    std::uint32_t subj_end = SkipAuxLeft(cue.first, s.first_token);
    // The subject from the parse when it ends before the cue ("A leaked
    // letter seen by Sky News says: “Q”" is the letter's), else the noun
    // phrase before the cue.
    auto speaker = NpLeft(subj_end, s.first_token);
    if (speaker.first < speaker.second) {
      const auto parsed = ParseSubject(cue, s);
      if (parsed.second == speaker.second && parsed.first < speaker.first &&
          parsed.second - parsed.first <= 10) {
        speaker = parsed;
      }
    }
    if (doc_->Folded(cue.first).ends_with("ing")) {
      // "Jobs resigned in a letter to the board stating, “Q”": the person
      // the clause is about speaks, not the letter's addressee.
      auto subject = ClauseSubject(cue.first, s);
      if (subject.second > subject.first) {
        std::int32_t m = HeadMention(*doc_, res_, TokSpan(subject.first, subject.second));
        if (m >= 0 && doc_->mentions()[static_cast<std::size_t>(m)].type == EntityType::kPerson) {
          speaker = subject;
        }
      }
    }
    if (speaker.first == speaker.second) {
      // "After the match, Hernan Dario Gomez, Panama coach, said, “Q”": the
      // parse's subject with its apposition, not the clause's first phrase.
      const auto parsed = ParseSubject(cue, s);
      if (parsed.first < parsed.second && parsed.second <= cue.first) speaker = parsed;
    }
    if (speaker.first == speaker.second) speaker = ClauseSubject(cue.first, s);
    if (speaker.first == speaker.second) continue;
    if (AddClaim(speaker, &cue, k, qend, kSieveTagThenQuote, 0.85F, cue.sentence)) cue.used = true;
  }
  // "Obama tweeted using his @POTUS account:" / "Galantino has called the
  // sentence “dangerous”:", then a paragraph that is a quotation: the
  // sentence's last cue introduces it.
  for (std::uint32_t si = 0; si + 1 < sents_.size(); ++si) {
    const Sentence& s = sents_[si];
    if (s.end_token < s.first_token + 3 || Text(s.end_token - 1) != ":") continue;
    const std::uint32_t open = sents_[si + 1].first_token;
    if (!IsOpenQuote(open) || quote_of_[open] < 0 || used_[open]) continue;
    const Quote& qq = quotes_[static_cast<std::size_t>(quote_of_[open])];
    if (qq.open != open) continue;
    Cue* cue = nullptr;
    for (std::uint32_t k = s.end_token - 1; k-- > s.first_token;) {
      if (quote_of_[k] >= 0) continue;
      const std::int32_t ci = cue_at_[k];
      if (ci < 0) continue;
      cue = &cues_[static_cast<std::size_t>(ci)];
      break;
    }
    if (cue == nullptr || cue->frame() == "according" || cue->frame() == "statement") continue;
    auto speaker = NpLeft(SkipAuxLeft(cue->first, s.first_token), s.first_token);
    if (speaker.first == speaker.second) speaker = ClauseSubject(cue->first, s);
    if (speaker.first == speaker.second || IsBadSpeaker(speaker)) continue;
    const std::uint32_t qend = qq.close != kNone ? qq.close + 1 : qq.inner_end;
    if (AddClaim(speaker, cue, open, qend, kSieveTagThenQuote, 0.8F, si)) cue->used = true;
  }
  // "Smith: “Q”" — a named person, a colon and a quotation.
  for (std::uint32_t si = 0; si < sents_.size(); ++si) {
    const Sentence& s = sents_[si];
    for (std::uint32_t k = s.first_token + 1; k + 1 < s.end_token; ++k) {
      // (An opening mark that opens nothing, "Mary Smith: “" at the end,
      // has no quotation.)
      if (Text(k) != ":" || !IsOpenQuote(k + 1) || quote_of_[k] >= 0 || quote_of_[k + 1] < 0) {
        continue;
      }
      auto speaker = NpLeft(k, s.first_token);
      if (speaker.first == speaker.second) continue;
      std::int32_t m = HeadMention(*doc_, res_, TokSpan(speaker.first, speaker.second));
      if (m < 0 || doc_->mentions()[static_cast<std::size_t>(m)].type != EntityType::kPerson)
        continue;
      const Quote& qq = quotes_[static_cast<std::size_t>(quote_of_[k + 1])];
      std::uint32_t qend = qq.close != kNone ? qq.close + 1 : qq.inner_end;
      AddClaim(speaker, nullptr, k + 1, qend, kSieveColon, 0.75F, si);
    }
  }
}

void Attributor::SieveAccordingTo() {
  // The claims found so far, by sentence (the reports an "according to"
  // may hold are in its sentence).
  std::unordered_multimap<std::uint32_t, std::size_t> by_sentence;
  for (std::size_t k = 0; k < doc_->claims().size(); ++k) {
    by_sentence.emplace(doc_->claims()[k].sentence, k);
  }
  for (Cue& cue : cues_) {
    if (cue.used || cue.frame() != "according") continue;
    const Sentence& s = sents_[cue.sentence];
    auto speaker = NpRight(cue.end, s.end_token);
    if (speaker.first == speaker.second) continue;
    // Without a comma the source runs into the content: "According to
    // Rathbun the property was returned", "according to the ministry over
    // 345 pilgrims have died". A new determiner after a name, or a number
    // after a preposition, starts the content.
    for (std::uint32_t k = speaker.first + 1; k < speaker.second; ++k) {
      bool new_np = Class(k) == WC::kDet && toks_[k - 1].Has(kTokCapitalized);
      bool count =
          toks_[k].kind == TokenKind::kNumber && Class(k - 1) == WC::kPrep && k - 1 > speaker.first;
      if (new_np || count) {
        speaker.second = count ? k - 1 : k;
        break;
      }
    }
    // "in the words of the Crown prosecutor, Mark Tedeschi, QC, “Q”": the
    // source's apposition runs to the quotation, which is the content.
    std::int32_t quote_after = -1;
    for (std::uint32_t k = speaker.second; k < s.end_token && k < speaker.second + 10; ++k) {
      if (IsOpenQuote(k) && quote_of_[k] >= 0 && IsComma(k - 1)) {
        // Only a quotation that ends the sentence ("According to officials,
        // “at least 40” people died" keeps its whole clause).
        const Quote& q = quotes_[static_cast<std::size_t>(quote_of_[k])];
        const bool ends = q.close != kNone && q.open == k &&
                          (q.close + 1 >= s.end_token || IsTerminal(q.close + 1) ||
                           (q.inner_end > q.inner_first && IsTerminal(q.inner_end - 1)));
        if (!ends) break;
        quote_after = quote_of_[k];
        std::uint32_t e = k - 1;
        while (e > speaker.second && IsComma(e - 1)) --e;
        speaker.second = std::max(speaker.second, e);
        break;
      }
      if (!IsComma(k) && !toks_[k].Has(kTokCapitalized)) break;
    }
    std::uint32_t content_first, content_end;
    bool at_start =
        cue.first == s.first_token ||
        (cue.first > s.first_token && IsComma(cue.first - 1) && cue.first - 1 == s.first_token);
    std::uint32_t clause_start = s.first_token;
    if (cue.first > s.first_token && IsComma(cue.first - 1)) {
      // "C, according to S."
      content_first = s.first_token;
      content_end = cue.first - 1;
      at_start = false;
    } else if (quote_after >= 0) {
      const Quote& q = quotes_[static_cast<std::size_t>(quote_after)];
      content_first = q.open;
      content_end = q.close != kNone ? q.close + 1 : q.inner_end;
    } else if (at_start || cue.first == clause_start) {
      // "According to S, C."
      content_first = speaker.second;
      // "According to Yonhap, quoting KCNA, C": the source's source is
      // not what it says (SieveRelay gives C to KCNA too).
      // So is a relative clause on the source ("According to The New York
      // Times, who first broke the news, C").
      if (content_first + 2 < s.end_token && IsComma(content_first) &&
          (Is(content_first + 1, "quoting") || Is(content_first + 1, "who") ||
           Is(content_first + 1, "which"))) {
        for (std::uint32_t k = content_first + 2; k < s.end_token && k < content_first + 20; ++k) {
          if (IsComma(k)) {
            content_first = k;
            break;
          }
        }
      }
      content_end = ContentEnd(content_first, s);
    } else {
      content_first = speaker.second;
      content_end = ContentEnd(content_first, s);
    }
    // "According to S, Y, the chair, said Z": the report holds Y's claim,
    // found above; its speaker starts after "S,".
    if (content_first < content_end && content_first >= cue.end) {
      const std::uint32_t from = toks_[content_first].span.begin;
      auto [lo, hi] = by_sentence.equal_range(cue.sentence);
      for (auto it = lo; it != hi; ++it) {
        const Claim& c = doc_->claims()[it->second];
        if (c.speaker.empty() || c.speaker.begin < from ||
            c.speaker.begin > toks_[content_end - 1].span.end) {
          continue;
        }
        const std::uint32_t end = doc_->TokenAtOrAfter(c.content.end);
        if (end > content_end && end <= s.end_token) content_end = end;
        break;
      }
    }
    if (AddClaim(speaker, &cue, content_first, content_end, kSieveAccordingTo, 0.75F, cue.sentence,
                 -1, /*nested=*/true)) {
      cue.used = true;
    }
  }
}

void Attributor::SievePassiveBy() {
  for (Cue& cue : cues_) {
    if (cue.used || cue.frame() == "according" || cue.frame() == "quote" ||
        cue.frame() == "label") {
      continue;
    }
    const Sentence& s = sents_[cue.sentence];
    if (cue.first == s.first_token || cue.end >= s.end_token) continue;
    if (Class(cue.first - 1) != WC::kAux || !Is(cue.end, "by")) continue;
    if (!IsBeForm(doc_->Folded(cue.first - 1))) continue;
    auto speaker = NpRight(cue.end + 1, s.end_token);
    if (speaker.first == speaker.second) continue;
    std::uint32_t subj_end = SkipAuxLeft(cue.first, s.first_token);
    auto content = NpLeft(subj_end, s.first_token);
    if (content.first == content.second) continue;
    // "The new iPhone was praised by Jobs as “the biggest leap”": what the
    // agent said is the "as" phrase.
    if (speaker.second + 1 < s.end_token && Is(speaker.second, "as")) {
      content = {speaker.second, ContentEnd(speaker.second, s)};
    }
    if (AddClaim(speaker, &cue, content.first, content.second, kSievePassiveBy, 0.7F,
                 cue.sentence)) {
      cue.used = true;
    }
  }
}

void Attributor::SievePassiveUnspecified() {
  // The cue, its complement word and whether the content starts at it.
  struct Form {
    std::string_view lemma, next;
    bool keep;
  };
  static constexpr Form kForms[] = {
      {"tell", "to", true},      {"advise", "to", true},  {"encourage", "to", true},
      {"urge", "to", true},      {"ask", "to", true},     {"warn", "to", true},
      {"instruct", "to", true},  {"say", "to", true},     {"report", "to", true},
      {"describe", "as", false}, {"accuse", "of", false}, {"credit", "with", false}};
  for (Cue& cue : cues_) {
    if (cue.used || cue.end - cue.first != 1) continue;
    const Sentence& s = sents_[cue.sentence];
    if (cue.first == s.first_token || cue.end + 1 >= s.end_token) continue;
    if (quote_of_[cue.first] >= 0 || used_[cue.first]) continue;
    const std::string_view next = doc_->Folded(cue.end);
    const Form* form = nullptr;
    for (const Form& f : kForms) {
      if (f.lemma == cue.lemma() && f.next == next) form = &f;
    }
    if (form == nullptr) continue;
    // A passive: a form of "be" before the participle, adverbs between
    // ("was later told", "has long been described").
    std::uint32_t k = cue.first;
    bool passive = false;
    for (int hops = 0; k > s.first_token && hops < 3 && !passive; ++hops) {
      const std::uint32_t p = k - 1;
      const std::string_view w = doc_->Folded(p);
      if (IsBeForm(w)) {
        passive = true;
      } else if (Class(p) == WC::kAdv || Class(p) == WC::kNeg ||
                 (w.ends_with("ly") && !toks_[p].Has(kTokCapitalized))) {
        k = p;
      } else {
        break;
      }
    }
    const std::string_view form_word = doc_->Folded(cue.first);
    if (!passive || !(form_word.ends_with("ed") || form_word == "told" || form_word == "said")) {
      continue;
    }
    // "to" + a verb; "as"/"of"/"with" + what follows.
    const std::uint32_t first = form->keep ? cue.end : cue.end + 1;
    if (form->next == "to") {
      const auto& syn = doc_->syntax();
      const bool verb = syn.size() == toks_.size()
                            ? (syn[cue.end + 1].upos == "VERB" || syn[cue.end + 1].upos == "AUX")
                            : Class(cue.end + 1) == WC::kContent || Class(cue.end + 1) == WC::kAux;
      if (!verb) continue;
    }
    std::uint32_t end = ContentEnd(first + (form->keep ? 1 : 0), s);
    // What was asked, said or described ends before ", but ...", "but
    // declined", ", while ...".
    bool agent = false;
    for (std::uint32_t j = first + 1; j < end; ++j) {
      if (quote_of_[j] >= 0) continue;
      if (Is(j, "but") ||
          (IsComma(j) && j + 1 < end && (Class(j + 1) == WC::kConj || Class(j + 1) == WC::kSub))) {
        end = j;
        break;
      }
      // "was accused of fraud by prosecutors": the source is named after
      // all (the passive-by sieve's, or no claim of this one).
      if (Is(j, "by")) agent = true;
    }
    if (agent || end <= first + (form->keep ? 1 : 0)) continue;
    // "was asked to comment": the reporter's request, nothing said.
    if (form->keep && end == first + 2 &&
        (Is(first + 1, "comment") || Is(first + 1, "respond") || Is(first + 1, "elaborate") ||
         Is(first + 1, "speak") || Is(first + 1, "testify"))) {
      continue;
    }
    if (AddClaim({cue.first, cue.first}, &cue, first, end, kSievePassiveUnspecified, 0.5F,
                 cue.sentence)) {
      cue.used = true;
    }
  }
}

void Attributor::SieveSpeechNoun() {
  // A verb whose object is a speech act, then the quotation: "Jobs left this
  // farewell, “Q”", "Jobs extended an invitation to the record label, “Q”",
  // "Cornyn issued a statement regarding the decision. “Q”" (the quotation
  // a sentence of its own right after). The speaker is the verb's subject;
  // the cue is the verb with its object. Needs the parse.
  const auto& syn = doc_->syntax();
  if (syn.size() != toks_.size() || syn.empty()) return;
  static constexpr std::string_view kNouns[] = {
      "statement", "statements",   "speech",  "farewell", "message", "invitation", "warning",
      "reply",     "response",     "remarks", "apology",  "plea",    "appeal",     "tribute",
      "address",   "announcement", "letter",  "email",    "tweet",   "post",       "note"};
  for (std::uint32_t si = 0; si < sents_.size(); ++si) {
    const Sentence& s = sents_[si];
    for (std::uint32_t k = s.first_token; k < s.end_token; ++k) {
      if (quote_of_[k] >= 0 || used_[k] || syn[k].upos != "NOUN" ||
          !syn[k].deprel.starts_with("obj")) {
        continue;
      }
      const std::string_view w = doc_->Folded(k);
      if (std::find(std::begin(kNouns), std::end(kNouns), w) == std::end(kNouns)) continue;
      const std::int32_t vh = syn[k].head;
      if (vh < static_cast<std::int32_t>(s.first_token) || vh >= static_cast<std::int32_t>(k)) {
        continue;
      }
      const auto verb = static_cast<std::uint32_t>(vh);
      if (syn[verb].upos != "VERB" || cue_at_[verb] >= 0) continue;
      // Verbs that produce the speech act, not "published a letter",
      // "ignored the warning", "heard an appeal"; a quotation in the next
      // sentence only after "issued/released/made/delivered a statement".
      static constexpr std::string_view kVerbs[] = {"issue",  "release", "make",  "deliver",
                                                    "give",   "leave",   "send",  "post",
                                                    "extend", "offer",   "write", "tweet"};
      const std::string_view lemma = doc_->Lemma(verb);
      if (std::find(std::begin(kVerbs), std::end(kVerbs), lemma) == std::end(kVerbs)) continue;
      const bool next_sentence_ok =
          lemma == "issue" || lemma == "release" || lemma == "make" || lemma == "deliver";
      // A speech act with a source of its own ("read a statement from her
      // lawyer") is that source's.
      if (k + 1 < s.end_token && (Is(k + 1, "from") || Is(k + 1, "by"))) continue;
      // The quotation: after a comma or colon within a few words of the
      // noun (its modifiers: "to the record label"), or opening the next
      // sentence when this one ends without one.
      std::uint32_t open = kNone;
      for (std::uint32_t j = k + 1; j < s.end_token && j < k + 10; ++j) {
        if (IsOpenQuote(j)) {
          if (IsComma(j - 1) || Text(j - 1) == ":") open = j;
          break;
        }
        if (IsTerminal(j) || cue_at_[j] >= 0 || Class(j) == WC::kSub || Class(j) == WC::kRel) {
          break;
        }
      }
      std::uint32_t sentence = si;
      if (open == kNone && next_sentence_ok && si + 1 < sents_.size() &&
          sents_[si + 1].zone == s.zone) {
        bool quote_later = false;
        for (std::uint32_t j = k + 1; j < s.end_token && !quote_later; ++j) {
          quote_later = quote_of_[j] >= 0;
        }
        const std::uint32_t f = sents_[si + 1].first_token;
        if (!quote_later && f < toks_.size() && IsOpenQuote(f)) {
          open = f;
          sentence = si + 1;
        }
      }
      if (open == kNone || quote_of_[open] < 0 || used_[open]) continue;
      const Quote& q = quotes_[static_cast<std::size_t>(quote_of_[open])];
      if (q.open != open || q.close == kNone) continue;
      Cue verb_cue{verb, verb + 1, nullptr, si, false, "say"};
      auto speaker = ParseSubject(verb_cue, s);
      if (speaker.first == speaker.second || speaker.second > verb || IsBadSpeaker(speaker)) {
        continue;
      }
      if (!AddClaim(speaker, nullptr, open, q.close + 1, kSieveSpeechNoun, 0.7F, sentence)) {
        continue;
      }
      Claim& c = doc_->mutable_claims()->back();
      c.cue = TokSpan(verb, k + 1);
      c.cue_lemma = std::string(doc_->Lemma(verb));  // "issue statement", "leave farewell"
      c.cue_lemma += ' ';
      c.cue_lemma += doc_->Lemma(k);
    }
  }
}

void Attributor::SieveLabel() {
  // "S called X “Q”", "S dubbed X “Q”", "Jobs called the new software “the
  // most advanced mobile operating system in the world”": the speaker's
  // words are the quotation, said about X; the content is "X “Q”" (mixed),
  // with more quoted labels joined by "and" or commas ("“dangerous” and
  // “ideological”"). Not "a product called “X”", a name: X must come
  // between the cue and the quotation.
  const auto& syn = doc_->syntax();
  const bool parsed = syn.size() == toks_.size() && !syn.empty();
  for (Cue& cue : cues_) {
    if (cue.used || cue.frame() != "label") continue;
    const Sentence& s = sents_[cue.sentence];
    if (parsed && (syn[cue.first].deprel.substr(0, 3) == "acl" ||
                   syn[cue.first].deprel.substr(0, 4) == "amod")) {
      continue;
    }
    const std::uint32_t j = LabelQuote(cue.end, s);
    if (j == kNone) continue;
    const Quote* q = &quotes_[static_cast<std::size_t>(quote_of_[j])];
    std::uint32_t end = q->close + 1;
    // More labels: ', and “Q2”', ' and “Q2”', ', “Q2”' (a note in brackets
    // after each is skipped: '“dangerous” ((it))').
    for (int guard = 0; guard < 4; ++guard) {
      std::uint32_t k = end;
      if (k < s.end_token && Text(k) == "(") {
        while (k < s.end_token && k < end + 6 && Text(k) != ")") ++k;
        while (k < s.end_token && Text(k) == ")") ++k;
      }
      if (k < s.end_token && IsComma(k)) ++k;
      if (k < s.end_token && Is(k, "and")) ++k;
      if (k < s.end_token && IsComma(k)) ++k;
      if (k == end || k >= s.end_token || !IsOpenQuote(k) || quote_of_[k] < 0) break;
      const Quote& next = quotes_[static_cast<std::size_t>(quote_of_[k])];
      if (next.open != k || next.close == kNone) break;
      end = next.close + 1;
    }
    // The subject from the parse ("Matthew Ingram of The Globe and Mail
    // dubbed"), else the noun phrase before the cue.
    auto speaker = ParseSubject(cue, s);
    if (speaker.first == speaker.second || speaker.second > cue.first) {
      speaker = NpLeft(SkipAuxLeft(cue.first, s.first_token), s.first_token);
      if (speaker.first == speaker.second) speaker = ClauseSubject(cue.first, s);
    }
    if (speaker.first == speaker.second || IsBadSpeaker(speaker)) continue;
    if (AddClaim(speaker, &cue, cue.end, end, kSieveLabel, 0.7F, cue.sentence)) cue.used = true;
  }
}

void Attributor::SieveSpeakerFirst() {
  for (std::size_t ci = 0; ci < cues_.size(); ++ci) {
    Cue& cue = cues_[ci];
    if (cue.used || cue.frame() == "according" || cue.frame() == "quote" ||
        cue.frame() == "label") {
      continue;
    }
    const Sentence& s = sents_[cue.sentence];
    if (cue.end >= s.end_token) continue;
    if (IsPassiveCue(cue, s)) continue;          // agentless or reduced: no speaker here
    if (Text(s.end_token - 1) == "?") continue;  // "Can you explain ...?" asks, claims nothing
    std::uint32_t subj_end = SkipAuxLeft(cue.first, s.first_token);
    std::pair<std::uint32_t, std::uint32_t> speaker{subj_end, subj_end};
    std::int32_t inherit = -1;
    // Coordinated verbs share the subject: "condemned X and confirmed Y",
    // also past a phrase before the second verb ("welcomed X and in a
    // reaction to the news said ...").
    std::uint32_t conj_at = subj_end;
    for (std::uint32_t j = subj_end; j-- > s.first_token && subj_end - j <= 8;) {
      if (Class(j) == WC::kConj && j + 1 < subj_end && Class(j + 1) == WC::kPrep) {
        conj_at = j + 1;
        break;
      }
      if (IsComma(j) || IsCueToken(j) || quote_of_[j] >= 0 || Class(j) == WC::kSub) break;
    }
    if (conj_at < subj_end) subj_end = conj_at;
    if (subj_end > s.first_token && (Class(subj_end - 1) == WC::kConj || IsComma(subj_end - 1))) {
      const auto& claims = doc_->claims();
      for (std::size_t k = claims.size(); k-- > 0;) {
        if (claims[k].sentence == cue.sentence && claims[k].rule.name == kSieveSpeakerFirst.name) {
          // (Not from a claim without a speaker: "The union, despite calls
          // for calm, said ..." has its own subject.)
          if (!claims[k].speaker.empty()) inherit = static_cast<std::int32_t>(k);
          break;
        }
      }
    }
    // "The lapses raise questions, said Paul Dewar, an MP": the speaker
    // follows the cue; the content comes first (SieveContentFirst).
    if (inherit < 0 && subj_end == cue.first && subj_end > s.first_token && IsComma(subj_end - 1) &&
        InvertedTag(cue, s)) {
      continue;
    }
    if (inherit < 0) {
      // The parse's subject of the cue first ("The report, released on
      // Monday, says ..."), then the phrase before the verb group.
      speaker = ParseSubject(cue, s);
      if (speaker.first == speaker.second || speaker.second > cue.first) {
        speaker = NpLeft(subj_end, s.first_token);
        if (speaker.first == speaker.second) speaker = ClauseSubject(cue.first, s);
      }
      // "According to the Herald, John Burrows, the chair, said": the
      // speaker starts after the source's comma.
      for (std::uint32_t k = speaker.first; k < speaker.second; ++k) {
        if (cue_at_[k] < 0 || cues_[static_cast<std::size_t>(cue_at_[k])].frame() != "according") {
          continue;
        }
        std::uint32_t j = k + 1;
        while (j < speaker.second && !IsComma(j)) ++j;
        if (j < speaker.second) speaker.first = j + 1;
        break;
      }
      // A subject cannot start with a preposition: the parse took the noun
      // inside a modifier for it ("a person familiar [with the situation]
      // said"); the phrase the modifier belongs to is the speaker.
      // (Also inside quotation marks: 'an anonymous individual “with direct
      // knowledge of the situation” claimed'.)
      const std::uint32_t lead = speaker.first + 1 < speaker.second && IsOpenQuote(speaker.first)
                                     ? speaker.first + 1
                                     : speaker.first;
      if (speaker.first < speaker.second && Class(lead) == WC::kPrep && !Is(lead, "according")) {
        const auto& syn = doc_->syntax();
        const bool parsed = syn.size() == toks_.size();
        std::uint32_t j = speaker.first;
        while (j > s.first_token && (Class(j - 1) == WC::kContent || Class(j - 1) == WC::kDet) &&
               !IsCueToken(j - 1) && quote_of_[j - 1] < 0 &&
               !(parsed && (syn[j - 1].upos == "VERB" || syn[j - 1].upos == "AUX"))) {
          --j;
        }
        if (j < speaker.first) speaker.first = j;
      }
      // "The report has prompted calls for all salt to be iodised": a cue
      // the parse reads as a noun, right after a verb, has no speaker of its
      // own (the verb's subject did not call); the call is still reported.
      // Nor has one after a preposition: "will only be available on AT&T,
      // despite calls for Apple to let ..." (iPhone 4 did not call).
      if (const auto& syn = doc_->syntax();
          syn.size() == toks_.size() && syn[cue.first].upos == "NOUN" &&
          speaker.second <= cue.first && speaker.second > speaker.first &&
          ((speaker.second == cue.first && syn[speaker.second - 1].upos == "VERB") ||
           (cue.first > speaker.second && Class(cue.first - 1) == WC::kPrep &&
            !Is(cue.first - 1, "of")))) {
        speaker = {cue.first, cue.first};
      } else if (speaker.first == speaker.second || IsBadSpeaker(speaker)) {
        continue;
      }
    }
    // Content: what follows the cue, after a time expression that dates the
    // cue itself ("announced Monday that ...", "said on Tuesday that ...").
    std::uint32_t first = SkipTimeAfter(cue.end, s);
    if (cue.lemma() == "tell") {
      // "told reporters (that) C"
      bool that = false;
      for (std::uint32_t k = first; k < std::min(first + 8, s.end_token); ++k) {
        if (Is(k, "that")) {
          first = k + 1;
          that = true;
          break;
        }
      }
      // "told Sky News C", "told him C", "told reporters C": the addressee
      // is a name, a pronoun or "reporters", not what was said.
      if (!that && first < s.end_token) {
        std::uint32_t k = first;
        while (k < s.end_token && k - first < 5 && toks_[k].Has(kTokCapitalized) &&
               Class(k) == WC::kContent) {
          ++k;
        }
        if (k == first && (Class(k) == WC::kPron || Is(k, "reporters") || Is(k, "journalists"))) {
          ++k;
        }
        if (k > first && k < s.end_token && !IsTerminal(k)) first = k;
      }
    }
    const bool clause = ParseClauseAfter(cue.first, cue.end, first, s);
    // "tweeted to Mohamed", "observed at the exhibit", "wrote about the war":
    // a prepositional phrase is where or to whom, not what was said (unless
    // it opens the reported clause: "estimated by 2050, needs would rise").
    // So is an adverbial clause after the cue ("C, the authority said on
    // Tuesday, after a storm closed it": SieveContentFirst takes C), unless
    // "that" follows it ("said after the meeting that ..."); "said if ..."
    // and "said whether ..." stay.
    // (After a comma, even when the parse calls the clause a complement: it
    // reads "after a storm closed it" as one.)
    // ("that, over the last months, C" is content; "described as “Q”" too.)
    const bool comma =
        first + 1 < s.end_token && IsComma(first) && !(first > 0 && Is(first - 1, "that"));
    // "pleaded with him to C", "appealed to them to C": whom, then what.
    if (cue.frame() == "directive" && first + 2 < s.end_token &&
        (Is(first, "with") || Is(first, "to") || Is(first, "on") || Is(first, "upon"))) {
      for (std::uint32_t j = first + 2; j < std::min(s.end_token, first + 8); ++j) {
        if (IsTerminal(j) || IsComma(j) || quote_of_[j] >= 0) break;
        if (Is(j, "to")) {
          ++first;
          break;
        }
      }
    }
    // "stated to LA Weekly that C", "said to reporters that C": whom, then
    // what (even where the parse hangs the clause on the verb).
    // (Not "said to expect delays on a line that runs ...": an infinitive.)
    const bool addressee =
        first + 2 < s.end_token &&
        (toks_[first + 1].Has(kTokCapitalized) || Class(first + 1) == WC::kDet ||
         Class(first + 1) == WC::kPron) &&
        !(doc_->syntax().size() == toks_.size() && doc_->syntax()[first + 1].upos == "VERB");
    if (addressee && Is(first, "to") && cue.frame() == "say") {
      for (std::uint32_t j = first + 2; j < std::min(s.end_token, first + 8); ++j) {
        if (IsTerminal(j) || IsComma(j) || quote_of_[j] >= 0 || IsCueToken(j)) break;
        if (Is(j, "that") && Class(j) == WC::kSub) {
          first = j;
          break;
        }
      }
    }
    if (first < s.end_token && cue.frame() != "call_for" && (!clause || comma)) {
      const std::uint32_t k = comma ? first + 1 : first;
      const WC c = Class(k);
      if ((c == WC::kPrep || c == WC::kSub) && !Is(k, "that") && !Is(k, "if") &&
          !Is(k, "whether") && !(Is(k, "as") && k + 1 < s.end_token && IsOpenQuote(k + 1))) {
        // "said after the meeting that C", "states, in a satirical
        // fashion, that C": the content follows "that". "said, after the
        // vote, the plan would proceed", "said because of the storm the
        // flights were cancelled": it is the clause after the adverbial.
        // (An explicit "that" wins over a clause inside the adverbial:
        // "said in a statement they released on Friday that C".)
        std::uint32_t that = 0;
        const std::uint32_t lim = std::min(s.end_token, k + 16);
        for (std::uint32_t j = k + 1; j < lim && that == 0; ++j) {
          if (IsTerminal(j) || quote_of_[j] >= 0) break;
          if (Is(j, "that") && Class(j) == WC::kSub) that = j;
        }
        for (std::uint32_t j = k + 1; j < std::min(s.end_token, k + 12) && that == 0; ++j) {
          if (IsTerminal(j) || quote_of_[j] >= 0) break;
          if (IsComma(j)) {
            if (j + 1 < s.end_token && ClauseStartsAt(j + 1, true, s)) that = j + 1;
            break;
          }
          if (j > k + 1 && ClauseStartsAt(j, false, s)) that = j;
        }
        if (that == 0) continue;
        first = that;
      }
    }
    if (cue.needs_that && !Is(first, "that") && !IsOpenQuote(first) && Text(first) != ":" &&
        !clause) {
      continue;
    }
    std::uint32_t end = CueConjunctStart(cue, first, ContentEnd(first, s));
    // "welcomed X and in a reaction to the news said C": the content ends
    // at "and" before a phrase and another cue of the same subject (the
    // parse may not see the coordination).
    // So does ", with the i reporting C" (another speaker's participle).
    for (std::uint32_t j = first + 1; j + 2 < end; ++j) {
      if (IsComma(j) && Is(j + 1, "with")) {
        bool other = false;
        for (std::uint32_t k = j + 2; k < end && k <= j + 7 && !other; ++k) {
          other = cue_at_[k] >= 0 && cues_[static_cast<std::size_t>(cue_at_[k])].frame() == "say";
        }
        if (other) {
          end = j;
          break;
        }
      }
      if (Class(j) != WC::kConj || Is(j + 1, "that") || Class(j + 1) != WC::kPrep) continue;
      bool cut = false;
      for (std::uint32_t k = j + 2; k < end && k <= j + 16; ++k) {
        if (IsComma(k) || quote_of_[k] >= 0 || Class(k) == WC::kSub) break;
        if (IsCueToken(k)) {
          cut = true;
          break;
        }
      }
      if (cut) {
        end = j;
        break;
      }
    }
    // "defended the government's record whilst promising ...", "requested
    // donations via a statement": what a verb taking a noun phrase states is
    // that phrase (the object's words, by the parse), not the adjuncts after
    // it; the verb's clausal complements ("requested him to go") stay.
    if ((cue.frame() == "np" || cue.frame() == "directive") &&
        doc_->syntax().size() == toks_.size() && first < end) {
      const auto& syn = doc_->syntax();
      const auto verb = static_cast<std::int32_t>(CueVerb(cue.first, cue.end));
      std::int32_t obj = -1;
      bool clausal = false;
      for (std::uint32_t j = cue.end; j < end; ++j) {
        if (syn[j].head != verb) continue;
        const std::string_view rel = syn[j].deprel;
        clausal = clausal || rel == "xcomp" || rel == "ccomp";
        if (rel == "obj" && obj < 0) obj = static_cast<std::int32_t>(j);
      }
      if (obj >= 0 && !clausal) {
        std::uint32_t last = static_cast<std::uint32_t>(obj);
        for (std::uint32_t j = first; j < end; ++j) {
          std::int32_t h = static_cast<std::int32_t>(j);
          for (int n = 0; n < 12 && h >= 0 && h != obj; ++n)
            h = syn[static_cast<std::size_t>(h)].head;
          if (h == obj) last = std::max(last, j);
        }
        // A coordinator and a preposition open an adjunct of another clause,
        // not a second object ("welcomed Apple's announcement and in a
        // reaction to the news ...", whatever the parse hangs there).
        for (std::uint32_t j = static_cast<std::uint32_t>(obj) + 1; j + 1 <= last; ++j) {
          if (Class(j) == WC::kConj && Class(j + 1) == WC::kPrep) {
            last = j - 1;
            break;
          }
        }
        // A quotation opened inside the object ends with it, whatever the
        // parse hangs its closing mark on ('an “Antennagate,”').
        for (std::uint32_t j = first; j <= last && j < end; ++j) {
          if (quote_of_[j] < 0) continue;
          const Quote& q = quotes_[static_cast<std::size_t>(quote_of_[j])];
          if (q.open >= first && q.close != kNone && q.close > last && q.close < end) {
            last = q.close;
          }
        }
        // (A directive's addressee is followed by what it was asked to do:
        // "asked officials how ...", "asked the Council to help"; only an
        // adjunct ends it: "requested donations via a statement".)
        const bool adjunct = last + 1 < end && (Is(last + 1, "via") || Is(last + 1, "through") ||
                                                Is(last + 1, "whilst") || Is(last + 1, "while") ||
                                                Is(last + 1, "during") || Is(last + 1, "after"));
        if (last >= first && last + 1 < end && (cue.frame() == "np" || adjunct)) end = last + 1;
      }
    }
    // "described him as a visionary": what he was described as belongs to
    // what was said.
    if (end < s.end_token && Is(end, "as") && end > first && !Is(first, "as") &&
        (cue.lemma() == "describe" || cue.lemma() == "characterize" ||
         cue.lemma() == "characterise" || cue.lemma() == "attribute")) {
      end = CueConjunctStart(cue, first, ContentEnd(end + 1, s));
    }
    // "The Times reported that someone familiar with the situation said C":
    // the speaker and C are inside the report's content, and C is theirs too.
    // (Reported speech only, "said" or "told" by a third party: not the
    // words of an interview answer or a quotation, nor "the results show"
    // inside what the authors say.)
    bool nested =
        speaker.first < speaker.second && used_[speaker.first] && used_[speaker.second - 1] &&
        first < end && used_[first] && (cue.lemma() == "say" || cue.lemma() == "tell") &&
        !(speaker.second - speaker.first == 1 &&
          (Is(speaker.first, "i") || Is(speaker.first, "you") || Is(speaker.first, "we")));
    if (nested) {
      const std::uint32_t at = toks_[speaker.first].span.begin;
      nested = false;
      for (const Claim& outer : doc_->claims()) {
        if (outer.content.begin <= at && at < outer.content.end) {
          nested = outer.kind != ClaimKind::kDirect && outer.rule.name != kSieveInterview.name;
          break;
        }
      }
    }
    // "Whitmore told LA Weekly that on October 6 Montalvo ... told the
    // police, “everything he did”": a report that holds another claim whole,
    // its speaker and its words, holds it as reported speech.
    // (Only where the content has words a claim took: most have none.)
    bool taken = false;
    for (std::uint32_t k = first; k < end && !nested && !taken; ++k) taken = used_[k];
    if (taken && cue.lemma() != "accuse") {
      // (The inner report's words may run past where this one's content
      // stopped: its quotation ends the sentence.)
      std::uint32_t wide = end;
      const auto& syn = doc_->syntax();
      const bool parsed = syn.size() == toks_.size();
      const std::int32_t verb =
          parsed ? static_cast<std::int32_t>(CueVerb(cue.first, cue.end)) : -1;
      for (const Claim& inner : doc_->claims()) {
        if (inner.speaker.empty() || inner.speaker.begin < toks_[first].span.begin ||
            inner.speaker.end > toks_[end - 1].span.end ||
            inner.content.begin < toks_[end - 1].span.end || inner.sentence != cue.sentence) {
          continue;
        }
        // (Not a report coordinated with this one: "welcomed the
        // announcement and in a reaction ... Neelie Kroes said “...”".)
        if (!inner.cue.empty() && parsed) {
          const std::uint32_t c = doc_->TokenAtOrAfter(inner.cue.begin);
          if (c < toks_.size() && syn[c].head == verb && syn[c].deprel == "conj") continue;
        }
        std::uint32_t e = doc_->TokenAtOrAfter(inner.content.end);
        while (e < s.end_token && IsCloseQuote(e)) ++e;
        if (e <= s.end_token && e > wide) wide = e;
      }
      bool any = false, whole = true;
      const std::uint32_t a = toks_[first].span.begin, b = toks_[wide - 1].span.end;
      for (const Claim& inner : doc_->claims()) {
        const bool overlaps = inner.content.Overlaps(Span{a, b}) ||
                              (!inner.speaker.empty() && inner.speaker.Overlaps(Span{a, b}));
        if (!overlaps) continue;
        any = true;
        whole = whole && !inner.speaker.empty() && inner.speaker.begin >= a &&
                inner.content.end <= b && inner.content.begin >= a && inner.speaker.end <= b;
      }
      nested = any && whole;
      if (nested) end = wide;
    }
    if (AddClaim(speaker, &cue, first, end, kSieveSpeakerFirst, 0.7F, cue.sentence, inherit,
                 nested)) {
      cue.used = true;
    }
  }
}

void Attributor::SieveRelativeObject() {
  const auto& syn = doc_->syntax();
  if (syn.size() != toks_.size()) return;
  for (Cue& cue : cues_) {
    if (cue.used || (cue.frame() != "np" && cue.frame() != "accuse" && cue.frame() != "say")) {
      continue;
    }
    const Sentence& s = sents_[cue.sentence];
    const std::uint32_t verb = CueVerb(cue.first, cue.end);
    if (!syn[verb].deprel.starts_with("acl") || syn[verb].head < 0) continue;
    const auto noun = static_cast<std::uint32_t>(syn[verb].head);
    if (noun >= verb || noun < s.first_token || syn[noun].upos != "NOUN") continue;
    // The relative pronoun: the verb's object, between the noun and the verb;
    // or "that" read as a conjunction ("a move that/mark the UN has
    // criticised") when the verb has no object of its own.
    std::uint32_t rel = kNone;
    bool has_object = false;
    for (std::uint32_t k = noun + 1; k < s.end_token; ++k) {
      if (syn[k].head != static_cast<std::int32_t>(verb)) continue;
      const std::string_view d = syn[k].deprel;
      has_object = has_object || (d == "obj" && k > verb) || d == "ccomp" || d == "xcomp";
      if (k < verb && rel == kNone &&
          ((d == "obj" && (Is(k, "which") || Is(k, "that"))) || (d == "mark" && Is(k, "that")))) {
        rel = k;
      }
    }
    if (rel == kNone || (syn[rel].deprel == "mark" && has_object)) continue;
    // Nothing of the cue's own after it: the clause ends there.
    std::uint32_t after = cue.end;
    while (after < s.end_token && Class(after) == WC::kAdv) ++after;
    if (after < s.end_token && !IsTerminal(after) && !IsComma(after)) continue;
    auto speaker = ParseSubject(cue, s);
    if (speaker.first >= speaker.second || speaker.first < rel || IsBadSpeaker(speaker)) continue;
    // The noun's phrase: from its leftmost dependent to the pronoun.
    // (Not the clause the noun is the predicate of: "It was a move that
    // ...": its subject and copula are no part of the phrase.)
    auto under = [&](std::uint32_t k) {
      std::int32_t h = static_cast<std::int32_t>(k);
      for (int hops = 0; hops < 64 && h >= 0; ++hops) {
        const auto& x = syn[static_cast<std::size_t>(h)];
        if (x.head == static_cast<std::int32_t>(noun) &&
            (x.deprel.starts_with("nsubj") || x.deprel.starts_with("csubj") || x.deprel == "cop" ||
             x.deprel == "aux" || x.deprel == "expl" || x.deprel == "mark")) {
          return false;
        }
        if (h == static_cast<std::int32_t>(noun)) return true;
        h = x.head;
      }
      return false;
    };
    std::uint32_t first = noun;
    while (first > s.first_token && under(first - 1)) --first;
    if (Class(first) == WC::kPrep) continue;  // "of migrants which": the parse hung it low
    if (AddClaim(speaker, &cue, first, rel, kSieveRelativeObject, 0.6F, cue.sentence)) {
      cue.used = true;
    }
  }
}

void Attributor::SieveContentFirst() {
  for (Cue& cue : cues_) {
    if (cue.used || cue.frame() != "say") continue;
    const Sentence& s = sents_[cue.sentence];
    std::uint32_t before = 0;
    auto speaker = TagSpeaker(cue, s, &before);
    if (speaker.first == speaker.second) continue;
    std::uint32_t b = before - 1;
    if (!IsComma(b) && !IsCloseQuote(b)) continue;
    // "According to Apple, the update adds ...": the clause is the claim of
    // the opening phrase, not content before a tag.
    if (IsCueToken(s.first_token)) continue;
    std::uint32_t end = IsComma(b) ? b : b + 1;
    if (AddClaim(speaker, &cue, s.first_token, end, kSieveContentFirst, 0.6F, cue.sentence)) {
      cue.used = true;
    }
  }
}

void Attributor::SieveColonBlock() {
  // "In a statement, the Church denied these allegations:" closing its
  // paragraph, then a paragraph without quotation marks (a block quotation
  // whose marks the page gave as layout): the speaker's words, up to the
  // next sentence that reports speech itself.
  std::vector<std::uint32_t> zone_end(doc_->zones().size(), 0);
  for (const Sentence& s : sents_) zone_end[s.zone] = std::max(zone_end[s.zone], s.end_token);
  for (Cue& cue : cues_) {
    if (cue.used || cue.frame() == "according") continue;
    const Sentence& s = sents_[cue.sentence];
    const std::uint32_t colon = s.end_token - 1;
    if (s.end_token != zone_end[s.zone] || Text(colon) != ":" || cue.end > colon ||
        colon - cue.end > 6 || cue.sentence + 1 >= sents_.size()) {
      continue;
    }
    bool object_only = true;  // "denied these allegations", "said the following"
    for (std::uint32_t k = cue.end; k < colon && object_only; ++k) {
      object_only = quote_of_[k] < 0 && !IsComma(k) && Class(k) != WC::kSub &&
                    Class(k) != WC::kAux && Class(k) != WC::kModal && !IsCueToken(k);
    }
    if (!object_only || IsPassiveCue(cue, s)) continue;
    const std::uint32_t first_sent = cue.sentence + 1;
    const std::uint32_t zone = sents_[first_sent].zone;
    if (zone != s.zone + 1 || IsDisplayZone(doc_->zones()[zone].kind)) continue;
    std::uint32_t a = sents_[first_sent].first_token, b = a;
    for (std::uint32_t si = first_sent; si < sents_.size() && sents_[si].zone == zone; ++si) {
      bool reports = false;
      for (std::uint32_t k = sents_[si].first_token; k < sents_[si].end_token && !reports; ++k) {
        reports = IsCueToken(k) || used_[k];
      }
      if (reports) break;
      b = sents_[si].end_token;
    }
    if (b < a + 3) continue;
    std::uint32_t subj_end = SkipAuxLeft(cue.first, s.first_token);
    auto speaker = ParseSubject(cue, s);
    if (speaker.first == speaker.second || speaker.second > cue.first) {
      speaker = NpLeft(subj_end, s.first_token);
    }
    if (speaker.first == speaker.second || IsBadSpeaker(speaker)) continue;
    if (AddClaim(speaker, &cue, a, b, kSieveColonBlock, 0.6F, cue.sentence)) {
      doc_->mutable_claims()->back().kind = ClaimKind::kDirect;
      cue.used = true;
    }
  }
}

void Attributor::SieveMidTag() {
  // "The plan, he said, would cost $2 billion." / "Institutional
  // recipients, said Maurer, are required to ...": the tag sits between the
  // subject and its verb, so the claim is the whole clause around it (the
  // content span holds the tag; the subject alone or the verb phrase alone
  // would say nothing).
  const bool parsed = doc_->syntax().size() == toks_.size();
  auto verb_like = [&](std::uint32_t k) {
    if (Class(k) == WC::kAux || Class(k) == WC::kModal) return true;
    if (!parsed) return false;
    std::string_view x = doc_->syntax()[k].xpos;
    return x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
  };
  for (Cue& cue : cues_) {
    if (cue.used || cue.frame() != "say") continue;
    const Sentence& s = sents_[cue.sentence];
    std::uint32_t before = 0;
    auto speaker = TagSpeaker(cue, s, &before);
    if (speaker.first == speaker.second || speaker.second - speaker.first > 6) continue;
    std::uint32_t b = before - 1;
    if (!IsComma(b) || b < s.first_token + 1 || IsCueToken(s.first_token)) continue;
    // After the tag (and a time that dates it): a comma, then the verb.
    std::uint32_t k = std::max(cue.end, speaker.second);
    if (cue.lemma() == "tell" && k < s.end_token) k = NpRight(k, s.end_token).second;  // reporters
    k = SkipTimeAfter(k, s);
    if (k + 1 >= s.end_token || !IsComma(k)) continue;
    std::uint32_t v = k + 1;
    if (Class(v) == WC::kAdv && v + 1 < s.end_token) ++v;
    if (!verb_like(v)) continue;
    // Before it: a subject, no clause of its own (no verb, cue, or comma).
    bool subject = true;
    for (std::uint32_t j = s.first_token; j < b && subject; ++j) {
      subject = !verb_like(j) && !IsCueToken(j) && !IsComma(j) && !used_[j] &&
                Class(j) != WC::kSub && Class(j) != WC::kRel;
    }
    if (!subject) continue;
    std::uint32_t end = s.end_token;
    while (end > v && (IsTerminal(end - 1) || IsCloseQuote(end - 1))) --end;
    if (AddClaim(speaker, &cue, s.first_token, end, kSieveMidTag, 0.6F, cue.sentence)) {
      cue.used = true;
    }
  }
}

void Attributor::SieveContinuation() {
  // A quotation standing alone (a sentence or paragraph of its own, no tag)
  // right after a direct quote: the same speaker goes on. "“A,” he said.
  // “B.”" gives B to him too.
  std::vector<Claim>* claims = doc_->mutable_claims();
  // Claims by the end of their content, for the nearest one before a quote.
  std::map<std::uint32_t, std::size_t> by_end;
  for (std::size_t ci = 0; ci < claims->size(); ++ci) {
    auto [it, added] = by_end.emplace((*claims)[ci].content.end, ci);
    (void)it;
    (void)added;  // two claims cannot end at the same byte; the first wins
  }
  for (std::size_t qi = 0; qi < quotes_.size(); ++qi) {
    const Quote& q = quotes_[qi];
    if (q.open == kNone) continue;
    std::uint32_t a = q.open, b = q.close != kNone ? q.close + 1 : q.inner_end;
    bool free = true;
    for (std::uint32_t k = a; k < b; ++k) free = free && !used_[k];
    if (!free) continue;
    std::uint32_t sa = sent_of_[a];
    // It opens its sentence, or follows the comma that ends an indirect
    // claim ('said resources would be accessible, "For example, ..."').
    const bool opens = a == sents_[sa].first_token;
    if (!opens && (a == sents_[sa].first_token + 1 || !IsComma(a - 1))) continue;
    std::uint32_t end_sent = sent_of_[b - 1];
    std::uint32_t rest = b;
    while (rest < sents_[end_sent].end_token && IsTerminal(rest)) ++rest;
    if (rest != sents_[end_sent].end_token) continue;  // nothing after it but . ? !
    // The nearest claim before it, within two sentences and one paragraph.
    const Claim* prev = nullptr;
    auto after = by_end.upper_bound(toks_[a].span.begin);
    if (after != by_end.begin()) prev = &(*claims)[std::prev(after)->second];
    if (prev == nullptr || prev->speaker.empty() || prev->display) continue;
    if (!opens && doc_->TokenAtOrAfter(prev->content.end) != a - 1) continue;
    std::uint32_t ps = static_cast<std::uint32_t>(doc_->SentenceAt(prev->content.end - 1));
    if (sa > ps + 3 || sents_[sa].zone > sents_[ps].zone + 1) continue;
    // After an indirect claim ("Smith said the plan failed. “We tried.”"),
    // only the next sentence or paragraph.
    if (prev->kind != ClaimKind::kDirect && sa > ps + 1) continue;
    Claim copy = *prev;
    std::uint32_t ce = q.inner_end;
    while (ce > q.inner_first && IsComma(ce - 1)) --ce;
    if (ce <= q.inner_first) continue;
    copy.content = TokSpan(q.inner_first, ce);
    copy.sentence = sa;
    copy.rule = kSieveContinuation;
    copy.kind = ClaimKind::kDirect;
    copy.confidence = 0.6F;
    copy.display = IsDisplayZone(doc_->zones()[sents_[sa].zone].kind);
    copy.evidence.clear();
    for (std::uint32_t k = a; k < b; ++k) used_[k] = true;
    by_end.emplace(copy.content.end, claims->size());
    claims->push_back(std::move(copy));
  }
}

// A quotation signed after its closing mark ("“Q.” - Matthew Ingram",
// "“Q.” — Peres, on whether ...") or a display paragraph whose last line is
// a name ("Q. Charles Bolden, NASA Administrator"): the name speaks.
void Attributor::SieveByline() {
  const auto& mentions = doc_->mentions();
  // The person named at token k (a name mention starting there), or -1.
  std::vector<std::int32_t> name_at(toks_.size(), -1);
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    const Mention& mm = mentions[m];
    if (mm.kind == MentionKind::kName && mm.type == EntityType::kPerson &&
        name_at[mm.first_token] < 0) {
      name_at[mm.first_token] = static_cast<std::int32_t>(m);
    }
  }
  std::vector<std::uint32_t> zone_end(doc_->zones().size(), 0);
  for (const Sentence& s : sents_) zone_end[s.zone] = std::max(zone_end[s.zone], s.end_token);
  auto is_dash = [&](std::uint32_t k) {
    std::string_view t = Text(k);
    return t == "-" || t == "--" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93";
  };
  // The signature starting at k: a person's name, or after a dash any short
  // noun phrase; then the end of the paragraph, or a comma and a short
  // description. Returns the name's range, or empty.
  auto signature = [&](std::uint32_t k, std::uint32_t zend,
                       bool dashed) -> std::pair<std::uint32_t, std::uint32_t> {
    if (k >= zend || !toks_[k].Has(kTokCapitalized)) return {0, 0};
    std::pair<std::uint32_t, std::uint32_t> name{0, 0};
    if (name_at[k] >= 0) {
      const Mention& mm = mentions[static_cast<std::size_t>(name_at[k])];
      name = {mm.first_token, mm.end_token};
    } else if (dashed) {
      auto np = NpRight(k, zend);
      if (np.second > np.first && np.second - np.first <= 4) name = np;
    }
    if (name.second <= name.first) return {0, 0};
    std::uint32_t e = name.second;
    while (e < zend && IsTerminal(e)) ++e;
    if (e == zend) return name;
    if (!IsComma(e) || zend - e > 18) return {0, 0};
    for (std::uint32_t j = e; j < zend; ++j) {
      if (IsCueToken(j) || used_[j]) return {0, 0};
    }
    return name;
  };
  // Words a signature can claim: at least four, no quotation, none a claim
  // has taken, and no speech verb (a report of someone else's words) unless
  // the words are in the first person ("I was told ... Valeska Paris").
  auto plain = [&](std::uint32_t a, std::uint32_t b) {
    if (b < a + 4) return false;
    bool first_person = false, cue = false;
    for (std::uint32_t k = a; k < b; ++k) {
      if (quote_of_[k] >= 0 || used_[k]) return false;
      cue = cue || IsCueToken(k);
      std::string_view w = Text(k);
      first_person = first_person || w == "I" || w == "we" || w == "We" || w == "my" || w == "My" ||
                     w == "our" || w == "Our" || w == "me";
    }
    return !cue || first_person;
  };
  // (Not in a sources list: "“Headline” — Publisher, date" cites a report.)
  auto citation = [&](std::size_t si) {
    return ZoneOf(static_cast<std::uint32_t>(si)) == ZoneKind::kCitation;
  };
  // 1. "“Q” - Name"
  for (const Quote& q : quotes_) {
    if (q.open == kNone || q.close == kNone || used_[q.open]) continue;
    std::uint32_t sa = sent_of_[q.open];
    if (citation(sa)) continue;
    if (q.open != sents_[sa].first_token) continue;
    std::uint32_t zend = zone_end[sents_[sa].zone];
    std::uint32_t k = q.close + 1;
    while (k < zend && IsTerminal(k)) ++k;
    bool dashed = k < zend && is_dash(k);
    if (dashed) ++k;
    auto name = signature(k, zend, dashed);
    if (name.second <= name.first) continue;
    AddClaim(name, nullptr, q.open, q.close + 1, kSieveByline, 0.75F, sa);
  }
  // 2. A paragraph of sentences, the last one a name: "Q. Name, title".
  for (std::size_t si = 1; si < sents_.size(); ++si) {
    const Sentence& s = sents_[si];
    if (sents_[si - 1].zone != s.zone) continue;  // the paragraph says something first
    std::uint32_t zend = zone_end[s.zone];
    if (s.end_token != zend || citation(si)) continue;
    auto name = signature(s.first_token, zend, false);
    if (name.second <= name.first || name.first != s.first_token) continue;
    std::size_t first = si - 1;
    while (first > 0 && sents_[first - 1].zone == s.zone) --first;
    std::uint32_t a = sents_[first].first_token, b = sents_[si - 1].end_token;
    if (!plain(a, b)) continue;
    if (AddClaim(name, nullptr, a, b, kSieveByline, 0.6F, static_cast<std::uint32_t>(si - 1))) {
      doc_->mutable_claims()->back().kind = ClaimKind::kDirect;
    }
  }
  // 3. A paragraph signed at its end after a dash, unquoted: "Q. — Rick
  // Santorum".
  for (std::size_t si = 0; si < sents_.size(); ++si) {
    const Sentence& s = sents_[si];
    std::uint32_t zend = zone_end[s.zone];
    if (s.end_token != zend || citation(si)) continue;
    std::uint32_t d = zend;
    for (std::uint32_t k = zend; k-- > s.first_token + 1 && zend - k < 10;) {
      if (is_dash(k)) {
        d = k;
        break;
      }
    }
    if (d == zend || !(IsTerminal(d - 1) || IsCloseQuote(d - 1))) continue;
    // A person signs, by a name the mentions know: no wire or staff credit
    // ("— Reuters", "— Staff reporter").
    if (d + 1 >= zend || name_at[d + 1] < 0) continue;
    auto name = signature(d + 1, zend, true);
    if (name.second <= name.first) continue;
    std::size_t first = si;
    while (first > 0 && sents_[first - 1].zone == s.zone) --first;
    std::uint32_t a = sents_[first].first_token;
    if (!plain(a, d)) continue;
    if (AddClaim(name, nullptr, a, d, kSieveByline, 0.6F, static_cast<std::uint32_t>(si))) {
      doc_->mutable_claims()->back().kind = ClaimKind::kDirect;
    }
  }
}

// A question-and-answer interview: paragraphs that ask (ending with "?")
// each followed by paragraphs that answer. In a document with at least
// three such pairs (two when the opening says "interview"), every answer paragraph not otherwise
// attributed is a direct quote of the interviewee: the first person named in the headline, else the
// first person named in the text.
void Attributor::SieveRelay() {
  std::vector<Claim>* claims = doc_->mutable_claims();
  const std::size_t n = claims->size();
  std::vector<Claim> relays;  // added after the loop: it reads the claims
  // The claims by sentence, to look at the few near each "quoted".
  std::vector<std::pair<std::uint32_t, std::size_t>> by_sentence;
  by_sentence.reserve(n);
  for (std::size_t k = 0; k < n; ++k) by_sentence.emplace_back((*claims)[k].sentence, k);
  std::sort(by_sentence.begin(), by_sentence.end());
  auto entity_of = [&](std::pair<std::uint32_t, std::uint32_t> sp) -> std::int32_t {
    const std::int32_t m = HeadMention(*doc_, res_, TokSpan(sp.first, sp.second));
    return m < 0 ? -1 : doc_->mentions()[static_cast<std::size_t>(m)].entity;
  };
  for (std::uint32_t t = 0; t + 1 < toks_.size(); ++t) {
    if (quote_of_[t] >= 0 || used_[t]) continue;
    const std::string_view w = doc_->Folded(t);
    if (w != "quoted" && w != "quoting" && w != "citing") continue;
    if (t == 0 && w != "citing") continue;  // (the others look at the word before)
    const std::uint32_t si = sent_of_[t];
    const Sentence& s = sents_[si];
    if (t + 1 >= s.end_token) continue;
    // What "quoted" governs ends at the next clause ("..., but Cameron
    // said", "before Smith said", "to Smith, who said"): a claim made there
    // is not the one quoted.
    std::uint32_t stop = t + 1;
    for (; stop < s.end_token && stop < t + 60; ++stop) {
      const std::string_view f = doc_->Folded(stop);
      if (f == "but" || f == "while" || f == "whereas" || f == "although" || f == "though" ||
          f == "before" || f == "after" || f == "who" || f == "which" || f == ";") {
        break;
      }
    }
    // The new speaker: the medium that quotes, or (after "S, quoting") the
    // one S quotes.
    std::pair<std::uint32_t, std::uint32_t> medium{0, 0};
    std::vector<std::int32_t> quoted;  // entities whose words are relayed
    bool speaker_before = false;       // "S, quoting R, C": S's claim is copied
    bool citing = false;               // "Citing people familiar with it, S said C"
    if (w == "citing") {
      // People or a named source, not what is cited as a reason ("Citing
      // privacy rules, officials have not said ...").
      static constexpr std::string_view kSources[] = {
          "people",   "person",    "persons",   "sources",     "source",     "officials",
          "official", "insiders",  "insider",   "individuals", "executives", "analysts",
          "experts",  "witnesses", "diplomats", "aides",       "residents",  "investigators"};
      medium = NpRight(t + 1, s.end_token);
      bool source = false;
      for (std::uint32_t k = medium.first; k < medium.second && !source; ++k) {
        source = std::find(std::begin(kSources), std::end(kSources), doc_->Folded(k)) !=
                 std::end(kSources);
      }
      const std::int32_t m = HeadMention(*doc_, res_, TokSpan(medium.first, medium.second));
      source =
          source ||
          (m >= 0 && doc_->mentions()[static_cast<std::size_t>(m)].kind == MentionKind::kName &&
           doc_->mentions()[static_cast<std::size_t>(m)].type != EntityType::kOther);
      if (!source) continue;
      // "people familiar with the situation": the phrase runs to its comma.
      std::uint32_t e = medium.second;
      while (e < s.end_token && e < medium.first + 12 && !IsComma(e) && !IsCueToken(e) &&
             !IsTerminal(e)) {
        ++e;
      }
      if (e < s.end_token && (IsComma(e) || IsTerminal(e))) medium.second = e;
      citing = true;
    } else if (w == "quoting" && IsComma(t - 1)) {
      // "According to Yonhap, quoting KCNA (KCNA), C": the one quoted said
      // C first; the claim of the phrase before is relayed.
      medium = NpRight(t + 1, s.end_token);
      if (medium.second + 2 < s.end_token && Text(medium.second) == "(") {
        std::uint32_t k = medium.second + 1;
        while (k < s.end_token && k - medium.second < 6 && Text(k) != ")") ++k;
        if (k < s.end_token && Text(k) == ")") medium.second = k + 1;
      }
      speaker_before = true;
    } else if (w == "quoted" && IsBeForm(doc_->Folded(t - 1)) && Is(t + 1, "by")) {
      // "he was quoted by The Canadian Press": his words, its report.
      medium = NpRight(t + 2, s.end_token);
      const std::uint32_t v = SkipAuxLeft(t, s.first_token);
      const std::int32_t e = entity_of(NpLeft(v, s.first_token));
      if (e < 0) continue;
      quoted.push_back(e);
    } else if (w == "quoted" && !IsComma(t - 1)) {
      // "It quoted critics like Colin Yeo and Caitlin Boswell, with Boswell
      // stating: “Q”": the people named after the verb.
      const std::uint32_t v = SkipAuxLeft(t, s.first_token);
      medium = NpLeft(v, s.first_token);
      for (auto it = MentionsFrom(t + 1); it != doc_->mentions().end() && it->end_token <= stop;
           ++it) {
        if (it->kind == MentionKind::kName && it->entity >= 0) quoted.push_back(it->entity);
      }
      if (quoted.empty()) continue;
    } else {
      continue;
    }
    // The name, not what follows it ("by The Canadian Press on his
    // assessment of ..."): up to the first preposition outside a name ("The
    // Times of India" holds one).
    if (!citing) {
      auto it = MentionsFrom(medium.first);
      std::uint32_t name_end = medium.first;  // the end of the names seen so far
      for (std::uint32_t k = medium.first; k < medium.second; ++k) {
        for (; it != doc_->mentions().end() && it->first_token <= k; ++it) {
          if (it->kind == MentionKind::kName) name_end = std::max(name_end, it->end_token);
        }
        if (k > medium.first && k >= name_end && Class(k) == WC::kPrep) {
          medium.second = k;
          break;
        }
      }
    }
    if (medium.second <= medium.first || IsBadSpeaker(medium)) continue;
    const std::int32_t medium_entity = entity_of(medium);
    const std::uint32_t after = toks_[t].span.end;
    auto lo = std::lower_bound(by_sentence.begin(), by_sentence.end(),
                               std::pair<std::uint32_t, std::size_t>{si, 0});
    for (auto it = lo; it != by_sentence.end() && it->first <= si + 3; ++it) {
      const Claim& c = (*claims)[it->second];
      if (citing) {
        // The report of this sentence that the cited people are not part of,
        // before or after them ("S reported C, citing X").
        const Span cited = TokSpan(medium.first, medium.second);
        if (c.sentence != si || c.speaker.empty() || c.cue.empty() || c.speaker.Overlaps(cited) ||
            c.content.Overlaps(cited) || sent_of_[doc_->TokenAtOrAfter(c.cue.begin)] != si) {
          continue;
        }
      } else if (c.content.begin < after || c.sentence > si + 3 || c.sentence < si) {
        continue;
      }
      // Words it reports in this sentence, or their continuation (a quote
      // whose cue is here): not another act further on, nor one after the
      // clause "quoted" governs.
      if (!c.cue.empty() && !citing) {
        const std::uint32_t cue_tok = doc_->TokenAtOrAfter(c.cue.begin);
        if (sent_of_[cue_tok] != si || cue_tok >= stop) continue;
      }
      if (speaker_before) {
        if (c.sentence != si || c.speaker.empty() || c.speaker.end > toks_[t].span.begin) continue;
      } else if (!citing &&
                 std::find(quoted.begin(), quoted.end(), c.speaker_entity) == quoted.end()) {
        continue;
      }
      if (medium_entity >= 0 && c.speaker_entity == medium_entity) continue;
      Claim r = c;
      r.speaker = TokSpan(medium.first, medium.second);
      r.speaker_mention = HeadMention(*doc_, res_, r.speaker);
      r.speaker_entity = medium_entity;
      r.speaker_antecedent = Span{};
      r.cue = TokSpan(t, t + 1);
      r.cue_lemma = citing ? "cite" : "quote";
      r.evidence.clear();
      r.facts.clear();
      r.rule = kSieveRelay;
      r.confidence = std::max(0.0F, c.confidence - 0.1F);
      relays.push_back(std::move(r));
      if (speaker_before || citing) break;
    }
  }
  for (Claim& r : relays) claims->push_back(std::move(r));
}

void Attributor::SieveInterview() {
  const auto& zones = doc_->zones();
  if (zones.empty()) return;
  std::vector<std::uint32_t> zfirst(zones.size(), kNone), zend(zones.size(), 0);
  for (const Sentence& s : sents_) {
    zfirst[s.zone] = std::min(zfirst[s.zone], s.first_token);
    zend[s.zone] = std::max(zend[s.zone], s.end_token);
  }
  auto question = [&](std::size_t z) {
    if (zfirst[z] == kNone || zones[z].kind != ZoneKind::kBody) return false;
    std::uint32_t e = zend[z];
    while (e > zfirst[z] && (toks_[e - 1].kind == TokenKind::kQuote || Text(e - 1) == ")")) --e;
    return e > zfirst[z] && Text(e - 1) == "?" && zend[z] - zfirst[z] <= 80;
  };
  auto answer = [&](std::size_t z) {
    return zfirst[z] != kNone && zones[z].kind == ZoneKind::kBody && !question(z);
  };
  int pairs = 0;
  for (std::size_t z = 0; z + 1 < zones.size(); ++z) {
    if (question(z) && answer(z + 1)) ++pairs;
  }
  // Two pairs are enough when the opening says it is an interview.
  bool says_interview = false;
  for (std::uint32_t k = 0; k < toks_.size() && !says_interview; ++k) {
    if (sents_[sent_of_[k]].zone > 2) break;
    says_interview = IsInterviewWord(doc_->Folded(k));
  }
  if (pairs < 3 && !(pairs >= 2 && says_interview)) return;
  const auto& mentions = doc_->mentions();
  std::int32_t who = -1;
  for (int pass = 0; pass < 2 && who < 0; ++pass) {
    for (std::size_t m = 0; m < mentions.size(); ++m) {
      const Mention& mm = mentions[m];
      if (mm.kind != MentionKind::kName || mm.type != EntityType::kPerson) continue;
      std::size_t z = sents_[sent_of_[mm.first_token]].zone;
      if (pass == 0 && zones[z].kind != ZoneKind::kHeadline) continue;
      who = static_cast<std::int32_t>(m);
      break;
    }
  }
  std::pair<std::uint32_t, std::uint32_t> speaker{0, 0};
  if (who >= 0) {
    const Mention& mm = mentions[static_cast<std::size_t>(who)];
    speaker = {mm.first_token, mm.end_token};
  }
  // With no person in the headline, whom the opening says was interviewed
  // ("Wikinews interviewed one of the owners of a New York City bar",
  // "interviewed him") rather than the first person the text names.
  const bool headline_person =
      who >= 0 &&
      zones[sents_[sent_of_[mentions[static_cast<std::size_t>(who)].first_token]].zone].kind ==
          ZoneKind::kHeadline;
  for (std::size_t si = 0; si < sents_.size() && si < 6 && !headline_person; ++si) {
    const Sentence& s = sents_[si];
    bool found = false;
    for (std::uint32_t k = s.first_token; k + 1 < s.end_token; ++k) {
      const std::string_view w = doc_->Folded(k);
      if (w != "interviewed" && w != "interviews") continue;
      std::uint32_t from = k + 1;
      if (Is(from, "with") && from + 1 < s.end_token) ++from;
      auto np = NpRight(from, s.end_token);
      // "one of the owners of a New York City bar": the whole phrase.
      for (int hops = 0;
           hops < 3 && np.first < np.second && np.second + 1 < s.end_token && Is(np.second, "of");
           ++hops) {
        const auto more = NpRight(np.second + 1, s.end_token);
        if (more.first >= more.second) break;
        np.second = more.second;
      }
      // Not what the interview was about ("... bar about a cocktail called
      // Santorum"): up to the first preposition other than "of".
      for (std::uint32_t t = np.first + 1; t < np.second; ++t) {
        if (Class(t) == WC::kPrep && !Is(t, "of")) {
          np.second = t;
          break;
        }
      }
      if (np.first < np.second) {
        speaker = {np.first, np.second};
        found = true;
      }
      break;
    }
    if (found) break;
  }
  bool in_answer = false;
  int run = 0;
  for (std::size_t z = 0; z < zones.size(); ++z) {
    if (zfirst[z] == kNone) continue;
    if (question(z)) {
      in_answer = true;
      run = 0;
      continue;
    }
    if (!in_answer || zones[z].kind != ZoneKind::kBody || ++run > 6) continue;
    // A subheading ("The waning importance of history") answers nothing.
    if (!IsTerminal(zend[z] - 1) && toks_[zend[z] - 1].kind != TokenKind::kQuote &&
        zend[z] - zfirst[z] < 10) {
      continue;
    }
    // A paragraph quoting someone else is left to the other sieves.
    bool plain = true;
    for (std::uint32_t k = zfirst[z]; k < zend[z] && plain; ++k) {
      bool quotation = toks_[k].kind == TokenKind::kQuote && toks_[k].Has(kTokDoubleQuote);
      if (quotation && quote_of_[k] >= 0) {  // a scare-quoted term ("Vilt-two") is no quotation
        // (nor is a stray closing mark, read as a quotation from the
        // paragraph's start: the answer is the interviewee's own words.)
        const Quote& q = quotes_[static_cast<std::size_t>(quote_of_[k])];
        quotation = q.inner_end - q.inner_first >= 8 && q.open != kNone;
      }
      plain = !used_[k] && !quotation;
    }
    if (!plain) continue;
    std::uint32_t sa = sent_of_[zfirst[z]];
    if (AddClaim(speaker, nullptr, zfirst[z], zend[z], kSieveInterview, 0.55F, sa)) {
      doc_->mutable_claims()->back().kind = ClaimKind::kDirect;
    }
  }
  // The interviewee's name stays free for the other sieves.
  for (std::uint32_t k = speaker.first; k < speaker.second; ++k) used_[k] = false;
}

// News leads with the event ("Apple announced Monday that ..."); what is
// quoted after it, in the past tense (or signed, with no cue) and with no
// date of its own, was said at that event: such claims take its date, with
// basis "inferred".
void Attributor::InferEventDate() {
  std::vector<Claim>* claims = doc_->mutable_claims();
  if (!doc_->dct()) return;
  const date::sys_days dct = *doc_->dct();
  std::vector<std::size_t> order(claims->size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return (*claims)[a].content.begin < (*claims)[b].content.begin;
  });
  // Events: explicitly dated claims in the week before the publication day,
  // by speaker. A later undated past-tense claim by the same speaker, or by
  // someone holding a role in the speaker's organisation (or the
  // organisation of a person who spoke), was made there: "Apple announced
  // Monday it has settled ... “We love the Beatles,” said Apple CEO Steve
  // Jobs"; "Jobs said yesterday ... Jobs also said". Other speakers'
  // reactions are dated by the publication ("On Tuesday, the government
  // announced ... Mr Key said"). (A day named in the lead is not enough
  // either: a feature's lead often names the event and its quotes come
  // from interviews after it.)
  const auto& ents = doc_->entities();
  auto org_of = [&](std::int32_t e, std::int32_t org) {
    if (e < 0 || static_cast<std::size_t>(e) >= ents.size()) return false;
    for (const DocRole& r : ents[static_cast<std::size_t>(e)].roles) {
      if (r.org == org) return true;
    }
    return false;
  };
  auto related = [&](std::int32_t a, std::int32_t b) {
    return a >= 0 && b >= 0 && (a == b || org_of(a, b) || org_of(b, a));
  };
  struct Event {
    std::int32_t speaker;
    TimeAnchor date;
    std::int32_t timex;
  };
  std::vector<Event> events;
  // Events the narrative dates: a sentence that names a day of that week
  // and an event ("NASA celebrated the launch ... Tuesday at an event",
  // "Yesterday, at this year's Worldwide Developers Conference, Jobs
  // unveiled", "In a Wednesday media event, Apple released") is an event of
  // its subject's. (Sorted by position; taken in as the claims pass them.)
  struct Placed {
    std::uint32_t at;
    Event ev;
  };
  std::vector<Placed> narrated;
  if (const auto& syn = doc_->syntax(); syn.size() == toks_.size() && !syn.empty()) {
    // (Needs the parse: which verb the day, the event and the subject hang
    // on. Not "Police arrested a man at a meeting on Monday".)
    static constexpr std::string_view kEventNouns[] = {
        "event",   "events",     "ceremony", "conference", "keynote",      "briefing",
        "summit",  "meeting",    "speech",   "hearing",    "presentation", "rally",
        "session", "convention", "forum",    "address",    "celebration"};
    static constexpr std::string_view kPresentVerbs[] = {
        "announce", "unveil", "release", "present",     "introduce", "launch",  "celebrate",
        "hold",     "host",   "open",    "speak",       "address",   "deliver", "give",
        "reveal",   "show",   "preview", "demonstrate", "showcase",  "outline", "commemorate"};
    const auto& timexes = doc_->timexes();
    const auto& mentions = doc_->mentions();
    // Whether token t hangs on verb v within three arcs.
    auto under = [&](std::uint32_t t, std::uint32_t v) {
      std::int32_t h = static_cast<std::int32_t>(t);
      for (int hops = 0; hops < 4 && h >= 0; ++hops) {
        if (h == static_cast<std::int32_t>(v)) return true;
        h = syn[static_cast<std::size_t>(h)].head;
      }
      return false;
    };
    std::size_t ti = 0, mi = 0;
    for (const Sentence& st : sents_) {
      if (st.first_token >= st.end_token) continue;
      const std::uint32_t b = toks_[st.first_token].span.begin;
      const std::uint32_t e = toks_[st.end_token - 1].span.end;
      while (ti < timexes.size() && timexes[ti].span.begin < b) ++ti;
      while (mi < mentions.size() && mentions[mi].span.begin < b) ++mi;
      // The subject: the first person or organisation that is the active
      // subject of a verb that presents something.
      std::int32_t subject = -1;
      std::uint32_t verb = 0;
      for (std::size_t k = mi; k < mentions.size() && mentions[k].span.begin < e && subject < 0;
           ++k) {
        const Mention& m = mentions[k];
        if (m.entity < 0 || (m.type != EntityType::kPerson && m.type != EntityType::kOrg)) continue;
        for (std::uint32_t t = m.first_token; t < m.end_token; ++t) {
          const std::int32_t h = syn[t].head;
          if (h >= static_cast<std::int32_t>(m.first_token) &&
              h < static_cast<std::int32_t>(m.end_token)) {
            continue;
          }
          if (syn[t].deprel != "nsubj" || h < 0) break;
          const std::string_view lemma = doc_->Lemma(static_cast<std::size_t>(h));
          if (std::find(std::begin(kPresentVerbs), std::end(kPresentVerbs), lemma) ==
              std::end(kPresentVerbs)) {
            break;
          }
          subject = m.entity;
          verb = static_cast<std::uint32_t>(h);
          break;
        }
      }
      if (subject < 0) continue;
      // A day of that week on the same verb ("celebrated ... Tuesday",
      // "Yesterday, at the conference, Jobs unveiled").
      std::int32_t day = -1;
      for (std::size_t k = ti; k < timexes.size() && timexes[k].span.begin < e && day < 0; ++k) {
        const TimeAnchor& a = timexes[k].anchor;
        if (a.grain != Grain::kDay || !a.has_interval() || a.begin >= dct ||
            a.begin + date::days{7} < dct) {
          continue;
        }
        bool on_verb = false;
        for (std::uint32_t t = doc_->TokenAtOrAfter(timexes[k].span.begin);
             t < toks_.size() && toks_[t].span.begin < timexes[k].span.end && !on_verb; ++t) {
          on_verb = under(t, verb);
        }
        if (on_verb) day = static_cast<std::int32_t>(k);
      }
      if (day < 0) continue;
      // And an event on that verb ("at an event", "In a media event").
      bool event_noun = false;
      for (std::uint32_t k = st.first_token; k < st.end_token && !event_noun; ++k) {
        const std::string_view w = doc_->Folded(k);
        event_noun =
            quote_of_[k] < 0 &&
            std::find(std::begin(kEventNouns), std::end(kEventNouns), w) != std::end(kEventNouns) &&
            under(k, verb);
      }
      if (!event_noun) continue;
      narrated.push_back(
          Placed{b, Event{subject, timexes[static_cast<std::size_t>(day)].anchor, day}});
    }
  }
  std::size_t next_narrated = 0;
  for (std::size_t i : order) {
    Claim& c = (*claims)[i];
    while (next_narrated < narrated.size() && narrated[next_narrated].at < c.content.begin) {
      events.push_back(narrated[next_narrated++].ev);
    }
    if (c.display) continue;
    // (Within a week: a day weeks before is a past episode the story
    // recalls, not the event it reports.)
    if (c.date_basis == DateBasis::kExplicit && c.date.grain == Grain::kDay && c.date.begin < dct &&
        c.date.begin + date::days{7} >= dct) {
      if (c.speaker_entity >= 0) events.push_back(Event{c.speaker_entity, c.date, c.date_timex});
      // The other party an announcement names is at the same event ("Apple
      // announced Monday it has settled its dispute with Apple Corps ...
      // “...,” said Neil Aspinall, manager of Apple Corps").
      const auto& mentions = doc_->mentions();
      auto m =
          std::lower_bound(mentions.begin(), mentions.end(), c.content.begin,
                           [](const Mention& x, std::uint32_t pos) { return x.span.begin < pos; });
      for (int n = 0; m != mentions.end() && m->span.end <= c.content.end && n < 8; ++m, ++n) {
        if (m->kind == MentionKind::kName && m->entity >= 0 && m->entity != c.speaker_entity &&
            m->type == EntityType::kOrg) {
          events.push_back(Event{m->entity, c.date, c.date_timex});
        }
      }
      continue;
    }
    if (events.empty() || c.date_basis != DateBasis::kPublication) continue;
    if (c.rule.name == kSieveInterview.name) continue;  // an interview has its own day
    if (!c.cue.empty()) {
      // Past tense only: "said", "announced" (not "says").
      std::uint32_t cue_tok = doc_->TokenAtOrAfter(c.cue.begin);
      std::string_view cue = doc_->Folded(cue_tok);
      const LexiconEntry* verb = res_.Entry(res_.verbs, *doc_, cue_tok);
      bool past =
          verb != nullptr ? verb->fields[1].find("past") != std::string::npos : cue.ends_with("ed");
      // "Jobs started by hinting at the incident, saying ...": a participle
      // has the tense of the verb it hangs on.
      const auto& syn = doc_->syntax();
      if (!past && cue.ends_with("ing") && syn.size() == toks_.size()) {
        const std::int32_t h = syn[cue_tok].head;
        past = h >= 0 && syn[static_cast<std::size_t>(h)].xpos == "VBD";
      }
      if (!past) continue;
    }
    // (The last few events only: linear in a long document.)
    constexpr std::size_t kMaxEvents = 16;
    for (std::size_t k = events.size(), n = 0; k-- > 0 && n < kMaxEvents; ++n) {
      if (!related(events[k].speaker, c.speaker_entity)) continue;
      c.date = events[k].date;
      c.date_basis = DateBasis::kInferred;
      c.date_timex = events[k].timex;
      break;
    }
  }
}

void Attributor::DateInterview() {
  std::vector<Claim>* claims = doc_->mutable_claims();
  if (!doc_->dct()) return;
  std::uint32_t first_answer = UINT32_MAX;
  for (const Claim& c : *claims) {
    if (c.rule.name == kSieveInterview.name) first_answer = std::min(first_answer, c.content.begin);
  }
  if (first_answer == UINT32_MAX) return;
  // The first sentence before the answers that says "interview(ed)" and
  // names a day up to the publication day.
  const auto& timexes = doc_->timexes();
  std::int32_t day = -1;
  for (const Sentence& s : sents_) {
    if (s.span.begin >= first_answer || day >= 0) break;
    bool says = false;
    for (std::uint32_t k = s.first_token; k < s.end_token && !says; ++k) {
      says = IsInterviewWord(doc_->Folded(k));
    }
    if (!says) continue;
    auto it = std::lower_bound(timexes.begin(), timexes.end(), s.span.begin,
                               [](const Timex& t, std::uint32_t b) { return t.span.begin < b; });
    for (; it != timexes.end() && it->span.end <= s.span.end; ++it) {
      if (it->type == TimexType::kDate && it->anchor.grain == Grain::kDay &&
          it->anchor.begin <= *doc_->dct()) {
        day = static_cast<std::int32_t>(it - timexes.begin());
        break;
      }
    }
  }
  if (day < 0) return;
  for (Claim& c : *claims) {
    if (c.rule.name != kSieveInterview.name || c.date_basis != DateBasis::kPublication) continue;
    c.date = timexes[static_cast<std::size_t>(day)].anchor;
    c.date_basis = DateBasis::kInferred;
    c.date_timex = day;
  }
}

// --- speakers named by "it" and "they" ------------------------------------

void Attributor::ResolveNonPersonPronouns() {
  // The entity stage resolves he, she and they-as-group; "it said" and
  // "they also claimed" after an organisation are left to here: the speaker
  // of the closest earlier claim within three sentences that is an
  // organisation (or, for "it", a country; for "they", a group), else the
  // closest organisation that is a subject in the claim's sentence or the
  // two before ("The Church denied these allegations: ... They also
  // claimed", "the Korean Central News Agency reported ... it added").
  std::vector<Claim>* claims = doc_->mutable_claims();
  const auto& ents = doc_->entities();
  const auto& mentions = doc_->mentions();
  const auto& syn = doc_->syntax();
  const bool parsed = !syn.empty() && syn.size() == toks_.size();
  std::vector<std::size_t> order(claims->size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return (*claims)[a].speaker.begin < (*claims)[b].speaker.begin;
  });
  auto fits = [&](std::int32_t e, bool plural) {
    if (e < 0 || static_cast<std::size_t>(e) >= ents.size()) return false;
    const EntityType t = ents[static_cast<std::size_t>(e)].type;
    return t == EntityType::kOrg || (plural ? t == EntityType::kGroup : t == EntityType::kPlace);
  };
  constexpr std::uint32_t kMaxBack = 3;
  // Whether token k heads a coordination ("Apple and Samsung"): plural.
  auto has_conj = [&](std::uint32_t k) {
    const std::uint32_t hi = std::min<std::uint32_t>(static_cast<std::uint32_t>(toks_.size()),
                                                     k + SyntaxStage::kMaxParseTokens);
    for (std::uint32_t j = k + 1; j < hi; ++j) {
      if (syn[j].head == static_cast<std::int32_t>(k) && syn[j].deprel == "conj") return true;
    }
    return false;
  };
  // Whether a claim's speaker is a coordination of names ("Apple and
  // Samsung"), not one name with "and" in it ("Johnson & Johnson").
  auto coordinated = [&](const Claim& p) {
    const std::uint32_t b = doc_->TokenAtOrAfter(p.speaker.begin);
    bool conj = false;
    for (std::uint32_t k = b; k < toks_.size() && toks_[k].span.end <= p.speaker.end && !conj;
         ++k) {
      conj = doc_->Folded(k) == "and" || doc_->Folded(k) == "or";
    }
    if (!conj) return false;
    // (Mentions are in text order: a covering one starts at or just before.)
    auto it =
        std::upper_bound(mentions.begin(), mentions.end(), p.speaker.begin,
                         [](std::uint32_t pos, const Mention& m) { return pos < m.span.begin; });
    for (int n = 0; it != mentions.begin() && n < 8; ++n) {
      --it;
      if (it->span.end >= p.speaker.end) return false;
    }
    return true;
  };
  // Tokens that are what someone said: their subjects are no antecedents
  // of the next speaker pronoun ("KCNA reported that the army was ready.
  // It added ...").
  std::vector<bool> said(toks_.size(), false);
  for (const Claim& c : *claims) {
    for (std::uint32_t k = doc_->TokenAtOrAfter(c.content.begin);
         k < toks_.size() && toks_[k].span.end <= c.content.end; ++k) {
      said[k] = true;
    }
  }
  for (std::size_t oi = 0; oi < order.size(); ++oi) {
    Claim& c = (*claims)[order[oi]];
    if (c.speaker_entity >= 0 || c.speaker.empty()) continue;
    const std::uint32_t t = doc_->TokenAtOrAfter(c.speaker.begin);
    if (t >= toks_.size() || toks_[t].span.end != c.speaker.end) continue;  // one word
    const std::string_view w = doc_->Folded(t);
    const bool plural = w == "they";
    if (!plural && w != "it") continue;
    if (quote_of_[t] >= 0) continue;  // "it" inside a quotation is the quoted voice's
    std::int32_t found = -1;
    std::uint32_t found_at = 0;  // where the antecedent ends (bytes)
    bool blocked = false;
    for (std::size_t pj = oi; pj-- > 0 && found < 0;) {
      const Claim& p = (*claims)[order[pj]];
      if (p.sentence + kMaxBack < c.sentence) break;
      if (p.speaker.empty() || p.speaker.begin >= c.speaker.begin) continue;
      if (coordinated(p)) {
        // "Apple and Samsung said ... They said": both, no one entity.
        blocked = plural;
        if (plural) break;
        continue;
      }
      if (fits(p.speaker_entity, plural)) {
        found = p.speaker_entity;
        found_at = p.speaker.end;
      }
    }
    if (found < 0 && !blocked) {
      const std::uint32_t lo_sent = c.sentence >= 2 ? c.sentence - 2 : 0;
      const std::uint32_t lo = toks_[sents_[lo_sent].first_token].span.begin;
      auto from =
          std::lower_bound(mentions.begin(), mentions.end(), c.speaker.begin,
                           [](const Mention& m, std::uint32_t pos) { return m.span.begin < pos; });
      for (auto it = from; it != mentions.begin() && found < 0;) {
        --it;
        if (it->span.begin < lo) break;
        if (!fits(it->entity, plural) || quote_of_[it->first_token] >= 0) continue;
        bool subject = false;
        if (parsed) {
          for (std::uint32_t k = it->first_token; k < it->end_token && !subject; ++k) {
            const std::int32_t h = syn[k].head;
            const bool outside = h < static_cast<std::int32_t>(it->first_token) ||
                                 h >= static_cast<std::int32_t>(it->end_token);
            // ("Apple and Samsung said ...": a coordinated subject is no
            // one organisation.)
            subject = outside && syn[k].deprel.substr(0, 5) == "nsubj" && !has_conj(k);
          }
        } else {
          const std::int32_t si = doc_->SentenceAt(it->span.begin);
          subject =
              si >= 0 && it->first_token <= sents_[static_cast<std::size_t>(si)].first_token + 2;
        }
        if (subject) {
          found = it->entity;
          found_at = it->span.end;
        }
      }
    }
    // With the parse: a nearer subject of the same number is the likelier
    // antecedent ("Apple said sales rose. Investors cheered. They said ...",
    // "Apple and Samsung said ... They said"): then no organisation.
    if (found >= 0 && parsed) {
      for (std::uint32_t k = t; k-- > 0 && toks_[k].span.begin >= found_at;) {
        if (quote_of_[k] >= 0 || said[k] || !syn[k].deprel.starts_with("nsubj")) continue;
        const std::string_view x = syn[k].xpos;
        const bool conj = has_conj(k);
        const bool agrees =
            plural ? (x == "NNS" || x == "NNPS" || conj) : (x == "NN" || x == "NNP") && !conj;
        if (agrees) {
          found = -1;
          break;
        }
      }
    }
    if (found >= 0) {
      c.speaker_entity = found;
      continue;
    }
    // No entity: the closest earlier claim within three sentences whose
    // speaker is a common noun phrase of the same number ("The pollsters
    // say ... They say", "The report says ... It adds"), or a pronoun
    // already resolved that way.
    for (std::size_t pj = oi; pj-- > 0;) {
      const Claim& p = (*claims)[order[pj]];
      if (p.sentence + kMaxBack < c.sentence) break;
      if (p.speaker.empty() || p.speaker.begin >= c.speaker.begin) continue;
      if (p.speaker_entity >= 0) break;  // a named speaker in between
      if (!p.speaker_antecedent.empty()) {
        const std::uint32_t pt = doc_->TokenAtOrAfter(p.speaker.begin);
        if ((doc_->Folded(pt) == "they") == plural) c.speaker_antecedent = p.speaker_antecedent;
        break;
      }
      const std::int32_t head = SpeakerHead(p.speaker);
      if (head < 0) break;
      const std::string_view xpos = syn[static_cast<std::size_t>(head)].xpos;
      // (Not a person for "it": "A spokesman said ... It said" is the firm.)
      const bool person_noun =
          res_.Entry(res_.titles, *doc_, static_cast<std::uint32_t>(head)) != nullptr ||
          res_.Entry(res_.gender_words, *doc_, static_cast<std::uint32_t>(head)) != nullptr;
      if (xpos == (plural ? "NNS" : "NN") && (plural || !person_noun)) {
        c.speaker_antecedent = p.speaker;
      }
      break;
    }
  }
}

std::int32_t Attributor::SpeakerHead(Span speaker) const {
  // The token of the phrase whose head lies outside it (parsed documents).
  const auto& syn = doc_->syntax();
  if (syn.size() != toks_.size()) return -1;
  const std::uint32_t first = doc_->TokenAtOrAfter(speaker.begin);
  std::uint32_t end = first;
  while (end < toks_.size() && toks_[end].span.end <= speaker.end) ++end;
  for (std::uint32_t k = first; k < end; ++k) {
    const std::int32_t h = syn[k].head;
    if (h < static_cast<std::int32_t>(first) || h >= static_cast<std::int32_t>(end)) {
      return static_cast<std::int32_t>(k);
    }
  }
  return -1;
}

// --- merging ---------------------------------------------------------------

void Attributor::MergeDuplicates() {
  std::vector<Claim>* claims = doc_->mutable_claims();
  // Content words of each claim (folded, function words other than
  // negations left out), sorted and unique; views into the folded tokens.
  std::vector<std::vector<std::string_view>> ws(claims->size());
  std::vector<std::string> content_key(claims->size()), speaker_key(claims->size());
  for (std::size_t i = 0; i < claims->size(); ++i) {
    const Claim& c = (*claims)[i];
    std::uint32_t t = doc_->TokenAtOrAfter(c.content.begin);
    for (; t < toks_.size() && toks_[t].span.end <= c.content.end; ++t) {
      if (toks_[t].kind != TokenKind::kWord && toks_[t].kind != TokenKind::kNumber) continue;
      if (Class(t) != WC::kContent && Class(t) != WC::kNeg) continue;
      ws[i].push_back(doc_->Folded(t));
    }
    std::sort(ws[i].begin(), ws[i].end());
    ws[i].erase(std::unique(ws[i].begin(), ws[i].end()), ws[i].end());
    content_key[i] = Fold(doc_->Slice(c.content));
    if (!c.speaker.empty()) speaker_key[i] = Fold(doc_->Slice(c.speaker));
  }
  auto same_speaker = [&](std::size_t i, std::size_t j) {
    const Claim& a = (*claims)[i];
    const Claim& b = (*claims)[j];
    if (a.speaker_entity >= 0 || b.speaker_entity >= 0) return a.speaker_entity == b.speaker_entity;
    return !speaker_key[i].empty() && speaker_key[i] == speaker_key[j];
  };
  std::vector<bool> dead(claims->size(), false);
  // Keep the body claim (a display one only when both are display); among
  // equals, the longer content, then the earlier. Returns the survivor.
  auto merge = [&](std::size_t i, std::size_t j) {
    auto rank = [&](const Claim& c) {
      return std::make_tuple(!c.display, c.content.size(),
                             -static_cast<std::int64_t>(c.content.begin));
    };
    std::size_t keep = rank((*claims)[i]) >= rank((*claims)[j]) ? i : j;
    std::size_t drop = keep == i ? j : i;
    Claim& k = (*claims)[keep];
    Claim& d = (*claims)[drop];
    k.evidence.push_back(d.content);
    for (const Span& e : d.evidence) k.evidence.push_back(e);
    if (k.speaker_entity < 0 && d.speaker_entity >= 0) k.speaker_entity = d.speaker_entity;
    k.confidence = std::min(1.0F, k.confidence + 0.05F);
    dead[drop] = true;
    return keep;
  };
  // 1. The same words by the same speaker (a repeated paragraph).
  std::unordered_map<std::string, std::size_t> first_of;
  for (std::size_t i = 0; i < claims->size(); ++i) {
    const Claim& c = (*claims)[i];
    if (c.speaker_entity < 0 && speaker_key[i].empty()) continue;
    // (Appended, not `"e" + ...`: GCC 12 warns falsely, -Wrestrict, in
    // Release builds.)
    std::string key(1, c.speaker_entity >= 0 ? 'e' : 't');
    key += c.speaker_entity >= 0 ? std::to_string(c.speaker_entity) : speaker_key[i];
    key += '\x1f';
    key += content_key[i];
    auto [it, added] = first_of.emplace(std::move(key), i);
    if (!added) it->second = merge(it->second, i);
  }
  // 2. Display text (headline, standfirst, pull-quote) that says what a
  // body claim of the same speaker says, in other words. Display claims are
  // few, so this stays linear in practice.
  for (std::size_t i = 0; i < claims->size(); ++i) {
    if (dead[i] || !(*claims)[i].display) continue;
    for (std::size_t j = 0; j < claims->size() && !dead[i]; ++j) {
      if (i == j || dead[j] || !same_speaker(i, j)) continue;
      std::size_t small = std::min(ws[i].size(), ws[j].size());
      if (small == 0) continue;
      std::size_t common = 0;
      for (std::string_view w : ws[i]) {
        if (std::binary_search(ws[j].begin(), ws[j].end(), w)) ++common;
      }
      double containment = static_cast<double>(common) / static_cast<double>(small);
      if (containment >= 0.6 && common >= 3) merge(i, j);
    }
  }
  std::vector<Claim> kept;
  for (std::size_t i = 0; i < claims->size(); ++i) {
    if (!dead[i]) kept.push_back(std::move((*claims)[i]));
  }
  // In text order; the claims of one content (a quotation and the medium
  // that relays it) by their speakers' order.
  std::stable_sort(kept.begin(), kept.end(), [](const Claim& a, const Claim& b) {
    return a.content.begin != b.content.begin ? a.content.begin < b.content.begin
                                              : a.speaker.begin < b.speaker.begin;
  });
  for (Claim& c : kept) std::sort(c.evidence.begin(), c.evidence.end());
  *claims = std::move(kept);
}

void Attributor::Run() {
  doc_->mutable_claims()->clear();
  if (toks_.empty()) return;
  Classify();
  FindQuotes();
  FindCues();
  for (std::uint32_t i = 0; i < toks_.size(); ++i) {
    shallow_.barrier()[i] = quote_of_[i] >= 0 || cue_at_[i] >= 0;
  }
  used_.assign(toks_.size(), false);
  IndexNames();
  SieveInterview();  // answers first: what the interviewee reports is inside them
  SieveQuoteThenTag();
  SieveLabel();  // before the colon rule: "called X “Q”:" then a quoted paragraph
  SieveTagThenQuote();
  SieveSpeechNoun();
  SievePassiveBy();
  SieveColonBlock();
  SieveMidTag();  // before the speaker-first rule, which would take the subject as speaker
  SieveSpeakerFirst();
  SieveRelativeObject();
  SieveContentFirst();
  SieveAccordingTo();  // may hold a claim found above: "According to X, Y said Z"
  SieveByline();
  SieveContinuation();
  SievePassiveUnspecified();  // last: only what no named source holds
  // Dates, then duplicates.
  std::vector<Claim>* claims = doc_->mutable_claims();
  for (std::size_t k = 0; k < claims->size(); ++k) {
    Claim& c = (*claims)[k];
    const Cue* cue = nullptr;
    if (!c.cue.empty()) {
      std::int32_t ci = cue_at_[doc_->TokenAtOrAfter(c.cue.begin)];
      if (ci >= 0) cue = &cues_[static_cast<std::size_t>(ci)];
    }
    DateClaim(&c, cue);
  }
  SieveRelay();                // after the dates: a relay takes its claim's
  ResolveNonPersonPronouns();  // before the event dates, which follow speakers
  InferEventDate();
  DateInterview();
  MergeDuplicates();
}

}  // namespace

Status ClaimStage::Run(Document* doc) const {
  Attributor a(*res_, doc);
  a.Run();
  return Status();
}

}  // namespace tkg
