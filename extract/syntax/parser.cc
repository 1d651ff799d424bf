#include "extract/syntax/parser.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <random>

#include "extract/syntax/features.h"

namespace tkg::syntax {
namespace {

constexpr std::uint64_t kRootKey = 0x524F4F54ULL;

// The parser state: words are 1..n, 0 is the root, kept at the stack bottom.
struct State {
  int n = 0;
  std::vector<int> stack;
  int b = 1;  // buffer front; the buffer is b..n
  std::vector<int> head, label, lc1, lc2, rc1, rc2, nl, nr;
  std::vector<std::uint64_t> lset, rset;

  void Init(int words) {
    n = words;
    stack.assign(1, 0);
    b = 1;
    auto m = static_cast<std::size_t>(n + 1);
    head.assign(m, -1);
    label.assign(m, -1);
    lc1.assign(m, -1);
    lc2.assign(m, -1);
    rc1.assign(m, -1);
    rc2.assign(m, -1);
    nl.assign(m, 0);
    nr.assign(m, 0);
    lset.assign(m, 0);
    rset.assign(m, 0);
  }
  bool Terminal() const { return b > n && stack.size() == 1; }
  void Arc(int h, int d, int l) {
    auto H = static_cast<std::size_t>(h), D = static_cast<std::size_t>(d);
    head[D] = h;
    label[D] = l;
    if (d < h) {
      if (lc1[H] < 0 || d < lc1[H]) {
        lc2[H] = lc1[H];
        lc1[H] = d;
      } else if (lc2[H] < 0 || d < lc2[H]) {
        lc2[H] = d;
      }
      ++nl[H];
      lset[H] |= 1ULL << (l & 63);
    } else {
      if (rc1[H] < 0 || d > rc1[H]) {
        rc2[H] = rc1[H];
        rc1[H] = d;
      } else if (rc2[H] < 0 || d > rc2[H]) {
        rc2[H] = d;
      }
      ++nr[H];
      rset[H] |= 1ULL << (l & 63);
    }
  }
};

// The moves (the classes of the move classifier); the label of an arc comes
// from a second classifier (the labeller), asked only for the chosen arc.
enum Move { kShift = 0, kLeft = 1, kRight = 2 };

struct Words {
  std::vector<std::uint64_t> w, t, u;  // word, UPOS+XPOS, UPOS; per word 1..n (0 = root)
};

bool Valid(const State& s, Move m) {
  switch (m) {
    case kShift:
      return s.b <= s.n;
    case kLeft:
      return s.b <= s.n && s.stack.size() >= 2;
    case kRight:
      return s.stack.size() >= 2 && (s.stack[s.stack.size() - 2] != 0 || s.b > s.n);
  }
  return false;
}

void Apply(State* s, Move m, int l) {
  switch (m) {
    case kShift:
      s->stack.push_back(s->b++);
      break;
    case kLeft: {
      int s0 = s->stack.back();
      s->stack.pop_back();
      s->Arc(s->b, s0, l);
      break;
    }
    case kRight: {
      int s0 = s->stack.back();
      s->stack.pop_back();
      s->Arc(s->stack.back(), s0, l);
      break;
    }
  }
}

// Unlabeled costs (Goldberg & Nivre 2013, arc-hybrid): the gold arcs a move
// makes unreachable.
int Cost(const State& s, Move m, const std::vector<int>& gh) {
  const int s0 = s.stack.back();
  const int s1 = s.stack.size() >= 2 ? s.stack[s.stack.size() - 2] : -1;
  int c = 0;
  auto in_buffer = [&](int k) { return k >= s.b && k <= s.n; };
  auto deps_in_buffer = [&](int h) {
    int k = 0;
    for (int d = s.b; d <= s.n; ++d) k += gh[static_cast<std::size_t>(d)] == h;
    return k;
  };
  switch (m) {
    case kShift: {
      const int b = s.b;
      const int hb = gh[static_cast<std::size_t>(b)];
      for (std::size_t i = 0; i < s.stack.size(); ++i) {
        int k = s.stack[i];
        if (k != s0 && hb == k) ++c;
        if (k != 0 && gh[static_cast<std::size_t>(k)] == b) ++c;
      }
      break;
    }
    case kLeft: {
      const int h = gh[static_cast<std::size_t>(s0)];
      if (h != s.b && (h == s1 || in_buffer(h))) ++c;
      c += deps_in_buffer(s0);
      break;
    }
    case kRight: {
      const int h = gh[static_cast<std::size_t>(s0)];
      if (in_buffer(h)) ++c;
      c += deps_in_buffer(s0);
      break;
    }
  }
  return c;
}

// The key of a feature: template number t and up to three values. One
// multiply-add per value and one mix (the tagger's FeatureHash mixes three
// times; this is the parser's hottest loop after the table look-ups).
inline std::uint64_t Key(std::uint64_t t, std::uint64_t a, std::uint64_t b = 0,
                         std::uint64_t c = 0) {
  return Mix(t * 0x27D4EB2F165667C5ULL + a * 0x9E3779B97F4A7C15ULL + b * 0xC2B2AE3D27D4EB4FULL +
             c * 0x165667B19E3779F9ULL);
}

// The key of word i in one of the per-word key arrays; the root and "no such
// word" have their own.
inline std::uint64_t WordKey(const std::vector<std::uint64_t>& keys, int i) {
  if (i < 0) return kNone;
  return i == 0 ? kRootKey : keys[static_cast<std::size_t>(i)];
}

// The features of the move classifier (SHIFT, LEFT, RIGHT).
constexpr std::size_t kMoveTemplates = 94;  // the add() calls below
void Features(const State& s, const Words& ws, std::vector<std::uint64_t>* out) {
  out->clear();
  const int s0 = s.stack.back();
  const int s1 = s.stack.size() >= 2 ? s.stack[s.stack.size() - 2] : -1;
  const int s2 = s.stack.size() >= 3 ? s.stack[s.stack.size() - 3] : -1;
  const int b0 = s.b <= s.n ? s.b : -1;
  const int b1 = s.b + 1 <= s.n ? s.b + 1 : -1;
  const int b2 = s.b + 2 <= s.n ? s.b + 2 : -1;
  auto W = [&](int i) { return WordKey(ws.w, i); };
  auto T = [&](int i) { return WordKey(ws.t, i); };
  auto U = [&](int i) { return WordKey(ws.u, i); };
  auto L = [&](int i) -> std::uint64_t {
    if (i < 0) return kNone;
    return static_cast<std::uint64_t>(s.label[static_cast<std::size_t>(i)] + 2);
  };
  auto get = [&](const std::vector<int>& v, int i) {
    return i < 0 ? -1 : v[static_cast<std::size_t>(i)];
  };
  auto cnt = [&](const std::vector<int>& v, int i) -> std::uint64_t {
    return i < 0 ? 99 : static_cast<std::uint64_t>(std::min(v[static_cast<std::size_t>(i)], 6));
  };
  auto set = [&](const std::vector<std::uint64_t>& v, int i) -> std::uint64_t {
    return i < 0 ? kNone : v[static_cast<std::size_t>(i)];
  };
  const int s0l = get(s.lc1, s0), s0l2 = get(s.lc2, s0);
  const int s0r = get(s.rc1, s0), s0r2 = get(s.rc2, s0);
  const int s1l = get(s.lc1, s1), s1r = get(s.rc1, s1);
  const int b0l = get(s.lc1, b0), b0l2 = get(s.lc2, b0);
  std::uint64_t dist = 0;
  if (b0 >= 0 && s0 > 0) {
    int d = b0 - s0;
    dist = static_cast<std::uint64_t>(d <= 4 ? d : (d < 10 ? 5 : 6));
  }
  // Written through a pointer into room for every template (no capacity
  // check per feature), cut to size at the end.
  out->resize(kMoveTemplates);
  std::uint64_t* o = out->data();
  std::uint64_t t = 0;
  auto add = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    const std::uint64_t k = Key(t + 1, a, b, c);
    if (t < kMoveTemplates) o[t++] = k;  // past the count: dropped (keep the count exact)
  };
  const std::uint64_t s0w = W(s0), s0p = T(s0), b0w = W(b0), b0p = T(b0);
  const std::uint64_t b1w = W(b1), b1p = T(b1), b2w = W(b2), b2p = T(b2);
  const std::uint64_t s1w = W(s1), s1p = T(s1), s2p = T(s2);
  const std::uint64_t s0wp = Key(0, s0w, s0p), b0wp = Key(0, b0w, b0p);
  const std::uint64_t s0lp = T(s0l), s0rp = T(s0r), b0lp = T(b0l);
  add(1);
  // Single words.
  add(s0wp);
  add(s0w);
  add(s0p);
  add(b0wp);
  add(b0w);
  add(b0p);
  add(b1w, b1p);
  add(b1w);
  add(b1p);
  add(b2w, b2p);
  add(b2w);
  add(b2p);
  add(s1w, s1p);
  add(s1w);
  add(s1p);
  add(s2p);
  add(W(s2));
  // Pairs.
  add(s0wp, b0wp);
  add(s0wp, b0w);
  add(s0w, b0wp);
  add(s0wp, b0p);
  add(s0p, b0wp);
  add(s0w, b0w);
  add(s0p, b0p);
  add(b0p, b1p);
  add(s1p, s0p);
  add(s1w, s0w);
  add(s1w, s0p);
  add(s1p, s0w);
  add(s1p, b0p);
  add(s1w, b0w);
  // Triples.
  add(b0p, b1p, b2p);
  add(s0p, b0p, b1p);
  add(s1p, s0p, b0p);
  add(s0p, s0lp, b0p);
  add(s0p, s0rp, b0p);
  add(s0p, b0p, b0lp);
  add(s2p, s1p, s0p);
  add(s1p, T(s1r), s0p);
  add(s1p, T(s1l), s0p);
  // Distance.
  add(s0w, dist);
  add(s0p, dist);
  add(b0w, dist);
  add(b0p, dist);
  add(s0w, b0w, dist);
  add(s0p, b0p, dist);
  // Valency.
  add(s0w, cnt(s.nr, s0));
  add(s0p, cnt(s.nr, s0));
  add(s0w, cnt(s.nl, s0));
  add(s0p, cnt(s.nl, s0));
  add(b0w, cnt(s.nl, b0));
  add(b0p, cnt(s.nl, b0));
  add(s1p, cnt(s.nr, s1));
  // Children.
  add(W(s0l));
  add(s0lp);
  add(L(s0l));
  add(W(s0r));
  add(s0rp);
  add(L(s0r));
  add(W(b0l));
  add(b0lp);
  add(L(b0l));
  add(W(s0l2));
  add(T(s0l2));
  add(L(s0l2));
  add(W(s0r2));
  add(T(s0r2));
  add(L(s0r2));
  add(W(b0l2));
  add(T(b0l2));
  add(L(b0l2));
  add(s0p, s0lp, T(s0l2));
  add(s0p, s0rp, T(s0r2));
  add(b0p, b0lp, T(b0l2));
  add(L(s1r), s1p);
  add(L(s1l), s1p);
  add(s0p, L(s0l), L(s0r));
  add(b0p, L(b0l), L(b0l2));
  // Label sets.
  add(s0w, set(s.rset, s0));
  add(s0p, set(s.rset, s0));
  add(s0w, set(s.lset, s0));
  add(s0p, set(s.lset, s0));
  add(b0w, set(s.lset, b0));
  add(b0p, set(s.lset, b0));
  // Lookahead with the stack.
  add(s0p, b0p, b2p);
  add(s0w, b1p);
  add(s0p, b1w);
  // Coarse (UPOS-only) tags, which generalise over XPOS splits.
  add(U(s0), U(b0));
  add(U(s1), U(s0), U(b0));
  add(U(s0), U(b0), U(b1));
  add(U(s0), U(s0l), U(s0r));
  add(U(b0), U(b0l), dist);
  add(U(s0), U(b0), dist);
  out->resize(t);
}

// The features of the labeller, for the arc h -> d that the chosen move
// makes: the two words, their tags, d's finished subtree, h's children so
// far, the words around d; every feature also keyed by the arc's direction.
void LabelFeatures(const State& s, const Words& ws, int h, int d, std::vector<std::uint64_t>* out) {
  out->clear();
  auto W = [&](int i) { return WordKey(ws.w, i); };
  auto T = [&](int i) { return WordKey(ws.t, i); };
  auto U = [&](int i) { return WordKey(ws.u, i); };
  auto L = [&](int i) -> std::uint64_t {
    if (i < 0) return kNone;
    return static_cast<std::uint64_t>(s.label[static_cast<std::size_t>(i)] + 2);
  };
  const auto D = static_cast<std::size_t>(d), H = static_cast<std::size_t>(h);
  const int dl = s.lc1[D], dr = s.rc1[D];
  const int next = d + 1 <= s.n ? d + 1 : -1;
  const std::uint64_t dir = d < h ? 1 : 2;
  std::uint64_t dist = 7;  // attached to the root
  if (h > 0) {
    const int k = h > d ? h - d : d - h;
    dist = static_cast<std::uint64_t>(k <= 4 ? k : (k < 10 ? 5 : 6));
  }
  std::uint64_t t = 1000;
  auto add = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    out->push_back(Key(++t * 4 + dir, a, b, c));
  };
  const std::uint64_t dw = W(d), dp = T(d), hw = W(h), hp = T(h);
  add(1);
  add(dw);
  add(dp);
  add(dw, dp);
  add(hw);
  add(hp);
  add(hw, hp);
  add(hp, dp);
  add(hw, dp);
  add(hp, dw);
  add(hw, dw);
  add(hp, dp, dist);
  add(U(h), U(d));
  add(U(h), U(d), dist);
  // d's subtree is finished: its children's labels and edge words.
  add(dp, s.lset[D]);
  add(dp, s.rset[D]);
  add(dw, s.lset[D]);
  add(dp, L(dl));
  add(dp, L(dr));
  add(dp, W(dl));
  add(hp, W(dl));
  add(dp, T(dr));
  add(dp, static_cast<std::uint64_t>(std::min(s.nl[D], 4)),
      static_cast<std::uint64_t>(std::min(s.nr[D], 4)));
  // h's children so far.
  add(hp, s.lset[H]);
  add(hp, s.rset[H]);
  add(dp, s.lset[H]);
  // Around d.
  add(dp, T(d - 1));
  add(dp, T(next));
  add(T(d - 1), dp, T(next));
  add(dp, d == 1 ? 1 : 0);
  // Around h, the word after d's subtree (the buffer front), and pairs with
  // d's nearest function words (a case marker decides obl against nmod).
  const int b0 = s.b <= s.n ? s.b : -1;
  add(hp, T(h > 0 ? h - 1 : -1));
  add(hp, T(h > 0 && h + 1 <= s.n ? h + 1 : -1));
  add(hp, dp, T(b0));
  add(W(dl), hp, dp);
  add(dp, W(dr));
  add(hw, dw, dp);
  add(hw, dp, s.lset[D]);
  add(hp, dp, s.lset[H]);
}

