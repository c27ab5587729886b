// A value a screen loads through the worker: the last good value stays on
// screen while a reload runs, and a failed load keeps its reason.
#pragma once

#include <functional>
#include <optional>

#include "widgets.h"
#include "worker.h"

namespace debrief::desktop {

template <class T>
class AsyncValue {
 public:
  // Runs `job` on the worker; the result lands here at a later frame. The
  // owner must outlive the worker's drains (screens live as long as the app).
  void load(Worker& worker, std::function<Result<T>(Store&)> job) {
    worker.ask<T>(std::move(job), [this](Result<T>&& r) {
      if (!r.is_ok()) {
        status_ = r.status();
        return;
      }
      status_ = Status::ok();
      value_ = std::move(*r);
    });
  }
  // True when there is a value to draw; otherwise draws "loading" or the error.
  bool ready() const { return desktop::ready(value_.has_value(), status_); }
  T& operator*() { return *value_; }
  T* operator->() { return &*value_; }
  bool has_value() const { return value_.has_value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace debrief::desktop
