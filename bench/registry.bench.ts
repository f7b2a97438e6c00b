// Registry modules (issue 15): analysing the AVM-heavy repositories of the networking corpus with a
// Bicep restore cache (every public AVM resource module served from the corpus's compiled
// main.json, in memory) against the same without one (interface models). Budget: at most 2×.
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

async function main(): Promise<void> {
  const folders = repositories.map((name) => filesUnder(path.join(corpusRoot, 'networking', name)));
  process.env.HOME = home;
  // Interleaved rounds (the order alternates each round, so both modes see the same machine load and
  // warm-up); the median of each, never the best.
  const rounds = 5;
  const seconds = { without: [] as number[], with: [] as number[] };
  const findings = { without: 0, with: 0 };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const);
    for (const mode of order) {
      const start = process.hrtime.bigint();
      findings[mode] = 0;
      for (const files of folders) findings[mode] += await analyse(files, mode === 'with');
      seconds[mode].push(Number(process.hrtime.bigint() - start) / 1e9);
    }
  }
  const without = median(seconds.without);
  const withCache = median(seconds.with);
  const note = `${repositories.length} AVM-heavy repositories, median of ${rounds} interleaved rounds; findings ${findings.without} without, ${findings.with} with a cache`;
  report({ name: 'registryWithoutCacheSeconds', value: without, unit: 's', note });
  report({ name: 'registryWithCacheSeconds', value: withCache, unit: 's', note });
  report({ name: 'registryCacheCostRatio', value: withCache / without, unit: 'x', budget: 2, note });
}

void main();
