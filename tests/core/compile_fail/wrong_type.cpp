// A field read as another type than its own: a kudos's "to" is a list of ids.
#include "debrief/fields.h"

using namespace debrief;

int main() {
  Json j = Json::object();
  return static_cast<int>(RecordView<Kind::kudos>(j).text("to").size());
}
