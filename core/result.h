// Result<T>: a value of type T, or a non-OK Status saying why there is none.
// It plays the role of std::expected<T, Status>, which this toolchain only
// offers under -std=c++23 (and clang-tidy 14 cannot parse).
//
//   Result<Document> r = ReadDocument(path);
//   if (!r.ok()) return r.status();
//   Use(*r);
//
// REQUIRES for value()/operator*/operator->: ok(). Calling them on an error is
// a programming error and asserts.

#ifndef TKG_CORE_RESULT_H_
#define TKG_CORE_RESULT_H_

#include <cassert>
#include <optional>
#include <type_traits>
#include <utility>

#include "core/status.h"

namespace tkg {

template <typename T>
class [[nodiscard]] Result {
 public:
  // A successful result holding `value`.
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  // A failed result. REQUIRES: !status.ok().
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!status_.ok());
  }

  bool ok() const { return value_.has_value(); }
  // OK when a value is held, the error otherwise.
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace tkg

// Declares `lhs` from a Result-returning `expr`, or returns its Status.
#define TKG_ASSIGN_OR_RETURN(lhs, expr)                 \
  auto TKG_CONCAT_(tkg_result_, __LINE__) = (expr);     \
  if (!TKG_CONCAT_(tkg_result_, __LINE__).ok())         \
    return TKG_CONCAT_(tkg_result_, __LINE__).status(); \
  lhs = std::move(TKG_CONCAT_(tkg_result_, __LINE__)).value()

#define TKG_CONCAT_INNER_(a, b) a##b
#define TKG_CONCAT_(a, b) TKG_CONCAT_INNER_(a, b)

#endif  // TKG_CORE_RESULT_H_
