// Throughput of the npm package chrono-node on the texts of a JSONL corpus
// (one {"id", "text", "date"} document per line), for comparison with tkg's
// time stage (bench/chrono_compare.sh runs both). chrono-node is installed
// by that script into bench/.node/ at benchmark time; tkg does not depend on
// node.
//   node bench/chrono_bench.js CORPUS.jsonl [SECONDS]
'use strict';
const fs = require('fs');
const chrono = require('chrono-node');

const file = process.argv[2];
const seconds = Number(process.argv[3] || 2);
const docs = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
  const d = JSON.parse(l);
  const ref = d.date ? new Date(d.date.slice(0, 10) + 'T12:00:00Z') : new Date(Date.UTC(2000, 0, 1));
  return { text: d.text, ref };
});
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
let results = 0;
for (const d of docs) results += chrono.parse(d.text, d.ref).length;  // warm-up
let rounds = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < seconds) {
  for (const d of docs) chrono.parse(d.text, d.ref);
  rounds++;
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
}
const mbps = (bytes * rounds) / 1e6 / elapsed;
console.log(`chrono-node: ${mbps.toFixed(1)} MB/s (${rounds} rounds over ${(bytes / 1e6).toFixed(2)} MB, ` +
            `${results} expressions per round)`);
