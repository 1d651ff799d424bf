#include "extract/entities/mention_tagger.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/id.h"
#include "extract/phrase.h"

namespace tkg {
namespace mentions {
namespace {

constexpr std::uint64_t kNone = 0x6e6f6e65ULL;  // outside the sentence / no mark
constexpr std::uint32_t kMaxGazTokens = 5;

// Gazetteer kinds (gazetteer.tsv, second column) as small numbers.
std::uint64_t GazKind(std::string_view kind) {
  static constexpr std::string_view kKinds[] = {"country", "region", "city",   "place",
                                                "org",     "person", "demonym"};
  for (std::size_t k = 0; k < std::size(kKinds); ++k) {
    if (kind == kKinds[k]) return k + 1;
  }
  return 8;
}

// "Stoltenberg" -> "Xx", "NATO" -> "X", "G7" -> "Xd", "U.S." -> "X.X.", "al-Assad" -> "x-Xx":
// character classes with runs longer than two shortened to two.
std::uint64_t Shape(std::string_view text) {
  char buf[16];
  std::size_t n = 0;
  char last = 0;
  int run = 0;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    char k;
    if (c >= 'A' && c <= 'Z') {
      k = 'X';
    } else if (c >= 'a' && c <= 'z') {
      k = 'x';
    } else if (c >= '0' && c <= '9') {
      k = 'd';
    } else if (c >= 0x80) {
      if ((c & 0xC0) == 0x80) continue;  // continuation byte
      k = 'u';
    } else {
      k = static_cast<char>(c);
    }
    run = k == last ? run + 1 : 1;
    last = k;
    if (run > 2) continue;
    if (n == sizeof(buf)) break;
    buf[n++] = k;
  }
  return syntax::StringHash(std::string_view(buf, n));
}

}  // namespace

EntityType EntityTypeOf(std::size_t type) {
  switch (type) {
    case 0:
      return EntityType::kPerson;
    case 1:
      return EntityType::kOrg;
    default:
      return EntityType::kPlace;
  }
}

int TypeIndex(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return 0;
    case EntityType::kOrg:
      return 1;
    case EntityType::kPlace:
      return 2;
    default:
      return -1;
  }
}

bool Allowed(std::size_t prev, std::size_t cls) {
  bool open = prev != 0 && (BilouOf(prev) == kB || BilouOf(prev) == kI);
  if (!open) return cls == 0 || BilouOf(cls) == kB || BilouOf(cls) == kU;
  return cls != 0 && TypeOf(cls) == TypeOf(prev) && (BilouOf(cls) == kI || BilouOf(cls) == kL);
}

