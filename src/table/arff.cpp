// ARFF (Attribute-Relation File Format), as Weka and OpenML write it:
//
//   % comment
//   @relation german_credit
//   @attribute duration numeric
//   @attribute purpose {'new car', 'used car', radio/tv}
//   @data
//   6,'new car'
//   ?,radio/tv            <- ? is a missing value
//   {0 12, 1 'used car'}  <- a sparse row: index value pairs, the others 0 (or the first level)
//
// Keywords are case-insensitive; names and values may be quoted with ' or " (with
// backslash escapes). Every problem is reported at its line and column.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "base/strings.hpp"
#include "table/internal/arff.hpp"
#include "table/internal/text_check.hpp"
#include "table/problems.hpp"

namespace foresight::table {

class ArffReader {
 public:
  ArffReader(const SourceFile& file, diag::DiagnosticSink& sink, const ReadFilters& filters)
      : file_(file), sink_(sink), keep_(filters.record), column_(filters.column) {}
  std::optional<Table> Read();

 private:
  struct Token {
    std::string_view text;
    uint32_t offset = 0;
    bool quoted = false;
  };
  void Error(uint32_t offset, std::string message, std::string help) {
    sink_.Add(InputProblem(file_, offset, std::move(message), std::move(help)));
    failed_ = true;
  }
  void Report(const RowProblems& p) {
    std::vector<diag::Diagnostic> found;
    p.Report(file_, found);
    for (auto& d : found) sink_.Add(std::move(d));
    failed_ = failed_ || !found.empty();
  }
  bool CheckText();
  // The next line that is not blank or a comment, from pos_; false at the end.
  bool NextLine(std::string_view& line, uint32_t& offset);
  static void SkipSpace(std::string_view line, size_t& i) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
  }
  // A name or value at line[i]: quoted (' or ", backslash escapes) or bare up to one of
  // `stops` or whitespace (when `space_stops`). Advances i past it.
  bool ReadToken(std::string_view line, uint32_t line_offset, size_t& i, std::string_view stops,
                 bool space_stops, Token& token);
  bool ReadAttribute(std::string_view line, uint32_t offset, size_t i);
  void ReadRow(std::string_view line, uint32_t offset);
  void AddCell(size_t column, const Token& token);
  std::string_view Store(std::string text) {
    table_.arena_.push_back(std::move(text));
    return table_.arena_.back();
  }

  const SourceFile& file_;
  diag::DiagnosticSink& sink_;
  const RecordFilter& keep_;
  const ColumnFilter& column_;
  size_t record_ = 0;  // data records read so far
  Table table_;
  size_t pos_ = 0;
  bool failed_ = false;
  std::vector<std::unordered_map<std::string_view, size_t>> level_index_;
  std::vector<Token> row_;  // the current row's cells (sparse rows filled in)
  std::vector<bool> row_null_;
  RowProblems wrong_width_{"with the wrong number of values", ""};
  size_t first_wrong_width_ = 0;
  RowProblems not_a_level_{"not among its attribute's declared values",
                           "use one of the values listed in the @attribute line, or ? for missing",
                           "value"};
  RowProblems not_a_number_{"not a number in a numeric attribute",
                            "write plain numbers, or ? for missing", "value"};
  RowProblems bad_index_{"with a malformed entry",
                         "a sparse row is {index value, index value, ...} with indices from 0",
                         "sparse row"};
};

bool ArffReader::CheckText() {
  const auto problem = CheckTableText(file_.text(), "ARFF",
                                      "an ARFF file starts with @relation and @attribute lines",
                                      "export the data as a text ARFF or CSV file");
  if (!problem) return true;
  Error(problem->offset, problem->message, problem->help);
  return false;
}

bool ArffReader::NextLine(std::string_view& line, uint32_t& offset) {
  const std::string& text = file_.text();
  while (pos_ < text.size()) {
    size_t end = text.find('\n', pos_);
    if (end == std::string::npos) end = text.size();
    line = std::string_view(text).substr(pos_, end - pos_);
    offset = static_cast<uint32_t>(pos_);
    pos_ = end + 1;
    size_t i = 0;
    SkipSpace(line, i);
    if (i == line.size() || line[i] == '%') continue;
    return true;
  }
  return false;
}

