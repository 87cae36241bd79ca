#include "store/remote/wire.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include <sodium.h>
#include <nlohmann/json.hpp>

#include "store/internal/records.hpp"

namespace foresight::store::wire {
namespace wire_codec {

using Json = nlohmann::json;

// A document that does not have the protocol's shape: thrown inside a decoder, returned by
// its public function as kInvalidArgument naming the field.
struct Malformed {
  std::string field;
  std::string what;
};

[[noreturn]] void Throw(std::string field, std::string what) {
  throw Malformed{std::move(field), std::move(what)};
}

Json Parse(std::string_view text) {
  Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded()) Throw("", "is not JSON");
  return json;
}

template <typename T, typename F>
Result<T> Decoding(std::string_view text, F decode) {
  try {
    return decode(Parse(text));
  } catch (const Malformed& m) {
    std::string message = m.field.empty()
                              ? fmt::format("the store data {}", m.what)
                              : fmt::format("the store data's '{}' {}", m.field, m.what);
    Error error(ErrorCode::kInvalidArgument, message);
    if (!m.field.empty()) return Fail(std::move(error).WithField(m.field));
    return Fail(error);
  } catch (const std::exception& e) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("the store data is malformed: {}", e.what()));
  }
}

std::string Joined(std::string_view where, std::string_view key) {
  return where.empty() ? std::string(key) : fmt::format("{}.{}", where, key);
}

std::string Indexed(std::string_view where, size_t i) { return fmt::format("{}[{}]", where, i); }

const Json& Object(const Json& json, std::string_view where) {
  if (!json.is_object()) Throw(std::string(where), "must be a JSON object");
  return json;
}

const Json& Array(const Json& json, std::string_view where) {
  if (!json.is_array()) Throw(std::string(where), "must be a list");
  return json;
}

// The member `key` of `object`; a missing member is null.
const Json& At(const Json& object, std::string_view key) {
  static const Json null_value;
  const auto found = object.find(key);
  return found == object.end() ? null_value : *found;
}

std::string Text(const Json& json, const std::string& where) {
  if (!json.is_string()) Throw(where, "must be a string");
  return json.get<std::string>();
}

std::string TextOf(const Json& object, std::string_view where, std::string_view key) {
  return Text(At(object, key), Joined(where, key));
}

double Number(const Json& json, const std::string& where) {
  if (!json.is_number()) Throw(where, "must be a number");
  const double value = json.get<double>();
  if (!std::isfinite(value)) Throw(where, "must be a finite number");
  return value;
}

int64_t Whole(const Json& json, const std::string& where, int64_t low, int64_t high) {
  if (!json.is_number_integer()) Throw(where, "must be a whole number");
  if (json.is_number_unsigned() && json.get<uint64_t>() > static_cast<uint64_t>(high)) {
    Throw(where, fmt::format("must be between {} and {}", low, high));
  }
  const auto value = json.get<int64_t>();
  if (value < low || value > high) {
    Throw(where, fmt::format("must be between {} and {}", low, high));
  }
  return value;
}

// Long columns travel packed: {"f64": BASE64} (little-endian IEEE 754 doubles), {"i32":
// BASE64} (little-endian int32), {"str": BASE64} (each string as a little-endian uint32 length
// and its bytes). Decoding a list of a million JSON numbers costs about 20 times more than
// its base64. A list is read too (a document written by hand, or by another client).
static_assert(std::endian::native == std::endian::little, "the packed columns are little-endian");

// Base64 is libsodium's (the original alphabet, with padding), as for the tokens.
std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the terminating NUL
  return out;
}

std::string Unbase64(std::string_view text, const std::string& where) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    Throw(where, "is not base64");
  }
  out.resize(length);
  return out;
}

template <typename T>
Json Packed(const char* kind, const std::vector<T>& values) {
  return Json{{kind, Base64(std::string_view(reinterpret_cast<const char*>(values.data()),
                                             values.size() * sizeof(T)))}};
}

Json PackedTexts(const std::vector<std::string>& values) {
  std::string bytes;
  size_t total = 0;
  for (const std::string& v : values) total += sizeof(uint32_t) + v.size();
  bytes.reserve(total);
  for (const std::string& v : values) {
    const auto size = static_cast<uint32_t>(v.size());
    bytes.append(reinterpret_cast<const char*>(&size), sizeof size);
    bytes += v;
  }
  return Json{{"str", Base64(bytes)}};
}

