#include "table/table.hpp"

#include <charconv>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "base/strings.hpp"
#include "table/internal/arff.hpp"
#include "table/internal/text_check.hpp"
#include "table/problems.hpp"

namespace foresight::table {

// Builds a Table and reports problems; one instance per ReadTable call.
class TableBuilder {
 public:
  TableBuilder(const SourceFile& file, diag::DiagnosticSink& sink, const ReadFilters& filters)
      : file_(file), sink_(sink), keep_(filters.record), column_(filters.column) {}

  std::optional<Table> ReadCsv();
  std::optional<Table> ReadJsonLines();

 private:
  struct Field {
    std::string_view text;
    uint32_t offset = 0;
  };

  void Error(uint32_t offset, std::string message, std::string help) {
    sink_.Add(InputProblem(file_, offset, std::move(message), std::move(help)));
    failed_ = true;
  }
  bool CheckText();
  // Parses one CSV record starting at pos_; false at end of input or on error.
  bool NextRecord(std::vector<Field>& fields);
  std::string_view Store(std::string text) {
    table_.arena_.push_back(std::move(text));
    return table_.arena_.back();
  }
  bool SetColumns(std::vector<std::string> names, const std::vector<uint32_t>& offsets);

  const SourceFile& file_;
  diag::DiagnosticSink& sink_;
  const RecordFilter& keep_;
  const ColumnFilter& column_;
  Table table_;
  size_t pos_ = 0;
  bool failed_ = false;
};

bool TableBuilder::CheckText() {
  const auto problem =
      CheckTableText(file_.text(), "CSV or JSON Lines", "the first line must name the columns",
                     "export the table as UTF-8 CSV or JSON Lines");
  if (!problem) return true;
  Error(problem->offset, problem->message, problem->help);
  return false;
}

bool TableBuilder::SetColumns(std::vector<std::string> names,
                              const std::vector<uint32_t>& offsets) {
  std::unordered_map<std::string, size_t> seen;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) {
      Error(offsets[i], fmt::format("column {} has no name", i + 1),
            "name every column in the header");
    } else if (auto [it, inserted] = seen.emplace(names[i], i); !inserted) {
      Error(offsets[i], fmt::format("duplicate column name '{}'", names[i]),
            "give every column a distinct name");
    }
  }
  table_.columns_ = std::move(names);
  table_.KeepColumns(column_);
  return !failed_;
}

bool TableBuilder::NextRecord(std::vector<Field>& fields) {
  const std::string& text = file_.text();
  fields.clear();
  // Skip blank lines between records.
  while (pos_ < text.size() && (text[pos_] == '\n' || text[pos_] == '\r')) ++pos_;
  if (pos_ >= text.size()) return false;
  while (true) {
    Field field;
    field.offset = static_cast<uint32_t>(pos_);
    if (pos_ < text.size() && text[pos_] == '"') {
      const size_t open = pos_++;
      std::string unescaped;
      bool escaped = false;
      size_t start = pos_;
      while (true) {
        const size_t quote = text.find('"', pos_);
        if (quote == std::string::npos) {
          Error(static_cast<uint32_t>(open), "this quoted field is never closed",
                "close the quote; a quote inside a quoted field is written twice (\"\")");
          return false;
        }
        if (quote + 1 < text.size() && text[quote + 1] == '"') {
          unescaped.append(text, start, quote + 1 - start);
          pos_ = quote + 2;
          start = pos_;
          escaped = true;
          continue;
        }
        unescaped.append(text, start, quote - start);
        field.text = escaped ? Store(std::move(unescaped))
                             : std::string_view(text).substr(open + 1, quote - open - 1);
        pos_ = quote + 1;
        break;
      }
      if (pos_ < text.size() && text[pos_] != ',' && text[pos_] != '\n' && text[pos_] != '\r') {
        Error(static_cast<uint32_t>(pos_), "unexpected text after a closing quote",
              "a quoted field must end at a comma or the end of the line");
        return false;
      }
    } else {
      const size_t end = text.find_first_of(",\r\n", pos_);
      const size_t stop = end == std::string::npos ? text.size() : end;
      field.text = std::string_view(text).substr(pos_, stop - pos_);
      pos_ = stop;
    }
    fields.push_back(field);
    if (pos_ >= text.size()) return true;
    if (text[pos_] == ',') {
      ++pos_;
      continue;
    }
    if (text[pos_] == '\r') ++pos_;
    if (pos_ < text.size() && text[pos_] == '\n') ++pos_;
    return true;
  }
}

