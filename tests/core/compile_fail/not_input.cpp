// A field the core sets given to create(): a kudos's author is whoever gives it.
#include "debrief/fields.h"

using namespace debrief;

int main() {
  FieldValues<Kind::kudos> f;
  f.set("author", Id{});
  return static_cast<int>(f.json().size());
}
