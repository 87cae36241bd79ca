// `foresight init [DIR] [--force]`
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/init.hpp"
#include "cli/command.hpp"

namespace foresight::cli {

Runner AddInit(CLI::App& sub) {
  auto opts = std::make_shared<app::InitOptions>();
  sub.add_option("dir", opts->directory, "Where to write foresight.yaml")->capture_default_str();
  sub.add_flag("--force", opts->force, "Overwrite an existing foresight.yaml");
  return [opts] {
    Result<std::string> path = app::RunInit(*opts);
    if (!path) return ReportError(path.error());
    WriteStdout(fmt::format("wrote {}\nnext: replace each TODO, then run `foresight check {}`\n",
                            *path, *path));
    return 0;
  };
}

}  // namespace foresight::cli
