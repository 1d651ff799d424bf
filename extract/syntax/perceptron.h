// The averaged perceptron behind the tagger and the parser: features are
// 64-bit hashes (see FeatureHash), classes are small integers.
//
// Training keeps, per feature, only the classes it was ever updated for (a
// feature sees few of the classes), with the weight w and the running sum u of
// t * delta, so that the average is w - u / t (Daume's trick: an update costs
// two entries, not a pass over every class).
//
// Inference uses a frozen, compact copy (WeightTable): features sorted into an
// open-addressing table, weights quantised to int16 with one scale, small
// weights pruned. It is what the model files store.
//
// Thread-safety: a WeightTable is immutable and may be shared by threads; a
// Trainer is single-threaded.

#ifndef TKG_EXTRACT_SYNTAX_PERCEPTRON_H_
#define TKG_EXTRACT_SYNTAX_PERCEPTRON_H_

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace tkg::syntax {

// Mixes a template number and up to three values into one feature key.
inline std::uint64_t Mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
inline std::uint64_t FeatureHash(std::uint32_t tmpl, std::uint64_t a, std::uint64_t b = 0,
                                 std::uint64_t c = 0) {
  std::uint64_t h = Mix(tmpl * 0x9E3779B97F4A7C15ULL + a);
  h = Mix(h ^ (b + 0x632BE59BD9B4E019ULL));
  return Mix(h ^ (c + 0x85EBCA77C2B2AE63ULL));
}
// A 64-bit hash of a string (word forms, suffixes).
std::uint64_t StringHash(std::string_view s);

// Memory for a large table read at random: aligned to 2 MiB and advised for
// transparent huge pages (TLB misses matter). Holds trivially copyable T.
void* HugeAlloc(std::size_t bytes);
template <typename T>
class HugeArray {
 public:
  HugeArray() = default;
  HugeArray(const HugeArray& o) {
    if (o.size_ == 0) return;
    Assign(o.size_);
    std::copy(o.data_, o.data_ + o.size_, data_);
  }
  HugeArray& operator=(const HugeArray& o) {
    if (this != &o) {
      HugeArray copy(o);
      *this = std::move(copy);
    }
    return *this;
  }
  HugeArray(HugeArray&& o) noexcept : data_(o.data_), size_(o.size_) {
    o.data_ = nullptr;
    o.size_ = 0;
  }
  HugeArray& operator=(HugeArray&& o) noexcept {
    if (this != &o) {
      std::free(data_);
      data_ = o.data_;
      size_ = o.size_;
      o.data_ = nullptr;
      o.size_ = 0;
    }
    return *this;
  }
  ~HugeArray() { std::free(data_); }
  // n value-initialised elements (the old ones are dropped).
  void Assign(std::size_t n) {
    std::free(data_);
    data_ = static_cast<T*>(HugeAlloc(n * sizeof(T)));
    size_ = n;
    std::uninitialized_fill_n(data_, n, T{});
  }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

class WeightTable {
 public:
  WeightTable() = default;
  std::size_t num_classes() const { return n_classes_; }
  std::size_t num_features() const { return n_features_; }
  std::size_t num_weights() const { return packed_.size(); }

  // Adds the weights of `features` to scores[0 .. num_classes).
  void Score(std::span<const std::uint64_t> features, float* scores) const;

  // Binary form (little-endian), appended to / read from a byte buffer.
  void Serialize(std::string* out) const;
  // Reads from data[*pos ..]; advances *pos.
  static Result<WeightTable> Deserialize(std::string_view data, std::size_t* pos);

 private:
  friend class Trainer;

  std::uint32_t n_classes_ = 0;
  float scale_ = 1.0F;
  // The stored form (only between building and BuildIndex): sorted feature keys, keys_.size() + 1
  // offsets into the parallel class and weight arrays.
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> offsets_;
  std::vector<std::uint8_t> classes_;
  std::vector<std::int16_t> weights_;
  // The lookup form, built at load: open addressing over one array of
  // {key, range} slots and packed {weight, class} entries, so that a feature
  // costs two cache misses.
  struct Slot {
    std::uint64_t key = 0;  // 0 = empty (a real key 0 is stored as 1)
    std::uint32_t begin = 0, end = 0;
  };
  struct Packed {
    std::int16_t w;
    std::uint8_t cls;
    std::uint8_t unused;
  };
  // Slots live in memory aligned to 2 MiB and advised for transparent huge
  // pages: the table is tens of MB and read at random, so TLB misses matter.
  using SlotArray = HugeArray<Slot>;
  SlotArray slots_;
  std::vector<Packed> packed_;
  std::uint64_t mask_ = 0;
  std::size_t n_features_ = 0;
  void BuildIndex();
};

// A table for at most four classes (the parser's moves): each feature's
// weights sit in its slot next to its key, so a feature costs one cache miss.
// Weights are int16 with one scale per table.
class InlineTable {
 public:
  static constexpr std::size_t kMaxClasses = 4;
  InlineTable() = default;
  std::size_t num_classes() const { return n_classes_; }
  std::size_t num_features() const { return n_features_; }

  // Adds the weights of `features` to scores[0 .. num_classes).
  void Score(std::span<const std::uint64_t> features, float* scores) const;

  // Binary form: u32 class count, f32 scale, the sorted u64 keys, then
  // num_classes int16 weights per key.
  void Serialize(std::string* out) const;
  static Result<InlineTable> Deserialize(std::string_view data, std::size_t* pos);

 private:
  friend class Trainer;
  struct Slot {
    std::uint64_t key = 0;  // 0 = empty (a real key 0 is stored as 1)
    std::int16_t w[kMaxClasses] = {};
  };
  static_assert(sizeof(Slot) == 16);
  std::uint32_t n_classes_ = 0;
  float scale_ = 1.0F;
  HugeArray<Slot> slots_;
  std::uint64_t mask_ = 0;
  std::size_t n_features_ = 0;
  // Builds the slots from sorted keys and their weights (n_classes_ per key).
  void Build(const std::vector<std::uint64_t>& keys, const std::vector<std::int16_t>& weights);
};

class Trainer {
 public:
  explicit Trainer(std::size_t n_classes) : n_classes_(n_classes) {}
  std::size_t num_classes() const { return n_classes_; }
  // Scores with the current (not averaged) weights.
  void Score(std::span<const std::uint64_t> features, float* scores) const;
  // Moves the weights of `features` toward `truth` and away from `guess`.
  void Update(std::span<const std::uint64_t> features, std::size_t truth, std::size_t guess);
  // Marks the end of one training instance (the clock of the average).
  void Tick() { ++now_; }
  // The averaged weights, with |w| < prune dropped, quantised.
  WeightTable Average(float prune) const;
  // The same as an InlineTable (at most InlineTable::kMaxClasses classes): a
  // feature is kept when one of its weights is kept.
  InlineTable AverageInline(float prune) const;

 private:
  struct Entry {
    std::uint8_t cls;
    float w, u;
  };
  std::size_t n_classes_;
  std::uint64_t now_ = 1;
  std::unordered_map<std::uint64_t, std::vector<Entry>> rows_;
};

// Little binary helpers shared by the model files.
void PutU32(std::string* out, std::uint32_t v);
void PutU64(std::string* out, std::uint64_t v);
void PutString(std::string* out, std::string_view s);
Result<std::uint64_t> GetU64(std::string_view data, std::size_t* pos);
Result<std::uint32_t> GetU32(std::string_view data, std::size_t* pos);
Result<std::string> GetString(std::string_view data, std::size_t* pos);

}  // namespace tkg::syntax

#endif  // TKG_EXTRACT_SYNTAX_PERCEPTRON_H_