// The bytes of a packed column of `kind`, or nullopt when `json` is not one.
std::optional<std::string> Unpacked(const Json& json, const char* kind, const std::string& where,
                                    size_t width) {
  if (!json.is_object()) return std::nullopt;
  if (json.size() != 1 || !json.contains(kind) || !json[kind].is_string()) {
    Throw(where, fmt::format(R"(must be a list, or {{"{}": BASE64}})", kind));
  }
  std::string bytes = Unbase64(json[kind].get_ref<const std::string&>(), where);
  if (bytes.size() % width != 0) {
    Throw(where,
          fmt::format("holds {} bytes, not a whole number of {}-byte values", bytes.size(), width));
  }
  return bytes;
}

std::vector<std::string> Texts(const Json& json, const std::string& where) {
  if (auto bytes = Unpacked(json, "str", where, 1)) {
    std::vector<std::string> out;
    size_t at = 0;
    while (at < bytes->size()) {
      uint32_t size = 0;
      if (bytes->size() - at < sizeof size) Throw(Indexed(where, out.size()), "is cut short");
      std::memcpy(&size, bytes->data() + at, sizeof size);
      at += sizeof size;
      if (bytes->size() - at < size) Throw(Indexed(where, out.size()), "is cut short");
      out.emplace_back(bytes->data() + at, size);
      at += size;
    }
    return out;
  }
  Array(json, where);
  std::vector<std::string> out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) out.push_back(Text(json[i], Indexed(where, i)));
  return out;
}

std::vector<double> Numbers(const Json& json, const std::string& where) {
  if (auto bytes = Unpacked(json, "f64", where, sizeof(double))) {
    std::vector<double> out(bytes->size() / sizeof(double));
    if (!out.empty()) std::memcpy(out.data(), bytes->data(), bytes->size());
    for (size_t i = 0; i < out.size(); ++i) {
      if (!std::isfinite(out[i])) Throw(Indexed(where, i), "must be a finite number");
    }
    return out;
  }
  Array(json, where);
  std::vector<double> out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) out.push_back(Number(json[i], Indexed(where, i)));
  return out;
}

std::vector<int32_t> Codes(const Json& json, const std::string& where) {
  if (auto bytes = Unpacked(json, "i32", where, sizeof(int32_t))) {
    std::vector<int32_t> out(bytes->size() / sizeof(int32_t));
    if (!out.empty()) std::memcpy(out.data(), bytes->data(), bytes->size());
    for (size_t i = 0; i < out.size(); ++i) {
      if (out[i] < 0) {
        Throw(Indexed(where, i),
              fmt::format("must be between 0 and {}", std::numeric_limits<int32_t>::max()));
      }
    }
    return out;
  }
  Array(json, where);
  std::vector<int32_t> out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    out.push_back(static_cast<int32_t>(
        Whole(json[i], Indexed(where, i), 0, std::numeric_limits<int32_t>::max())));
  }
  return out;
}

Json PairsJson(const std::vector<std::pair<std::string, std::string>>& pairs) {
  Json out = Json::array();
  for (const auto& [key, value] : pairs) out.push_back(Json::array({key, value}));
  return out;
}

std::vector<std::pair<std::string, std::string>> Pairs(const Json& json, const std::string& where) {
  Array(json, where);
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    const std::string item = Indexed(where, i);
    if (!json[i].is_array() || json[i].size() != 2) Throw(item, "must be a [key, value] pair");
    out.emplace_back(Text(json[i][0], item + "[0]"), Text(json[i][1], item + "[1]"));
  }
  return out;
}

std::string TaskName(core::EvalTask task) { return std::string(core::EvalTaskName(task)); }

core::EvalTask Task(const Json& object, std::string_view where) {
  const std::string field = Joined(where, "task");
  const auto task = core::ParseEvalTask(Text(At(object, "task"), field));
  if (!task) Throw(field, "must be binary, multiclass or regression");
  return *task;
}

