// Rendering DOT through Graphviz's `dot` program (Debian package graphviz):
// `tkg export svg|png` pipes the DOT text into `dot -T<format>`.

#ifndef TKG_EXPORT_RENDER_H_
#define TKG_EXPORT_RENDER_H_

#include <string>
#include <string_view>

#include "core/result.h"

namespace tkg {

// Runs `dot -T<format>` (format "svg" or "png") on `dot_text` and returns its
// output. Fails with NotFound "Graphviz 'dot' is not installed (apt-get
// install graphviz)" when the program is missing, and with IoError carrying
// dot's stderr when it fails. `dot_program` overrides the program (tests).
Result<std::string> RenderDot(std::string_view dot_text, std::string_view format,
                              const std::string& dot_program = "dot");

}  // namespace tkg

#endif  // TKG_EXPORT_RENDER_H_
