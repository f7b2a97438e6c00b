// Registry modules (issue 15): analysing the AVM-heavy repositories of the networking corpus with a
// Bicep restore cache (every public AVM resource module served from the corpus's compiled
// main.json, in memory) against the same without one (interface models). Budget: at most 2×.
// Each measurement runs in a process of its own, and is CPU time: measured in one process, the
// second and later rounds found the module readings of the first (process-wide caches) and the
// JIT warm, so the order of the modes moved the ratio by up to 0.9 between runs (issue 15).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeWorkspace } from '../server/src/engine/analyze';
import { Workspace } from '../server/src/engine/workspace';
import { corpusRoot, median, report } from './support';

const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };
const home = '/vnet-lens-bench-home';
const repositories = [
  'Azure__bicep-registry-modules',
  'Azure__AKS-Landing-Zone-Accelerator',
  'Azure__ARO-Landing-Zone-Accelerator',
];

function filesUnder(dir: string): { uri: string; text: string }[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .map((file) => path.join(dir, file))
    .filter((file) => /\.(bicep|bicepparam|json)$/i.test(file) && fs.statSync(file).isFile())
    .map((file) => ({ uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') }));
}

const compiled = new Map<string, string | undefined>();
/** The cache Bicep would leave after `bicep restore`, read from the corpus (at any tag). */
async function readCached(uri: string): Promise<string | undefined> {
  const match =
    /^file:\/\/\/vnet-lens-bench-home\/\.bicep\/br\/mcr\.microsoft\.com\/bicep%24avm%24res%24([^/]+)\/[^/]+\/main\.json$/.exec(
      uri,
    );
  if (!match) return undefined;
  const file = path.join(
    corpusRoot,
    'broad/Azure__bicep-registry-modules/avm/res',
    decodeURIComponent(match[1]).replace(/\$/g, '/'),
    'main.json',
  );
  if (!compiled.has(file)) compiled.set(file, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
  return compiled.get(file);
}

async function analyse(files: readonly { uri: string; text: string }[], withCache: boolean): Promise<number> {
  const workspace = new Workspace({ readFile: withCache ? readCached : async () => undefined });
  for (const file of files) workspace.setFile(file.uri, file.text);
  return (
    await analyzeWorkspace(
      workspace,
      files.map((file) => file.uri),
      options,
    )
  ).findings.length;
}

type Mode = 'without' | 'with';
interface Measured {
  seconds: number;
  laterSeconds: number;
  findings: number;
}

/**
 * One measurement (the child process): the CPU seconds of analysing every repository once in `mode`
 * in a fresh process (what `vnet-lens check` in CI pays), then the median of three more passes in
 * the same process (what a server's later analyses pay: module readings kept, code optimised).
 */
async function measure(mode: Mode): Promise<void> {
  const folders = repositories.map((name) => filesUnder(path.join(corpusRoot, 'networking', name)));
  process.env.HOME = home;
  const pass = async () => {
    const start = process.cpuUsage();
    let findings = 0;
    for (const files of folders) findings += await analyse(files, mode === 'with');
    const used = process.cpuUsage(start);
    return { seconds: (used.user + used.system) / 1e6, findings };
  };
  const { seconds, findings } = await pass();
  const later: number[] = [];
  for (let again = 0; again < 3; again++) later.push((await pass()).seconds);
  console.log(JSON.stringify({ seconds, laterSeconds: median(later), findings }));
}

/** Runs this file again as a child that measures `mode` once. */
function measureApart(mode: Mode): Measured {
  const output = execFileSync(process.execPath, [...process.execArgv, process.argv[1], '--measure', mode], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output.trim().split('\n').pop()!) as Measured;
}

async function main(): Promise<void> {
  // Interleaved rounds (the order alternates each round, so both modes see the same machine load);
  // the median of each, never the best.
  const rounds = 9;
  const seconds: Record<Mode, number[]> = { without: [], with: [] };
  const laterSeconds: Record<Mode, number[]> = { without: [], with: [] };
  const findings: Record<Mode, number> = { without: 0, with: 0 };
  for (let round = 0; round < rounds; round++) {
    const order: Mode[] = round % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
    for (const mode of order) {
      const measured = measureApart(mode);
      seconds[mode].push(measured.seconds);
      laterSeconds[mode].push(measured.laterSeconds);
      findings[mode] = measured.findings;
    }
  }
  const without = median(seconds.without);
  const withCache = median(seconds.with);
  const note = `${repositories.length} AVM-heavy repositories, CPU seconds of a fresh process's first pass, median of ${rounds} interleaved rounds, each mode in a process of its own; findings ${findings.without} without, ${findings.with} with a cache`;
  report({ name: 'registryWithoutCacheSeconds', value: without, unit: 's', note });
  report({ name: 'registryWithCacheSeconds', value: withCache, unit: 's', note });
  report({ name: 'registryCacheCostRatio', value: withCache / without, unit: 'x', budget: 2, note });
  report({
    name: 'registryCacheCostRatioLater',
    value: median(laterSeconds.with) / median(laterSeconds.without),
    unit: 'x',
    note: 'the same, for the median of three more passes in each process (a server analysing again)',
  });
}

const measuring = process.argv.indexOf('--measure');
if (measuring >= 0) void measure(process.argv[measuring + 1] === 'with' ? 'with' : 'without');
else void main();
