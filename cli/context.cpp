#include "context.h"

#include <iostream>

namespace debrief::cli {

Store& Context::store(Env* env) {
  if (open_store) return open_store(env);
  if (!store_) store_ = must(Store::open(data_dir, OpenOptions{.env = env}));
  return *store_;
}

int Context::run_selected() {
  if (!action_) return 0;
  try {
    int status = action_();
    if (status == 0 && after_success) after_success();
    return status;
  } catch (const CommandError& e) {
    return fail(e.status);
  }
}

int Context::fail(const Status& status) { return fail(status.message()); }

int Context::fail(const std::string& message) {
  std::cerr << "debrief: " << message << "\n";
  return 1;
}

}  // namespace debrief::cli
