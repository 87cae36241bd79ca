// `foresight migrate --from URL --to URL`
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "app/migrate.hpp"
#include "cli/command.hpp"
#include "report/workspace_report.hpp"

namespace foresight::cli {

Runner AddMigrate(CLI::App& sub) {
  struct Options {
    std::string from;
    std::string to;
    std::string format = "text";
    app::EvidenceOptions verify;
  };
  auto opts = std::make_shared<Options>();
  opts->verify.resamples = 200;
  sub.add_option("--from", opts->from,
                 "The store to copy: a workspace folder, sqlite:PATH or postgresql://...")
      ->required();
  sub.add_option("--to", opts->to,
                 "The store to fill: postgresql://USER@HOST:PORT/DATABASE or sqlite:PATH; its "
                 "projects must be empty")
      ->required();
  sub.add_option("--resamples", opts->verify.resamples,
                 "Bootstrap resamples of the check that measures every run on both sides")
      ->capture_default_str();
  AddFormatOption(sub, opts->format, {"text", "json"});
  return [opts] {
    auto done = app::MigrateStore(opts->from, opts->to, opts->verify);
    if (!done) return ReportError(done.error());
    WriteStdout(opts->format == "json" ? report::RenderMigrationJson(*done)
                                       : report::RenderMigrationText(*done));
    return 0;
  };
}

}  // namespace foresight::cli
