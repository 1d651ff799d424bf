#include "cli/extraction.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace tkg::cli {

Result<InputFormat> ParseFormatFlag(const std::string& f) {
  if (f.empty() || f == "auto") return InputFormat::kAuto;
  if (f == "text") return InputFormat::kText;
  if (f == "jsonl") return InputFormat::kJsonl;
  return Status::Usage("--format must be auto, text or jsonl, not '" + f + "'");
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