void FillWords(std::span<const ParserInput> words, Words* ws, std::string* scratch) {
  ws->w.resize(words.size() + 1);
  ws->t.resize(words.size() + 1);
  ws->u.resize(words.size() + 1);
  for (std::size_t i = 0; i < words.size(); ++i) {
    ws->w[i + 1] = NormKey(words[i].form, scratch);
    ws->u[i + 1] = StringHash(words[i].upos);
    ws->t[i + 1] = Mix(ws->u[i + 1]) ^ StringHash(words[i].xpos);
  }
}

std::string_view BaseLabel(std::string_view l) { return l.substr(0, l.find(':')); }

// The valid move with the best score (SHIFT when the scores are not finite).
Move BestMove(const State& s, const float* scores) {
  Move best = kShift;
  float best_score = -std::numeric_limits<float>::infinity();
  bool found = false;
  for (int m = kShift; m <= kRight; ++m) {
    if (Valid(s, static_cast<Move>(m)) && (!found || scores[m] > best_score)) {
      best = static_cast<Move>(m);
      best_score = scores[m];
      found = true;
    }
  }
  return best;
}

// The head and dependent of the arc that move m (LEFT or RIGHT) makes.
std::pair<int, int> ArcOf(const State& s, Move m) {
  const int s0 = s.stack.back();
  if (m == kLeft) return {s.b, s0};
  return {s.stack[s.stack.size() - 2], s0};
}

