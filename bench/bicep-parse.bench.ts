// Bicep parsing speed: throughput over every corpus .bicep file, and, for each Azure Verified Module
// resource module whose compiled main.json sits beside its main.bicep, the time to parse the
// module's .bicep files (main.bicep plus the local modules it references, transitively) divided by
// the time JSON.parse takes on its main.json (the same module compiled, nested modules inlined).
// Also the lazy outline (outline.ts): its throughput over the corpus (the skim; files it gives up on
// are parsed in full, as the outline does) and its time relative to the full parse.
import fs from 'node:fs';
import path from 'node:path';
import { outlineBicep, parseBicep } from '../server/src/syntax/bicep';
import { corpusRoot, median, percentile, report } from './support';

interface AvmModule {
  bicep: string[];
  json: string;
}

const corpusFiles = listFiles(corpusRoot, (name) => name.endsWith('.bicep'));
const corpusTexts = corpusFiles.map((file) => fs.readFileSync(file, 'utf8'));
const corpusMegabytes = corpusTexts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
const modules = avmModules();

// Throughput: the median of several rounds over the whole corpus, after a warm-up round. (No forced GC
// between rounds: a full collection shrinks the young generation and then every round pays for it.)
parseAll(corpusTexts);
const medianAll = median(Array.from({ length: 7 }, () => time(() => parseAll(corpusTexts))));
report({
  name: 'bicepParseMBps',
  value: corpusMegabytes / (medianAll / 1000),
  unit: 'MB/s',
  note: `${corpusTexts.length} files, ${corpusMegabytes.toFixed(1)} MB, median of 7 rounds ${medianAll.toFixed(0)} ms`,
});

// The outline of every corpus file, entries only (no declaration parsed), measured like the parse.
outlineAll(corpusTexts);
const medianOutline = median(Array.from({ length: 7 }, () => time(() => outlineAll(corpusTexts))));
const skimmed = corpusTexts.filter((text) => outlineBicep(text, 'bicep').skimmed).length;
report({
  name: 'bicepOutlineMBps',
  value: corpusMegabytes / (medianOutline / 1000),
  unit: 'MB/s',
  note: `${skimmed}/${corpusTexts.length} files skimmed, the others parsed in full; median of 7 rounds ${medianOutline.toFixed(0)} ms`,
});
report({
  name: 'bicepOutlineVsParse',
  value: medianOutline / medianAll,
  unit: 'x',
  note: 'outline of every corpus file / full parse of every corpus file',
});

// Per module, interleaved: our parse and JSON.parse alternate, each the median of 7 runs.
for (const module of modules) {
  parseAll(module.bicep);
  JSON.parse(module.json);
}
const ratios = modules.map((module) => {
  const parse: number[] = [];
  const json: number[] = [];
  for (let run = 0; run < 7; run++) {
    parse.push(time(() => parseAll(module.bicep)));
    json.push(time(() => JSON.parse(module.json)));
  }
  return median(parse) / median(json);
});
const note = `${modules.length} AVM resource modules (main.bicep + local modules vs main.json)`;
report({ name: 'bicepParseVsJsonParseMedian', value: percentile(ratios, 50), unit: 'x', budget: 1, note });
report({ name: 'bicepParseVsJsonParseP95', value: percentile(ratios, 95), unit: 'x', note });

function parseAll(texts: readonly string[]): void {
  for (const text of texts) parseBicep(text);
}

function outlineAll(texts: readonly string[]): void {
  for (const text of texts) outlineBicep(text, 'bicep');
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function avmModules(): AvmModule[] {
  const jsonFiles = listFiles(path.join(corpusRoot, 'broad'), (name) => name === 'main.json').filter(
    (file) => /[\\/]avm[\\/]res[\\/]/.test(file) && fs.existsSync(path.join(path.dirname(file), 'main.bicep')),
  );
  return jsonFiles.map((jsonFile) => ({
    json: fs.readFileSync(jsonFile, 'utf8'),
    bicep: localModuleClosure(path.join(path.dirname(jsonFile), 'main.bicep')).map((file) =>
      fs.readFileSync(file, 'utf8'),
    ),
  }));
}

// main.bicep and every local module it references (`module x './path.bicep'`), transitively.
function localModuleClosure(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^\s*module\s+\w+\s+'([^'$]+)'/gm)) {
      const target = match[1];
      if (/^(br|ts)[:/]/.test(target)) continue;
      pending.push(path.resolve(path.dirname(file), target));
    }
  }
  return [...seen];
}

function listFiles(root: string, accept: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (accept(entry.name)) found.push(full);
    }
  };
  walk(root);
  return found.sort();
}
