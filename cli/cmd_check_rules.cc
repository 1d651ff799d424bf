// tkg check-rules: runs every example of the time rules (time/rules.txt)
// through the time stage and reports the ones that fail.

#include <cstdio>

#include "cli/command.h"
#include "extract/resources.h"
#include "extract/time/rule_check.h"

namespace tkg::cli {
namespace {

Status RunCheckRules(const Flags& flags) {
  const std::string dir = DataDirectory(flags.Get("data")) + "/en";
  auto res = Resources::Load(dir);
  if (!res.ok()) return res.status();
  RuleCheckReport report;
  TKG_RETURN_IF_ERROR(CheckTimeRules(*res, &report));
  for (const std::string& f : report.failures) PrintError(f);
  if (!report.failures.empty()) {
    return Status::InvalidArgument(std::to_string(report.failures.size()) + " of " +
                                   std::to_string(report.examples) + " rule examples failed in " +
                                   (*res)->time_rules_path);
  }
  std::printf("%d rules, %d examples: all pass (%s)\n", report.rules, report.examples,
              (*res)->time_rules_path.c_str());
  return Status();
}

}  // namespace

Command CheckRulesCommand() {
  return Command{"check-rules",
                 "[--data DIR]",
                 "run the examples of the time rules; exit 1 when one fails",
                 {DataFlag()},
                 RunCheckRules};
}

}  // namespace tkg::cli