int Argmax(const std::vector<float>& v) {
  return static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
}

}  // namespace

void Projectivize(std::vector<int>* heads) {
  std::vector<int>& h = *heads;  // h[i] for word i + 1
  const int n = static_cast<int>(h.size());
  auto head = [&](int d) { return h[static_cast<std::size_t>(d - 1)]; };
  auto dominates = [&](int a, int d) {  // a is an ancestor of d (or d itself)
    for (int k = d, steps = 0; k != 0 && steps <= n; k = head(k), ++steps) {
      if (k == a) return true;
    }
    return a == 0;
  };
  for (int guard = 0; guard < n * n + 1; ++guard) {
    int worst = -1, worst_len = std::numeric_limits<int>::max();
    for (int d = 1; d <= n; ++d) {
      int hh = head(d);
      if (hh <= 0) continue;
      int lo = std::min(hh, d), hi = std::max(hh, d);
      for (int k = lo + 1; k < hi; ++k) {
        if (!dominates(hh, k)) {
          if (hi - lo < worst_len) {
            worst_len = hi - lo;
            worst = d;
          }
          break;
        }
      }
    }
    if (worst < 0) return;
    h[static_cast<std::size_t>(worst - 1)] = head(head(worst));
  }
}

void Parser::Parse(std::span<const ParserInput> words, std::vector<int>* heads,
                   std::vector<std::uint8_t>* labels) const {
  thread_local State s;
  thread_local Words ws;
  thread_local std::string scratch;
  thread_local std::vector<std::uint64_t> feats;
  thread_local std::vector<float> scores;
  FillWords(words, &ws, &scratch);
  s.Init(static_cast<int>(words.size()));
  while (!s.Terminal()) {
    Features(s, ws, &feats);
    float move_scores[InlineTable::kMaxClasses] = {};
    moves_.Score(feats, move_scores);
    const Move m = BestMove(s, move_scores);
    int l = -1;
    if (m != kShift) {
      auto [h, d] = ArcOf(s, m);
      LabelFeatures(s, ws, h, d, &feats);
      scores.assign(labels_.size(), 0.0F);
      labeller_.Score(feats, scores.data());
      l = Argmax(scores);
    }
    Apply(&s, m, l);
  }
  heads->resize(words.size());
  labels->resize(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    (*heads)[i] = s.head[i + 1];
    (*labels)[i] = static_cast<std::uint8_t>(std::max(0, s.label[i + 1]));
  }
  Repair(words, heads, labels);
}

