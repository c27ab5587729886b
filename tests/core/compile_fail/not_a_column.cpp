// A filter by a field kept outside the record's row: a response's answers.
#include "debrief/fields.h"

using namespace debrief;

int main() {
  auto where = filter_by<Kind::response>("answers", std::string("x"));
  return static_cast<int>(where.first.size());
}
