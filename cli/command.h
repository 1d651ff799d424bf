// The subcommands of `tkg`: one file per command (cmd_*.cc), each exposing a
// Command with its name, a one-line summary, its flags and a Run function.
// main.cc only dispatches and maps the returned Status to an exit status:
// 0 ok, 1 runtime failure, 2 bad usage. Every diagnostic goes to stderr as
// "tkg: error: ..." or "tkg: warning: ..."; results go to stdout.

#ifndef TKG_CLI_COMMAND_H_
#define TKG_CLI_COMMAND_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/flags.h"
#include "core/status.h"

namespace tkg::cli {

struct Command {
  std::string name;
  std::string args;     // synopsis after the name: "[FILE...] [--date D]"
  std::string summary;  // one line
  std::vector<FlagSpec> flags;
  std::function<Status(const Flags&)> run;
};

// The commands, in the order `tkg help` lists them.
const std::vector<Command>& Commands();

// Each cmd_*.cc defines one of these.
Command ExtractCommand();
Command IngestCommand();
Command LoadCommand();
Command SaidCommand();
Command TimelineCommand();
Command FactsCommand();
Command EntityCommand();
Command StatsCommand();
Command ExportCommand();
Command ParseCommand();
Command CheckRulesCommand();

// Diagnostics on stderr.
void PrintError(std::string_view message);
void PrintWarning(std::string_view message);

// True when stdout is a terminal (tables and progress are for people).
bool StdoutIsTerminal();
bool StderrIsTerminal();

// The database directory: --db, else $TKG_DB, else ./tkg.db.
std::string DatabasePath(const Flags& flags);

// Flags shared by several commands.
FlagSpec DbFlag();
FlagSpec JsonFlag();
FlagSpec DataFlag();

}  // namespace tkg::cli

#endif  // TKG_CLI_COMMAND_H_
