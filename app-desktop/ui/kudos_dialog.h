// The give-kudos dialog: who, the specific thing they did and what came of
// it, and a category. The core's rules decide what is specific enough; a
// refusal is shown inline and the dialog stays open.
#pragma once

#include <map>
#include <string>

#include "kudos_wall.h"
#include "screens.h"

namespace debrief::desktop {

class KudosDialog {
 public:
  // Opens the dialog, thanking `person` (none: choose in it).
  void open(UiContext& ui, const std::optional<Id>& person);
  // Draws it while open; call every frame.
  void draw(UiContext& ui);

 private:
  bool opening_ = false, saving_ = false, closing_ = false;
  KudosDraft draft_;
  std::map<std::string, Id> people_;  // name -> id, for the picker
  std::string error_;
};

}  // namespace debrief::desktop
