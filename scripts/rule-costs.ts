// What each rule's check costs on the keystroke bench's network (issue 16), in process, no server: a
// Workspace holds the bench's 5,000-line hub-and-spoke file (bench/hub-and-spoke.ts) and each round
// types one of the bench's edits (bench/keystrokes.ts), evaluates, and builds the deployment's model
// as an analysis does, so every round's model and declarations are new, as an edit's are (indexes
// rules keep per model or per declaration start again). Rounds then alternate: one times each rule's
// check in catalog order on its own (CPU µs, and bytes from the used heap's growth), the next times
// `runRules` over the whole catalog. Prints medians over the rounds after the warm-up, by rule, most
// costly first. A rule the engine would skip (startsFrom, pairwise) is skipped here too.
//
// With --ab <tree>, the same rounds run the rules of another tree (a checkout of an earlier commit,
// with its own server/src) interleaved with this one's in the one process: both see the same load,
// and the figures are B (this tree) against A (<tree>). Bytes are only sound without a collection
// inside a check: give the young generation room.
//
// Reading the figures: the first rule to ask for an index kept per model (model-lookups, prefix lists,
// endpointDns) pays for building it, so a change can move cost from one rule to the next. Run through
// tsx, each call into a module costs an export getter the bundle does not have. An A/A run (the same
// tree twice) read 0.90 on the per-rule sum and 0.99 on runRules: trust the runRules line for B/A.
// The A tree needs its generated validators (cp -r server/src/engine/generated and
// server/src/syntax/arm/generated) and a node_modules link; e.g. `git archive <commit> | tar -x -C /tmp/a`.
//
//   node --max-semi-space-size=64 --import tsx scripts/rule-costs.ts [--rounds 200] [--warmup 40]
//   node --max-semi-space-size=64 --import tsx scripts/rule-costs.ts --ab /tmp/rules16-before
import path from 'node:path';
import v8 from 'node:v8';
import { pathToFileURL } from 'node:url';
import { hubAndSpokeFileBicep, spokesForLines } from '../bench/hub-and-spoke';
import { benchTexts } from '../bench/keystrokes';
import type { RuleDefinition, RuleReport } from '../server/src/rules/support/rule';
import type { NetworkModel } from '../server/src/model/types';
import type { AnalysisOptions } from '../server/src/engine/types';
import type { Workspace as WorkspaceType } from '../server/src/engine/workspace';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const rounds = Number(option('--rounds') ?? 200);
const warmup = Number(option('--warmup') ?? 40);
const otherTree = option('--ab');
const uri = 'file:///bench/hub-and-spoke.bicep';
const options: AnalysisOptions = { cloud: 'AzureCloud', ruleLevels: {}, isCancelled: () => false };

/** What a tree gives this script: its workspace, model building, engine and catalog. */
interface Tree {
  name: string;
  workspace: WorkspaceType;
  models: (workspace: WorkspaceType) => Promise<NetworkModel[]>;
  runRules: (models: readonly NetworkModel[], workspace: WorkspaceType, options: AnalysisOptions) => unknown[];
  rules: readonly RuleDefinition[];
  /** Per rule id: µs and bytes of each timed round. */
  micros: Map<string, number[]>;
  bytes: Map<string, number[]>;
  catalogMicros: number[];
}

async function loadTree(name: string, root: string): Promise<Tree> {
  const load = (file: string) => import(pathToFileURL(path.join(root, 'server/src', file)).href);
  const [{ Workspace }, { deploymentModelsOf }, { runRules }, { allRules }] = await Promise.all([
    load('engine/workspace.ts'),
    load('engine/analyze.ts'),
    load('engine/run-rules.ts'),
    load('rules/index.ts'),
  ]);
  const workspace: WorkspaceType = new Workspace({ readFile: async () => undefined });
  return {
    name,
    workspace,
    models: async (ws) => deploymentModelsOf(ws).models(await ws.evaluate(() => false)),
    runRules,
    rules: allRules,
    micros: new Map(),
    bytes: new Map(),
    catalogMicros: [],
  };
}

/** Whether the engine runs the rule on the model (engine/run-rules.ts startsIn). */
function runsOn(model: NetworkModel, rule: RuleDefinition): boolean {
  if (rule.appliesWhen === false) return false;
  if (rule.startsFrom === undefined) return true;
  let count = 0;
  for (const collection of rule.startsFrom) count += model[collection].length;
  return count >= (rule.pairwise ? 2 : 1);
}

