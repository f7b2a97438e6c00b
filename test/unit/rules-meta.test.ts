// Every rule of the list carries its public contract (STYLE §12): a kebab-case id of at most 36
// characters, a description ending in '.', messages, a doc page with the required headings, and an
// entry in the SARIF rule metadata. The schema, settings and front matter are written from the rules
// (scripts/write-rule-metadata.ts; rule-metadata.test.ts checks they are current).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { allRules as rules } from '../../server/src/rules';
import { formatSarif } from '../../server/src/cli/sarif';
import { repoRoot } from '../support/paths';

test('the list has rules and each has its contract', () => {
  assert.ok(rules.length > 0);
  assert.equal(new Set(rules.map((rule) => rule.id)).size, rules.length, 'each rule is listed once');
  const sarif = JSON.parse(formatSarif([])).runs[0].tool.driver.rules as {
    id: string;
    helpUri?: string;
    help?: { text: string };
  }[];
  for (const rule of rules) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${rule.id} is kebab-case`);
    assert.ok(rule.id.length <= 36, `${rule.id} is at most 36 characters`);
    assert.match(rule.description, /^[A-Z].*\.$/, `${rule.id}: description is a sentence`);
    assert.ok(Object.keys(rule.messages).length > 0, `${rule.id} has messages`);
    const entry = sarif.find((item) => item.id === rule.id);
    assert.ok(entry, `${rule.id} is in the SARIF rule metadata`);
    assert.ok(entry.help?.text, `${rule.id} has SARIF help`);

    const docPath = path.join(repoRoot, 'docs/rules', `${rule.id}.md`);
    assert.ok(fs.existsSync(docPath), `docs/rules/${rule.id}.md exists`);
    const doc = fs.readFileSync(docPath, 'utf8');
    for (const heading of ['## What', '## Why', '## Bad', '## Good', '## Fix', '## When not to worry']) {
      assert.ok(doc.includes(`\n${heading}\n`), `${rule.id}: doc has '${heading}'`);
    }
    assert.ok(doc.includes('```bicep') && doc.includes('```json'), `${rule.id}: doc has Bicep and ARM examples`);
  }
});
