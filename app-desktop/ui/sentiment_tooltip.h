// On hover over the last item (a comment): what its sentiment rests on,
// after `preface` (the comment in full, where the item shows only part).
#pragma once

#include <string>

namespace debrief::desktop {

void sentiment_tooltip(const std::string& comment, const std::string& preface = {});

}  // namespace debrief::desktop
