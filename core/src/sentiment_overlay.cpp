// Our workplace overlay: words and idioms of team feedback that the published
// lexicons miss or rate for another setting. Valences are on VADER's scale
// (-4 .. +4) and are set beside VADER's own ratings of similar words, given
// in each group's comment. The overlay wins over the generated lexicon.
// Changing a valence here changes sentiment_version() by itself.
#include <array>

#include "sentiment_lexicon.h"

namespace debrief::sentiment_internal {
namespace {

constexpr auto kOverlay = std::to_array<LexiconEntry>({
    // Workload and wellbeing: the commonest complaint in pulse surveys, and
    // absent from VADER. Set near VADER's tired -1.9, stressful -2.3.
    {"burnout", -2.5f},
    {"burned out", -2.5f},
    {"burnt out", -2.5f},
    {"overworked", -2.2f},
    {"overloaded", -1.8f},
    {"understaffed", -1.8f},
    {"short staffed", -1.8f},
    {"stretched thin", -1.7f},
    {"swamped", -1.4f},
    {"knackered", -1.6f},
    {"drowning", -2.0f},
    {"crunch time", -1.2f},
    {"firefighting", -1.2f},

    // Being managed badly. VADER has "micromanage" nowhere; near its
    // undermined -1.5, blamed -2.1. VADER rates "favoritism" +0.7 (it reads
    // "favor"); at work it is a grievance.
    {"micromanaged", -2.2f},
    {"micromanaging", -2.2f},
    {"micromanagement", -2.1f},
    {"micromanager", -2.0f},
    {"favoritism", -1.8f},
    {"favouritism", -1.8f},
    {"blame culture", -2.5f},
    {"scapegoated", -2.3f},
    {"thrown under the bus", -2.6f},
    {"under the bus", -2.4f},
    {"moved the goalposts", -1.7f},
    {"moving the goalposts", -1.7f},
    {"lip service", -1.8f},
    {"box ticking", -1.4f},
    {"tick box", -1.3f},
    {"patronising", -2.0f},
    {"patronizing", -2.0f},
    {"condescending", -2.0f},

    // Being left out or not heard, the opposite of what the product is for.
    // Near VADER's excluded -1.4, unappreciated -1.7.
    {"undervalued", -2.0f},
    {"underappreciated", -2.0f},
    {"unheard", -1.7f},
    {"sidelined", -1.7f},
    {"siloed", -1.2f},
    {"silos", -1.0f},
    {"out of the loop", -1.5f},
    {"left out", -1.6f},
    {"talked over", -1.6f},
    {"toxic", -2.8f},
    {"demotivated", -2.0f},
    {"disengaged", -1.6f},
    {"low morale", -2.1f},
    {"quiet quitting", -1.5f},
    {"layoffs", -2.4f},
    {"laid off", -2.3f},
    {"underpaid", -2.0f},

    // How an event ran. "rushed" and "disorganised" are the usual complaint
    // about an agenda with no time to reflect; near VADER's messy -1.5,
    // chaotic -2.2, boring -1.3.
    {"rushed", -1.3f},
    {"hurried", -1.0f},
    {"overran", -1.1f},
    {"disorganised", -1.5f},
    {"disorganized", -1.5f},
    {"shambles", -2.2f},
    {"pointless", -1.8f},
    {"waste of time", -2.2f},
    {"tedious", -1.5f},
    {"draining", -1.6f},
    {"cringe", -1.5f},
    {"cringey", -1.5f},
    {"cringy", -1.5f},
    {"forced fun", -1.6f},
    {"mandatory fun", -1.3f},
    {"death by powerpoint", -1.9f},
    {"clunky", -1.1f},
    {"dropped the ball", -1.8f},
    {"gutted", -2.1f},
    {"rubbish", -1.9f},

    // Recognition and a healthy team, what kudos name. Near VADER's
    // appreciated 2.3, respected 2.1, supported 1.3; British spellings too.
    {"recognised", 1.8f},
    {"recognized", 1.8f},
    {"acknowledged", 1.3f},
    {"listened", 1.5f},
    {"felt heard", 1.9f},
    {"supportive", 2.0f},
    {"inclusive", 1.8f},
    {"included", 1.3f},
    {"psychological safety", 2.0f},
    {"psychologically safe", 2.0f},
    {"safe space", 1.6f},
    {"empowered", 1.9f},
    {"empowering", 1.9f},
    {"autonomy", 1.2f},
    {"mentoring", 1.3f},
    {"mentored", 1.3f},
    {"collaborative", 1.6f},
    {"cohesive", 1.5f},
    {"bonding", 1.5f},
    {"teamwork", 1.8f},
    {"team player", 1.8f},
    {"shoutout", 1.6f},
    {"shout out", 1.6f},
    {"morale boost", 2.0f},
    {"high morale", 1.9f},
    {"organised", 1.3f},
    {"organized", 1.3f},
    {"well organised", 2.0f},
    {"well organized", 2.0f},
    {"well run", 1.9f},
    {"insightful", 2.0f},
    {"informative", 1.5f},
    {"energising", 1.9f},
    {"chuffed", 2.2f},
    {"cracking", 1.5f},

    // Idioms of praise built from words VADER reads literally ("killed",
    // "crushed", "fire" are strongly negative there): near VADER's
    // brilliant 2.8, praised 2.2.
    {"killed it", 2.6f},
    {"killing it", 2.6f},
    {"crushed it", 2.6f},
    {"crushing it", 2.6f},
    {"smashed it", 2.6f},
    {"nailed it", 2.6f},
    {"above and beyond", 2.7f},
    {"extra mile", 2.4f},
    {"out of the park", 2.6f},
    {"pat on the back", 1.6f},
    {"on the same page", 1.2f},
    {"hit the ground running", 1.8f},
    {"game changer", 2.3f},

    // Words of the trade that sound like sentiment but are not. VADER rates
    // "retreat" +0.8 and "mandatory" +0.3; an offsite, a retreat or a
    // deadline says nothing about how it went.
    {"offsite", 0.0f},
    {"off site", 0.0f},
    {"retreat", 0.0f},
    {"mandatory", 0.0f},
    {"deadline", 0.0f},
    {"feedback", 0.0f},
    {"fire drill", -1.0f},
});

}  // namespace

std::span<const LexiconEntry> workplace_overlay() { return kOverlay; }

}  // namespace debrief::sentiment_internal
