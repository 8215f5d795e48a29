// Peer baseline: the compromise NLP library over the same documents.
//
//   NODE_PATH=PREFIX/node_modules node bench/compromise.js DIR
//
// For every .txt file under DIR (sorted, read before timing starts), runs
// nlp(text).people(), .places(), .organizations() and .quotations() and
// keeps the results, which is the closest compromise gets to what
// `newsgraph extract` does. Prints one JSON line: documents, bytes, seconds,
// cpu_seconds
// (processing only, file reading and library loading excluded) and counts,
// so the comparison favours compromise, not us.
'use strict';
const fs = require('fs');
const path = require('path');

function walk(dir, out) {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node compromise.js DIR');
  process.exit(1);
}
const nlp = require('compromise');
const texts = walk(dir, []).map((p) => fs.readFileSync(p, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);

const counts = { people: 0, places: 0, organizations: 0, quotations: 0 };
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (const text of texts) {
  const doc = nlp(text);
  counts.people += doc.people().out('array').length;
  counts.places += doc.places().out('array').length;
  counts.organizations += doc.organizations().out('array').length;
  counts.quotations += doc.quotations().out('array').length;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const c = process.cpuUsage(c0);
const cpu_seconds = (c.user + c.system) / 1e6;
console.log(JSON.stringify({ documents: texts.length, bytes, seconds, cpu_seconds, ...counts }));
