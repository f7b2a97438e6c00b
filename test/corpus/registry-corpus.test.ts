// Registry-declared private endpoints across the corpus (issue 15): at least 90% of the endpoints
// that unconditional registry module calls ask for are modelled with a subnet, a target and a
// zone-group status, and their targets resolve, without a restore cache and with one. The counts are printed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { corpusRoot } from '../support/paths';
import { formatRegistryCoverage, measureRegistryCoverage } from '../support/registry-coverage';

const folders = ['networking', 'broad'].flatMap((top) =>
  fs
    .readdirSync(path.join(corpusRoot, top))
    .sort()
    .map((folder) => `${top}/${folder}`),
);

test('registry-declared endpoints are modelled without a cache', { timeout: 600_000 }, async () => {
  const report = await measureRegistryCoverage(folders);
  console.log(formatRegistryCoverage('without a cache', report));
  assert.ok(report.asked > 50, 'the corpus has registry-declared endpoints');
  assert.ok(
    report.modelled / report.asked >= 0.9,
    `${report.modelled}/${report.asked} modelled\n${report.missed.join('\n')}`,
  );
  assert.ok(report.targetResolved / report.asked >= 0.9, `${report.targetResolved}/${report.asked} targets resolve`);
  assert.ok(
    report.kinds.vnet > 0 && report.kinds.peering > 0 && report.kinds.vnetLink > 0,
    'VNets, peerings and links come through AVM too',
  );
});

test(
  "with a restore cache of the corpus's compiled modules, at least as many endpoints are modelled",
  { timeout: 600_000 },
  async () => {
    const without = await measureRegistryCoverage(folders);
    const cached = await measureRegistryCoverage(folders, true);
    console.log(formatRegistryCoverage('with a cache', cached));
    assert.ok(
      cached.modelled / cached.asked >= 0.9,
      `${cached.modelled}/${cached.asked} modelled with a cache\n${cached.missed.join('\n')}`,
    );
    assert.ok(
      cached.kinds.privateEndpoint >= without.kinds.privateEndpoint * 0.9,
      'the cache shows the endpoints the models show',
    );
  },
);
