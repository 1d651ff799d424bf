// Runs the executable examples of the time rules (time/rules.txt): each
// example text goes through the clean, segment and time stages under its
// publication date, and must yield a time expression with exactly the
// example's span text and value, found by the example's own rule.
//
// Used by `tkg check-rules` and by the unit tests.

#ifndef TKG_EXTRACT_TIME_RULE_CHECK_H_
#define TKG_EXTRACT_TIME_RULE_CHECK_H_

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "extract/resources.h"

namespace tkg {

struct RuleCheckReport {
  int rules = 0;     // rules in the file
  int examples = 0;  // examples run
  // One line per failing example: "path:line: rule NAME: ...".
  std::vector<std::string> failures;
};

// Checks every example of res->time_rules. Fails (without running anything)
// when the rules file itself does not parse or a stage cannot be built.
Status CheckTimeRules(const std::shared_ptr<const Resources>& res, RuleCheckReport* report);

}  // namespace tkg

#endif  // TKG_EXTRACT_TIME_RULE_CHECK_H_
