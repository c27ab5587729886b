// A field its kind does not have: "actoin" for a kudos's "action".
#include "debrief/fields.h"

using namespace debrief;

int main() {
  Json j = Json::object();
  return static_cast<int>(RecordView<Kind::kudos>(j).text("actoin").size());
}