bool Featurizer::StartSentence(const Sentence& s) {
  first_ = s.first_token;
  end_ = s.end_token;
  bool any = false;
  for (std::uint32_t i = first_; i < end_ && !any; ++i) any = MayStart(i);
  if (!any) return false;
  std::size_t n = end_ - first_;
  word_.assign(n, 0);
  shape_.assign(n, 0);
  gaz_.assign(n, kNone);
  const auto& toks = doc_.tokens();
  // Word and shape hashes are computed on first use (WordHash, ShapeHash): 0 = not yet.
  // Capitalised runs, with connectors ("of", "the", "de") between two capitalised words.
  run_last_.assign(n, 0);
  run_len_.assign(n, 0);
  run_pos_.assign(n, 0);
  auto cap = [&](std::uint32_t k) {
    return toks[k].kind == TokenKind::kWord && !toks[k].Has(kTokClitic) &&
           (toks[k].Has(kTokCapitalized) || toks[k].Has(kTokAllCaps));
  };
  for (std::uint32_t i = first_; i < end_;) {
    if (!cap(i)) {
      ++i;
      continue;
    }
    std::uint32_t j = i + 1;
    while (j < end_) {
      if (cap(j)) {
        ++j;
        continue;
      }
      const LexiconEntry* np = res_.Entry(res_.name_parts, doc_, j);
      if (np != nullptr && np->fields[0] == "connector" && j + 1 < end_ && cap(j + 1)) {
        j += 2;
        continue;
      }
      break;
    }
    for (std::uint32_t k = i; k < j; ++k) {
      run_last_[k - first_] = j - 1;
      run_len_[k - first_] = std::min<std::uint32_t>(j - i, 5);
      run_pos_[k - first_] = std::min<std::uint32_t>(k - i, 3);
    }
    i = j;
  }
  // Longest gazetteer names, left to right, starting at capitalised words.
  for (std::uint32_t i = first_; i < end_;) {
    const Token& t = toks[i];
    if (t.kind != TokenKind::kWord || !(t.Has(kTokCapitalized) || t.Has(kTokAllCaps))) {
      ++i;
      continue;
    }
    // The longest name of at most kMaxGazTokens tokens (longer ones are rare and each extra
    // length is one more hash lookup per capitalised word).
    std::uint32_t len = 0;
    const LexiconEntry* e = nullptr;
    if (res_.Starts(res_.gazetteer, doc_, i)) {
      for (std::uint32_t m = std::min(kMaxGazTokens, end_ - i); m >= 2 && e == nullptr; --m) {
        const Token& last = toks[i + m - 1];
        if (last.kind != TokenKind::kWord ||
            !(last.Has(kTokCapitalized) || last.Has(kTokAllCaps))) {
          continue;  // names end on a capitalised word
        }
        scratch_.clear();
        AppendPhrase(doc_, i, m, &scratch_);
        e = res_.gazetteer.Find(scratch_);
        if (e != nullptr) len = m;
      }
      if (e == nullptr && (e = res_.Entry(res_.gazetteer, doc_, i)) != nullptr) len = 1;
    }
    if (e == nullptr || len == 0) {
      ++i;
      continue;
    }
    std::uint64_t kind = GazKind(e->fields[0]);
    for (std::uint32_t k = 0; k < len; ++k) {
      Bilou b = len == 1 ? kU : k == 0 ? kB : k + 1 == len ? kL : kI;
      gaz_[i + k - first_] = kind * 4 + b;
    }
    i += len;
  }
  return true;
}

std::uint64_t Featurizer::WordHash(std::uint32_t i) const {
  if (i < first_ || i >= end_) return kNone;
  std::uint64_t& h = word_[i - first_];
  if (h == 0) h = syntax::StringHash(doc_.Folded(i)) | 1;
  return h;
}
std::uint64_t Featurizer::ShapeHash(std::uint32_t i) const {
  if (i < first_ || i >= end_) return kNone;
  std::uint64_t& h = shape_[i - first_];
  if (h == 0) h = Shape(doc_.TokenText(i)) | 1;
  return h;
}
std::uint64_t Featurizer::GazHash(std::uint32_t i) const {
  return i >= first_ && i < end_ ? gaz_[i - first_] : kNone;
}

bool Featurizer::NeedsScore(std::uint32_t i, std::size_t prev) const {
  if (prev != 0 && (BilouOf(prev) == kB || BilouOf(prev) == kI)) return true;
  return MayStart(i);
}

bool Featurizer::MayStart(std::uint32_t i) const {
  const Token& t = doc_.tokens()[i];
  if (t.kind != TokenKind::kWord || t.Has(kTokClitic)) return false;
  if (t.Has(kTokAllCaps)) return true;
  // A capitalised function word ("The", "In", "He") starts no name.
  return t.Has(kTokCapitalized) && res_.Entry(res_.function_words, doc_, i) == nullptr;
}

