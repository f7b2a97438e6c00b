// Full analysis speed (DESIGN §10): per Azure Verified Module, parse → findings for the module's Bicep
// files divided by JSON.parse of its compiled main.json, each the median of interleaved runs (never
// the best of them); over all 494 modules, and apart over those that declare network resources (most
// modules declare none and the analysis rightly does little for them, which must not hide the cost
// of the real work); the network modules again, in the same process, to show what of their figure is
// V8's warm-up. Also the whole networking corpus analysed, folder by folder.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeWorkspace } from '../server/src/engine/analyze';
import { Workspace } from '../server/src/engine/workspace';
import { corpusRoot, median, percentile, report } from './support';

const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };
const runsPerModule = 5;

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .map((file) => path.join(dir, file))
    .filter((file) => /\.(bicep|bicepparam|json|jsonc)$/i.test(file) && fs.statSync(file).isFile());
}

async function analyse(files: readonly { uri: string; text: string }[]): Promise<number> {
  const workspace = new Workspace({ readFile: async () => undefined });
  for (const file of files) workspace.setFile(file.uri, file.text);
  const result = await analyzeWorkspace(
    workspace,
    files.map((file) => file.uri),
    options,
  );
  return result.findings.length;
}

const load = (file: string) => ({ uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') });

async function elapsedMs(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function networkingCorpus(): Promise<void> {
  const networking = path.join(corpusRoot, 'networking');
  const folders = fs
    .readdirSync(networking)
    .sort()
    .map((folder) => filesUnder(path.join(networking, folder)).map(load));
  const rounds: number[] = [];
  let findings = 0;
  for (let round = 0; round < 3; round++) {
    rounds.push(
      (await elapsedMs(async () => {
        findings = 0;
        for (const files of folders) findings += await analyse(files);
      })) / 1000,
    );
  }
  const fileCount = folders.reduce((sum, files) => sum + files.length, 0);
  report({
    name: 'networkingAnalysisSeconds',
    value: median(rounds),
    unit: 's',
    note: `${folders.length} repository folders, ${fileCount} files, ${findings} findings, median of 3`,
  });
}

interface AvmModule {
  name: string;
  files: { uri: string; text: string }[];
  json: string;
  declaresNetwork: boolean;
}

function avmModules(): AvmModule[] {
  return fs
    .readdirSync(path.join(corpusRoot, 'broad'), { recursive: true })
    .map(String)
    .filter((file) => /[\\/]avm[\\/]res[\\/]/.test(file) && file.endsWith(`${path.sep}main.json`))
    .map((file) => path.join(corpusRoot, 'broad', path.dirname(file)))
    .filter((dir) => fs.existsSync(path.join(dir, 'main.bicep')))
    .map((dir) => {
      // The module's own Bicep files (main.bicep and its local modules below it); its tests excluded.
      const files = filesUnder(dir)
        .filter((file) => file.endsWith('.bicep') && !/[\\/]tests[\\/]/.test(file))
        .map(load);
      return {
        name: dir.split(/[\\/]avm[\\/]res[\\/]/).pop()!,
        files,
        json: fs.readFileSync(path.join(dir, 'main.json'), 'utf8'),
        declaresNetwork: files.some((file) => /microsoft\.network\//i.test(file.text)),
      };
    });
}

/** Each module's ratio: one analysis to warm it, then the medians of interleaved runs. */
async function ratiosOf(modules: readonly AvmModule[]): Promise<number[]> {
  const ratios: number[] = [];
  for (const module of modules) {
    await analyse(module.files);
    JSON.parse(module.json);
    const analysis: number[] = [];
    const parse: number[] = [];
    for (let run = 0; run < runsPerModule; run++) {
      analysis.push(await elapsedMs(() => analyse(module.files)));
      parse.push(await elapsedMs(() => JSON.parse(module.json)));
    }
    ratios.push(median(analysis) / median(parse));
  }
  return ratios;
}

async function modules(): Promise<void> {
  const modules = avmModules();
  const ratios = await ratiosOf(modules);
  const note = `${modules.length} AVM resource modules, parse → findings / JSON.parse(main.json), median of ${runsPerModule} interleaved runs each`;
  report({ name: 'analysisVsJsonParse.median', value: percentile(ratios, 50), unit: 'x', budget: 1, note });
  report({ name: 'analysisVsJsonParse.p95', value: percentile(ratios, 95), unit: 'x', note });
  const network = modules.flatMap((module, index) =>
    module.declaresNetwork ? [{ ...module, ratio: ratios[index] }] : [],
  );
  const networkRatios = network.map((module) => module.ratio);
  const networkNote = `the ${networkRatios.length} of them that declare Microsoft.Network resources`;
  report({
    name: 'networkAnalysisVsJsonParse.median',
    value: percentile(networkRatios, 50),
    unit: 'x',
    budget: 2,
    note: networkNote,
  });
  // The modules at and above the p95, so a reader sees what sets it.
  const p95 = percentile(networkRatios, 95);
  const top = network
    .filter((module) => module.ratio >= p95)
    .sort((a, b) => b.ratio - a.ratio)
    .map((module) => `${module.name} ${module.ratio.toFixed(1)}`)
    .join(', ');
  report({
    name: 'networkAnalysisVsJsonParse.p95',
    value: p95,
    unit: 'x',
    budget: 4,
    note: `${networkNote}; at and above it: ${top}`,
  });
  // The same measurement again in this process. The pass above is a fresh process's: V8 has not yet
  // compiled the network code paths (model, rules, the parse of what deploys), which only these modules
  // run, and a module's figure depends on how many came before it in this arbitrary order. Reported
  // beside the budgeted figure, with no budget of its own, to say how much of it is that warm-up.
  const again = await ratiosOf(network);
  const againNote = `${networkNote}, measured again after the pass above`;
  report({
    name: 'secondPass.networkAnalysisVsJsonParse.median',
    value: percentile(again, 50),
    unit: 'x',
    note: againNote,
  });
  report({
    name: 'secondPass.networkAnalysisVsJsonParse.p95',
    value: percentile(again, 95),
    unit: 'x',
    note: againNote,
  });
}

async function main(): Promise<void> {
  await modules();
  await networkingCorpus();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
