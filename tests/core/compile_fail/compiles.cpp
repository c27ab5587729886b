// The positive control of the compile_fail tests: every use below is right,
// so this file compiles, and the other files fail only for their one mistake.
#include "debrief/fields.h"

using namespace debrief;

int main() {
  Json j = Json::object();
  RecordView<Kind::kudos> k(j);
  FieldValues<Kind::reflection> f;
  f.set("shared", true);
  auto where = filter_by<Kind::plus_one>("kudos", Id{});
  return static_cast<int>(k.text("action").size() + k.refs("to").size() + k.is({"category", "teamwork"}) +
                          where.first.size() + f.json().size());
}
