// Helpers for the commands' human-readable output and for flags shared by
// the query commands.

#ifndef TKG_CLI_OUTPUT_H_
#define TKG_CLI_OUTPUT_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "cli/flags.h"
#include "core/result.h"
#include "graph/query.h"
#include "graph/store.h"

namespace tkg::cli {

// `text` wrapped at `width` columns (counting UTF-8 code points), every line
// indented by `indent` spaces.
std::string Wrap(std::string_view text, std::size_t indent, std::size_t width = 100);

// "2022-11-29", "2008", "2022-WI", or "(undated)".
std::string TimeLabel(const DatedAnchor& t);

// --from / --to: YYYY, YYYY-MM or YYYY-MM-DD (a year or month covers all its
// days). Usage error naming the flag when malformed or when from > to.
Result<DateRange> RangeFromFlags(const Flags& flags);

// Opens the database for queries (read-only, beside a writer).
Result<std::unique_ptr<Store>> OpenForQuery(const Flags& flags);
// Opens (creating) the database for writing; --sync fsyncs every document.
Result<std::unique_ptr<Store>> OpenForWrite(const Flags& flags);

// --from/--to and --limit of the query commands.
struct QueryFlags {
  DateRange range;
  std::size_t limit = 0;
};
Result<QueryFlags> QueryFlagsFrom(const Flags& flags);

// Writes `content` to `path` ("-" or "" = stdout) atomically: a temporary
// file in the same directory, then rename.
Status WriteOutput(const std::string& path, std::string_view content);

// Runs `print`, which writes human-readable text to std::cout, and then
// writes what it printed with control characters removed (CleanText: C0 and
// C1 controls other than newline dropped, tabs as spaces, ill-formed UTF-8 as
// U+FFFD). Stored text comes from articles and may hold terminal escape
// sequences ("\x1b]0;title\x07", "\x1b[2J"); they must never reach a
// terminal. JSON output needs no such care: JSON escapes them.
void PrintCleaned(const std::function<void()>& print);

// Flags of the query commands.
FlagSpec FromFlag();
FlagSpec ToFlag();
FlagSpec LimitFlag();
FlagSpec JsonlFlag();

}  // namespace tkg::cli

#endif  // TKG_CLI_OUTPUT_H_
