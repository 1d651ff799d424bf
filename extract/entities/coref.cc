#include "extract/entities/coref.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace tkg::coref {
namespace {

// Salience factors (Lappin and Leass 1994, table 1), in points.
constexpr double kRecency = 100;
constexpr double kSubjectWeight = 80;
constexpr double kObjectWeight = 50;
constexpr double kIndirectObjectWeight = 40;
constexpr double kHeadNoun = 80;              // not embedded in another noun phrase
constexpr double kNonAdverbial = 50;          // not inside an adverbial phrase
constexpr double kParallelRole = 35;          // subject pronoun, subject antecedent
constexpr double kTopicWeight = 1.0;          // x(1 + this) for the entity named most often so far
constexpr double kQuotedFactor = 0.25;        // for a tag's pronoun: an entity last seen quoted
constexpr double kUnknownGenderFactor = 0.6;  // for he/she: a name of unknown gender
// Below this a candidate is too far back to be picked (a subject mention
// falls under it after about six sentences without being mentioned again).
constexpr double kMinSalience = 4;
// "they" looks back at most this many sentences.
constexpr std::int32_t kMaxPluralDistance = 2;

enum class Role : std::uint8_t { kOther, kSubject, kObject, kIndirectObject };

struct Grammar {
  Role role = Role::kOther;
  bool embedded = false;   // a possessor, a compound or a noun modifier
  bool adverbial = false;  // an oblique or an adverbial modifier
  std::int32_t governor = -1;
};

bool Starts(std::string_view rel, std::string_view prefix) {
  return rel.size() >= prefix.size() && rel.substr(0, prefix.size()) == prefix &&
         (rel.size() == prefix.size() || rel[prefix.size()] == ':');
}

// The grammatical role of tokens [first, end) from the parse: the relation of
// the span's head, climbing through conjunctions, appositions and flat names
// ("Finland and Sweden" -> the role of "Finland").
Grammar FromParse(const std::vector<TokenSyntax>& syn, std::uint32_t first, std::uint32_t end) {
  Grammar g;
  std::int32_t head = -1;
  for (std::uint32_t i = first; i < end; ++i) {
    std::int32_t h = syn[i].head;
    if (h < static_cast<std::int32_t>(first) || h >= static_cast<std::int32_t>(end)) {
      head = static_cast<std::int32_t>(i);
      break;
    }
  }
  if (head < 0) return g;
  for (int guard = 0; guard < 8; ++guard) {
    std::string_view rel = syn[static_cast<std::size_t>(head)].deprel;
    if ((Starts(rel, "conj") || Starts(rel, "appos") || Starts(rel, "flat")) &&
        syn[static_cast<std::size_t>(head)].head >= 0) {
      head = syn[static_cast<std::size_t>(head)].head;
      continue;
    }
    if (Starts(rel, "nsubj") || Starts(rel, "csubj")) {
      g.role = Role::kSubject;
    } else if (Starts(rel, "obj")) {
      g.role = Role::kObject;
    } else if (Starts(rel, "iobj")) {
      g.role = Role::kIndirectObject;
    } else if (Starts(rel, "nmod") || Starts(rel, "compound") || Starts(rel, "amod")) {
      g.embedded = true;
    } else if (Starts(rel, "obl") || Starts(rel, "advmod") || Starts(rel, "advcl")) {
      g.adverbial = true;
    }
    g.governor = syn[static_cast<std::size_t>(head)].head;
    break;
  }
  return g;
}

double Weight(const Grammar& g) {
  double w = kRecency;
  if (g.role == Role::kSubject) w += kSubjectWeight;
  if (g.role == Role::kObject) w += kObjectWeight;
  if (g.role == Role::kIndirectObject) w += kIndirectObjectWeight;
  if (!g.embedded) w += kHeadNoun;
  if (!g.adverbial) w += kNonAdverbial;
  return w;
}

bool Agrees(const Item& pronoun, EntityType type, Gender gender, bool plural) {
  // "they" goes to groups ("NATO ministers", "diplomats"), not to
  // organisations: in news an unlinked "their" is more often some plural
  // noun no list knows ("schools ... their own flag") than the last company.
  if (pronoun.plural) return type == EntityType::kGroup;
  if (type != EntityType::kPerson || plural) return false;
  return gender == Gender::kUnknown || pronoun.gender == Gender::kUnknown ||
         gender == pronoun.gender;
}

}  // namespace

