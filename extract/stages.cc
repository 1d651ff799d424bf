#include "extract/stages.h"

#include <string>

#include "extract/claims/claim_stage.h"
#include "extract/entities/entity_stage.h"
#include "extract/facts/fact_stage.h"
#include "extract/syntax/syntax_stage.h"
#include "extract/text/clean_stage.h"
#include "extract/text/segment_stage.h"
#include "extract/time/time_stage.h"

namespace tkg {

const std::vector<std::string_view>& DefaultStageNames() {
  static const std::vector<std::string_view> kNames = {"clean", "segment", "syntax", "entities",
                                                       "time",  "claims",  "facts"};
  return kNames;
}

const std::vector<std::string_view>& ShallowStageNames() {
  static const std::vector<std::string_view> kNames = {"clean", "segment", "entities",
                                                       "time",  "claims",  "facts"};
  return kNames;
}

Result<std::unique_ptr<Stage>> MakeStage(std::string_view name,
                                         std::shared_ptr<const Resources> res) {
  std::unique_ptr<Stage> stage;
  if (name == "clean") {
    stage = std::make_unique<CleanStage>(std::move(res));
  } else if (name == "segment") {
    stage = std::make_unique<SegmentStage>(std::move(res));
  } else if (name == "entities") {
    stage = std::make_unique<EntityStage>(std::move(res));
  } else if (name == "claims") {
    stage = std::make_unique<ClaimStage>(std::move(res));
  } else if (name == "facts") {
    stage = std::make_unique<FactStage>(std::move(res));
  } else if (name == "syntax") {
    return SyntaxStage::Make(res);
  } else if (name == "time") {
    stage = std::make_unique<TimeStage>(std::move(res));
  } else {
    return Status::NotFound("unknown extraction stage '" + std::string(name) + "'");
  }
  return stage;
}

Result<Pipeline> MakePipeline(std::shared_ptr<const Resources> res,
                              const std::vector<std::string_view>& names) {
  Pipeline p;
  for (std::string_view n : names.empty() ? DefaultStageNames() : names) {
    auto stage = MakeStage(n, res);
    if (!stage.ok()) return stage.status();
    TKG_RETURN_IF_ERROR(p.Add(std::move(*stage)));
  }
  return p;
}

}  // namespace tkg
