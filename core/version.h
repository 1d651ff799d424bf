// The version of tkg, shown by `tkg --version` and recorded with every
// stored document (with the fingerprint of the extraction data files).

#ifndef TKG_CORE_VERSION_H_
#define TKG_CORE_VERSION_H_

namespace tkg {

inline constexpr const char* kTkgVersion = "0.1.0";

}  // namespace tkg

#endif  // TKG_CORE_VERSION_H_
