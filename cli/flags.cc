#include "cli/flags.h"

#include <charconv>

namespace tkg::cli {

Result<Flags> Flags::Parse(const std::vector<std::string>& args,
                           const std::vector<FlagSpec>& specs) {
  Flags f;
  auto find = [&](std::string_view name) -> const FlagSpec* {
    for (const FlagSpec& s : specs) {
      if (s.name == name) return &s;
    }
    return nullptr;
  };
  auto find_short = [&](char c) -> const FlagSpec* {
    for (const FlagSpec& s : specs) {
      if (s.short_name == c) return &s;
    }
    return nullptr;
  };
  bool only_positional = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_positional || a == "-" || a.empty() || a[0] != '-') {
      f.positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    const FlagSpec* spec = nullptr;
    std::string value;
    bool has_inline = false;
    if (a.rfind("--", 0) == 0) {
      std::string body = a.substr(2);
      std::size_t eq = body.find('=');
      if (eq != std::string::npos) {
        value = body.substr(eq + 1);
        body.resize(eq);
        has_inline = true;
      }
      spec = find(body);
      if (spec == nullptr) return Status::Usage("unknown flag --" + body);
    } else {
      if (a.size() != 2) return Status::Usage("unknown flag " + a);
      spec = find_short(a[1]);
      if (spec == nullptr) return Status::Usage("unknown flag " + a);
    }
    if (spec->takes_value) {
      if (!has_inline) {
        if (i + 1 >= args.size()) return Status::Usage("flag --" + spec->name + " needs a value");
        value = args[++i];
      }
    } else if (has_inline) {
      return Status::Usage("flag --" + spec->name + " takes no value");
    }
    auto& v = f.values_[spec->name];
    if (!v.empty() && !spec->repeatable && spec->takes_value) {
      return Status::Usage("flag --" + spec->name + " given twice");
    }
    v.push_back(value);
  }
  return f;
}

std::string Flags::Get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return fallback;
  return it->second.back();
}

const std::vector<std::string>& Flags::GetAll(const std::string& name) const {
  static const std::vector<std::string> kEmpty;
  auto it = values_.find(name);
  return it == values_.end() ? kEmpty : it->second;
}

Result<long> Flags::GetInt(const std::string& name, long fallback, long min, long max) const {
  if (!Has(name)) return fallback;
  std::string v = Get(name);
  long out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || p != v.data() + v.size() || out < min || out > max) {
    return Status::Usage("--" + name + " must be an integer from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", not '" + v + "'");
  }
  return out;
}

std::string FlagHelp(const std::vector<FlagSpec>& specs) {
  std::string out;
  for (const FlagSpec& s : specs) {
    std::string left = "  ";
    if (s.short_name != 0) {
      left += "-";
      left += s.short_name;
      left += ", ";
    }
    left += "--" + s.name;
    if (s.takes_value) left += " " + (s.value_name.empty() ? std::string("X") : s.value_name);
    if (left.size() < 26)
      left.resize(26, ' ');
    else
      left += "  ";
    out += left + s.help + "\n";
  }
  return out;
}

}  // namespace tkg::cli
