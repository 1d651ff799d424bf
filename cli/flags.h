// A small command-line flag parser for tkg's subcommands: "--name value",
// "--name=value", boolean "--name", "-o FILE" short aliases, "--" ends the
// flags, "-" alone is a positional argument (stdin). Unknown flags and missing
// values are usage errors (Status::Usage, exit status 2).

#ifndef TKG_CLI_FLAGS_H_
#define TKG_CLI_FLAGS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace tkg::cli {

struct FlagSpec {
  std::string name;  // without dashes: "date"
  bool takes_value = true;
  std::string value_name;  // for help: "D"
  std::string help;
  char short_name = 0;  // 'o' for -o
  bool repeatable = false;
};

class Flags {
 public:
  // Parses argv[first..argc) against `specs`.
  static Result<Flags> Parse(const std::vector<std::string>& args,
                             const std::vector<FlagSpec>& specs);

  bool Has(const std::string& name) const { return values_.count(name) != 0; }
  // The last value given for `name`, or `fallback`.
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  const std::vector<std::string>& GetAll(const std::string& name) const;
  // Parses an integer flag; Usage error naming the flag when it is not one.
  Result<long> GetInt(const std::string& name, long fallback, long min, long max) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

// "  --date D        publication date ..." lines for a command's help.
std::string FlagHelp(const std::vector<FlagSpec>& specs);

}  // namespace tkg::cli

#endif  // TKG_CLI_FLAGS_H_