Json OptionalNumber(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

std::optional<double> OptionalNumberOf(const Json& object, std::string_view where,
                                       std::string_view key) {
  const Json& value = At(object, key);
  if (value.is_null()) return std::nullopt;
  return Number(value, Joined(where, key));
}

std::optional<int64_t> OptionalWholeOf(const Json& object, std::string_view where,
                                       std::string_view key) {
  const Json& value = At(object, key);
  if (value.is_null()) return std::nullopt;
  return Whole(value, Joined(where, key), std::numeric_limits<int64_t>::min(),
               std::numeric_limits<int64_t>::max());
}

Json EvalSetJson(const core::EvalSet& e) {
  Json slices = Json::array();
  for (const core::SliceColumn& s : e.slices) {
    slices.push_back(
        Json{{"name", s.name}, {"levels", s.levels}, {"codes", Packed("i32", s.codes)}});
  }
  return Json{{"name", e.name},
              {"task", TaskName(e.task)},
              {"ids", PackedTexts(e.ids)},
              {"labels", Packed("i32", e.labels)},
              {"classes", e.classes},
              {"targets", Packed("f64", e.targets)},
              {"slices", slices},
              {"source", e.source},
              {"created_at", e.created_at}};
}

core::EvalSet EvalSetOf(const Json& json, std::string_view where) {
  Object(json, where);
  core::EvalSet e;
  e.name = TextOf(json, where, "name");
  e.task = Task(json, where);
  e.ids = Texts(At(json, "ids"), Joined(where, "ids"));
  e.labels = Codes(At(json, "labels"), Joined(where, "labels"));
  e.classes = Texts(At(json, "classes"), Joined(where, "classes"));
  e.targets = Numbers(At(json, "targets"), Joined(where, "targets"));
  const std::string slices_where = Joined(where, "slices");
  const Json& slices = Array(At(json, "slices"), slices_where);
  for (size_t i = 0; i < slices.size(); ++i) {
    const std::string item = Indexed(slices_where, i);
    Object(slices[i], item);
    e.slices.push_back(core::SliceColumn{TextOf(slices[i], item, "name"),
                                         Texts(At(slices[i], "levels"), Joined(item, "levels")),
                                         Codes(At(slices[i], "codes"), Joined(item, "codes"))});
  }
  e.source = TextOf(json, where, "source");
  e.created_at = TextOf(json, where, "created_at");
  return e;
}

Json RunJson(const core::Run& r) {
  return Json{{"name", r.name},
              {"evalset", r.evalset},
              {"method", r.method},
              {"train_size", r.train_size ? Json(*r.train_size) : Json(nullptr)},
              {"effort_hours", OptionalNumber(r.effort_hours)},
              {"params", PairsJson(r.params)},
              {"tags", PairsJson(r.tags)},
              {"predictions", Packed("f64", r.predictions)},
              {"created_at", r.created_at}};
}

core::Run RunOf(const Json& json, std::string_view where) {
  Object(json, where);
  core::Run r;
  r.name = TextOf(json, where, "name");
  r.evalset = TextOf(json, where, "evalset");
  r.method = TextOf(json, where, "method");
  r.train_size = OptionalWholeOf(json, where, "train_size");
  r.effort_hours = OptionalNumberOf(json, where, "effort_hours");
  r.params = Pairs(At(json, "params"), Joined(where, "params"));
  r.tags = Pairs(At(json, "tags"), Joined(where, "tags"));
  r.predictions = Numbers(At(json, "predictions"), Joined(where, "predictions"));
  r.created_at = TextOf(json, where, "created_at");
  return r;
}

Json CriteriaJson(const core::CriteriaVersion& v) {
  return Json{{"charter_hash", v.charter_hash},
              {"metric", v.metric},
              {"threshold", OptionalNumber(v.threshold)},
              {"confidence", OptionalNumber(v.confidence)},
              {"seen_at", v.seen_at}};
}

core::CriteriaVersion CriteriaOf(const Json& json, const std::string& where) {
  Object(json, where);
  return core::CriteriaVersion{TextOf(json, where, "charter_hash"), TextOf(json, where, "metric"),
                               OptionalNumberOf(json, where, "threshold"),
                               OptionalNumberOf(json, where, "confidence"),
                               TextOf(json, where, "seen_at")};
}

std::vector<core::CriteriaVersion> CriteriaListOf(const Json& json) {
  Array(json, "versions");
  std::vector<core::CriteriaVersion> out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    out.push_back(CriteriaOf(json[i], Indexed("versions", i)));
  }
  return out;
}

Json PlanEventJson(const core::PlanEvent& e) {
  const auto kind = internal::PlanEventKindName(e.kind);
  return Json{{"id", e.id},
              {"method", e.method},
              {"kind", kind ? std::string(*kind) : std::string()},
              {"on", e.on},
              {"optimistic", OptionalNumber(e.optimistic)},
              {"likely", OptionalNumber(e.likely)},
              {"pessimistic", OptionalNumber(e.pessimistic)},
              {"role", e.role},
              {"effort", OptionalNumber(e.effort)},
              {"note", e.note},
              {"recorded_at", e.recorded_at}};
}

