#include "extract/time/time_stage.h"

#include <string>

#include "extract/time/time_matcher.h"
#include "extract/time/time_rules.h"
#include "extract/time/time_vocabulary.h"

namespace tkg {

TimeStage::TimeStage(std::shared_ptr<const Resources> res) : res_(std::move(res)) {
  // The constructor cannot fail; a malformed data file is reported by Run().
  auto rules = TimeRules::Parse(res_->time_rules_path, res_->time_rules);
  if (!rules.ok()) {
    rules_ = std::make_unique<TimeRules>();
    vocab_status_ = rules.status();
    return;
  }
  rules_ = std::make_unique<TimeRules>(std::move(*rules));
  auto vocab = TimeVocabulary::Build(*res_, rules_.get());
  if (vocab.ok()) {
    vocab_ = std::move(*vocab);
  } else {
    vocab_status_ = vocab.status();
  }
}

TimeStage::~TimeStage() = default;

Status TimeStage::Run(Document* doc) const {
  if (!vocab_status_.ok()) return vocab_status_;
  doc->mutable_timexes()->clear();
  TimeMatcher matcher(*vocab_, *rules_, *res_, doc);
  const int unresolved = matcher.Run();
  if (unresolved > 0) {
    doc->AddWarning("no publication date: " + std::to_string(unresolved) +
                    " relative time expression(s) left unresolved");
  }
  return Status();
}

}  // namespace tkg
