#include "extract/time/time_stage.h"

namespace tkg {

TimeStage::TimeStage(std::shared_ptr<const Resources> res) : res_(std::move(res)) {}
TimeStage::~TimeStage() = default;

Status TimeStage::Run(Document* doc) const {
  doc->mutable_timexes()->clear();
  return Status();
}

}  // namespace tkg
