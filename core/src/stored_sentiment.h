// Sentiment stored with each free text: response text answers (and triad
// parts), reflections and kudos (action and outcome together). Each text is
// scored once when its record is written, locally or by sync, and every
// stored score is recomputed when the analyzer's version changes. Internal
// to the core.
#pragma once

#include <optional>
#include <string_view>

#include "debrief/store.h"
#include "draft.h"
#include "sqlite.h"

namespace debrief {

// Registers the SQL function debrief_sentiment(text, ...) on `db`: the
// compound score of its non-null arguments joined as sentences, or NULL when
// all are null or the text is not valid UTF-8. Deterministic; call once per
// connection, before anything that scores.
Status register_sentiment_function(sql::Db& db);

// The score stored for one text: its compound, or none when it is not valid
// UTF-8. debrief_sentiment() stores the same.
std::optional<double> stored_sentiment_of(std::string_view text);

// A KindRules::write_extra hook: scores the reflection or kudos just inserted
// (`draft.id`) in its row, inside the caller's transaction.
Status store_record_sentiment(Store& store, const Draft& draft);

// Recomputes every stored score, in one transaction, when the analyzer's
// version differs from the one kept in meta "sentiment_version" (or none is
// kept, as in a store just migrated), then keeps the current version there.
// Does nothing when they match.
Status rescore_if_analyzer_changed(sql::Db& db);

}  // namespace debrief