// A UTF-8 byte-order mark, which spreadsheets write at the start of "CSV UTF-8": not part of
// the first column's name.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::optional<Table> TableBuilder::ReadCsv() {
  if (!CheckText()) return std::nullopt;
  if (std::string_view(file_.text()).substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    pos_ = kByteOrderMark.size();
  }
  std::vector<Field> fields;
  if (!NextRecord(fields)) return std::nullopt;
  std::vector<std::string> names;
  std::vector<uint32_t> offsets;
  for (const Field& f : fields) {
    names.emplace_back(f.text);
    offsets.push_back(f.offset);
  }
  if (!SetColumns(std::move(names), offsets)) return std::nullopt;
  const size_t width = table_.columns_.size();
  std::vector<uint32_t> bad_rows;
  size_t bad_count = 0;
  size_t first_bad_fields = 0;
  size_t record = 0;  // well-formed records, for keep_
  while (true) {
    if (!NextRecord(fields)) break;
    if (fields.size() != width) {
      if (bad_rows.size() < 5) bad_rows.push_back(fields.front().offset);
      if (bad_count == 0) first_bad_fields = fields.size();
      ++bad_count;
      continue;
    }
    if (keep_) {
      if (!keep_(record)) {
        ++record;
        continue;
      }
      table_.records_.push_back(record++);
    }
    table_.row_offsets_.push_back(fields.front().offset);
    for (size_t c = 0; c < fields.size(); ++c) {
      if (!table_.Kept(c)) continue;
      table_.cells_.push_back(fields[c].text);
      table_.offsets_.push_back(fields[c].offset);
      table_.nulls_.push_back(false);
    }
  }
  if (failed_) return std::nullopt;
  if (bad_count > 0) {
    std::string lines;
    for (size_t i = 0; i < bad_rows.size(); ++i) {
      lines += (i ? ", " : "") + std::to_string(file_.LocationOf(bad_rows[i]).line);
    }
    const std::string more =
        bad_count > bad_rows.size() ? fmt::format(" and {} more", bad_count - bad_rows.size()) : "";
    Error(bad_rows.front(),
          fmt::format("{} row{} ha{} the wrong number of fields (line{} {}{}); the header has {}, "
                      "the first of them has {}",
                      bad_count, bad_count == 1 ? "" : "s", bad_count == 1 ? "s" : "ve",
                      bad_rows.size() == 1 ? "" : "s", lines, more, width, first_bad_fields),
          "quote fields that contain commas, and give every row one value per column");
    return std::nullopt;
  }
  if (table_.row_offsets_.empty()) {
    Error(0, "the file has a header but no rows", "add one row per example below the header");
    return std::nullopt;
  }
  return std::move(table_);
}

namespace {

// One line of JSON Lines read by parser events into its keys and scalar values, stopping at
// the first list or object inside it: a line nested ten million levels deep costs one step
// and no memory, where a whole parse would build every level first.
class FlatObject final : public nlohmann::json_sax<nlohmann::json> {
 public:
  enum class Problem { kNone, kSyntax, kUnreadable, kNotAnObject, kNested };
  Problem problem = Problem::kNone;
  size_t at = 0;        // kSyntax: the byte of the line where it went wrong
  std::string current;  // the key being read (kNested: the key whose value is nested)
  // In the line's order; nullopt for null. Numbers as nlohmann::json prints them.
  std::vector<std::pair<std::string, std::optional<std::string>>> values;

