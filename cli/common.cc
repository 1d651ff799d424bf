#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/command.h"

namespace tkg::cli {

void PrintError(std::string_view message) { std::cerr << "tkg: error: " << message << "\n"; }
void PrintWarning(std::string_view message) { std::cerr << "tkg: warning: " << message << "\n"; }

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) != 0; }
bool StderrIsTerminal() { return isatty(STDERR_FILENO) != 0; }

std::string DatabasePath(const Flags& flags) {
  if (flags.Has("db")) return flags.Get("db");
  if (const char* env = std::getenv("TKG_DB"); env != nullptr && *env != '\0') return env;
  return "tkg.db";
}

FlagSpec DbFlag() {
  return {"db", true, "DIR", "database directory (default: $TKG_DB, else ./tkg.db)"};
}
FlagSpec JsonFlag() { return {"json", false, "", "print JSON instead of a table"}; }
FlagSpec DataFlag() {
  return {"data", true, "DIR", "lexicons and rules (default: $TKG_DATA, else the built-in path)"};
}

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      ExtractCommand(), IngestCommand(), LoadCommand(),  SaidCommand(),   TimelineCommand(),
      FactsCommand(),   EntityCommand(), StatsCommand(), ExportCommand(), ParseCommand(),
      CheckRulesCommand(),
  };
  return kCommands;
}

}  // namespace tkg::cli