void ResolvePronouns(const Document& doc, std::size_t entities, std::vector<Item>* items) {
  const std::vector<TokenSyntax>& syn = doc.syntax();
  const bool parsed = !syn.empty() && syn.size() == doc.tokens().size();
  // Salience decays with each sentence that has a word: a citation mark
  // ("[17]") or a stray number between two sentences does not count.
  std::vector<std::int32_t> ordinal(doc.sentences().size());
  {
    std::int32_t n = 0;
    for (std::size_t k = 0; k < doc.sentences().size(); ++k) {
      const Sentence& s = doc.sentences()[k];
      bool words = false;
      for (std::uint32_t t = s.first_token; t < s.end_token && !words; ++t) {
        words = doc.tokens()[t].kind == TokenKind::kWord;
      }
      if (words) ++n;
      ordinal[k] = n;
    }
  }

  struct State {
    // Salience as of sentence `at`, the sentence of its last mention: the
    // decayed total of the sentences before plus the largest weight of one
    // mention in `at` (factors count once per sentence, as in Lappin and
    // Leass). It halves with each later sentence.
    double before = 0, cur = 0;
    std::int32_t at = -1;
    EntityType type = EntityType::kOther;
    bool plural = false;  // a plural name ("Republican Senators")
    Gender gender = Gender::kUnknown;
    int male_votes = 0, female_votes = 0;
    Role last_role = Role::kOther;
    std::int32_t last_governor = -1;  // of its last mention
    bool last_quoted = false;         // its last mention is inside quotation marks
    int names = 0;                    // its name mentions so far
  };
  auto salience_at = [](const State& s, std::int32_t sentence) {
    if (s.at < 0) return 0.0;
    return std::ldexp(s.before + s.cur, -std::min(60, sentence - s.at));
  };
  std::vector<State> st(entities);
  // Gender evidence of the names: a majority over the entity's mentions.
  for (const Item& it : *items) {
    if (it.pronoun || it.entity < 0 || static_cast<std::size_t>(it.entity) >= entities) continue;
    State& s = st[static_cast<std::size_t>(it.entity)];
    if (s.type == EntityType::kOther) s.type = it.type;
    s.plural = s.plural || it.plural;
    if (it.gender == Gender::kMale) ++s.male_votes;
    if (it.gender == Gender::kFemale) ++s.female_votes;
  }
  for (State& s : st) {
    if (s.male_votes > s.female_votes) s.gender = Gender::kMale;
    if (s.female_votes > s.male_votes) s.gender = Gender::kFemale;
  }

  // The entities mentioned last, most recent first: the only candidates, so
  // that a document with thousands of names stays linear.
  constexpr std::size_t kMaxActive = 48;
  std::vector<std::int32_t> active;
  int max_names = 0;                   // the most name mentions of one entity so far
  std::vector<std::int32_t> excluded;  // entities a pronoun's own clause names
  for (Item& it : *items) {
    std::int32_t at = doc.SentenceAt(doc.tokens()[it.first].span.begin);
    std::int32_t sent = at >= 0 ? ordinal[static_cast<std::size_t>(at)] : 0;
    Grammar g;
    if (parsed) {
      g = FromParse(syn, it.first, it.end);
    } else {
      g.role = it.guess_subject ? Role::kSubject : Role::kOther;
      g.adverbial = it.guess_adverbial;
      g.embedded = it.guess_embedded;
    }

    if (it.pronoun && it.entity < 0) {
      // Objects read their case from the parse when there is one.
      bool object = it.pronoun_case == PronounCase::kObject;
      if (parsed) {
        std::string_view rel = syn[it.first].deprel;
        object = Starts(rel, "obj") || Starts(rel, "iobj");
      }
      // Binding (principle C): a subject pronoun does not refer to a name
      // its clause holds ("He described Montalvo as ...", "He said Montalvo
      // ..."), nor, speaking, to one its quotation names ('He said, "Andy
      // Warhol was ..."': speakers rarely name themselves).
      excluded.clear();
      const bool subject_pronoun = !object && it.pronoun_case == PronounCase::kSubject &&
                                   (parsed ? g.role == Role::kSubject : true);
      if (subject_pronoun && at >= 0) {
        const Sentence& sentence = doc.sentences()[static_cast<std::size_t>(at)];
        // Without the parse: only a pronoun opening its sentence ("When he
        // arrived, Montalvo said" may be cataphora).
        bool opens = parsed;
        if (!parsed) {
          opens = it.first == sentence.first_token ||
                  (it.first == sentence.first_token + 1 &&
                   doc.tokens()[sentence.first_token].kind == TokenKind::kWord);
        }
        const std::size_t self = static_cast<std::size_t>(&it - items->data());
        for (std::size_t k = self + 1; opens && k < items->size(); ++k) {
          const Item& m = (*items)[k];
          if (m.first >= sentence.end_token) break;
          if (m.pronoun || m.entity < 0) continue;
          // Nor a citation in brackets ("he published his theory (Fillmore
          // 1968)").
          bool bracketed = false;
          for (std::uint32_t t = it.end; t < m.first; ++t) {
            std::string_view w = doc.TokenText(t);
            if (w == "(" || w == "[") bracketed = true;
            if (w == ")" || w == "]") bracketed = false;
          }
          if (bracketed) continue;
          // With the parse, only a subject or object ("described Montalvo",
          // "said Montalvo was"): a predicate ("is Smith", "made a Dame") is
          // neither.
          if (parsed && FromParse(syn, m.first, m.end).role == Role::kOther) continue;
          bool inside = !parsed;
          for (std::int32_t h = static_cast<std::int32_t>(m.first), n = 0;
               parsed && h >= 0 && n < 24; h = syn[static_cast<std::size_t>(h)].head, ++n) {
            if (h == g.governor) {
              inside = true;
              break;
            }
          }
          if (inside) excluded.push_back(m.entity);
        }
      }
      std::int32_t best = -1;
      double best_score = kMinSalience;
      // Is an agreeing name in the pronoun's own sentence? Then the topic
      // counts for nothing ("Kuleba called for ... as he joined").
      bool local = false;
      for (std::int32_t e : active) {
        const State& s = st[static_cast<std::size_t>(e)];
        // (Nor over the subject of the sentence before: "Richard Doherty
        // attributes ... He states", "Cook held positions ... He is known".)
        const bool near = s.at == sent || (s.at == sent - 1 && s.last_role == Role::kSubject);
        local = local || (near && Agrees(it, s.type, s.gender, s.plural));
      }
      for (std::int32_t e : active) {
        const State& s = st[static_cast<std::size_t>(e)];
        double score = salience_at(s, sent);
        if (!Agrees(it, s.type, s.gender, s.plural)) continue;
        if (std::find(excluded.begin(), excluded.end(), e) != excluded.end()) continue;
        if (s.last_quoted && it.tags_quote) score *= kQuotedFactor;
        // A name of unknown gender is a weaker antecedent for "she" or "he"
        // than one whose gender is known to agree.
        if (s.gender == Gender::kUnknown && it.gender != Gender::kUnknown) {
          score *= kUnknownGenderFactor;
        }
        // Plural pronouns refer to plural nouns no list knows ("people",
        // "schools") far more often than to a group named long before.
        if (it.plural && sent - s.at > kMaxPluralDistance) continue;
        // Binding: "him" is not the subject of its own clause.
        if (object && parsed && s.at == sent && s.last_role == Role::kSubject &&
            s.last_governor >= 0 && s.last_governor == syn[it.first].head) {
          continue;
        }
        // The person the text is about (named most often so far) is the
        // likelier antecedent: a biography's "he" after a passing name.
        if (max_names > 0 && !local) score *= 1.0 + kTopicWeight * s.names / max_names;
        if (g.role == Role::kSubject && s.last_role == Role::kSubject) score += kParallelRole;
        if (score > best_score) {  // ties: the most recent (active is in that order)
          best = e;
          best_score = score;
        }
      }
      if (best < 0) continue;
      it.entity = best;
      State& s = st[static_cast<std::size_t>(best)];
      if (s.gender == Gender::kUnknown && !it.plural) s.gender = it.gender;
    }
    if (it.entity < 0 || static_cast<std::size_t>(it.entity) >= entities) continue;
    State& s = st[static_cast<std::size_t>(it.entity)];
    if (s.at == sent) {
      s.cur = std::max(s.cur, Weight(g));
    } else {
      s.before = salience_at(s, sent);
      s.cur = Weight(g);
      s.at = sent;
    }
    if (!it.pronoun) {
      ++s.names;
      max_names = std::max(max_names, s.names);
    }
    s.last_role = g.role;
    s.last_governor = g.governor;
    s.last_quoted = it.quoted;
    auto pos = std::find(active.begin(), active.end(), it.entity);
    if (pos != active.end()) active.erase(pos);
    active.insert(active.begin(), it.entity);
    if (active.size() > kMaxActive) active.pop_back();
  }
}

}  // namespace tkg::coref