  bool null() override { return Scalar(std::nullopt); }
  bool boolean(bool value) override { return Scalar(value ? "true" : "false"); }
  bool number_integer(number_integer_t value) override { return Scalar(std::to_string(value)); }
  bool number_unsigned(number_unsigned_t value) override { return Scalar(std::to_string(value)); }
  bool number_float(number_float_t value, const string_t& /*text*/) override {
    return Scalar(nlohmann::json(value).dump());
  }
  bool string(string_t& value) override { return Scalar(std::move(value)); }
  bool binary(binary_t& /*value*/) override { return Scalar(std::nullopt); }
  bool start_object(std::size_t /*elements*/) override { return Open(); }
  bool start_array(std::size_t /*elements*/) override {
    if (depth_ == 0) return Stop(Problem::kNotAnObject);
    return Open();
  }
  bool key(string_t& name) override {
    current = std::move(name);
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool end_array() override { return true; }  // never reached: Open stops at depth 1
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& error) override {
    if (problem != Problem::kNone) return false;
    // 406: a number beyond what a double holds; the rest are syntax.
    problem = error.id == 406 ? Problem::kUnreadable : Problem::kSyntax;
    at = position > 0 ? position - 1 : 0;
    return false;
  }

 private:
  bool Open() {
    if (depth_ > 0) return Stop(Problem::kNested);
    ++depth_;
    return true;
  }
  bool Scalar(std::optional<std::string> value) {
    if (depth_ == 0) return Stop(Problem::kNotAnObject);
    values.emplace_back(current, std::move(value));
    return true;
  }
  bool Stop(Problem why) {
    problem = why;
    return false;
  }
  int depth_ = 0;
};

}  // namespace

std::optional<Table> TableBuilder::ReadJsonLines() {
  if (!CheckText()) return std::nullopt;
  const std::string& text = file_.text();
  struct Value {
    size_t column;
    std::string_view text;
    uint32_t offset;
    bool null;
  };
  std::vector<std::vector<Value>> rows;
  size_t record = 0;  // objects read, for keep_
  std::unordered_map<std::string, size_t> index;
  std::vector<std::string> names;
  size_t pos = std::string_view(text).substr(0, kByteOrderMark.size()) == kByteOrderMark
                   ? kByteOrderMark.size()
                   : 0;
  while (pos < text.size() && !failed_) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = std::string_view(text).substr(pos, end - pos);
    const auto line_offset = static_cast<uint32_t>(pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    FlatObject object;
    nlohmann::json::sax_parse(line, &object);
    switch (object.problem) {
      case FlatObject::Problem::kNone:
        break;
      case FlatObject::Problem::kSyntax:
        Error(line_offset + static_cast<uint32_t>(std::min(object.at, line.size())),
              "invalid JSON on this line",
              R"(each line must be one JSON object, e.g. {"id": 1, "label": 0})");
        break;
      case FlatObject::Problem::kUnreadable:
        // Not a syntax error but a value the parser cannot hold, e.g. a number beyond double.
        Error(line_offset, "this line holds a value that cannot be read (a number too large?)",
              "write numbers within the range of a double, or as strings");
        break;
      case FlatObject::Problem::kNotAnObject:
        Error(line_offset, "this line is not a JSON object", "write one {...} object per line");
        break;
      case FlatObject::Problem::kNested:
        Error(line_offset, fmt::format("the value of '{}' is a list or an object", object.current),
              "every value must be a number, a string, true, false or null");
        break;
    }
    if (failed_) break;
    std::vector<Value> row;
    for (auto& [key, value] : object.values) {
      auto [it, inserted] = index.emplace(key, names.size());
      if (inserted) names.push_back(key);
      if (column_ && !column_(key)) continue;  // named among the columns, not stored
      const bool null = !value.has_value();
      row.push_back(
          {it->second, null ? std::string_view() : Store(std::move(*value)), line_offset, null});
    }
    if (keep_) {
      if (!keep_(record)) {
        ++record;
        continue;
      }
      table_.records_.push_back(record++);
    }
    rows.push_back(std::move(row));
  }
  if (failed_) return std::nullopt;
  if (rows.empty()) {
    Error(0, "the file has no JSON objects", "write one JSON object per line");
    return std::nullopt;
  }
  table_.columns_ = std::move(names);
  table_.KeepColumns(column_);
  const size_t width = table_.Width();
  table_.cells_.assign(rows.size() * width, std::string_view());
  table_.offsets_.assign(rows.size() * width, 0);
  table_.nulls_.assign(rows.size() * width, true);
  for (size_t r = 0; r < rows.size(); ++r) {
    const uint32_t row_offset = rows[r].empty() ? 0 : rows[r].front().offset;
    table_.row_offsets_.push_back(row_offset);
    for (size_t c = 0; c < width; ++c) table_.offsets_[r * width + c] = row_offset;
    for (const Value& v : rows[r]) {
      table_.cells_[table_.At(r, v.column)] = v.text;
      table_.nulls_[table_.At(r, v.column)] = v.null;
    }
  }
  return std::move(table_);
}

