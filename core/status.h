// Status: the outcome of an operation that can fail for reasons the caller
// should handle (bad input, a missing file, a storage error, a busy database).
// Programming errors are assert()s, not Statuses.
//
// An OK Status carries no message and costs one byte of state. Errors carry a
// Code and a human-readable message that already names its location
// ("file.jsonl:12: ...", "doc-id@345: ..."), so callers can print it as is.
//
// Status is [[nodiscard]]: dropping one on purpose must be written
// `(void)expr;` with a comment, which keeps the drop greppable.
//
// Thread-safety: a Status is a value; distinct objects may be used from
// distinct threads.

#ifndef TKG_CORE_STATUS_H_
#define TKG_CORE_STATUS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace tkg {

class [[nodiscard]] Status {
 public:
  enum class Code : std::uint8_t {
    kOk = 0,
    kInvalidArgument,  // malformed input: bad JSON, invalid UTF-8, a bad date
    kNotFound,         // a file, key or entity is absent
    kCorruption,       // stored bytes do not decode
    kIoError,          // filesystem or RocksDB I/O failure
    kBusy,             // a resource (the database) is held by another process
    kUsage,            // bad command-line usage (exit status 2)
    kUnsupported,      // a feature or format this build does not handle
  };

  // The OK status.
  Status() = default;

  static Status InvalidArgument(std::string msg) {
    return {Code::kInvalidArgument, std::move(msg)};
  }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {Code::kCorruption, std::move(msg)}; }
  static Status IoError(std::string msg) { return {Code::kIoError, std::move(msg)}; }
  static Status Busy(std::string msg) { return {Code::kBusy, std::move(msg)}; }
  static Status Usage(std::string msg) { return {Code::kUsage, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {Code::kUnsupported, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsIoError() const { return code_ == Code::kIoError; }
  bool IsBusy() const { return code_ == Code::kBusy; }
  bool IsUsage() const { return code_ == Code::kUsage; }

  Code code() const { return code_; }
  // The message without the code name; empty for OK.
  const std::string& message() const { return message_; }

  // "OK", or "<CodeName>: <message>", e.g. "NotFound: no such file: a.txt".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>"; OK stays OK.
  Status WithPrefix(std::string_view prefix) const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// The name of a code, as printed by ToString(): "InvalidArgument", ...
std::string_view CodeName(Status::Code code);

}  // namespace tkg

// Evaluates `expr` (a Status) and returns it from the current function if it
// is not OK.
#define TKG_RETURN_IF_ERROR(expr)                                \
  do {                                                           \
    if (::tkg::Status tkg_status_ = (expr); !tkg_status_.ok()) { \
      return tkg_status_;                                        \
    }                                                            \
  } while (0)

#endif  // TKG_CORE_STATUS_H_
