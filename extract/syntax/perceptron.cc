#include "extract/syntax/perceptron.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

#include <sys/mman.h>

namespace tkg::syntax {

std::uint64_t StringHash(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

namespace {

template <typename T>
void PutArray(std::string* out, const std::vector<T>& v) {
  PutU32(out, static_cast<std::uint32_t>(v.size()));
  out->append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}
template <typename T>
Status GetArray(std::string_view data, std::size_t* pos, std::vector<T>* v) {
  TKG_ASSIGN_OR_RETURN(std::uint32_t n, GetU32(data, pos));
  std::size_t bytes = static_cast<std::size_t>(n) * sizeof(T);
  if (data.size() - *pos < bytes) return Status::Corruption("model file truncated");
  v->resize(n);
  std::memcpy(v->data(), data.data() + *pos, bytes);
  *pos += bytes;
  return Status();
}
}  // namespace

void PutU32(std::string* out, std::uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);  // little-endian hosts only (checked at load by the magic)
  out->append(b, 4);
}
void PutU64(std::string* out, std::uint64_t v) {
  char b[8];
  std::memcpy(b, &v, 8);
  out->append(b, 8);
}
Result<std::uint64_t> GetU64(std::string_view data, std::size_t* pos) {
  if (data.size() - *pos < 8) return Status::Corruption("model file truncated");
  std::uint64_t v;
  std::memcpy(&v, data.data() + *pos, 8);
  *pos += 8;
  return v;
}
void PutString(std::string* out, std::string_view s) {
  PutU32(out, static_cast<std::uint32_t>(s.size()));
  out->append(s);
}
Result<std::uint32_t> GetU32(std::string_view data, std::size_t* pos) {
  if (data.size() - *pos < 4) return Status::Corruption("model file truncated");
  std::uint32_t v;
  std::memcpy(&v, data.data() + *pos, 4);
  *pos += 4;
  return v;
}
Result<std::string> GetString(std::string_view data, std::size_t* pos) {
  TKG_ASSIGN_OR_RETURN(std::uint32_t n, GetU32(data, pos));
  if (data.size() - *pos < n) return Status::Corruption("model file truncated");
  std::string s(data.substr(*pos, n));
  *pos += n;
  return s;
}

void* HugeAlloc(std::size_t bytes) {
  constexpr std::size_t kHuge = 2u << 20;
  bytes = std::max<std::size_t>(kHuge, (bytes + kHuge - 1) / kHuge * kHuge);
  void* p = std::aligned_alloc(kHuge, bytes);
  if (p == nullptr) throw std::bad_alloc();
  madvise(p, bytes, MADV_HUGEPAGE);  // a hint; ignored where unsupported
  return p;
}

void WeightTable::BuildIndex() {
  std::size_t cap = 16;
  while (cap < keys_.size() * 2) cap <<= 1;
  slots_.Assign(cap);
  mask_ = cap - 1;
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    std::uint64_t key = keys_[i] == 0 ? 1 : keys_[i];
    std::size_t s = key & mask_;
    while (slots_[s].key != 0) s = (s + 1) & mask_;
    slots_[s] = Slot{key, offsets_[i], offsets_[i + 1]};
  }
  packed_.resize(classes_.size());
  for (std::size_t k = 0; k < classes_.size(); ++k) {
    packed_[k] = Packed{weights_[k], classes_[k], 0};
  }
  n_features_ = keys_.size();
  // The stored form is not needed any more.
  keys_ = {};
  offsets_ = {};
  classes_ = {};
  weights_ = {};
}

void WeightTable::Score(std::span<const std::uint64_t> features, float* scores) const {
  if (slots_.empty()) return;
  // Three passes so that the memory reads of all features overlap: prefetch
  // the slots, find them and prefetch their weights, then add the weights.
  for (std::uint64_t f : features) {
    __builtin_prefetch(&slots_[(f == 0 ? 1 : f) & mask_]);
  }
  thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
  ranges.clear();
  for (std::uint64_t f : features) {
    std::uint64_t key = f == 0 ? 1 : f;
    for (std::size_t s = key & mask_;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.key == key) {
        __builtin_prefetch(&packed_[slot.begin]);
        ranges.emplace_back(slot.begin, slot.end);
        break;
      }
      if (slot.key == 0) break;
    }
  }
  for (auto [b, e] : ranges) {
    for (std::uint32_t k = b; k < e; ++k) {
      scores[packed_[k].cls] += scale_ * static_cast<float>(packed_[k].w);
    }
  }
}