void Featurizer::Features(std::uint32_t i, std::size_t prev, std::size_t prev2,
                          std::vector<std::uint64_t>* out) const {
  using syntax::FeatureHash;
  out->clear();
  const auto& toks = doc_.tokens();
  std::uint64_t w0 = WordHash(i), s0 = ShapeHash(i), g0 = GazHash(i);
  std::uint64_t wm1 = i > 0 ? WordHash(i - 1) : kNone, wm2 = i > 1 ? WordHash(i - 2) : kNone;
  std::uint64_t wp1 = WordHash(i + 1), wp2 = WordHash(i + 2);
  std::uint64_t sm1 = i > 0 ? ShapeHash(i - 1) : kNone, sp1 = ShapeHash(i + 1);
  bool initial = i == first_ || (toks[i - 1].kind == TokenKind::kQuote) ||
                 toks[i].Has(kTokParagraphBefore) || toks[i].Has(kTokNewlineBefore);
  std::string_view f = doc_.Folded(i);
  out->push_back(FeatureHash(1, 0));
  out->push_back(FeatureHash(2, w0));
  out->push_back(FeatureHash(3, s0));
  if (f.size() > 3) out->push_back(FeatureHash(4, syntax::StringHash(f.substr(f.size() - 3))));
  if (f.size() > 2) out->push_back(FeatureHash(5, syntax::StringHash(f.substr(f.size() - 2))));
  if (f.size() > 3) out->push_back(FeatureHash(6, syntax::StringHash(f.substr(0, 3))));
  out->push_back(FeatureHash(7, initial, s0));
  out->push_back(FeatureHash(8, wm1));
  out->push_back(FeatureHash(9, wp1));
  out->push_back(FeatureHash(10, wm2));
  out->push_back(FeatureHash(11, wp2));
  out->push_back(FeatureHash(12, sm1));
  out->push_back(FeatureHash(13, sp1));
  out->push_back(FeatureHash(14, i > 1 ? ShapeHash(i - 2) : kNone));
  out->push_back(FeatureHash(15, ShapeHash(i + 2)));
  out->push_back(FeatureHash(16, prev));
  out->push_back(FeatureHash(17, prev, prev2));
  out->push_back(FeatureHash(18, prev, w0));
  out->push_back(FeatureHash(19, prev, s0));
  out->push_back(FeatureHash(20, g0));
  out->push_back(FeatureHash(21, i > 0 ? GazHash(i - 1) : kNone));
  out->push_back(FeatureHash(22, GazHash(i + 1)));
  out->push_back(FeatureHash(23, g0, s0));
  out->push_back(FeatureHash(24, wm1, w0));
  out->push_back(FeatureHash(25, w0, wp1));
  out->push_back(FeatureHash(29, sm1, s0, sp1));
  out->push_back(FeatureHash(30, initial, w0));
  // Lists: a title before ("President X"), the name-part role of this and the next word.
  if (i > first_) {
    if (const LexiconEntry* t = res_.Entry(res_.titles, doc_, i - 1); t != nullptr) {
      out->push_back(FeatureHash(26, syntax::StringHash(t->fields[1])));
    }
  }
  if (const LexiconEntry* np = res_.Entry(res_.name_parts, doc_, i); np != nullptr) {
    out->push_back(FeatureHash(27, syntax::StringHash(np->fields[0])));
  }
  if (i + 1 < end_) {
    if (const LexiconEntry* np = res_.Entry(res_.name_parts, doc_, i + 1); np != nullptr) {
      out->push_back(FeatureHash(28, syntax::StringHash(np->fields[0])));
    }
  }
  if (const LexiconEntry* t = res_.Entry(res_.titles, doc_, i); t != nullptr) {
    out->push_back(FeatureHash(31, syntax::StringHash(t->fields[1])));
  }
  if (res_.Entry(res_.function_words, doc_, i) != nullptr) out->push_back(FeatureHash(32, s0));
  if (std::uint32_t len = run_len_[i - first_]; len > 0) {
    std::uint32_t last = run_last_[i - first_];
    out->push_back(FeatureHash(33, WordHash(last)));
    out->push_back(FeatureHash(34, len, run_pos_[i - first_]));
    out->push_back(FeatureHash(35, GazHash(last), len == 1));
    if (const LexiconEntry* np = res_.Entry(res_.name_parts, doc_, last); np != nullptr) {
      out->push_back(FeatureHash(36, syntax::StringHash(np->fields[0])));
    }
    out->push_back(FeatureHash(37, WordHash(last), prev));
  }
}

void Decode(std::uint32_t first, const std::vector<std::uint8_t>& labels,
            std::vector<TaggedMention>* out) {
  std::uint32_t begin = 0;
  bool open = false;
  for (std::uint32_t k = 0; k < labels.size(); ++k) {
    std::size_t c = labels[k];
    if (c == 0) {
      if (open)
        out->push_back(
            TaggedMention{first + begin, first + k, EntityTypeOf(TypeOf(labels[k - 1]))});
      open = false;
      continue;
    }
    Bilou b = BilouOf(c);
    if (b == kB || b == kU || !open) {
      if (open)
        out->push_back(
            TaggedMention{first + begin, first + k, EntityTypeOf(TypeOf(labels[k - 1]))});
      begin = k;
      open = true;
    }
    if (b == kL || b == kU) {
      out->push_back(TaggedMention{first + begin, first + k + 1, EntityTypeOf(TypeOf(c))});
      open = false;
    }
  }
  if (open) {
    out->push_back(TaggedMention{first + begin, first + static_cast<std::uint32_t>(labels.size()),
                                 EntityTypeOf(TypeOf(labels.back()))});
  }
}

}  // namespace mentions

