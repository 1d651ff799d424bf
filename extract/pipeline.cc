#include "extract/pipeline.h"

#include <array>

namespace tkg {
namespace {

constexpr std::array<std::string_view, 8> kLayerNames = {
    "zones", "tokens", "sentences", "mentions", "timexes", "claims", "facts", "syntax"};

}  // namespace

std::string Layers::ToString() const {
  std::string out;
  for (std::size_t i = 0; i < kLayerNames.size(); ++i) {
    if (bits_ & (1u << i)) {
      if (!out.empty()) out += '|';
      out += kLayerNames[i];
    }
  }
  return out.empty() ? "-" : out;
}

Status Pipeline::Add(std::unique_ptr<Stage> stage) {
  Layers needs = stage->Requires();
  if (!provided_.Contains(needs)) {
    Layers missing(Layers(static_cast<Layer>(needs.bits() & ~provided_.bits())));
    return Status::InvalidArgument("stage '" + std::string(stage->name()) + "' requires " +
                                   missing.ToString() + ", which no earlier stage provides");
  }
  provided_ = provided_ | stage->Provides();
  stages_.push_back(std::move(stage));
  return Status();
}

Status Pipeline::Run(Document* doc) const {
  for (const auto& stage : stages_) {
    Status s = stage->Run(doc);
    if (!s.ok()) return s.WithPrefix(stage->name());
  }
  return Status();
}

std::string Pipeline::Describe() const {
  std::string out;
  for (const auto& stage : stages_) {
    out += std::string(stage->name());
    out += "\trequires ";
    out += stage->Requires().ToString();
    out += "\tprovides ";
    out += stage->Provides().ToString();
    out += '\n';
  }
  return out;
}

}  // namespace tkg
