// Build step: writes server/src/facts/generated/types.json from the project's own resource-type facts.
//
//   node --import tsx scripts/write-types.ts           write the file (scripts/build.mjs runs this first)
//   node --import tsx scripts/write-types.ts --check   exit 1 if the file on disk is stale
import fs from 'node:fs';
import path from 'node:path';
import { resourceTypesJsonText } from '../server/src/facts/resource-types';

const target = path.resolve(__dirname, '..', 'server', 'src', 'facts', 'generated', 'types.json');
const text = resourceTypesJsonText();
const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;

if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${path.relative(process.cwd(), target)} is stale: run node --import tsx scripts/write-types.ts`);
    process.exit(1);
  }
} else if (current !== text) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(process.cwd(), target)} (${text.length} bytes)`);
}