std::optional<size_t> Table::Column(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == name) return i;
  }
  return std::nullopt;
}

std::optional<Table> ReadTable(const SourceFile& file, TableFormat format,
                               diag::DiagnosticSink& sink, const ReadFilters& filters) {
  TableBuilder builder(file, sink, filters);
  switch (format) {
    case TableFormat::kCsv:
      return builder.ReadCsv();
    case TableFormat::kJsonLines:
      return builder.ReadJsonLines();
    case TableFormat::kArff:
      return ReadArff(file, sink, filters);
  }
  return std::nullopt;
}

namespace {

// Fields of a CSV header line: commas outside double quotes, plus one.
size_t CsvFields(std::string_view line) {
  size_t fields = 1;
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) ++fields;
  }
  return fields;
}

bool Blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

TableShape EstimateShape(const SourceFile& file, TableFormat format) {
  const std::string_view text = file.text();
  TableShape shape;
  bool header_done = false;  // CSV: the header line; ARFF: the @data line
  size_t pos = text.substr(0, kByteOrderMark.size()) == kByteOrderMark ? kByteOrderMark.size() : 0;
  while (pos < text.size()) {
    const size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    switch (format) {
      case TableFormat::kCsv:
        if (!header_done) {
          shape.columns = CsvFields(line);
          header_done = true;
        } else if (!line.empty() && line != "\r") {
          ++shape.records;
        }
        break;
      case TableFormat::kJsonLines:
        if (Blank(line)) break;
        if (shape.records++ == 0) {
          try {
            const auto first = nlohmann::json::parse(line);
            if (first.is_object()) shape.columns = first.size();
          } catch (const nlohmann::json::exception&) {
            // The reader reports it, with its position.
          }
        }
        break;
      case TableFormat::kArff: {
        const size_t start = line.find_first_not_of(" \t");
        if (start == std::string_view::npos || line[start] == '%') break;
        if (header_done) {
          ++shape.records;
        } else if (line[start] == '@') {
          const std::string keyword = ToLowerAscii(line.substr(start, 10));
          if (keyword.starts_with("@attribute")) ++shape.columns;
          if (keyword.starts_with("@data")) header_done = true;
        }
        break;
      }
    }
  }
  return shape;
}

TableFormat FormatForPath(std::string_view path) {
  const std::string lower = ToLowerAscii(path);
  if (lower.ends_with(".jsonl") || lower.ends_with(".ndjson")) return TableFormat::kJsonLines;
  if (lower.ends_with(".arff")) return TableFormat::kArff;
  return TableFormat::kCsv;
}

std::optional<double> ParseNumber(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ptr != text.data() + text.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) return std::nullopt;
  if (ec != std::errc()) return std::nullopt;
  return value;
}

}  // namespace foresight::table