bool ArffReader::ReadToken(std::string_view line, uint32_t line_offset, size_t& i,
                           std::string_view stops, bool space_stops, Token& token) {
  SkipSpace(line, i);
  token = Token{};
  token.offset = line_offset + static_cast<uint32_t>(i);
  if (i < line.size() && (line[i] == '\'' || line[i] == '"')) {
    const char quote = line[i];
    const size_t open = i++;
    std::string value;
    bool escaped = false;
    while (i < line.size() && line[i] != quote) {
      if (line[i] == '\\' && i + 1 < line.size()) {
        escaped = true;
        const char c = line[++i];
        value += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
      } else {
        value += line[i];
      }
      ++i;
    }
    if (i >= line.size()) {
      Error(line_offset + static_cast<uint32_t>(open), "this quoted value is never closed",
            R"(close the quote on the same line; write a quote inside a value as \' or \")");
      return false;
    }
    ++i;  // the closing quote
    token.text = escaped ? Store(std::move(value)) : line.substr(open + 1, i - open - 2);
    token.quoted = true;
    return true;
  }
  const size_t start = i;
  while (i < line.size() && stops.find(line[i]) == std::string_view::npos &&
         !(space_stops && (line[i] == ' ' || line[i] == '\t'))) {
    ++i;
  }
  std::string_view text = line.substr(start, i - start);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  token.text = text;
  return true;
}

bool ArffReader::ReadAttribute(std::string_view line, uint32_t offset, size_t i) {
  Token name;
  if (!ReadToken(line, offset, i, "{", true, name)) return false;
  if (name.text.empty()) {
    Error(name.offset, "this @attribute has no name", "write @attribute NAME TYPE");
    return false;
  }
  ColumnDeclaration decl;
  SkipSpace(line, i);
  const auto type_offset = offset + static_cast<uint32_t>(i);
  if (i < line.size() && line[i] == '{') {
    decl.type = DeclaredType::kNominal;
    ++i;
    std::unordered_map<std::string_view, size_t> index;
    while (true) {
      Token level;
      if (!ReadToken(line, offset, i, ",}", false, level)) return false;
      if (!level.text.empty() || level.quoted) {
        if (index.emplace(level.text, decl.levels.size()).second) {
          decl.levels.emplace_back(level.text);
        }
      }
      SkipSpace(line, i);
      if (i < line.size() && line[i] == ',') {
        ++i;
        continue;
      }
      if (i < line.size() && line[i] == '}') break;
      Error(type_offset, "this list of values is never closed with '}'",
            "write the values as {a, b, c} on the @attribute line");
      return false;
    }
    if (decl.levels.empty()) {
      Error(type_offset, fmt::format("attribute '{}' lists no values", name.text),
            "a nominal attribute lists its values: {a, b, c}");
      return false;
    }
  } else {
    Token type;
    if (!ReadToken(line, offset, i, "", true, type)) return false;
    const std::string lower = ToLowerAscii(type.text);
    if (lower == "numeric" || lower == "real" || lower == "integer") {
      decl.type = DeclaredType::kNumeric;
    } else if (lower == "string") {
      decl.type = DeclaredType::kString;
    } else if (lower == "date") {
      decl.type = DeclaredType::kDate;
    } else if (lower == "relational") {
      Error(type.offset, "relational attributes are not supported",
            "flatten the nested relation into ordinary attributes");
      return false;
    } else {
      static constexpr std::string_view kTypes[] = {"numeric", "real", "integer", "string", "date"};
      std::string help = "the types are numeric, real, integer, string, date and {value, ...}";
      if (auto match = ClosestMatch(lower, kTypes)) {
        help = fmt::format("did you mean '{}'? ", *match) + help;
      }
      Error(type.offset, fmt::format("unknown type '{}' for attribute '{}'", type.text, name.text),
            help);
      return false;
    }
  }
  table_.columns_.emplace_back(name.text);
  table_.declarations_.push_back(std::move(decl));
  return true;
}

void ArffReader::AddCell(size_t column, const Token& token) {
  row_[column] = token;
  row_null_[column] = !token.quoted && token.text == "?";
}