void Parser::FindRepairLabels() {
  auto find = [&](std::string_view name) {
    for (std::size_t i = 0; i < labels_.size(); ++i) {
      if (labels_[i] == name) return static_cast<int>(i);
    }
    return -1;
  };
  nsubj_ = find("nsubj");
  nsubj_pass_ = find("nsubj:pass");
  poss_ = find("nmod:poss");
  compound_ = find("compound");
  case_ = find("case");
  conj_ = find("conj");
  cc_ = find("cc");
  appos_ = find("appos");
  flat_ = find("flat");
  acl_ = find("acl");
  obj_ = find("obj");
}

void Parser::Repair(std::span<const ParserInput> words, std::vector<int>* heads,
                    std::vector<std::uint8_t>* labels) const {
  if (nsubj_ < 0 || poss_ < 0 || compound_ < 0 || case_ < 0) return;
  using Index = std::size_t;
  const Index n = words.size();
  std::vector<int>& h = *heads;  // h[i]: head of word i + 1 (1-based, 0 root)
  std::vector<std::uint8_t>& l = *labels;
  auto head_of = [&](Index i) { return h[i] - 1; };  // 0-based, -1 for the root
  auto is_subject = [&](Index i) {
    return l[i] == nsubj_ || (nsubj_pass_ >= 0 && l[i] == nsubj_pass_);
  };
  auto nominal = [&](Index i) { return words[i].upos == "NOUN" || words[i].upos == "PROPN"; };
  // The first and last word of the phrase of word i.
  auto span_of = [&](Index i) {
    Index lo = i, hi = i;
    for (Index k = 0; k < n; ++k) {
      int a = static_cast<int>(k);
      for (Index guard = 0; a >= 0 && guard <= n; a = head_of(static_cast<Index>(a)), ++guard) {
        if (static_cast<Index>(a) == i) {
          lo = std::min(lo, k);
          hi = std::max(hi, k);
          break;
        }
      }
    }
    return std::pair{lo, hi};
  };
  for (Index head = 0; head < n; ++head) {
    // Subjects left of the head, the nearest first.
    std::optional<Index> inner;
    for (Index d = head; d-- > 0;) {
      if (head_of(d) != static_cast<int>(head) || !is_subject(d)) continue;
      if (!inner) {
        inner = d;
        continue;
      }
      if (!nominal(d) || !nominal(*inner)) break;
      // Side by side, the outer phrase only nouns, adjectives, numbers and a
      // possessive, the inner phrase not opened by a determiner or a mark.
      const auto [lo, hi] = span_of(d);
      const Index inner_lo = span_of(*inner).first;
      if (hi + 1 != inner_lo) break;
      const std::string_view first = words[inner_lo].upos;
      if (first == "DET" || first == "PUNCT" || first == "CCONJ" || first == "PRON") break;
      bool plain = hi - lo < 4;
      for (Index k = lo; k <= hi && plain; ++k) {
        const std::string_view u = words[k].upos;
        plain = u == "NOUN" || u == "PROPN" || u == "ADJ" || u == "NUM" || u == "PART" ||
                (u == "DET" && k == lo);
      }
      if (!plain) break;
      bool possessive = false;
      for (Index k = 0; k < n; ++k) {
        const std::string_view f = words[k].form;
        if (head_of(k) == static_cast<int>(d) && l[k] == case_ &&
            (f == "'s" || f == "\u2019s" || f == "'" || f == "\u2019")) {
          possessive = true;
        }
      }
      h[d] = static_cast<int>(*inner) + 1;
      l[d] = static_cast<std::uint8_t>(possessive ? poss_ : compound_);
    }
  }
  if (acl_ >= 0 && obj_ >= 0) {
    // A participle the parser made a compound of the noun after it, that
    // noun hanging on the noun right before the participle ("membership
    // pending/compound ratifications"): the participle takes the noun as its object and hangs
    // on that word as a clause ("membership pending ratifications").
    for (Index v = 0; v + 1 < n; ++v) {
      if (l[v] != compound_ || words[v].upos != "VERB") continue;
      int noun = head_of(v);  // through compounds: "pending Turkish ... ratifications"
      while (noun > static_cast<int>(v) && l[static_cast<Index>(noun)] == compound_ &&
             head_of(static_cast<Index>(noun)) > noun) {
        noun = head_of(static_cast<Index>(noun));
      }
      if (noun <= static_cast<int>(v) || !nominal(static_cast<Index>(noun))) continue;
      const int m = head_of(static_cast<Index>(noun));
      if (m < 0 || m + 1 != static_cast<int>(v) || !nominal(static_cast<Index>(m))) continue;
      h[v] = m + 1;
      l[v] = static_cast<std::uint8_t>(acl_);
      h[static_cast<Index>(noun)] = static_cast<int>(v) + 1;
      l[static_cast<Index>(noun)] = static_cast<std::uint8_t>(obj_);
    }
  }
  if (conj_ < 0 || cc_ < 0 || appos_ < 0 || flat_ < 0) return;
  for (Index d = 2; d < n; ++d) {
    if (l[d] != conj_ || words[d].upos != "PROPN" || words[d - 1].form != ",") continue;
    const int first = head_of(d);  // the first conjunct
    if (first < 0 || first >= static_cast<int>(d)) continue;
    bool coordinated = false;  // a cc on the first conjunct or on any other
    for (Index k = 0; k < n && !coordinated; ++k) {
      if (l[k] != cc_) continue;
      const int on = head_of(k);
      coordinated = on == first || (on >= 0 && l[static_cast<Index>(on)] == conj_ &&
                                    head_of(static_cast<Index>(on)) == first);
    }
    if (coordinated) continue;
    Index conjuncts = 0;  // a list ("London, Calgary, Toronto") has several
    for (Index k = 0; k < n; ++k) conjuncts += head_of(k) == first && l[k] == conj_;
    if (conjuncts != 1) continue;
    // The noun right before the comma, or the head of the name it ends
    // ("Molomby" -> "Tom"), when its phrase ends there (the name and its
    // comma detached).
    const int name_head = h[d], comma_head = h[d - 1];
    h[d] = 0;
    h[d - 1] = 0;
    Index noun = d - 2;
    while ((l[noun] == flat_ || l[noun] == compound_) && head_of(noun) > static_cast<int>(noun)) {
      noun = static_cast<Index>(head_of(noun));
    }
    if (l[noun] == flat_ && head_of(noun) >= 0) noun = static_cast<Index>(head_of(noun));
    const bool ends_there = nominal(noun) && span_of(noun).second == d - 2;
    h[d] = name_head;
    h[d - 1] = comma_head;
    // (never under the name itself: that would make a cycle)
    bool under_name = false;
    for (int a = static_cast<int>(noun), guard = 0; a >= 0 && guard <= static_cast<int>(n);
         a = head_of(static_cast<Index>(a)), ++guard) {
      under_name = under_name || a == static_cast<int>(d);
    }
    if (!ends_there || under_name || static_cast<int>(noun) == first) continue;
    h[d] = static_cast<int>(noun) + 1;
    l[d] = static_cast<std::uint8_t>(appos_);
    h[d - 1] = static_cast<int>(d) + 1;  // the comma goes with the apposition
  }
}

