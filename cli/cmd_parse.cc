// tkg parse: part-of-speech tags, lemmas and dependency trees as CoNLL-U.
//
//   tkg parse [FILE...]          text or JSONL (stdin when none): tkg's own
//                                tokens and sentences, one "# newdoc id" per
//                                document, byte offsets in MISC (TokenRange)
//   tkg parse --conllu FILE|-    CoNLL-U in: keeps its tokens, sentences,
//                                comments and MISC; fills LEMMA, UPOS, XPOS,
//                                HEAD, DEPREL (for ../shared/eval/conllu_eval.py)

#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/extraction.h"
#include "extract/resources.h"
#include "extract/syntax/conllu.h"
#include "extract/syntax/model.h"

namespace tkg::cli {
namespace {

Status ParseConllu(const Flags& flags, const std::string& path) {
  // Only the model is needed: the resources, not a whole extractor.
  auto res = Resources::Load(DataDirectory(flags.Get("data")) + "/en");
  if (!res.ok()) return res.status();
  auto model = (*res)->SyntaxModel();
  if (!model.ok()) return model.status();
  const syntax::SyntaxModel& m = **model;
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path);
    if (!file) return Status::NotFound("cannot open " + path);
    in = &file;
  }
  syntax::ConlluReader reader(in, path == "-" ? "<stdin>" : path);
  syntax::ConlluSentence s;
  std::vector<std::string_view> forms;
  syntax::Analysis a;
  for (;;) {
    auto more = reader.Next(&s);
    if (!more.ok()) return more.status();
    if (!*more) break;
    forms.clear();
    for (const auto& w : s.words) forms.push_back(w.form);
    m.Analyze(forms, &a);
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      syntax::ConlluWord& w = s.words[i];
      w.upos = m.Upos(a, i);
      w.xpos = m.Xpos(a, i);
      w.lemma = m.lemmatizer.Lemma(w.form, w.upos, w.xpos);
      w.feats.clear();
      w.head = a.heads[i];
      w.deprel = m.Deprel(a, i);
    }
    syntax::WriteConllu(s, std::cout);
  }
  std::cout.flush();
  return std::cout ? Status() : Status::IoError("cannot write to stdout");
}

Status ParseText(const Flags& flags) {
  auto read = ExtractionOptionsFromFlags(flags);
  if (!read.ok()) return read.status();
  ExtractorOptions eo;
  if (flags.Has("data")) eo.data_dir = flags.Get("data");
  eo.stages = {"clean", "segment", "syntax"};
  auto ex = Extractor::Create(eo);
  if (!ex.ok()) return ex.status();
  std::vector<std::string> inputs = flags.positional();
  if (inputs.empty()) inputs.push_back("-");
  bool failed = false;
  for (const std::string& path : inputs) {
    Status st = ForEachDocument(path, read->read, [&](ReadItem item) -> Status {
      std::string where = path + (item.line > 0 ? ":" + std::to_string(item.line) : "");
      if (!item.doc.ok()) {
        PrintError(where + ": " + item.doc.status().message());
        failed = true;
        return Status();
      }
      auto doc = (*ex)->Annotate(std::move(*item.doc));
      if (!doc.ok()) {
        PrintError(where + ": " + doc.status().message());
        failed = true;
        return Status();
      }
      const Document& d = *doc;
      // Comment lines end at a line break; ids and texts lose theirs (and tabs).
      std::string id = d.meta().id;
      for (char& c : id) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      std::cout << "# newdoc id = " << id << "\n";
      std::size_t n = 0;
      for (const Sentence& s : d.sentences()) {
        std::cout << "# sent_id = " << id << "-" << ++n << "\n";
        std::string text(d.Slice(s.span));
        for (char& c : text) {
          if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        }
        std::cout << "# text = " << text << "\n";
        for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
          const TokenSyntax& ts = d.syntax()[t];
          const Token& tok = d.tokens()[t];
          int head = ts.head < 0 ? 0 : ts.head - static_cast<int>(s.first_token) + 1;
          std::cout << (t - s.first_token + 1) << '\t' << d.TokenText(t) << '\t' << d.Lemma(t)
                    << '\t' << ts.upos << '\t' << ts.xpos << "\t_\t" << head << '\t' << ts.deprel
                    << "\t_\t";
          bool space_after =
              t + 1 < d.tokens().size() && (d.tokens()[t + 1].flags & kTokSpaceBefore) != 0;
          if (!space_after && t + 1 < s.end_token) std::cout << "SpaceAfter=No|";
          std::cout << "TokenRange=" << tok.span.begin << ":" << tok.span.end << "\n";
        }
        std::cout << "\n";
      }
      return Status();
    });
    if (!st.ok()) {
      PrintError(path + ": " + st.message());
      failed = true;
    }
  }
  std::cout.flush();
  if (!std::cout) return Status::IoError("cannot write to stdout");
  return failed ? Status::InvalidArgument("some documents could not be parsed (see above)")
                : Status();
}

Status RunParse(const Flags& flags) {
  if (flags.Has("conllu")) {
    if (!flags.positional().empty()) {
      return Status::Usage("--conllu takes the file; no other inputs");
    }
    return ParseConllu(flags, flags.Get("conllu"));
  }
  return ParseText(flags);
}

}  // namespace

Command ParseCommand() {
  std::vector<FlagSpec> f;
  for (FlagSpec& spec : ExtractionFlags()) {
    if (spec.name != "threads") f.push_back(std::move(spec));  // parse runs on one thread
  }
  f.push_back(FlagSpec{"conllu", true, "FILE",
                       "read CoNLL-U (\"-\" for stdin) and keep its tokens and sentences"});
  return Command{"parse", "[FILE...] | --conllu FILE",
                 "tags, lemmas and dependency trees as CoNLL-U", f, RunParse};
}

}  // namespace tkg::cli
