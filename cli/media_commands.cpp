// `debrief media add FILE --to KIND:ID`: attach a photo or video.
#include <iostream>

#include "context.h"
#include "debrief/media.h"
#include "output.h"

namespace debrief::cli {

void add_media_commands(CLI::App& app, Context& ctx) {
  CLI::App* media = app.get_subcommand("media");
  CLI::App* add = media->add_subcommand("add", "attach a photo or video to an event, activity, reflection or kudos");
  add->fallthrough();
  static std::string file, target;
  add->add_option("file", file, "the photo or video")->required()->check(CLI::ExistingFile);
  add->add_option("--to", target, "what it belongs to, as KIND:ID (e.g. event:3f2a)")->required();
  add->callback([&ctx] {
    ctx.run([&ctx] {
      auto colon = target.find(':');
      std::optional<Kind> kind = colon == std::string::npos ? std::nullopt : kind_named(target.substr(0, colon));
      if (!kind) return Context::fail("--to takes KIND:ID, e.g. event:3f2a or kudos:91bc");
      Store& store = ctx.store();
      Id owner = must(resolve_id(store, *kind, target.substr(colon + 1)));
      Id id = must(add_media(store, file, *kind, owner));
      print_record(ctx, Kind::media, must(get(store, Kind::media, id)));
      return 0;
    });
  });
}

}  // namespace debrief::cli
