// JsonWriter: a small streaming JSON writer for the hot output path of
// `tkg extract` (one line per document, tens of MB per second). It appends
// compact JSON to a string without building a tree, escaping strings exactly
// as nlohmann::json's dump() does (", \, \b \f \n \r \t, other control
// characters as \u00XX; UTF-8 kept as is).
//
// REQUIRES: calls are well nested (Begin/End pairs, Key before each object
// member); strings are valid UTF-8.

#ifndef TKG_EXTRACT_IO_JSON_WRITER_H_
#define TKG_EXTRACT_IO_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tkg {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);

  void String(std::string_view s);
  void Null() { Value("null"); }
  void Bool(bool b) { Value(b ? "true" : "false"); }
  void Uint(std::uint64_t v);
  // A number rounded to two decimals, written as nlohmann writes it
  // (0.7, 0.85, 1.0).
  void Fixed2(double v);
  // A pre-serialised JSON value.
  void Raw(std::string_view json) { Value(json); }

  // Shorthands for object members.
  void Member(std::string_view key, std::string_view s) {
    Key(key);
    String(s);
  }
  void MemberUint(std::string_view key, std::uint64_t v) {
    Key(key);
    Uint(v);
  }
  // `s` as a string, or null when empty.
  void MemberOrNull(std::string_view key, std::string_view s) {
    Key(key);
    if (s.empty()) {
      Null();
    } else {
      String(s);
    }
  }

  // Appends `s` escaped, without quotes.
  static void Escape(std::string_view s, std::string* out);

 private:
  void Separator();
  void Value(std::string_view text) {
    Separator();
    out_->append(text);
  }
  void Open(char c) {
    Separator();
    out_->push_back(c);
    first_.push_back(true);
  }
  void Close(char c) {
    out_->push_back(c);
    first_.pop_back();
  }

  std::string* out_;
  std::vector<bool> first_;  // per open container: no member written yet
  bool after_key_ = false;
};

}  // namespace tkg

#endif  // TKG_EXTRACT_IO_JSON_WRITER_H_
