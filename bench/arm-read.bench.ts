// Reading ARM files (JSON tree, template views, every expression parsed to an AST) against JSON.parse of
// the same text, over every ARM template and parameter file of the corpus (the AVM compiled main.json too).
import fs from 'node:fs';
import path from 'node:path';
import { armExpressions, readArmFile } from '../server/src/syntax/arm';
import { corpusRoot, median, report } from './support';

const texts = armCorpusTexts();
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;

const jsonParseAll = (): void => {
  for (const text of texts) {
    try {
      JSON.parse(text);
    } catch {
      // Comments or trailing commas: JSON.parse gives up where the reader goes on; rare, and cheaper for it.
    }
  }
};
let expressions = 0;
const readAll = (): void => {
  expressions = 0;
  for (const text of texts) {
    const file = readArmFile(text);
    if (file.template !== undefined) expressions += armExpressions(file.template).length;
  }
};

// Alternate the two, so that both see the same machine load; the median of each.
const gc = (globalThis as { gc?: () => void }).gc;
const jsonTimes: number[] = [];
const readTimes: number[] = [];
for (let round = 0; round < 9; round++) {
  jsonTimes.push(timeOnce(jsonParseAll));
  readTimes.push(timeOnce(readAll));
}
const medianJson = median(jsonTimes);
const medianRead = median(readTimes);

report({
  name: 'armReadVsJsonParse',
  value: medianRead / medianJson,
  unit: 'x',
  budget: 3,
  note: `${texts.length} files, ${megabytes.toFixed(1)} MB, ${expressions} expressions; JSON.parse ${medianJson.toFixed(0)} ms`,
});
report({
  name: 'armReadMBps',
  value: megabytes / (medianRead / 1000),
  unit: 'MB/s',
  note: `readArmFile ${medianRead.toFixed(0)} ms`,
});

function timeOnce(fn: () => void): number {
  gc?.();
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The text of every ARM template and parameter file in the corpus, as ROLES.tsv lists them. */
function armCorpusTexts(): string[] {
  const rows = fs.readFileSync(path.join(corpusRoot, 'ROLES.tsv'), 'utf8').split('\n').slice(1);
  const files = rows.map((row) => row.split('\t')).filter((cells) => cells[3] === 'arm' || cells[3] === 'armparams');
  return files.map((cells) => fs.readFileSync(path.join(corpusRoot, cells[0]), 'utf8'));
}
