// What scripts/write-rule-metadata.ts writes from the rules' own metadata (issue 19): the list of rules,
// the schema and settings entries, the README's table and each page's front matter. The files on disk
// must be what it writes now, and each writer must follow a change of the rules.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  listedGroups,
  listText,
  ruleMetadataOutputs,
  withFrontMatter,
  withReadmeTable,
  withSchemaRules,
  withSettingRules,
  writeCommand,
} from '../../scripts/write-rule-metadata';
import { allRules } from '../../server/src/rules';
import type { RuleMeta } from '../../server/src/rules/support/rule-meta';
import { repoRoot } from '../support/paths';

test(`the files written from the rules' metadata are current (run: ${writeCommand})`, () => {
  const { files, problems } = ruleMetadataOutputs();
  assert.deepEqual(problems, []);
  const stale = files
    .filter(({ file, text }) => fs.readFileSync(file, 'utf8') !== text)
    .map(({ file }) => path.relative(repoRoot, file));
  assert.deepEqual(stale, [], `stale: run ${writeCommand}`);
  // The list holds every rule file of the folder, and nothing else is in the folder but support/ and its tsconfig.
  const folder = path.join(repoRoot, 'server/src/rules');
  const entries = fs
    .readdirSync(folder)
    .filter((name) => name !== 'index.ts' && name !== 'support' && name !== 'tsconfig.json')
    .sort();
  assert.deepEqual(entries, allRules.map((rule) => `${rule.id}.ts`).sort());
});

test('the list keeps its order and comments, drops a rule whose file is gone and adds a new rule file at its end', () => {
  const text = listText([
    { comment: 'DNS', ids: ['pe-dns-zone-mismatch', 'dns-zone-location'] },
    { comment: 'Peering', ids: ['peering-self', 'peering-duplicate'] },
  ]);
  const groups = listedGroups(text, [
    'dns-zone-location',
    'peering-duplicate',
    'pe-dns-zone-mismatch',
    'subnet-size',
    'nsg-gateway-subnet',
  ]);
  assert.deepEqual(groups, [
    { comment: 'DNS', ids: ['pe-dns-zone-mismatch', 'dns-zone-location'] },
    { comment: 'Peering', ids: ['peering-duplicate', 'subnet-size', 'nsg-gateway-subnet'] },
  ]);
  const written = listText(groups);
  assert.match(written, /^import subnetSize from '\.\/subnet-size';$/m);
  assert.match(written, /^ {2}\/\/ Peering\n {2}peeringDuplicate,\n {2}subnetSize,\n {2}nsgGatewaySubnet,\n\];$/m);
  assert.doesNotMatch(written, /peeringSelf/);
  // Written text reads back as the same groups.
  assert.deepEqual(
    listedGroups(
      written,
      groups.flatMap((group) => group.ids),
    ),
    groups,
  );
});

const twoRules: RuleMeta[] = [
  { id: 'subnet-size', level: 'error', fixable: false, description: 'Subnets are large enough.' },
  { id: 'dns-zone-location', level: 'warning', fixable: true, description: "Zones use location 'global'." },
];

test("a page's front matter is written from its rule and the page's text kept", () => {
  const stale =
    '---\nid: dns-zone-location\nlevel: error\nfixable: false\ndescription: "Old."\n---\n\n# dns-zone-location\n\n## What\n';
  assert.equal(
    withFrontMatter(stale, twoRules[1]),
    `---\nid: dns-zone-location\nlevel: warning\nfixable: true\ndescription: "Zones use location 'global'."\n---\n\n# dns-zone-location\n\n## What\n`,
  );
  assert.equal(
    withFrontMatter('# subnet-size\n', twoRules[0]),
    '---\nid: subnet-size\nlevel: error\nfixable: false\ndescription: "Subnets are large enough."\n---\n\n# subnet-size\n',
  );
});

test('the schema, the setting and the README list the rules in list order, the rest of each file kept', () => {
  const schemaText = fs.readFileSync(path.join(repoRoot, 'schemas/vnetlens.schema.json'), 'utf8');
  const schema = JSON.parse(withSchemaRules(schemaText, twoRules));
  assert.deepEqual(schema.properties.rules.properties, {
    'subnet-size': { $ref: '#/definitions/level' },
    'dns-zone-location': { $ref: '#/definitions/level' },
  });
  assert.deepEqual(schema.definitions, JSON.parse(schemaText).definitions);

  const manifestText = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
  const manifest = JSON.parse(withSettingRules(manifestText, twoRules, schemaText));
  const setting = manifest.contributes.configuration.properties['vnetLens.rules'];
  assert.deepEqual(Object.keys(setting.properties), ['subnet-size', 'dns-zone-location']);
  assert.deepEqual(setting.properties['subnet-size'], { type: 'string', enum: ['off', 'info', 'warning', 'error'] });
  assert.equal(manifest.name, JSON.parse(manifestText).name);

  const readme =
    'Intro\n\n| rule | default | quick fix | what |\n|---|---|---|---|\n| [`old`](docs/rules/old.md) | error |  | Old. |\n\nAfter.\n';
  assert.equal(
    withReadmeTable(readme, twoRules),
    'Intro\n\n| rule | default | quick fix | what |\n|---|---|---|---|\n' +
      '| [`subnet-size`](docs/rules/subnet-size.md) | error |  | Subnets are large enough. |\n' +
      "| [`dns-zone-location`](docs/rules/dns-zone-location.md) | warning | yes | Zones use location 'global'. |\n\nAfter.\n",
  );
});
