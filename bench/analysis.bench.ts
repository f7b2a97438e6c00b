// Full analysis speed (DESIGN §10): the whole networking corpus evaluated into models and checked
// by the rules, and, per Azure Verified Module, parse → findings for the module's Bicep files
// divided by JSON.parse of its compiled main.json (measured interleaved in one process).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeWorkspace } from '../server/src/engine/analyze';
import { Workspace } from '../server/src/engine/workspace';
import { corpusRoot, percentile, report } from './support';

const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true }).map(String)
    .map((file) => path.join(dir, file))
    .filter((file) => /\.(bicep|bicepparam|json|jsonc)$/i.test(file) && fs.statSync(file).isFile());
}

async function analyse(files: readonly { uri: string; text: string }[]): Promise<number> {
  const workspace = new Workspace({ readFile: async () => undefined });
  for (const file of files) workspace.setFile(file.uri, file.text);
  const result = await analyzeWorkspace(workspace, files.map((file) => file.uri), options);
  return result.findings.length;
}

const load = (file: string) => ({ uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') });

async function main(): Promise<void> {
  const networking = path.join(corpusRoot, 'networking');
  const folders = fs.readdirSync(networking).sort().map((folder) => filesUnder(path.join(networking, folder)).map(load));
  let best = Number.POSITIVE_INFINITY;
  let findings = 0;
  for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint();
    findings = 0;
    for (const files of folders) findings += await analyse(files);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  const fileCount = folders.reduce((sum, files) => sum + files.length, 0);
  report({ name: 'networkingAnalysisSeconds', value: best, unit: 's', budget: 5, note: `${folders.length} repository folders, ${fileCount} files, ${findings} findings, best of 3` });

  const modules = fs.readdirSync(path.join(corpusRoot, 'broad'), { recursive: true }).map(String)
    .filter((file) => /[\\/]avm[\\/]res[\\/]/.test(file) && file.endsWith(`${path.sep}main.json`))
    .map((file) => path.join(corpusRoot, 'broad', path.dirname(file)))
    .filter((dir) => fs.existsSync(path.join(dir, 'main.bicep')));
  const ratios: number[] = [];
  // Most modules deploy no network resource and the analysis rightly does little for them; the ratio
  // over those that do is reported apart, so the median above cannot hide the cost of the real work.
  const networkRatios: number[] = [];
  for (const dir of modules) {
    // The module's own Bicep files (main.bicep and its local modules below it); its tests excluded.
    const files = filesUnder(dir).filter((file) => file.endsWith('.bicep') && !/[\\/]tests[\\/]/.test(file)).map(load);
    const json = fs.readFileSync(path.join(dir, 'main.json'), 'utf8');
    await analyse(files);
    JSON.parse(json);
    let bestAnalysis = Number.POSITIVE_INFINITY;
    let bestJson = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run++) {
      let start = process.hrtime.bigint();
      await analyse(files);
      bestAnalysis = Math.min(bestAnalysis, Number(process.hrtime.bigint() - start) / 1e6);
      start = process.hrtime.bigint();
      JSON.parse(json);
      bestJson = Math.min(bestJson, Number(process.hrtime.bigint() - start) / 1e6);
    }
    ratios.push(bestAnalysis / bestJson);
    if (files.some((file) => /microsoft\.network\//i.test(file.text))) networkRatios.push(bestAnalysis / bestJson);
  }
  const note = `${modules.length} AVM resource modules, parse → findings vs JSON.parse(main.json), best of 3 each`;
  report({ name: 'analysisVsJsonParseMedian', value: percentile(ratios, 50), unit: 'x', budget: 2, note });
  report({ name: 'analysisVsJsonParseP95', value: percentile(ratios, 95), unit: 'x', note });
  const networkNote = `the ${networkRatios.length} of them that declare Microsoft.Network resources`;
  report({ name: 'analysisVsJsonParseNetworkMedian', value: percentile(networkRatios, 50), unit: 'x', note: networkNote });
  report({ name: 'analysisVsJsonParseNetworkP95', value: percentile(networkRatios, 95), unit: 'x', note: networkNote });
}

void main();
