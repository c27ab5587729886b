// Scores texts with vader-sentiment, VADER's JavaScript port, for
// bench/sentiment_bench, which compares it with Debrief's analyzer.
//
//   node bench/vader_js.cjs NODE_MODULES_DIR TEXTS.json RUNS
//
// TEXTS.json is a JSON array of strings. Prints one JSON object:
// {"compound": [score per text], "seconds": median time of one pass over all
// texts, measured in this process (start-up and loading excluded)}.
'use strict';
const fs = require('fs');
const path = require('path');

const [modules, textsFile, runsArg] = process.argv.slice(2);
const vader = require(path.join(modules, 'vader-sentiment'));
const texts = JSON.parse(fs.readFileSync(textsFile, 'utf8'));
const runs = Math.max(1, parseInt(runsArg || '1', 10));

let compound = [];
const seconds = [];
for (let r = 0; r < runs; r++) {
  const start = process.hrtime.bigint();
  compound = texts.map((t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound);
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
}
seconds.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({compound, seconds: seconds[Math.floor(runs / 2)]}));