/**
 * The process's CPU µs (every thread: the collector's helpers too). Not the clock: on a loaded machine
 * a run of a few ms is often descheduled, and wall time tripled what the catalog cost.
 */
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const usedHeap = () => v8.getHeapStatistics().used_heap_size;
const push = (map: Map<string, number[]>, key: string, value: number) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

function timeRules(tree: Tree, model: NetworkModel, keep: boolean): void {
  const reports: RuleReport[] = [];
  const context = { model, cloud: options.cloud, report: (report: RuleReport) => void reports.push(report) };
  // What reading the heap and the clock costs by itself, taken off each rule's bytes.
  const idleBefore = usedHeap();
  const idle = usedHeap() - idleBefore;
  for (const rule of tree.rules) {
    if (!runsOn(model, rule)) continue;
    reports.length = 0;
    const heapBefore = usedHeap();
    const start = cpuMicros();
    rule.check(context);
    const micros = cpuMicros() - start;
    const bytes = usedHeap() - heapBefore - idle;
    if (!keep) continue;
    push(tree.micros, rule.id, micros);
    // A collection during the check freed more than it allocated: no figure.
    if (bytes >= 0) push(tree.bytes, rule.id, bytes);
  }
}

const median = (values: readonly number[] | undefined) =>
  values && values.length > 0 ? [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] : NaN;

async function main(): Promise<void> {
  const trees = [await loadTree('this', path.resolve(import.meta.dirname, '..'))];
  if (otherTree) trees.unshift(await loadTree('A', path.resolve(otherTree)));
  const texts = benchTexts(hubAndSpokeFileBicep(spokesForLines(5000)));
  for (const tree of trees) tree.workspace.setFile(uri, texts[0]);
  for (let round = 0; round < warmup + rounds; round++) {
    const keep = round >= warmup;
    // Each tree goes first in every other pair of rounds: the one that follows meets warmer caches.
    const order = Math.floor(round / 2) % 2 === 0 ? trees : [...trees].reverse();
    for (const tree of order) {
      tree.workspace.setFile(uri, texts[round % texts.length]);
      const models = await tree.models(tree.workspace);
      if (round % 2 === 0) {
        for (const model of models) timeRules(tree, model, keep);
      } else {
        const start = cpuMicros();
        tree.runRules(models, tree.workspace, options);
        if (keep) tree.catalogMicros.push(cpuMicros() - start);
      }
    }
  }
  const mine = trees.at(-1)!;
  const other = otherTree ? trees[0] : undefined;
  const ids = [...mine.micros.keys()].sort((a, b) => median(mine.micros.get(b)) - median(mine.micros.get(a)));
  const fmt = (value: number, digits = 0) => (Number.isNaN(value) ? '-' : value.toFixed(digits));
  const header = other ? ['rule', 'A µs', 'B µs', 'B/A', 'A KiB', 'B KiB'] : ['rule', 'µs', 'KiB'];
  const rows: string[][] = [header];
  let sumMine = 0;
  let sumOther = 0;
  for (const id of ids) {
    const micros = median(mine.micros.get(id));
    const kib = median(mine.bytes.get(id)) / 1024;
    sumMine += micros;
    if (other) {
      const otherMicros = median(other.micros.get(id));
      sumOther += Number.isNaN(otherMicros) ? 0 : otherMicros;
      rows.push([
        id,
        fmt(otherMicros, 1),
        fmt(micros, 1),
        fmt(micros / otherMicros, 2),
        fmt(median(other.bytes.get(id)) / 1024, 1),
        fmt(kib, 1),
      ]);
    } else rows.push([id, fmt(micros, 1), fmt(kib, 1)]);
  }
  if (other) {
    rows.push(['sum of checks', fmt(sumOther), fmt(sumMine), fmt(sumMine / sumOther, 2), '', '']);
    const a = median(other.catalogMicros);
    const b = median(mine.catalogMicros);
    rows.push(['runRules', fmt(a), fmt(b), fmt(b / a, 2), '', '']);
  } else {
    rows.push(['sum of checks', fmt(sumMine), '']);
    rows.push(['runRules', fmt(median(mine.catalogMicros)), '']);
  }
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows)
    console.log(
      row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  '),
    );
  console.log(`${rounds} rounds after ${warmup} warm-up (half per-rule, half whole catalog); medians`);
}

void main();
