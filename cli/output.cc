#include "cli/output.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "core/text.h"
#include "export/escape.h"

namespace tkg::cli {

std::string Wrap(std::string_view text, std::size_t indent, std::size_t width) {
  std::string out;
  std::string pad(indent, ' ');
  std::size_t col = 0;
  std::size_t limit = width > indent + 20 ? width - indent : 20;
  std::size_t i = 0;
  bool line_start = true;
  while (i < text.size()) {
    // Next word.
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
    std::string_view word = text.substr(i, j - i);
    std::size_t wlen = 0;
    for (char c : word) wlen += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    if (!word.empty()) {
      if (!line_start && col + 1 + wlen > limit) {
        out += '\n';
        line_start = true;
        col = 0;
      }
      if (line_start) {
        out += pad;
        line_start = false;
      } else {
        out += ' ';
        ++col;
      }
      out += word;
      col += wlen;
    }
    if (j < text.size() && text[j] == '\n') {
      out += '\n';
      line_start = true;
      col = 0;
    }
    i = j + 1;
  }
  return out;
}

std::string TimeLabel(const DatedAnchor& t) {
  if (t.anchor.value.empty() || !t.anchor.has_interval()) {
    return t.anchor.value.empty() || t.anchor.value.starts_with("X") ? "(undated)" : t.anchor.value;
  }
  return t.anchor.value;
}

Result<DateRange> RangeFromFlags(const Flags& flags) {
  DateRange r;
  for (const char* name : {"from", "to"}) {
    if (!flags.Has(name)) continue;
    std::string v = flags.Get(name);
    TimeAnchor a = AnchorFromValue(v);
    bool ok = a.has_interval() &&
              (a.grain == Grain::kDay || a.grain == Grain::kMonth || a.grain == Grain::kYear);
    if (!ok) {
      return Status::Usage(std::string("bad --") + name + " date '" + v +
                           "': expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
    if (std::string_view(name) == "from") {
      r.from = a.begin;
    } else {
      r.to = a.last();
    }
  }
  if (r.from && r.to && *r.from > *r.to) {
    return Status::Usage("--from " + flags.Get("from") + " is after --to " + flags.Get("to"));
  }
  return r;
}

Result<std::unique_ptr<Store>> OpenForQuery(const Flags& flags) {
  StoreOptions o;
  o.read_only = true;
  return Store::Open(DatabasePath(flags), o);
}

Result<std::unique_ptr<Store>> OpenForWrite(const Flags& flags) {
  StoreOptions o;
  o.create_if_missing = true;
  o.sync = flags.Has("sync");
  return Store::Open(DatabasePath(flags), o);
}

Result<QueryFlags> QueryFlagsFrom(const Flags& flags) {
  QueryFlags q;
  auto range = RangeFromFlags(flags);
  if (!range.ok()) return range.status();
  q.range = *range;
  auto limit = flags.GetInt("limit", 0, 0, 1000000000);
  if (!limit.ok()) return limit.status();
  q.limit = static_cast<std::size_t>(*limit);
  return q;
}

Status WriteOutput(const std::string& path, std::string_view content) {
  if (path.empty() || path == "-") {
    std::cout << content;
    std::cout.flush();
    return std::cout ? Status() : Status::IoError("cannot write to standard output");
  }
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return Status::IoError("cannot write " + path);
  bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  ok = std::fflush(f) == 0 && ok;
  ok = std::fclose(f) == 0 && ok;
  std::error_code ec;
  if (ok) std::filesystem::rename(tmp, path, ec);
  if (!ok || ec) {
    std::filesystem::remove(tmp, ec);
    return Status::IoError("cannot write " + path);
  }
  return Status();
}

void PrintCleaned(const std::function<void()>& print) {
  std::ostringstream text;
  // Restores std::cout's buffer however `print` ends.
  struct Restore {
    std::streambuf* old;
    ~Restore() { std::cout.rdbuf(old); }
  };
  {
    Restore restore{std::cout.rdbuf(text.rdbuf())};
    print();
  }
  std::cout << CleanText(text.str());
}

FlagSpec FromFlag() {
  return {"from", true, "D", "only from this date (YYYY, YYYY-MM or YYYY-MM-DD)"};
}
FlagSpec ToFlag() { return {"to", true, "D", "only up to this date (inclusive)"}; }
FlagSpec LimitFlag() { return {"limit", true, "N", "at most N rows"}; }
FlagSpec JsonlFlag() { return {"jsonl", false, "", "print one JSON object per line"}; }

}  // namespace tkg::cli