void MentionModel::Tag(const Resources& res, const Document& doc,
                       std::vector<TaggedMention>* out) const {
  mentions::Featurizer fz(res, doc);
  std::vector<std::uint64_t> feats;
  std::vector<std::uint8_t> labels;
  float scores[mentions::kNumClasses];
  for (const Sentence& s : doc.sentences()) {
    if (!fz.StartSentence(s)) continue;  // no word that may start a name
    labels.clear();
    std::size_t prev = 0, prev2 = 0;
    bool any = false;
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
      std::size_t best = 0;
      if (fz.NeedsScore(i, prev)) {
        fz.Features(i, prev, prev2, &feats);
        std::fill(std::begin(scores), std::end(scores), 0.0F);
        weights.Score(feats, scores);
        float best_score = 0;
        bool found = false;
        for (std::size_t c = 0; c < mentions::kNumClasses; ++c) {
          if (!mentions::Allowed(prev, c)) continue;
          if (!found || scores[c] > best_score) {
            best = c;
            best_score = scores[c];
            found = true;
          }
        }
      }
      any = any || best != 0;
      labels.push_back(static_cast<std::uint8_t>(best));
      prev2 = prev;
      prev = best;
    }
    if (any) mentions::Decode(s.first_token, labels, out);
  }
}

namespace {
constexpr std::string_view kMagic = "TKGMENTN";
}

std::string MentionModel::Serialize() const {
  std::string out(kMagic);
  syntax::PutU32(&out, kFormatVersion);
  syntax::PutString(&out, metadata);
  syntax::PutU32(&out, kFeatureVersion);
  weights.Serialize(&out);
  return out;
}

Result<std::shared_ptr<const MentionModel>> MentionModel::Parse(std::string_view bytes,
                                                                const std::string& name) {
  if (!bytes.starts_with(kMagic)) {
    return Status::Corruption(name + ": not a tkg mention model (bad magic)");
  }
  std::size_t pos = kMagic.size();
  auto fail = [&](const Status& s) { return s.WithPrefix(name); };
  auto version = syntax::GetU32(bytes, &pos);
  if (!version.ok()) return fail(version.status());
  if (*version != kFormatVersion) {
    return Status::Corruption(name + ": mention model format version " + std::to_string(*version) +
                              ", this tkg reads version " + std::to_string(kFormatVersion) +
                              " (retrain with tkg-train-mentions, see docs/models.md)");
  }
  auto m = std::make_shared<MentionModel>();
  m->fingerprint = IdBuilder("mention-model").Add(bytes).Finish().Hex().substr(0, 16);
  auto meta = syntax::GetString(bytes, &pos);
  if (!meta.ok()) return fail(meta.status());
  m->metadata = std::move(*meta);
  auto fv = syntax::GetU32(bytes, &pos);
  if (!fv.ok()) return fail(fv.status());
  if (*fv != kFeatureVersion) {
    return Status::Corruption(name + ": mention model trained on feature set " +
                              std::to_string(*fv) + ", this tkg computes set " +
                              std::to_string(kFeatureVersion) +
                              " (retrain with tkg-train-mentions, see docs/models.md)");
  }
  auto w = syntax::WeightTable::Deserialize(bytes, &pos);
  if (!w.ok()) return fail(w.status());
  if (w->num_classes() != mentions::kNumClasses) {
    return Status::Corruption(name + ": mention model has " + std::to_string(w->num_classes()) +
                              " classes, expected " + std::to_string(mentions::kNumClasses));
  }
  m->weights = std::move(*w);
  if (pos != bytes.size()) return Status::Corruption(name + ": trailing bytes after the model");
  return std::shared_ptr<const MentionModel>(std::move(m));
}

Result<std::shared_ptr<const MentionModel>> MentionModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open mention model " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path);
}

}  // namespace tkg
