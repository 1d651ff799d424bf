#include "cli/extraction.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "cli/command.h"
#include "extract/stages.h"

namespace tkg::cli {

std::vector<FlagSpec> ExtractionFlags() {
  return {
      {"date", true, "D", "publication date for documents without one (YYYY-MM-DD)"},
      {"source", true, "S", "source name for documents without one"},
      {"format", true, "F", "input format: auto (by extension; stdin is JSONL), text, jsonl, html"},
      {"threads", true, "N", "extraction threads (default: cores, at most 8)"},
      {"fast", false, "",
       "skip the dependency parser: shallow patterns for facts, speakers and pronouns "
       "(about 7x faster, less accurate)"},
      DataFlag(),
  };
}

Result<ExtractionOptions> ExtractionOptionsFromFlags(const Flags& flags) {
  ExtractionOptions eo;
  std::string f = flags.Get("format");
  if (f.empty() || f == "auto") {
    eo.read.format = InputFormat::kAuto;
  } else if (f == "text") {
    eo.read.format = InputFormat::kText;
  } else if (f == "jsonl") {
    eo.read.format = InputFormat::kJsonl;
  } else if (f == "html") {
    eo.read.format = InputFormat::kHtml;
  } else {
    return Status::Usage("--format must be auto, text, jsonl or html, not '" + f + "'");
  }
  eo.read.default_date = flags.Get("date");
  eo.read.default_source = flags.Get("source");
  eo.read.id = flags.Get("id");
  if (!eo.read.default_date.empty()) {
    auto d = ParseIsoDay(eo.read.default_date);
    if (!d.ok()) return Status::Usage("--date: " + d.status().message());
  }
  unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  auto threads = flags.GetInt("threads", static_cast<long>(std::min(hw, 8u)), 1, 256);
  if (!threads.ok()) return threads.status();
  eo.threads = static_cast<std::size_t>(*threads);
  return eo;
}

Result<std::unique_ptr<Extractor>> ExtractorFromFlags(const Flags& flags) {
  ExtractorOptions xo;
  xo.data_dir = flags.Get("data");
  if (flags.Has("fast")) xo.stages = ShallowStageNames();
  return Extractor::Create(xo);
}

Status ExtractAll(const std::vector<std::string>& inputs, const ExtractionOptions& options,
                  const Extractor& extractor, const std::function<Status(Extracted&)>& sink) {
  struct Pending {
    ReadItem in;
    Extracted out;
  };
  std::vector<Pending> batch;
  constexpr std::size_t kBatch = 256;
  auto flush = [&]() -> Status {
    std::atomic<std::size_t> next{0};
    auto work = [&]() {
      for (std::size_t i = next++; i < batch.size(); i = next++) {
        Pending& p = batch[i];
        if (!p.in.doc.ok()) {
          p.out.result = p.in.doc.status();
          continue;
        }
        std::string extra = std::move(p.in.doc->extra_json);
        auto doc = extractor.Annotate(std::move(*p.in.doc));
        if (!doc.ok()) {
          p.out.result = doc.status();
          continue;
        }
        p.out.result = ToExtractResult(*doc);
        p.out.result->extra_json = std::move(extra);
        if (options.keep_text) p.out.text = std::string(doc->text());
      }
    };
    std::size_t n = std::min(std::max<std::size_t>(options.threads, 1), batch.size());
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < n; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    Status first_error;
    for (Pending& p : batch) {
      Status s = sink(p.out);
      if (!s.ok()) {
        first_error = s;
        break;
      }
    }
    batch.clear();
    return first_error;
  };
  for (const std::string& path : inputs) {
    std::string name = path == "-" ? "<stdin>" : path;
    Status sink_status;
    Status s = ForEachDocument(path, options.read, [&](ReadItem item) {
      Pending p{std::move(item), Extracted{}};
      p.out.where = p.in.line > 0 ? name + ":" + std::to_string(p.in.line) : name;
      p.out.id = p.in.id;
      p.out.line = p.in.line;
      batch.push_back(std::move(p));
      if (batch.size() >= kBatch) return flush();
      return Status();
    });
    TKG_RETURN_IF_ERROR(flush());
    if (!s.ok()) {
      Extracted failed;
      failed.where = name;
      failed.result = s;
      TKG_RETURN_IF_ERROR(sink(failed));
    }
  }
  return Status();
}

}  // namespace tkg::cli