Parser Parser::Train(const std::vector<ConlluSentence>& train,
                     const std::vector<ConlluSentence>* dev, const Tagger* tagger, bool retag_train,
                     const TrainOptions& opt) {
  Parser p;
  // Labels: every label of the training data seen 5 times or more (at most
  // 127, the labeller's classes are bytes).
  std::map<std::string, int> freq;
  for (const ConlluSentence& s : train) {
    for (const ConlluWord& w : s.words) ++freq[w.deprel];
  }
  std::vector<std::pair<int, std::string>> by_freq;
  for (auto& [l, n] : freq) by_freq.emplace_back(-n, l);
  std::sort(by_freq.begin(), by_freq.end());
  std::map<std::string, int> label_id;
  for (auto& [n, l] : by_freq) {
    if (p.labels_.size() >= 127 || -n < 5) break;
    label_id[l] = static_cast<int>(p.labels_.size());
    p.labels_.push_back(l);
  }
  // "dep" (unspecified dependency) is the fallback of rare labels: always there.
  if (label_id.count("dep") == 0) {
    if (p.labels_.size() == 127) {
      label_id.erase(p.labels_.back());
      p.labels_.pop_back();
    }
    label_id["dep"] = static_cast<int>(p.labels_.size());
    p.labels_.push_back("dep");
  }
  p.FindRepairLabels();
  auto id_of = [&](const std::string& l) {
    auto it = label_id.find(l);
    if (it != label_id.end()) return it->second;
    it = label_id.find(std::string(BaseLabel(l)));
    return it != label_id.end() ? it->second : label_id.at("dep");
  };
  const std::size_t nl = p.labels_.size();
  Trainer mover(3), labeller(nl);

  // Inputs with the tags the parser will see at run time.
  struct Prepared {
    std::vector<std::string> upos, xpos;
    std::vector<int> gh, gl;  // 1-based gold heads (projective) and label ids, index 0 unused
  };
  std::vector<Prepared> prep(train.size());
  std::vector<std::string_view> forms;
  std::vector<std::uint16_t> tags;
  for (std::size_t si = 0; si < train.size(); ++si) {
    const auto& words = train[si].words;
    Prepared& pr = prep[si];
    const bool retag = retag_train && tagger != nullptr;
    if (retag) {
      forms.clear();
      for (const auto& w : words) forms.push_back(w.form);
      tagger->Tag(forms, &tags);
    }
    std::vector<int> heads;
    for (std::size_t i = 0; i < words.size(); ++i) {
      pr.upos.push_back(retag ? tagger->Upos(tags[i]) : words[i].upos);
      pr.xpos.push_back(retag ? tagger->Xpos(tags[i]) : words[i].xpos);
      heads.push_back(std::max(0, words[i].head));
    }
    Projectivize(&heads);
    pr.gh.assign(1, -1);
    pr.gl.assign(1, -1);
    for (std::size_t i = 0; i < words.size(); ++i) {
      pr.gh.push_back(heads[i]);
      pr.gl.push_back(id_of(words[i].deprel));
    }
  }

  auto freeze = [&](float prune) {
    p.moves_ = mover.AverageInline(prune);
    p.labeller_ = labeller.Average(prune);
  };
  std::vector<std::size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(opt.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  State s;
  Words ws;
  std::string scratch;
  std::vector<std::uint64_t> feats, lfeats;
  std::vector<float> scores(nl);
  std::vector<ParserInput> in;
  for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    std::size_t moves = 0, wrong = 0, arcs = 0, wrong_labels = 0;
    for (std::size_t si : order) {
      const auto& words = train[si].words;
      const Prepared& pr = prep[si];
      in.clear();
      for (std::size_t i = 0; i < words.size(); ++i) {
        in.push_back(ParserInput{words[i].form, pr.upos[i], pr.xpos[i]});
      }
      FillWords(in, &ws, &scratch);
      s.Init(static_cast<int>(words.size()));
      while (!s.Terminal()) {
        // The move: trained with the dynamic oracle's unlabelled costs.
        Features(s, ws, &feats);
        float move_scores[3] = {};
        mover.Score(feats, move_scores);
        const Move pred = BestMove(s, move_scores);
        int cost[3] = {-1, -1, -1};
        int min_cost = std::numeric_limits<int>::max();
        for (int m = kShift; m <= kRight; ++m) {
          if (!Valid(s, static_cast<Move>(m))) continue;
          cost[m] = Cost(s, static_cast<Move>(m), pr.gh);
          min_cost = std::min(min_cost, cost[m]);
        }
        int target = -1;
        for (int m = kShift; m <= kRight; ++m) {
          if (cost[m] == min_cost && (target < 0 || move_scores[m] > move_scores[target])) {
            target = m;
          }
        }
        ++moves;
        if (cost[pred] != min_cost) {
          ++wrong;
          mover.Update(feats, static_cast<std::size_t>(target), pred);
        }
        mover.Tick();
        const Move next = (epoch > 1 && coin(rng) < 0.9) ? pred : static_cast<Move>(target);
        // The label of the arc made.
        int l = -1;
        if (next != kShift) {
          auto [h, d] = ArcOf(s, next);
          LabelFeatures(s, ws, h, d, &lfeats);
          std::fill(scores.begin(), scores.end(), 0.0F);
          labeller.Score(lfeats, scores.data());
          const int guess = Argmax(scores);
          const int gold = pr.gl[static_cast<std::size_t>(d)];
          ++arcs;
          // Trained on arcs to the gold head only: the label of a wrong arc
          // has no gold answer.
          if (guess != gold && pr.gh[static_cast<std::size_t>(d)] == h) {
            ++wrong_labels;
            labeller.Update(lfeats, static_cast<std::size_t>(gold),
                            static_cast<std::size_t>(guess));
          }
          labeller.Tick();
          l = epoch > 1 ? guess : gold;
        }
        Apply(&s, next, l);
      }
    }
    if (opt.log != nullptr) {
      *opt.log << "parser epoch " << epoch << ": train move error "
               << 100.0 * static_cast<double>(wrong) / static_cast<double>(moves) << " label error "
               << 100.0 * static_cast<double>(wrong_labels) / static_cast<double>(arcs);
      if (dev != nullptr) {
        freeze(opt.prune);
        auto [uas, las] = ParserAccuracy(p, tagger, *dev);
        *opt.log << "  dev UAS " << uas << " LAS " << las;
      }
      *opt.log << std::endl;
    }
  }
  if (opt.log != nullptr && dev != nullptr) {
    for (float prune : {0.0F, 0.25F, 0.5F, 1.0F, 2.0F}) {
      freeze(prune);
      auto [uas, las] = ParserAccuracy(p, tagger, *dev);
      *opt.log << "parser prune " << prune << ": " << p.moves_.num_features() << " move features, "
               << p.labeller_.num_features() << " label features, " << p.labeller_.num_weights()
               << " label weights, dev UAS " << uas << " LAS " << las << std::endl;
    }
  }
  freeze(opt.prune);
  return p;
}