core::PlanEvent PlanEventOf(const Json& json, const std::string& where) {
  Object(json, where);
  core::PlanEvent e;
  e.id = Whole(At(json, "id"), Joined(where, "id"), 0, std::numeric_limits<int64_t>::max());
  e.method = TextOf(json, where, "method");
  const std::string kind_field = Joined(where, "kind");
  const auto kind = internal::ParsePlanEventKind(Text(At(json, "kind"), kind_field));
  if (!kind) Throw(kind_field, "must be estimated, removed, started, logged, finished or dropped");
  e.kind = *kind;
  e.on = TextOf(json, where, "on");
  e.optimistic = OptionalNumberOf(json, where, "optimistic");
  e.likely = OptionalNumberOf(json, where, "likely");
  e.pessimistic = OptionalNumberOf(json, where, "pessimistic");
  e.role = TextOf(json, where, "role");
  e.effort = OptionalNumberOf(json, where, "effort");
  e.note = TextOf(json, where, "note");
  e.recorded_at = TextOf(json, where, "recorded_at");
  return e;
}

std::string Dumped(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace wire_codec

using wire_codec::Decoding;
using wire_codec::Dumped;
using wire_codec::Json;

std::string EncodeEvalSet(const core::EvalSet& evalset) {
  return Dumped(wire_codec::EvalSetJson(evalset));
}

Result<core::EvalSet> DecodeEvalSet(std::string_view text) {
  return Decoding<core::EvalSet>(text,
                                 [](const Json& json) { return wire_codec::EvalSetOf(json, ""); });
}

std::string EncodeRun(const core::Run& run) { return Dumped(wire_codec::RunJson(run)); }

Result<core::Run> DecodeRun(std::string_view text) {
  return Decoding<core::Run>(text, [](const Json& json) { return wire_codec::RunOf(json, ""); });
}

std::string EncodeBundle(const core::EvalSet& evalset, const std::vector<core::Run>& runs) {
  Json list = Json::array();
  for (const core::Run& r : runs) list.push_back(wire_codec::RunJson(r));
  return Dumped(Json{{"evalset", wire_codec::EvalSetJson(evalset)}, {"runs", list}});
}

Result<Bundle> DecodeBundle(std::string_view text) {
  return Decoding<Bundle>(text, [](const Json& json) {
    wire_codec::Object(json, "");
    Bundle bundle;
    bundle.evalset = wire_codec::EvalSetOf(wire_codec::At(json, "evalset"), "evalset");
    const Json& runs = wire_codec::Array(wire_codec::At(json, "runs"), "runs");
    bundle.runs.reserve(runs.size());
    for (size_t i = 0; i < runs.size(); ++i) {
      bundle.runs.push_back(wire_codec::RunOf(runs[i], wire_codec::Indexed("runs", i)));
    }
    return bundle;
  });
}

std::string EncodeEvalSetInfos(const std::vector<core::EvalSetInfo>& sets) {
  Json list = Json::array();
  for (const core::EvalSetInfo& s : sets) {
    list.push_back(Json{{"name", s.name},
                        {"task", wire_codec::TaskName(s.task)},
                        {"rows", s.rows},
                        {"classes", s.classes},
                        {"slices", s.slices},
                        {"created_at", s.created_at}});
  }
  return Dumped(Json{{"evalsets", list}});
}

Result<std::vector<core::EvalSetInfo>> DecodeEvalSetInfos(std::string_view text) {
  return Decoding<std::vector<core::EvalSetInfo>>(text, [](const Json& json) {
    using namespace wire_codec;  // NOLINT(google-build-using-namespace): the decoder's helpers
    Object(json, "");
    const Json& list = Array(At(json, "evalsets"), "evalsets");
    std::vector<core::EvalSetInfo> out;
    out.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string where = Indexed("evalsets", i);
      Object(list[i], where);
      core::EvalSetInfo s;
      s.name = TextOf(list[i], where, "name");
      s.task = Task(list[i], where);
      s.rows = static_cast<size_t>(Whole(At(list[i], "rows"), Joined(where, "rows"), 0,
                                         std::numeric_limits<int64_t>::max()));
      s.classes = Texts(At(list[i], "classes"), Joined(where, "classes"));
      s.slices = Texts(At(list[i], "slices"), Joined(where, "slices"));
      s.created_at = TextOf(list[i], where, "created_at");
      out.push_back(std::move(s));
    }
    return out;
  });
}

std::string EncodeRunPage(const RunPage& page) {
  Json list = Json::array();
  for (const core::RunInfo& r : page.runs) {
    list.push_back(Json{{"name", r.name},
                        {"evalset", r.evalset},
                        {"method", r.method},
                        {"train_size", r.train_size ? Json(*r.train_size) : Json(nullptr)},
                        {"effort_hours", wire_codec::OptionalNumber(r.effort_hours)},
                        {"params", wire_codec::PairsJson(r.params)},
                        {"tags", wire_codec::PairsJson(r.tags)},
                        {"created_at", r.created_at}});
  }
  Json out{{"runs", std::move(list)}};
  if (page.next_offset) out["next_offset"] = *page.next_offset;
  return Dumped(out);
}

