// A value the choice field does not offer: "kindness" is no kudos category.
#include "debrief/fields.h"

using namespace debrief;

int main() {
  Json j = Json::object();
  return RecordView<Kind::kudos>(j).is({"category", "kindness"}) ? 1 : 0;
}
