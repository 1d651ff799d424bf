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
// clean, segment, syntax, entities, time, claims, facts. The later stages
// read the dependency parse of the syntax stage where it helps (facts from
// clauses, speakers as subjects, pronouns by grammatical role).
const std::vector<std::string_view>& DefaultStageNames();

// The default pipeline without the syntax stage (`--fast`): the later
// stages fall back to their shallow patterns, many times faster and less
// accurate.
const std::vector<std::string_view>& ShallowStageNames();

// Builds one stage. NotFound for an unknown name.
Result<std::unique_ptr<Stage>> MakeStage(std::string_view name,
                                         std::shared_ptr<const Resources> res);

// Builds the pipeline of `names` (the default pipeline when empty).
Result<Pipeline> MakePipeline(std::shared_ptr<const Resources> res,
                              const std::vector<std::string_view>& names = {});

}  // namespace tkg

#endif  // TKG_EXTRACT_STAGES_H_
