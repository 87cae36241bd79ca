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
  sub.add_flag("--force", opts->force, "Overwrite an existing foresight.yaml with the template");
  return [opts] {
    Result<app::InitOutcome> done = app::RunInit(*opts);
    if (!done) return ReportError(done.error());
    const std::string charter =
        done->charter_written
            ? fmt::format("wrote {}", done->charter)
            : fmt::format("kept the existing {} (--force overwrites it)", done->charter);
    WriteStdout(fmt::format(
        "{}\nworkspace {} is ready\nnext: replace each TODO, then run `foresight check {}`\n",
        charter, done->workspace, done->charter));
    return 0;
  };
}

}  // namespace foresight::cli