Result<RunPage> DecodeRunPage(std::string_view text) {
  return Decoding<RunPage>(text, [](const Json& json) {
    using namespace wire_codec;  // NOLINT(google-build-using-namespace): the decoder's helpers
    Object(json, "");
    const Json& list = Array(At(json, "runs"), "runs");
    RunPage out;
    out.runs.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string where = Indexed("runs", i);
      Object(list[i], where);
      core::RunInfo r;
      r.name = TextOf(list[i], where, "name");
      r.evalset = TextOf(list[i], where, "evalset");
      r.method = TextOf(list[i], where, "method");
      r.train_size = OptionalWholeOf(list[i], where, "train_size");
      r.effort_hours = OptionalNumberOf(list[i], where, "effort_hours");
      r.params = Pairs(At(list[i], "params"), Joined(where, "params"));
      r.tags = Pairs(At(list[i], "tags"), Joined(where, "tags"));
      r.created_at = TextOf(list[i], where, "created_at");
      out.runs.push_back(std::move(r));
    }
    if (json.contains("next_offset")) {
      out.next_offset = static_cast<size_t>(
          Whole(json["next_offset"], "next_offset", 1, std::numeric_limits<int64_t>::max()));
    }
    return out;
  });
}

std::string EncodeCriteria(const std::vector<core::CriteriaVersion>& versions) {
  Json list = Json::array();
  for (const core::CriteriaVersion& v : versions) list.push_back(wire_codec::CriteriaJson(v));
  return Dumped(Json{{"versions", list}});
}

Result<std::vector<core::CriteriaVersion>> DecodeCriteria(std::string_view text) {
  return Decoding<std::vector<core::CriteriaVersion>>(text, [](const Json& json) {
    wire_codec::Object(json, "");
    return wire_codec::CriteriaListOf(wire_codec::At(json, "versions"));
  });
}

std::string EncodeCriteriaVersion(const std::optional<core::CriteriaVersion>& version) {
  return EncodeCriteria(version ? std::vector<core::CriteriaVersion>{*version}
                                : std::vector<core::CriteriaVersion>{});
}

Result<std::optional<core::CriteriaVersion>> DecodeCriteriaVersion(std::string_view text) {
  return Decoding<std::optional<core::CriteriaVersion>>(text, [](const Json& json) {
    wire_codec::Object(json, "");
    auto list = wire_codec::CriteriaListOf(wire_codec::At(json, "versions"));
    if (list.size() > 1) wire_codec::Throw("versions", "must hold at most one version");
    return list.empty() ? std::optional<core::CriteriaVersion>() : std::optional(list.front());
  });
}

std::string EncodePlanEvents(const std::vector<core::PlanEvent>& events) {
  Json list = Json::array();
  for (const core::PlanEvent& e : events) list.push_back(wire_codec::PlanEventJson(e));
  return Dumped(Json{{"events", list}});
}

Result<std::vector<core::PlanEvent>> DecodePlanEvents(std::string_view text) {
  return Decoding<std::vector<core::PlanEvent>>(text, [](const Json& json) {
    wire_codec::Object(json, "");
    const Json& list = wire_codec::Array(wire_codec::At(json, "events"), "events");
    std::vector<core::PlanEvent> out;
    out.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      out.push_back(wire_codec::PlanEventOf(list[i], wire_codec::Indexed("events", i)));
    }
    return out;
  });
}

std::string EncodeCacheValues(const std::vector<std::optional<std::string>>& values) {
  Json list = Json::array();
  for (const auto& v : values) list.push_back(v ? Json(*v) : Json(nullptr));
  return Dumped(Json{{"values", list}});
}

Result<std::vector<std::optional<std::string>>> DecodeCacheValues(std::string_view text) {
  return Decoding<std::vector<std::optional<std::string>>>(text, [](const Json& json) {
    wire_codec::Object(json, "");
    const Json& list = wire_codec::Array(wire_codec::At(json, "values"), "values");
    std::vector<std::optional<std::string>> out;
    out.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      if (list[i].is_null()) {
        out.emplace_back();
      } else {
        out.emplace_back(wire_codec::Text(list[i], wire_codec::Indexed("values", i)));
      }
    }
    return out;
  });
}

}  // namespace foresight::store::wire
