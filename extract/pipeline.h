// Stage and Pipeline: the extraction stages run in order over one Document.
//
// Each Stage declares the layers it needs (Requires) and the layers it fills
// (Provides); Pipeline::Add checks, once, that every requirement is met by an
// earlier stage, as spaCy's analyze_pipes and CoreNLP's requires() do. A
// later issue can replace a stage's insides (the first claims stage by a
// parse-based one) without touching the others, as long as it keeps its
// contract.
//
// Thread-safety: stages are immutable after construction; one Pipeline may
// run many Documents concurrently, each Document on one thread.

#ifndef TKG_EXTRACT_PIPELINE_H_
#define TKG_EXTRACT_PIPELINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "extract/document.h"

namespace tkg {

enum class Layer : std::uint32_t {
  kZones = 1u << 0,
  kTokens = 1u << 1,
  kSentences = 1u << 2,
  kMentions = 1u << 3,  // mentions and entities
  kTimexes = 1u << 4,
  kClaims = 1u << 5,
  kFacts = 1u << 6,
  kSyntax = 1u << 7,  // part-of-speech tags, lemmas, dependency heads and relations
};

// A set of layers.
class Layers {
 public:
  constexpr Layers() = default;
  constexpr Layers(Layer l) : bits_(static_cast<std::uint32_t>(l)) {}  // NOLINT
  constexpr Layers operator|(Layers o) const { return Layers(bits_ | o.bits_); }
  constexpr Layers operator&(Layers o) const { return Layers(bits_ & o.bits_); }
  constexpr bool Contains(Layers o) const { return (bits_ & o.bits_) == o.bits_; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr std::uint32_t bits() const { return bits_; }
  // "zones|tokens", or "-" when empty.
  std::string ToString() const;

 private:
  constexpr explicit Layers(std::uint32_t bits) : bits_(bits) {}
  std::uint32_t bits_ = 0;
};
constexpr Layers operator|(Layer a, Layer b) { return Layers(a) | Layers(b); }

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual Layers Requires() const = 0;
  virtual Layers Provides() const = 0;
  // Annotates *doc in place. Returns a non-OK Status only when the document
  // cannot be processed at all; a stage that finds nothing returns OK.
  virtual Status Run(Document* doc) const = 0;
};

class Pipeline {
 public:
  Pipeline() = default;
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  Pipeline(Pipeline&&) = default;
  Pipeline& operator=(Pipeline&&) = default;

  // Appends `stage`. Fails with InvalidArgument, naming the stage and the
  // missing layers, if it requires a layer no earlier stage provides.
  Status Add(std::unique_ptr<Stage> stage);

  // Runs every stage in order; stops at the first non-OK Status, prefixed
  // with the stage name ("claims: ...").
  Status Run(Document* doc) const;

  // One line per stage: name, requires, provides.
  std::string Describe() const;

  Layers provided() const { return provided_; }
  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
  Layers provided_;
};

}  // namespace tkg

#endif  // TKG_EXTRACT_PIPELINE_H_