void ArffReader::ReadRow(std::string_view line, uint32_t offset) {
  const size_t width = table_.columns_.size();
  row_.assign(width, Token{});
  row_null_.assign(width, false);
  size_t i = 0;
  SkipSpace(line, i);
  if (i < line.size() && line[i] == '{') {
    // Sparse: "index value" pairs; the attributes not named are 0 (a nominal's first value).
    for (size_t c = 0; c < width; ++c) {
      const auto& decl = table_.declarations_[c];
      row_[c].text = decl.type == DeclaredType::kNominal ? std::string_view(decl.levels.front())
                                                         : std::string_view("0");
      row_[c].offset = offset;
    }
    ++i;
    while (true) {
      SkipSpace(line, i);
      if (i < line.size() && line[i] == '}') break;
      const size_t start = i;
      while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
      size_t column = 0;
      const bool has_index = i > start && i - start < 10;
      if (has_index) column = std::stoul(std::string(line.substr(start, i - start)));
      if (!has_index || column >= width) {
        bad_index_.Add(
            offset + static_cast<uint32_t>(start),
            fmt::format("'{}'", line.substr(start, std::min<size_t>(12, line.size() - start))));
        return;
      }
      Token value;
      if (!ReadToken(line, offset, i, ",}", false, value)) return;
      AddCell(column, value);
      SkipSpace(line, i);
      if (i < line.size() && line[i] == ',') {
        ++i;
        continue;
      }
      if (i < line.size() && line[i] == '}') break;
      bad_index_.Add(offset + static_cast<uint32_t>(i), "a sparse row must end with '}'");
      return;
    }
  } else {
    size_t count = 0;
    while (true) {
      Token value;
      if (!ReadToken(line, offset, i, ",", false, value)) return;
      if (count < width) AddCell(count, value);
      ++count;
      SkipSpace(line, i);
      if (i < line.size() && line[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
    if (count != width) {
      if (wrong_width_.count() == 0) first_wrong_width_ = count;
      wrong_width_.Add(offset, "");
      return;
    }
  }
  // Values against their declarations.
  for (size_t c = 0; c < width; ++c) {
    if (row_null_[c]) continue;
    const ColumnDeclaration& decl = table_.declarations_[c];
    if (decl.type == DeclaredType::kNominal && !level_index_[c].contains(row_[c].text)) {
      not_a_level_.Add(row_[c].offset,
                       fmt::format("'{}' for {}", row_[c].text, table_.columns_[c]));
    } else if (decl.type == DeclaredType::kNumeric && !ParseNumber(row_[c].text)) {
      not_a_number_.Add(row_[c].offset,
                        fmt::format("'{}' for {}", row_[c].text, table_.columns_[c]));
    }
  }
  if (keep_) {
    if (!keep_(record_)) {
      ++record_;
      return;
    }
    table_.records_.push_back(record_++);
  }
  table_.row_offsets_.push_back(offset);
  for (size_t c = 0; c < width; ++c) {
    if (!table_.Kept(c)) continue;
    table_.cells_.push_back(row_null_[c] ? std::string_view() : row_[c].text);
    table_.offsets_.push_back(row_[c].offset);
    table_.nulls_.push_back(row_null_[c]);
  }
}

std::optional<Table> ArffReader::Read() {
  if (!CheckText()) return std::nullopt;
  std::string_view line;
  uint32_t offset = 0;
  bool data = false;
  while (!data && NextLine(line, offset)) {
    size_t i = 0;
    SkipSpace(line, i);
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    const std::string keyword = ToLowerAscii(line.substr(start, i - start));
    const auto at = offset + static_cast<uint32_t>(start);
    if (keyword == "@relation") continue;
    if (keyword == "@attribute") {
      if (!ReadAttribute(line, offset, i)) return std::nullopt;
      continue;
    }
    if (keyword == "@data") {
      data = true;
      break;
    }
    Error(at,
          table_.columns_.empty()
              ? "this does not look like an ARFF file: expected @relation or @attribute"
              : fmt::format("expected @attribute or @data, found '{}'",
                            line.substr(start, std::min<size_t>(20, i - start))),
          "an ARFF file has a header of @relation and @attribute lines, then @data and the rows");
    return std::nullopt;
  }
  if (!data) {
    Error(static_cast<uint32_t>(std::min(pos_, file_.text().size()) == 0 ? 0 : offset),
          "the file has no @data section", "add a line @data, then one row per example");
    return std::nullopt;
  }
  if (table_.columns_.empty()) {
    Error(offset, "no @attribute is declared before @data",
          "declare each column: @attribute NAME TYPE");
    return std::nullopt;
  }
  std::unordered_map<std::string_view, size_t> seen;
  for (size_t c = 0; c < table_.columns_.size(); ++c) {
    if (!seen.emplace(table_.columns_[c], c).second) {
      Error(0, fmt::format("duplicate attribute name '{}'", table_.columns_[c]),
            "give every attribute a distinct name");
      return std::nullopt;
    }
  }
  table_.KeepColumns(column_);
  level_index_.resize(table_.columns_.size());
  for (size_t c = 0; c < table_.columns_.size(); ++c) {
    const auto& levels = table_.declarations_[c].levels;
    for (size_t k = 0; k < levels.size(); ++k) level_index_[c].emplace(levels[k], k);
  }
  while (!failed_ && NextLine(line, offset)) ReadRow(line, offset);
  if (failed_) return std::nullopt;
  wrong_width_.set_help(
      fmt::format("every row has one value per @attribute ({}); the first of them has {}",
                  table_.columns_.size(), first_wrong_width_));
  Report(wrong_width_);
  Report(bad_index_);
  Report(not_a_level_);
  Report(not_a_number_);
  if (failed_) return std::nullopt;
  if (table_.row_offsets_.empty()) {
    Error(offset, "the @data section has no rows", "add one row per example after @data");
    return std::nullopt;
  }
  return std::move(table_);
}

std::optional<Table> ReadArff(const SourceFile& file, diag::DiagnosticSink& sink,
                              const ReadFilters& filters) {
  ArffReader reader(file, sink, filters);
  return reader.Read();
}

}  // namespace foresight::table
