// `debrief demo generate`: a realistic store for demos and benchmarks, made
// all or nothing (generate_demo_store).
#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "context.h"
#include "debrief/demo.h"
#include "debrief/time.h"
#include "progress.h"

namespace debrief::cli {

void add_demo_command(CLI::App& app, Context& ctx) {
  CLI::App* demo = app.add_subcommand("demo", "demo data");
  demo->require_subcommand(1);
  demo->fallthrough();
  CLI::App* gen = demo->add_subcommand("generate", "fill an empty store with a demo organisation");
  gen->fallthrough();
  static DemoOptions options;
  gen->add_option("--people", options.people, "how many people")->capture_default_str();
  gen->add_option("--events", options.events, "how many events")->capture_default_str();
  gen->add_option("--responses", options.responses, "how many survey responses")->capture_default_str();
  gen->add_option("--seed", options.seed, "the same seed gives the same store")->capture_default_str();
  gen->callback([&ctx] {
    ctx.run([&ctx] {
      // The simulated year starts on a fixed Monday, so the seed alone
      // decides the content.
      static SeededEnv env(options.seed, must(parse_time("2025-01-06")) * 1000);
      auto started = std::chrono::steady_clock::now();
      ProgressBar bar;
      must(generate_demo_store(ctx.data_dir, env, options,
                               [&](std::string_view phase, std::int64_t done, std::int64_t total) { bar.update(phase, done, total); }));
      bar.finish();
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      // The figures are what the store holds, counted after the run.
      Json made = Json::object();
      for (Kind k : {Kind::person, Kind::event, Kind::response, Kind::kudos})
        made[std::string(spec_of(k).plural)] = must(count(ctx.store(), k));
      if (ctx.json) {
        made["seconds"] = secs;
        std::cout << made.dump() << "\n";
      } else {
        std::ostringstream rounded;
        rounded << std::fixed << std::setprecision(1) << secs;
        std::cout << "generated " << made["people"] << " people, " << made["events"] << " events, " << made["responses"]
                  << " responses and " << made["kudos"] << " kudos in " << rounded.str() << " s\n";
      }
      return 0;
    });
  });
}

}  // namespace debrief::cli
