#include "charter/internal/yaml_tree.hpp"

#include <yaml.h>

#include <memory>

namespace foresight::charter::internal {
namespace {

// libyaml reports positions as code-point indices; spans are byte offsets.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view text, uint32_t base) {
    offsets_.reserve(text.size() + 1);
    for (uint32_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) offsets_.push_back(base + i);
    }
    offsets_.push_back(base + static_cast<uint32_t>(text.size()));
  }
  uint32_t ByteOffset(size_t code_point_index) const {
    return offsets_[std::min(code_point_index, offsets_.size() - 1)];
  }

 private:
  std::vector<uint32_t> offsets_;
};

struct ParserDeleter {
  void operator()(yaml_parser_t* parser) const {
    yaml_parser_delete(parser);
    delete parser;
  }
};

class EventGuard {
 public:
  explicit EventGuard(yaml_event_t* event) : event_(event) {}
  ~EventGuard() { yaml_event_delete(event_); }
  EventGuard(const EventGuard&) = delete;
  EventGuard& operator=(const EventGuard&) = delete;

 private:
  yaml_event_t* event_;
};

class TreeBuilder {
 public:
  TreeBuilder(const SourceFile& file, diag::DiagnosticSink& sink, uint32_t base,
              std::string_view yaml)
      : file_(file), sink_(sink), offsets_(yaml, base) {}

  std::optional<Node> Build(std::string_view yaml);

 private:
  void Error(uint32_t offset, std::string message, std::vector<std::string> help = {}) {
    diag::Diagnostic d;
    d.code = "syntax";
    d.severity = Severity::kError;
    d.message = std::move(message);
    d.file = &file_;
    d.span = Span{offset, offset + 1};
    d.help = std::move(help);
    sink_.Add(std::move(d));
  }
  void ReportParserError(const yaml_parser_t& parser);
  // Handles one event; false when parsing must stop.
  bool Handle(const yaml_event_t& event);
  bool Open(Node::Kind kind, uint32_t offset);
  void Attach(Node node);

  const SourceFile& file_;
  diag::DiagnosticSink& sink_;
  OffsetMap offsets_;
  std::vector<Node> stack_;
  std::optional<Node> root_;
  size_t nodes_ = 0;
  int documents_ = 0;
  bool done_ = false;
};

void TreeBuilder::ReportParserError(const yaml_parser_t& parser) {
  const uint32_t offset = offsets_.ByteOffset(parser.problem_mark.index);
  std::string message = parser.problem != nullptr ? parser.problem : "malformed YAML";
  if (parser.context != nullptr) message = std::string(parser.context) + ": " + message;
  std::vector<std::string> help;
  const std::string_view text = file_.text();
  const bool at_tab = offset < text.size() && text[offset] == '\t';
  if (at_tab || message.find("tab") != std::string::npos) {
    help.emplace_back("YAML does not allow tabs for indentation; indent with spaces");
  } else {
    help.emplace_back(
        "check the indentation and the quoting on this line; values that contain ': ' or "
        "start with a special character need quotes");
  }
  Error(offset, "malformed YAML: " + message, std::move(help));
}

bool TreeBuilder::Open(Node::Kind kind, uint32_t offset) {
  if (stack_.size() >= kMaxDepth) {
    Error(offset, "the charter is nested more than " + std::to_string(kMaxDepth) + " levels deep",
          {"a charter needs only a few levels; check for runaway brackets"});
    return false;
  }
  if (++nodes_ > kMaxNodes) {
    Error(offset, "the charter has more than " + std::to_string(kMaxNodes) + " values",
          {"a charter is a short document; split data out of it"});
    return false;
  }
  Node node;
  node.kind = kind;
  node.span = Span{offset, offset};
  stack_.push_back(std::move(node));
  return true;
}

void TreeBuilder::Attach(Node node) {
  if (stack_.empty()) {
    root_ = std::move(node);
  } else {
    stack_.back().children.push_back(std::move(node));
  }
}

bool TreeBuilder::Handle(const yaml_event_t& event) {
  const uint32_t begin = offsets_.ByteOffset(event.start_mark.index);
  const uint32_t end = offsets_.ByteOffset(event.end_mark.index);
  switch (event.type) {
    case YAML_STREAM_START_EVENT:
    case YAML_NO_EVENT:
      return true;
    case YAML_STREAM_END_EVENT:
      done_ = true;
      return false;
    case YAML_DOCUMENT_START_EVENT:
      if (++documents_ > 1) {
        Error(begin, "the charter holds more than one YAML document",
              {"keep one document per file; remove the extra '---'"});
        return false;
      }
      return true;
    case YAML_DOCUMENT_END_EVENT:
      return true;
    case YAML_ALIAS_EVENT:
      Error(begin, "YAML aliases (*name) are not allowed in a charter",
            {"write the value out where it is used; a charter is read by people"});
      return false;
    case YAML_SCALAR_EVENT: {
      if (!Open(Node::Kind::kScalar, begin)) return false;
      Node node = std::move(stack_.back());
      stack_.pop_back();
      node.span.end = end;
      node.text.assign(reinterpret_cast<const char*>(event.data.scalar.value),
                       event.data.scalar.length);
      node.plain = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      Attach(std::move(node));
      return true;
    }
    case YAML_SEQUENCE_START_EVENT:
      return Open(Node::Kind::kSequence, begin);
    case YAML_MAPPING_START_EVENT:
      return Open(Node::Kind::kMapping, begin);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: {
      Node node = std::move(stack_.back());
      stack_.pop_back();
      node.span.end = std::max(end, node.span.begin);
      Attach(std::move(node));
      return true;
    }
  }
  return true;
}

std::optional<Node> TreeBuilder::Build(std::string_view yaml) {
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
  if (yaml_parser_initialize(parser.get()) == 0) {
    Error(0, "out of memory while starting the YAML parser");
    return std::nullopt;
  }
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(yaml.data()),
                               yaml.size());
  yaml_parser_set_encoding(parser.get(), YAML_UTF8_ENCODING);
  while (!done_) {
    yaml_event_t event;
    if (yaml_parser_parse(parser.get(), &event) == 0) {
      ReportParserError(*parser);
      return std::nullopt;
    }
    EventGuard guard(&event);
    if (!Handle(event)) break;
  }
  if (!done_) return std::nullopt;
  return std::move(root_);
}

}  // namespace

std::optional<Node> ParseYaml(const SourceFile& file, diag::DiagnosticSink& sink) {
  std::string_view yaml = file.text();
  uint32_t base = 0;
  if (yaml.starts_with("\xEF\xBB\xBF")) {
    yaml.remove_prefix(3);
    base = 3;
  }
  TreeBuilder builder(file, sink, base, yaml);
  return builder.Build(yaml);
}

std::string DescribeNode(const Node& node) {
  switch (node.kind) {
    case Node::Kind::kScalar:
      return node.text.empty() ? "an empty value" : "'" + node.text.substr(0, 40) + "'";
    case Node::Kind::kSequence:
      return "a list";
    case Node::Kind::kMapping:
      return "a mapping";
  }
  return "a value";
}

}  // namespace foresight::charter::internal