std::pair<double, double> ParserAccuracy(const Parser& parser, const Tagger* tagger,
                                         const std::vector<ConlluSentence>& gold) {
  std::size_t u = 0, l = 0, total = 0;
  std::vector<std::string_view> forms;
  std::vector<std::uint16_t> tags;
  std::vector<ParserInput> in;
  std::vector<int> heads;
  std::vector<std::uint8_t> labels;
  for (const ConlluSentence& s : gold) {
    forms.clear();
    for (const auto& w : s.words) forms.push_back(w.form);
    if (tagger != nullptr) tagger->Tag(forms, &tags);
    in.clear();
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const auto& w = s.words[i];
      in.push_back(tagger != nullptr
                       ? ParserInput{w.form, tagger->Upos(tags[i]), tagger->Xpos(tags[i])}
                       : ParserInput{w.form, w.upos, w.xpos});
    }
    parser.Parse(in, &heads, &labels);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      bool hu = heads[i] == s.words[i].head;
      u += hu;
      l += hu && BaseLabel(parser.Label(labels[i])) == BaseLabel(s.words[i].deprel);
      ++total;
    }
  }
  if (total == 0) return {0.0, 0.0};
  return {100.0 * static_cast<double>(u) / static_cast<double>(total),
          100.0 * static_cast<double>(l) / static_cast<double>(total)};
}

void Parser::Serialize(std::string* out) const {
  PutU32(out, static_cast<std::uint32_t>(labels_.size()));
  for (const std::string& l : labels_) PutString(out, l);
  moves_.Serialize(out);
  labeller_.Serialize(out);
}

Result<Parser> Parser::Deserialize(std::string_view data, std::size_t* pos) {
  Parser p;
  TKG_ASSIGN_OR_RETURN(std::uint32_t n, GetU32(data, pos));
  if (n == 0 || n > 127) return Status::Corruption("parser: bad label count");
  for (std::uint32_t i = 0; i < n; ++i) {
    TKG_ASSIGN_OR_RETURN(std::string l, GetString(data, pos));
    p.labels_.push_back(std::move(l));
  }
  TKG_ASSIGN_OR_RETURN(p.moves_, InlineTable::Deserialize(data, pos));
  if (p.moves_.num_classes() != 3) return Status::Corruption("parser: move class count mismatch");
  TKG_ASSIGN_OR_RETURN(p.labeller_, WeightTable::Deserialize(data, pos));
  if (p.labeller_.num_classes() != n) {
    return Status::Corruption("parser: label class count mismatch");
  }
  p.FindRepairLabels();
  return p;
}

}  // namespace tkg::syntax
