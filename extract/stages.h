// The registry of extraction stages: builds a stage by name and the default
// pipeline that `tkg extract` and `tkg ingest` run.

#ifndef TKG_EXTRACT_STAGES_H_
#define TKG_EXTRACT_STAGES_H_

#include <memory>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "extract/pipeline.h"
#include "extract/resources.h"

namespace tkg {

// The stage names of the default pipeline, in order:
// clean, segment, entities, time, claims, facts.
const std::vector<std::string_view>& DefaultStageNames();

// The default pipeline with the syntax stage after segment, so that the
// entity stage's pronoun resolution reads the dependency parse (`--parse`).
const std::vector<std::string_view>& ParsedStageNames();

// Builds one stage. NotFound for an unknown name.
Result<std::unique_ptr<Stage>> MakeStage(std::string_view name,
                                         std::shared_ptr<const Resources> res);

// Builds the pipeline of `names` (the default pipeline when empty).
Result<Pipeline> MakePipeline(std::shared_ptr<const Resources> res,
                              const std::vector<std::string_view>& names = {});

}  // namespace tkg

#endif  // TKG_EXTRACT_STAGES_H_