void WeightTable::Serialize(std::string* out) const {
  // Back to the stored form (sorted keys), from the lookup form.
  std::vector<const Slot*> used;
  for (const Slot& s : slots_) {
    if (s.key != 0) used.push_back(&s);
  }
  std::sort(used.begin(), used.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint8_t> classes;
  std::vector<std::int16_t> weights;
  for (const Slot* s : used) {
    keys.push_back(s->key);
    offsets.push_back(static_cast<std::uint32_t>(classes.size()));
    for (std::uint32_t k = s->begin; k < s->end; ++k) {
      classes.push_back(packed_[k].cls);
      weights.push_back(packed_[k].w);
    }
  }
  offsets.push_back(static_cast<std::uint32_t>(classes.size()));
  PutU32(out, n_classes_);
  char b[4];
  std::memcpy(b, &scale_, 4);
  out->append(b, 4);
  PutArray(out, keys);
  PutArray(out, offsets);
  PutArray(out, classes);
  PutArray(out, weights);
}

Result<WeightTable> WeightTable::Deserialize(std::string_view data, std::size_t* pos) {
  WeightTable t;
  TKG_ASSIGN_OR_RETURN(t.n_classes_, GetU32(data, pos));
  if (data.size() - *pos < 4) return Status::Corruption("model file truncated");
  std::memcpy(&t.scale_, data.data() + *pos, 4);
  *pos += 4;
  if (!std::isfinite(t.scale_) || t.scale_ <= 0.0F) {
    return Status::Corruption("model weight scale is not a positive number");
  }
  TKG_RETURN_IF_ERROR(GetArray(data, pos, &t.keys_));
  TKG_RETURN_IF_ERROR(GetArray(data, pos, &t.offsets_));
  TKG_RETURN_IF_ERROR(GetArray(data, pos, &t.classes_));
  TKG_RETURN_IF_ERROR(GetArray(data, pos, &t.weights_));
  if (t.offsets_.size() != t.keys_.size() + 1 || t.classes_.size() != t.weights_.size() ||
      t.offsets_.back() != t.classes_.size()) {
    return Status::Corruption("model weight table is inconsistent");
  }
  for (std::size_t i = 0; i + 1 < t.offsets_.size(); ++i) {
    if (t.offsets_[i] > t.offsets_[i + 1]) return Status::Corruption("model offsets unsorted");
  }
  for (std::uint8_t c : t.classes_) {
    if (c >= t.n_classes_) return Status::Corruption("model class out of range");
  }
  t.BuildIndex();
  return t;
}

void Trainer::Score(std::span<const std::uint64_t> features, float* scores) const {
  for (std::uint64_t f : features) {
    auto it = rows_.find(f);
    if (it == rows_.end()) continue;
    for (const Entry& e : it->second) scores[e.cls] += e.w;
  }
}

void Trainer::Update(std::span<const std::uint64_t> features, std::size_t truth,
                     std::size_t guess) {
  if (truth == guess) return;
  auto bump = [&](std::vector<Entry>& row, std::size_t cls, float d) {
    for (Entry& e : row) {
      if (e.cls == cls) {
        e.w += d;
        e.u += static_cast<float>(now_) * d;
        return;
      }
    }
    row.push_back(Entry{static_cast<std::uint8_t>(cls), d, static_cast<float>(now_) * d});
  };
  for (std::uint64_t f : features) {
    std::vector<Entry>& row = rows_[f];
    bump(row, truth, 1.0F);
    bump(row, guess, -1.0F);
  }
}

WeightTable Trainer::Average(float prune) const {
  WeightTable t;
  t.n_classes_ = static_cast<std::uint32_t>(n_classes_);
  std::vector<std::uint64_t> keys;
  keys.reserve(rows_.size());
  for (const auto& [k, row] : rows_) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  float max_abs = 0;
  std::vector<std::pair<std::uint8_t, float>> kept;
  std::vector<std::uint8_t> classes;
  std::vector<float> weights;
  const auto t_now = static_cast<double>(now_);
  for (std::uint64_t k : keys) {
    kept.clear();
    for (const Entry& e : rows_.at(k)) {
      double avg = static_cast<double>(e.w) - static_cast<double>(e.u) / t_now;
      if (std::fabs(avg) >= prune) kept.emplace_back(e.cls, static_cast<float>(avg));
    }
    if (kept.empty()) continue;
    std::sort(kept.begin(), kept.end());
    t.keys_.push_back(k);
    t.offsets_.push_back(static_cast<std::uint32_t>(classes.size()));
    for (auto [c, w] : kept) {
      classes.push_back(c);
      weights.push_back(w);
      max_abs = std::max(max_abs, std::fabs(w));
    }
  }
  t.offsets_.push_back(static_cast<std::uint32_t>(classes.size()));
  t.scale_ = max_abs > 0 ? max_abs / 32767.0F : 1.0F;
  t.classes_ = std::move(classes);
  t.weights_.reserve(weights.size());
  for (float w : weights) {
    t.weights_.push_back(static_cast<std::int16_t>(std::lround(w / t.scale_)));
  }
  t.BuildIndex();
  return t;
}

void InlineTable::Build(const std::vector<std::uint64_t>& keys,
                        const std::vector<std::int16_t>& weights) {
  std::size_t cap = 16;
  while (cap < keys.size() * 2) cap <<= 1;
  slots_.Assign(cap);
  mask_ = cap - 1;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::uint64_t key = keys[i] == 0 ? 1 : keys[i];
    std::size_t s = key & mask_;
    while (slots_[s].key != 0) s = (s + 1) & mask_;
    slots_[s].key = key;
    for (std::size_t c = 0; c < n_classes_; ++c) slots_[s].w[c] = weights[i * n_classes_ + c];
  }
  n_features_ = keys.size();
}

