// Every rule of the catalog carries its public contract (STYLE §12): a kebab-case id of at most 36
// characters, a description ending in '.', messages, a doc page with the required headings and the
// same metadata, an entry in the configuration schema and in the SARIF rule metadata.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { rules } from '../../server/src/rules/catalog';
import { allRules } from '../../server/src/rules/registry';
import { formatSarif } from '../../server/src/cli/sarif';
import { repoRoot } from '../support/paths';

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas/vnetlens.schema.json'), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

test('the catalog has rules and each has its contract', () => {
  assert.ok(rules.length > 0);
  assert.deepEqual(allRules.map((rule) => rule.id), rules.map((rule) => rule.id), 'the registry lists the catalog');
  const sarif = JSON.parse(formatSarif([])).runs[0].tool.driver.rules as { id: string; helpUri?: string; help?: { text: string } }[];
  for (const rule of rules) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${rule.id} is kebab-case`);
    assert.ok(rule.id.length <= 36, `${rule.id} is at most 36 characters`);
    assert.match(rule.description, /^[A-Z].*\.$/, `${rule.id}: description is a sentence`);
    assert.ok(Object.keys(rule.messages).length > 0, `${rule.id} has messages`);
    assert.ok(schema.properties.rules.properties[rule.id], `${rule.id} is in schemas/vnetlens.schema.json`);
    assert.ok(manifest.contributes.configuration.properties['vnetLens.rules'].properties[rule.id], `${rule.id} is in the vnetLens.rules setting`);
    const entry = sarif.find((item) => item.id === rule.id);
    assert.ok(entry, `${rule.id} is in the SARIF rule metadata`);
    assert.ok(entry.help?.text, `${rule.id} has SARIF help`);

    const docPath = path.join(repoRoot, 'docs/rules', `${rule.id}.md`);
    assert.ok(fs.existsSync(docPath), `docs/rules/${rule.id}.md exists`);
    const doc = fs.readFileSync(docPath, 'utf8');
    assert.match(doc, new RegExp(`^---\\nid: ${rule.id}\\nlevel: ${rule.level}\\nfixable: ${rule.fixable}\\n`), `${rule.id}: doc front matter matches`);
    assert.ok(doc.includes(`description: ${JSON.stringify(rule.description)}`), `${rule.id}: doc description matches`);
    for (const heading of ['## What', '## Why', '## Bad', '## Good', '## Fix', '## When not to worry']) {
      assert.ok(doc.includes(`\n${heading}\n`), `${rule.id}: doc has '${heading}'`);
    }
    assert.ok(doc.includes('```bicep') && doc.includes('```json'), `${rule.id}: doc has Bicep and ARM examples`);
  }
});
