// `npm run corpus:findings`: what the rules find on ../shared/corpus/networking, each repository
// folder analysed as one workspace: counts per rule and sample locations, for the false-alarm review.
//   npm run corpus:findings [-- --samples 10] [-- --rule subnet-size]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { analyzeWorkspace } from '../server/src/engine/analyze';
import { Workspace } from '../server/src/engine/workspace';
import { LineIndex } from '../server/src/syntax/line-index';
import { allRules as rules } from '../server/src/rules';

const corpus = path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'networking');
const args = process.argv.slice(2);
const samples = Number(args[args.indexOf('--samples') + 1] ?? 0) || 5;
const only = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined;

async function main(): Promise<void> {
  const counts = new Map<string, number>(rules.map((rule) => [rule.id, 0]));
  const examples = new Map<string, string[]>();
  for (const folder of fs.readdirSync(corpus).sort()) {
    const workspace = new Workspace({ readFile: async () => undefined });
    const dir = path.join(corpus, folder);
    for (const file of fs.readdirSync(dir, { recursive: true }).map(String)) {
      const full = path.join(dir, file);
      if (/\.(bicep|bicepparam|json|jsonc)$/i.test(file) && fs.statSync(full).isFile())
        workspace.setFile(pathToFileURL(full).href, fs.readFileSync(full, 'utf8'));
    }
    const result = await analyzeWorkspace(workspace, [], { cloud: 'AzureCloud', ruleLevels: {} });
    for (const finding of result.findings) {
      if (only && finding.ruleId !== only) continue;
      counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
      const list = examples.get(finding.ruleId) ?? [];
      if (list.length < samples) {
        const line = new LineIndex(workspace.file(finding.uri)?.text ?? '').positionAt(finding.start).line + 1;
        list.push(`${path.relative(corpus, fileURLToPath(finding.uri))}:${line} ${finding.message}`);
        examples.set(finding.ruleId, list);
      }
    }
  }
  console.log('rule                             findings');
  for (const [id, count] of counts)
    if (!only || id === only) console.log(`${id.padEnd(32)} ${String(count).padStart(8)}`);
  for (const [id, list] of examples) {
    console.log(`\n== ${id}`);
    for (const sample of list) console.log(`  ${sample}`);
  }
}

void main();