void InlineTable::Score(std::span<const std::uint64_t> features, float* scores) const {
  if (slots_.empty()) return;
  for (std::uint64_t f : features) {
    __builtin_prefetch(&slots_[(f == 0 ? 1 : f) & mask_]);
  }
  std::int32_t sum[kMaxClasses] = {};
  for (std::uint64_t f : features) {
    const std::uint64_t key = f == 0 ? 1 : f;
    for (std::size_t s = key & mask_;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.key == key) {
        for (std::size_t c = 0; c < kMaxClasses; ++c) sum[c] += slot.w[c];
        break;
      }
      if (slot.key == 0) break;
    }
  }
  for (std::size_t c = 0; c < n_classes_; ++c) scores[c] += scale_ * static_cast<float>(sum[c]);
}

void InlineTable::Serialize(std::string* out) const {
  std::vector<const Slot*> used;
  for (const Slot& s : slots_) {
    if (s.key != 0) used.push_back(&s);
  }
  std::sort(used.begin(), used.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
  std::vector<std::uint64_t> keys;
  std::vector<std::int16_t> weights;
  for (const Slot* s : used) {
    keys.push_back(s->key);
    for (std::size_t c = 0; c < n_classes_; ++c) weights.push_back(s->w[c]);
  }
  PutU32(out, n_classes_);
  char b[4];
  std::memcpy(b, &scale_, 4);
  out->append(b, 4);
  PutArray(out, keys);
  PutArray(out, weights);
}

Result<InlineTable> InlineTable::Deserialize(std::string_view data, std::size_t* pos) {
  InlineTable t;
  TKG_ASSIGN_OR_RETURN(t.n_classes_, GetU32(data, pos));
  if (t.n_classes_ == 0 || t.n_classes_ > kMaxClasses) {
    return Status::Corruption("model inline table: bad class count");
  }
  if (data.size() - *pos < 4) return Status::Corruption("model file truncated");
  std::memcpy(&t.scale_, data.data() + *pos, 4);
  *pos += 4;
  if (!std::isfinite(t.scale_) || t.scale_ <= 0.0F) {
    return Status::Corruption("model weight scale is not a positive number");
  }
  std::vector<std::uint64_t> keys;
  std::vector<std::int16_t> weights;
  TKG_RETURN_IF_ERROR(GetArray(data, pos, &keys));
  TKG_RETURN_IF_ERROR(GetArray(data, pos, &weights));
  if (weights.size() != keys.size() * t.n_classes_) {
    return Status::Corruption("model inline table is inconsistent");
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    // Strictly increasing and never 0 (the empty slot): no key twice.
    if (keys[i] == 0 || (i > 0 && keys[i] <= keys[i - 1])) {
      return Status::Corruption("model inline table keys unsorted");
    }
  }
  t.Build(keys, weights);
  return t;
}

InlineTable Trainer::AverageInline(float prune) const {
  InlineTable t;
  t.n_classes_ = static_cast<std::uint32_t>(std::min(n_classes_, InlineTable::kMaxClasses));
  std::vector<std::uint64_t> keys;
  keys.reserve(rows_.size());
  for (const auto& [k, row] : rows_) keys.push_back(k == 0 ? 1 : k);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  const auto t_now = static_cast<double>(now_);
  std::vector<std::uint64_t> kept_keys;
  std::vector<float> w;
  float max_abs = 0;
  float row[InlineTable::kMaxClasses];
  for (std::uint64_t k : keys) {
    std::fill(std::begin(row), std::end(row), 0.0F);
    bool any = false;
    // Keys 0 and 1 share a slot (0 marks an empty one): their weights add.
    const std::uint64_t sources[2] = {k, 0};
    for (std::size_t si = 0; si < (k == 1 ? 2u : 1u); ++si) {
      auto it = rows_.find(sources[si]);
      if (it == rows_.end()) continue;
      for (const Entry& e : it->second) {
        if (e.cls >= t.n_classes_) continue;
        double avg = static_cast<double>(e.w) - static_cast<double>(e.u) / t_now;
        row[e.cls] += static_cast<float>(avg);
      }
    }
    for (std::size_t c = 0; c < t.n_classes_; ++c) {
      if (std::fabs(row[c]) < prune) {
        row[c] = 0;
      } else {
        any = true;
        max_abs = std::max(max_abs, std::fabs(row[c]));
      }
    }
    if (!any) continue;
    kept_keys.push_back(k);
    w.insert(w.end(), row, row + t.n_classes_);
  }
  t.scale_ = max_abs > 0 ? max_abs / 32767.0F : 1.0F;
  std::vector<std::int16_t> q;
  q.reserve(w.size());
  for (float x : w) q.push_back(static_cast<std::int16_t>(std::lround(x / t.scale_)));
  t.Build(kept_keys, q);
  return t;
}

}  // namespace tkg::syntax
