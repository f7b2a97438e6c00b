#!/usr/bin/env node
// The webview suite: the built topology page (dist/webview/topology.js, `npm run build` first) in
// headless Chromium under the extension's own HTML and CSP, fed model fixtures as the extension
// feeds them. Each check is one test; the run closes with "webview: N passed, N failed".
//
//   node --import tsx test/webview/run.mjs          every test
//   node --import tsx test/webview/run.mjs CSP      only tests whose name contains "CSP"
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { formatCount, usableAddresses } from '../../client/webview/cidr.ts';
import { shortName } from '../../client/webview/names.ts';
import {
  describe,
  launchBrowser,
  lightTheme,
  nonce,
  openPage,
  postModel,
  posted,
  repoRoot,
  startPageServer,
} from './harness.mjs';
import { examplesTopology } from './examples-topology.ts';
import { largeModel, withTargetAdded } from './large-model.mjs';

const fixture = (name) =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/webview/fixtures', `${name}.json`), 'utf8'));
const examples = fixture('examples');
const resultsDir = path.join(repoRoot, 'test-results');
const tests = [];
const test = (name, fn) => tests.push({ name, fn });

const byName = (description, name) => {
  const node = description.nodes.find((candidate) => candidate.name === name);
  assert.ok(node, `a node named ${name}`);
  return node;
};
/** Clicks a node where the canvas draws it: the centre of a leaf, just inside the corner of a compound node. */
async function clickNode(page, node, compound = false) {
  const box = await page.locator('#graph').boundingBox();
  const x = compound ? node.box.x1 + 6 : (node.box.x1 + node.box.x2) / 2;
  const y = compound ? node.box.y1 + 6 : (node.box.y1 + node.box.y2) / 2;
  await page.mouse.click(box.x + x, box.y + y);
}

/** Drags with the mouse from a point of the drawing (pixels from its top-left corner) by `by` pixels. */
async function dragOnDrawing(page, from, by) {
  const graph = await page.locator('#graph').boundingBox();
  await page.mouse.move(graph.x + from.x, graph.y + from.y);
  await page.mouse.down();
  await page.mouse.move(graph.x + from.x + by.x, graph.y + from.y + by.y, { steps: 5 });
  await page.mouse.up();
}

/**
 * Runs a check on a fresh page showing a model (the examples, in file scope, unless told), with the
 * drawing's description; the page must log no error. The page is closed after, pass or fail.
 */
async function withDrawing({ model = examples, scope = 'file', title, viewport } = {}, check) {
  const { page, errors } = await openPage(browser, server, { viewport });
  try {
    await postModel(page, model, { scope, title });
    await check({ page, errors, description: await describe(page) });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
}

/** The examples' endpoint of the blob store (in a description's nodes or a model's entities). */
const isBlobEndpoint = (element) => element.kind === 'privateEndpoint' && element.name.endsWith('-blob');

let launched;
let browser;
let server;
let shared;

test('address counts: usable = size − 5 per prefix, IPv6 as a power of two', () => {
  assert.equal(usableAddresses(['10.0.0.0/24']), 251n);
  assert.equal(usableAddresses(['10.0.0.0/27']), 27n);
  assert.equal(usableAddresses(['10.0.0.0/29', '10.0.1.0/28']), 3n + 11n);
  assert.equal(usableAddresses(['10.0.0.0/32']), 0n);
  assert.equal(usableAddresses(['{param:prefix}']), undefined);
  assert.equal(formatCount(usableAddresses(['fd00::/64'])), '≈2^64');
  assert.equal(
    shortName(
      'pe-st{uniqueString(/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name})}-blob',
    ),
    'pe-st{uniqueString(…)}-blob',
  );
});

test('the page loads under the strict CSP with no violation and no error', async () => {
  const { page, errors } = shared;
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(
    csp,
    /default-src 'none'; script-src 'nonce-[^']+'; style-src http:\/\/127\.0\.0\.1:\d+ 'nonce-[^']+'; img-src http:\/\/127\.0\.0\.1:\d+ data:/,
  );
  await postModel(page, examples, { scope: 'file', title: 'main.bicep and what it pulls in' });
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(errors, []);
});

test('examples: node and edge counts', async () => {
  const rendered = (await posted(shared.page, 'rendered')).at(-1);
  const { nodes, edges } = await describe(shared.page);
  // 3 VNets, 7 subnets, 2 endpoints, 1 Private Link service, 3 zones, 3 targets; the NSG is a badge, the zone group an edge.
  assert.equal(nodes.length, 19);
  assert.deepEqual(
    Object.fromEntries(
      ['vnet', 'subnet', 'privateEndpoint', 'privateLinkService', 'dnsZone', 'target'].map((kind) => [
        kind,
        nodes.filter((node) => node.kind === kind).length,
      ]),
    ),
    { vnet: 3, subnet: 7, privateEndpoint: 2, privateLinkService: 1, dnsZone: 3, target: 3 },
  );
  // 1 peering, 5 VNet links, 1 zone group, 2 endpoint targets.
  assert.equal(edges.length, 9);
  assert.deepEqual([rendered.nodes, rendered.edges], [19, 9]);
  assert.match(await shared.page.locator('.status').textContent(), /19 resources · 9 relations · 4 findings/);
});

test('examples: containment (subnet in its VNet, endpoint in its subnet)', async () => {
  const description = await describe(shared.page);
  const id = (name) => byName(description, name).id;
  for (const subnet of ['GatewaySubnet', 'AzureFirewallSubnet', 'snet-shared'])
    assert.equal(byName(description, subnet).parent, id('vnet-hub'));
  for (const subnet of ['snet-workload', 'snet-private-endpoints', 'snet-pls'])
    assert.equal(byName(description, subnet).parent, id('vnet-spoke-orders'));
  assert.equal(byName(description, 'snet-vms').parent, id('vnet-mgmt'));
  const endpoints = description.nodes.filter((node) => node.kind === 'privateEndpoint');
  assert.equal(endpoints.length, 2);
  for (const endpoint of endpoints) assert.equal(endpoint.parent, id('snet-private-endpoints'));
  assert.equal(description.nodes.find((node) => node.kind === 'privateLinkService').parent, id('snet-pls'));
  for (const node of description.nodes.filter((node) => ['vnet', 'dnsZone', 'target'].includes(node.kind)))
    assert.equal(node.parent, null);
  // Siblings do not overlap (VNets side by side, subnets side by side in their VNet).
  const siblings = new Map();
  for (const node of description.nodes)
    siblings.set(node.parent ?? '', [...(siblings.get(node.parent ?? '') ?? []), node]);
  for (const group of siblings.values()) {
    for (const [i, a] of group.entries()) {
      for (const b of group.slice(i + 1)) {
        const apart = a.box.x2 <= b.box.x1 || b.box.x2 <= a.box.x1 || a.box.y2 <= b.box.y1 || b.box.y2 <= a.box.y1;
        assert.ok(apart, `${a.name} and ${b.name} do not overlap`);
      }
    }
  }
  // Drawn inside: the box of each child lies within its parent's box.
  for (const node of description.nodes.filter((node) => node.parent)) {
    const parent = description.nodes.find((candidate) => candidate.id === node.parent);
    assert.ok(
      node.box.x1 >= parent.box.x1 &&
        node.box.x2 <= parent.box.x2 &&
        node.box.y1 >= parent.box.y1 &&
        node.box.y2 <= parent.box.y2,
      `${node.name} is drawn inside ${parent.name}`,
    );
  }
});

test('examples: labels (address space, prefixes, used/usable, NSG badge, short names)', async () => {
  const description = await describe(shared.page);
  assert.equal(byName(description, 'vnet-hub').label, 'vnet-hub\n10.0.0.0/16');
  assert.equal(byName(description, 'GatewaySubnet').label, 'GatewaySubnet\n10.0.0.0/27\n0 / 27 addresses used');
  assert.equal(
    byName(description, 'snet-private-endpoints').label,
    'snet-private-endpoints\n10.1.1.0/24\n2 / 251 addresses used\nNSG: nsg-vnet-spoke-orders-pe',
  );
  assert.match(byName(description, 'snet-pls').label, /^⚠ snet-pls\n10\.1\.2\.0\/24\n1 \/ 251 addresses used$/);
  const blob = description.nodes.find(isBlobEndpoint);
  assert.equal(blob.label.split('\n')[0], 'pe-storders${uniqueString(…)}-blob');
  assert.match(blob.label, /private endpoint · blob\n1 DNS zone group/);
  assert.ok(
    description.edges.some((edge) => edge.kind === 'vnetLink' && edge.label === 'link · auto-registration'),
    'the ARM link with registration says so',
  );
});

test('the list shows names as written in the source, never evaluator placeholders', async () => {
  const page = shared.page;
  await page.locator('button', { hasText: 'List' }).click();
  await page.locator('#outline').waitFor({ state: 'visible' });
  const text = await page.locator('#outline').innerText();
  assert.match(text, /pe-storders\$\{uniqueString\(…\)\}-blob/);
  assert.match(text, /kv-orders-\$\{uniqueString\(…\)\}/);
  assert.doesNotMatch(text, /\{subscription\(\)|@main\.bicep|\{uniqueString\(\//);
  await page.locator('button', { hasText: 'List' }).click();
});

test('nothing floats unexplained: a resource with no relation says why', async () => {
  const description = await describe(shared.page);
  const related = new Set(description.edges.flatMap((edge) => [edge.source, edge.target]));
  const parents = new Set(description.nodes.map((node) => node.parent));
  const loners = description.nodes.filter((node) => !node.parent && !parents.has(node.id) && !related.has(node.id));
  assert.deepEqual(
    loners.map((node) => node.name),
    ['lbi-orders'],
    'the load balancer behind the Private Link service is the one loner',
  );
  assert.match(loners[0].label, /no private endpoint here targets it/);
});

/** Whether an axis-parallel segment passes through the inside of a box (touching its border is not). */
function crosses(a, b, box, inset = 3) {
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x2 > box.x1 + inset && x1 < box.x2 - inset && y2 > box.y1 + inset && y1 < box.y2 - inset;
}

// Issue 18: at the default side-by-side size (about 480 px wide) the drawing must read without
// zooming: labels at 11 px or more on screen, icons per kind, edges routed around containers.
for (const [width, height] of [
  [480, 720],
  [800, 600],
  [1400, 900],
]) {
  test(`readable at ${width}×${height}: labels ≥ 11 px on screen, icons, orthogonal edges around containers (test-results/topology-${width}x${height}.png)`, async () => {
    await withDrawing({ title: 'main.bicep and what it pulls in', viewport: { width, height } }, async ({ page }) => {
      await page.waitForTimeout(150);
      fs.mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, `topology-${width}x${height}.png`) });
      const description = await describe(page);
      const zoom = description.viewport.zoom;
      for (const element of [...description.nodes, ...description.edges]) {
        assert.ok(
          element.fontSize * zoom >= 11,
          `${element.label} is drawn at ${(element.fontSize * zoom).toFixed(1)} px`,
        );
      }
      for (const node of description.nodes)
        assert.match(node.icon, /^(url\()?["']?data:image\/svg\+xml/, `${node.name} has its kind's icon`);
      const byId = new Map(description.nodes.map((node) => [node.id, node]));
      const ancestors = (id) => {
        const chain = [];
        for (let node = byId.get(id); node; node = node.parent ? byId.get(node.parent) : undefined) chain.push(node.id);
        return chain;
      };
      const containers = description.nodes.filter((node) =>
        description.nodes.some((child) => child.parent === node.id),
      );
      for (const edge of description.edges.filter((candidate) => candidate.source !== candidate.target)) {
        assert.ok(['segments', 'straight'].includes(edge.curve), `${edge.label} is routed (${edge.curve})`);
        const route = edge.route;
        for (let i = 1; i < route.length - 1; i++) {
          const [a, b] = [route[i - 1], route[i]];
          if (i > 1)
            assert.ok(
              Math.abs(a.x - b.x) < 1.5 || Math.abs(a.y - b.y) < 1.5,
              `${edge.label}: segment ${i} is horizontal or vertical`,
            );
        }
        const own = new Set([...ancestors(edge.source), ...ancestors(edge.target)]);
        for (const container of containers.filter((candidate) => !own.has(candidate.id))) {
          for (let i = 1; i < route.length; i++) {
            assert.ok(
              !crosses(route[i - 1], route[i], container.box),
              `${edge.kind} ${edge.label} crosses ${container.name}`,
            );
          }
        }
      }
    });
  });
}

test('the wheel scrolls the drawing; Ctrl+wheel zooms, never below the readable size', async () => {
  const { page } = await openPage(browser, server, { viewport: { width: 480, height: 720 } });
  try {
    await postModel(page, examples, { scope: 'file' });
    const before = (await describe(page)).viewport;
    const box = await page.locator('#graph').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(100);
    const scrolled = (await describe(page)).viewport;
    assert.equal(scrolled.zoom, before.zoom);
    assert.ok(
      Math.abs(scrolled.pan.y - (before.pan.y - 200)) < 1,
      `panned up by 200 px (${before.pan.y} → ${scrolled.pan.y})`,
    );
    await page.keyboard.down('Control');
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 400);
    await page.keyboard.up('Control');
    await page.waitForTimeout(100);
    const zoomed = await describe(page);
    const smallest = Math.min(
      ...zoomed.nodes.map((node) => node.fontSize),
      ...zoomed.edges.map((edge) => edge.fontSize),
    );
    assert.ok(
      smallest * zoomed.viewport.zoom >= 11 - 1e-9,
      `zoomed out to ${zoomed.viewport.zoom}: labels stay readable`,
    );
  } finally {
    await page.close();
  }
});

test('a registry module nobody can see into is an opaque box labelled with its reference, apart from the rest', async () => {
  const reference = 'br:contoso.azurecr.io/bicep/app:1.0.0';
  const call = { reference, file: examples.entities[0].file, line: 3 };
  await withDrawing(
    { model: { ...examples, unseenModules: [call] }, scope: 'workspace' },
    async ({ page, description }) => {
      const boxes = description.nodes.filter((node) => node.kind === 'registryModule');
      assert.equal(boxes.length, 1);
      const [box] = boxes;
      assert.equal(box.name, reference);
      assert.equal(box.label, `${reference}\nregistry module · contents unseen\nrun \`bicep restore\` to see into it`);
      assert.equal(box.borderStyle, 'double', 'drawn unlike any resource');
      assert.equal(box.parent, null);
      assert.deepEqual([box.file, box.line], [call.file, call.line], 'it leads to the call');
      assert.ok(box.fontSize * description.viewport.zoom >= 11 - 1e-9, 'its label is readable');
      for (const other of description.nodes.filter((node) => !node.parent && node.id !== box.id)) {
        const apart =
          box.box.x2 <= other.box.x1 ||
          other.box.x2 <= box.box.x1 ||
          box.box.y2 <= other.box.y1 ||
          other.box.y2 <= box.box.y1;
        assert.ok(apart, `the box does not overlap ${other.name}`);
      }
      assert.equal(description.nodes.length, 20, 'the 19 resources of examples and the box');
      await page.locator('button', { hasText: 'List' }).click();
      assert.match(
        await page.locator('#outline').innerText(),
        /br:contoso\.azurecr\.io\/bicep\/app:1\.0\.0 \(registry module, contents unseen\)/,
      );
    },
  );
});

test('examples: the one-way peering is drawn broken (dashed, error colour)', async () => {
  const { edges, theme } = await describe(shared.page);
  const peering = edges.find((edge) => edge.kind === 'peering');
  assert.equal(peering.state, 'broken');
  assert.equal(peering.lineStyle, 'dashed');
  assert.equal(rgbToHex(peering.colour), theme.broken);
  assert.match(peering.label, /peer-hub-to-spoke \(one-way\)/);
  const link = edges.find((edge) => edge.kind === 'vnetLink');
  assert.equal(link.lineStyle, 'dotted');
});

test('two-way peerings are solid; a remote outside the files is a dashed stand-in; badges and IPv6', async () => {
  const page = shared.page;
  await postModel(page, fixture('two-way'));
  const { nodes, edges, theme } = await describe(page);
  const peerings = edges.filter((edge) => edge.kind === 'peering');
  assert.deepEqual(peerings.map((edge) => edge.state).sort(), ['ok', 'ok', 'unknown']);
  for (const edge of peerings.filter((edge) => edge.state === 'ok')) {
    assert.equal(edge.lineStyle, 'solid');
    assert.notEqual(rgbToHex(edge.colour), theme.broken);
  }
  const outside = nodes.find((node) => node.kind === 'external' && node.name.endsWith('vnet-remote-hub'));
  assert.ok(outside, 'a stand-in for the remote VNet');
  assert.match(outside.label, /^vnet-remote-hub\nVNet outside the analysed files$/);
  assert.match(byName({ nodes }, 'snet-app').label, /NSG: nsg-app\nRoute table: rt-app$/);
  assert.equal(
    byName({ nodes }, 'snet-app').level,
    'error',
    'the route table finding marks the subnet it is attached to',
  );
  assert.match(byName({ nodes }, 'snet-pe').label, /1 \/ 11 addresses used/);
  assert.match(byName({ nodes }, 'snet-v6').label, /0 \/ ≈2\^64 addresses used/);
  assert.match(byName({ nodes }, 'nsg-spare').label, /not attached/);
  assert.equal(nodes.length, 10);
  assert.equal(edges.length, 5);
});

test('findings: marked on their node, with the message in the hover text', async () => {
  const page = shared.page;
  await postModel(page, examples, { scope: 'file' });
  const description = await describe(page);
  const pls = byName(description, 'snet-pls');
  assert.equal(pls.level, 'error');
  assert.match(pls.tooltip, /error pls-subnet-policies: Subnet 'snet-pls' in VNet 'vnet-spoke-orders' gives/);
  assert.equal(
    byName(description, 'vnet-spoke-orders').level,
    null,
    'the inline subnet, not its VNet on the same line, takes the finding',
  );
  const vault = description.nodes.find((node) => node.kind === 'privateEndpoint' && node.name.startsWith('pe-kv-'));
  assert.equal(vault.level, 'warning', 'matched by file and line to the declaration above it');
  assert.match(vault.tooltip, /pe-dns-zone-group-missing/);
  assert.equal(
    byName(description, 'contoso.internal').level,
    'warning',
    'the ARM zone takes the location finding (line 71, zone at 67)',
  );
  assert.equal(byName(description, 'vnet-mgmt').level, null);
  // Hover: the drawing's title becomes the node's text, findings included.
  const box = await page.locator('#graph').boundingBox();
  await page.mouse.move(box.x + pls.box.x1 + 6, box.y + pls.box.y1 + 6);
  await page.waitForFunction(() => document.querySelector('#graph').title.includes('pls-subnet-policies'));
});

test('a finding fixed in a redraw of the same resources takes its marker with it', async () => {
  const page = shared.page;
  await postModel(page, examples, { scope: 'file' });
  assert.equal(byName(await describe(page), 'snet-pls').level, 'error');
  await postModel(page, { ...examples, findings: [] }, { scope: 'file' });
  const fixed = await describe(page);
  for (const node of fixed.nodes) {
    assert.equal(node.level, null, `${node.name} has no marker`);
    assert.ok(!node.label.includes('⚠'), `${node.name}: ${node.label}`);
  }
});

test('click on a node posts reveal with its file and line (leaf, endpoint and compound nodes)', async () => {
  const page = shared.page;
  const description = await describe(page);
  await page.evaluate(() => {
    window.__posted.length = 0;
  });
  await clickNode(page, byName(description, 'GatewaySubnet'));
  await clickNode(page, description.nodes.find(isBlobEndpoint));
  await clickNode(page, byName(description, 'vnet-mgmt'), true);
  assert.deepEqual(await posted(page, 'reveal'), [
    { type: 'reveal', file: 'examples/main.bicep', line: 19 },
    { type: 'reveal', file: 'examples/modules/data.bicep', line: 38 },
    { type: 'reveal', file: 'examples/arm/dns.json', line: 46 },
  ]);
});

test('a click selects a node or an edge: each is drawn with the selection overlay, one at a time', async () => {
  const page = shared.page;
  const description = await describe(page);
  const origin = await page.locator('#graph').boundingBox();
  // A point on an edge (a segment's middle) that the browser's hit test gives to that edge.
  const onEdge = await page.evaluate(
    ({ edges, origin }) => {
      for (const edge of edges)
        for (let i = 0; i + 1 < edge.route.length; i++) {
          const x = origin.x + (edge.route[i].x + edge.route[i + 1].x) / 2;
          const y = origin.y + (edge.route[i].y + edge.route[i + 1].y) / 2;
          if (document.elementFromPoint(x, y)?.closest('[data-id]')?.getAttribute('data-id') === edge.id)
            return { id: edge.id, x, y };
        }
      return undefined;
    },
    { edges: description.edges, origin },
  );
  assert.ok(onEdge, 'some edge is hit where it is drawn');
  const overlays = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('#graph .selection')].map((path) =>
        path.closest('[data-id]').getAttribute('data-id'),
      ),
    );
  await page.mouse.click(onEdge.x, onEdge.y);
  assert.deepEqual(await overlays(), [onEdge.id]);
  const subnet = byName(description, 'GatewaySubnet');
  await clickNode(page, subnet);
  assert.deepEqual(await overlays(), [subnet.id]);
  await page.keyboard.press('Escape');
  assert.deepEqual(await overlays(), []);
});

test('the list shows every resource as text and reveals from the keyboard too', async () => {
  const page = shared.page;
  await page.locator('button', { hasText: 'List' }).click();
  await page.locator('#outline').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#outline li.outline-node').count(), 19);
  await page.evaluate(() => {
    window.__posted.length = 0;
  });
  await page.locator('#outline button', { hasText: 'snet-pls (subnet)' }).focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await posted(page, 'reveal'), [{ type: 'reveal', file: 'examples/modules/spoke.bicep', line: 52 }]);
  await page.locator('button', { hasText: 'List' }).click();
});

test('a redraw after an edit keeps pan and zoom; an unchanged shape keeps the places', async () => {
  const page = shared.page;
  const graph = await page.locator('#graph').boundingBox();
  await page.mouse.move(graph.x + graph.width / 2, graph.y + graph.height / 2);
  await page.mouse.wheel(0, -300);
  await dragOnDrawing(page, { x: 200, y: 200 }, { x: 60, y: 40 });
  const before = await describe(page);
  const edited = structuredClone(examples);
  const blob = edited.entities.find(isBlobEndpoint);
  edited.entities.push({ ...blob, name: 'pe-added', id: `${blob.id}-added`, line: 120 });
  edited.references.push({
    kind: 'privateEndpoint.subnet',
    from: `${blob.id}-added`,
    to: edited.references.find((ref) => ref.kind === 'privateEndpoint.subnet').to,
  });
  await postModel(page, edited, { scope: 'file' });
  const after = await describe(page);
  assert.equal(after.nodes.length, before.nodes.length + 1);
  assert.deepEqual(after.viewport, before.viewport);
  assert.notEqual(before.viewport.zoom, 1);
  // Only a label changes: nothing moves.
  const renamed = structuredClone(edited);
  renamed.entities.find((entity) => entity.name === 'pe-added').name = 'pe-renamed';
  await postModel(page, renamed, { scope: 'file' });
  const again = await describe(page);
  assert.ok(again.nodes.some((node) => node.name === 'pe-renamed'));
  assert.deepEqual(
    again.nodes.map((node) => node.box),
    after.nodes.map((node) => node.box),
  );
});

// A redraw after an edit keeps the SVG groups of what is drawn as before (client/webview/drawn-layers.ts
// drawChanged), and draws again only what changed, containers still beneath what they hold.
test('a redraw keeps the drawn groups of unchanged resources and draws the changed ones again', async () => {
  await withDrawing({}, async ({ page, description: before }) => {
    const blob = before.nodes.find(isBlobEndpoint);
    const zone = byName(before, 'privatelink.blob.core.windows.net');
    await page.evaluate(() => {
      for (const group of document.querySelectorAll('#graph [data-id]')) group.__before = true;
    });
    const renamed = structuredClone(examples);
    renamed.entities.find((entity) => entity.name === zone.name).name = 'privatelink.blob.core.windows.nex';
    await postModel(page, renamed, { scope: 'file' });
    const kept = await page.evaluate(
      (ids) =>
        ids.map((id) => {
          const group = document.querySelector(`#graph [data-id="${CSS.escape(id)}"]`);
          return [group?.__before === true, group?.querySelector('text')?.textContent ?? ''];
        }),
      [blob.id, zone.id],
    );
    assert.deepEqual(kept[0], [true, blob.label.replaceAll('\n', '')], 'the endpoint keeps its group');
    assert.equal(kept[1][0], false, 'the renamed zone is drawn again');
    assert.match(kept[1][1], /windows\.nex/);
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('#graph g.containers > g')].map((group) => group.dataset.id),
    );
    const after = await describe(page);
    for (const node of after.nodes.filter(
      (candidate) => order.includes(candidate.parent ?? '') && order.includes(candidate.id),
    ))
      assert.ok(order.indexOf(node.parent) < order.indexOf(node.id), `${node.name} is drawn over its container`);
  });
});

// A redraw restyles what changed: a node's new size must move the containers that depend on it.
test('a longer name in a redraw widens its node, and its subnet and VNet grow around it', async () => {
  await withDrawing({}, async ({ page, description: before }) => {
    const endpoint = before.nodes.find((node) => node.kind === 'privateEndpoint');
    const renamed = structuredClone(examples);
    renamed.entities.find((entity) => entity.name === endpoint.name).name = 'W'.repeat(60);
    const drawings = () => page.evaluate(() => performance.getEntriesByName('topology:add').length);
    const drawnBefore = await drawings();
    await postModel(page, renamed, { scope: 'file' });
    // Read what the user sees: the boxes after the redraw's frames are painted.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const after = await describe(page);
    assert.equal(await drawings(), drawnBefore + 1, 'the redraw of the same resources is timed as a drawing step');
    const grown = after.nodes.find((node) => node.id === endpoint.id);
    assert.ok(grown.box.w > endpoint.box.w + 100, `${grown.box.w} px wide, was ${endpoint.box.w}`);
    for (let child = grown; child.parent;) {
      const parent = after.nodes.find((node) => node.id === child.parent);
      assert.ok(
        grown.box.x1 >= parent.box.x1 && grown.box.x2 <= parent.box.x2,
        `${parent.name} (${parent.box.x1}..${parent.box.x2}) holds the widened endpoint (${grown.box.x1}..${grown.box.x2})`,
      );
      child = parent;
    }
  });
});

test('the scope switch posts the chosen scope and marks the button', async () => {
  const page = shared.page;
  await page.evaluate(() => {
    window.__posted.length = 0;
  });
  await page.locator('button[data-scope="workspace"]').click();
  assert.deepEqual(await posted(page, 'scope'), [{ type: 'scope', scope: 'workspace' }]);
  assert.equal(await page.locator('button[data-scope="workspace"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('button[data-scope="file"]').getAttribute('aria-pressed'), 'false');
});

test('export: SVG (well-formed, with the names and the broken peering) and PNG', async () => {
  const page = shared.page;
  await postModel(page, examples, { scope: 'workspace' });
  await page.evaluate(() => {
    window.__posted.length = 0;
    window.postMessage({ type: 'export', format: 'svg', requestId: 7 }, '*');
  });
  await page.waitForFunction(() => window.__posted.some((message) => message.type === 'exported'));
  const [svg] = await posted(page, 'exported');
  assert.equal(svg.requestId, 7);
  assert.match(svg.data, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      nodes: doc.querySelectorAll('g.node').length,
      // Each node's name (its title's first line) and box, in document (drawing) order.
      boxes: [...doc.querySelectorAll('g.node')].map((group) => {
        const rect = group.querySelector('rect:last-of-type');
        const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name)));
        const textY = Number(group.querySelector('text').getAttribute('y'));
        return {
          name: group.querySelector('title').textContent.split('\n')[0],
          x1: x,
          y1: y,
          x2: x + w,
          y2: y + h,
          textY,
        };
      }),
      broken: doc.querySelectorAll('g.edge.broken path[stroke-dasharray]').length,
    };
  }, svg.data);
  assert.equal(parsed.error, null);
  assert.equal(parsed.nodes, 19);
  // Containers come before (beneath) what they hold, and enclose it.
  const { nodes: drawnNodes } = await describe(page);
  const svgIndex = (id) => parsed.boxes.findIndex((box) => box.name === drawnNodes.find((node) => node.id === id).name);
  for (const node of drawnNodes.filter((candidate) => candidate.parent)) {
    const [inner, outer] = [parsed.boxes[svgIndex(node.id)], parsed.boxes[svgIndex(node.parent)]];
    assert.ok(svgIndex(node.parent) < svgIndex(node.id), `${node.name} is drawn after its container`);
    assert.ok(outer.textY < outer.y1, 'a container is named above its box');
    assert.ok(
      inner.x1 >= outer.x1 && inner.x2 <= outer.x2 && inner.y1 >= outer.y1 && inner.y2 <= outer.y2,
      `${node.name} lies inside its container in the SVG`,
    );
  }
  assert.equal(parsed.broken, 1);
  assert.ok(
    parsed.texts.some((text) => text.includes('vnet-hub')) &&
      parsed.texts.some((text) => text.includes('snet-private-endpoints')),
  );
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'topology.svg'), svg.data);
  await page.evaluate(() => {
    window.__posted.length = 0;
    window.postMessage({ type: 'export', format: 'png', requestId: 8 }, '*');
  });
  await page.waitForFunction(() => window.__posted.some((message) => message.type === 'exported'));
  const [png] = await posted(page, 'exported');
  const bytes = Buffer.from(png.data, 'base64');
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(bytes.length > 10_000, `a real picture (${bytes.length} bytes)`);
});

// The README's picture is rewritten only on request (UPDATE_SCREENSHOTS=1) or when it is missing:
// fonts and the layout library's version change the picture slightly, and review should see when.
test('screenshot for the README (test-results/topology.png; docs/images/topology.png on request)', async () => {
  const page = shared.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await postModel(page, examples, { scope: 'workspace', title: 'Workspace examples' });
  await page.locator('button', { hasText: 'Fit' }).click();
  await page.waitForTimeout(200);
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, 'topology.png');
  await page.screenshot({ path: file });
  const readme = path.join(repoRoot, 'docs/images/topology.png');
  if (process.env.UPDATE_SCREENSHOTS === '1' || !fs.existsSync(readme)) {
    fs.mkdirSync(path.dirname(readme), { recursive: true });
    fs.copyFileSync(file, readme);
  }
  assert.ok(fs.statSync(file).size > 20_000);
});

test('a theme change (dark → light) recolours the drawing', async () => {
  const page = shared.page;
  const before = await describe(page);
  await page.evaluate((theme) => {
    for (const [name, value] of Object.entries(theme)) document.documentElement.style.setProperty(name, value);
    document.body.classList.replace('vscode-dark', 'vscode-light');
  }, lightTheme);
  await page.waitForFunction(() => window.vnetLensTopology.describe().theme.background === '#ffffff');
  const after = await describe(page);
  const hub = (description) => description.nodes.find((node) => node.name === 'vnet-hub');
  assert.equal(rgbToHex(hub(before).colour), '#3794ff');
  assert.equal(rgbToHex(hub(after).colour), '#1a85ff');
  const gateway = (description) => description.nodes.find((node) => node.name === 'GatewaySubnet');
  assert.notEqual(rgbToHex(gateway(after).background), rgbToHex(gateway(before).background));
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  await page.screenshot({ path: path.join(resultsDir, 'topology-light.png') });
});

for (const csp of [true, false]) {
  test(`hostile names are shown as text and run nothing (${csp ? 'with' : 'even without'} the CSP)`, async () => {
    const local = await startPageServer({ csp });
    const { page, errors } = await openPage(browser, local);
    try {
      const hostile = fixture('hostile');
      await postModel(page, hostile);
      await page.locator('button', { hasText: 'List' }).click();
      const box = await page.locator('#graph').boundingBox();
      const { nodes } = await describe(page);
      for (const node of nodes)
        await page.mouse.move(box.x + (node.box.x1 + node.box.x2) / 2, box.y + (node.box.y1 + node.box.y2) / 2);
      await page.evaluate(() => window.postMessage({ type: 'export', format: 'svg', requestId: 1 }, '*'));
      await page.waitForFunction(() => window.__posted.some((message) => message.type === 'exported'));
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(
        await page.locator('img, iframe, script:not([src]):not([nonce]), #outline svg, #outline b, #outline i').count(),
        0,
      );
      const outline = await page.locator('#outline').innerText();
      for (const entity of hostile.entities)
        assert.ok(outline.includes(entity.name), `the list shows ${entity.name} as text`);
      assert.ok(outline.includes('<b onmouseover=window.__pwned=4>hover me</b>'), 'the finding message is text');
      await page
        .locator('#outline button', { hasText: '<img src=x onerror=window.__pwned=1> (VNet)' })
        .waitFor({ state: 'visible' });
      assert.ok(
        nodes.some((node) => node.label.startsWith('<img src=x onerror=window.__pwned=1>')),
        'the canvas label is the raw name',
      );
      const [svg] = await posted(page, 'exported');
      assert.ok(
        svg.data.includes('&lt;img src=x onerror=window.__pwned=1&gt;') && !svg.data.includes('<img'),
        'the SVG escapes names',
      );
      assert.ok(!svg.data.includes('<script'), 'the SVG holds no script');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await local.close();
    }
  });
}

/** A server standing for the internet on another origin (127.0.0.1, another port); it counts what it is asked. */
async function startRemote() {
  const requests = [];
  const remote = http.createServer((request, response) => {
    requests.push(request.url);
    const types = { '/remote.js': 'text/javascript', '/remote.css': 'text/css', '/pixel.svg': 'image/svg+xml' };
    response.writeHead(200, { 'content-type': types[request.url] ?? 'text/plain', 'access-control-allow-origin': '*' });
    response.end(
      request.url === '/remote.js'
        ? 'window.__remoteRan = true;'
        : request.url === '/pixel.svg'
          ? '<svg xmlns="http://www.w3.org/2000/svg"/>'
          : 'remote',
    );
  });
  await new Promise((resolve) => remote.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${remote.address().port}`,
    requests,
    close: () => new Promise((resolve) => remote.close(resolve)),
  };
}

/** Probes put in the page under its production CSP: each sets a flag or asks the remote server if it is allowed. */
const cspProbes = (origin) => `
<script>window.__inlineRan = true;</script>
<script nonce="not-the-nonce">window.__wrongNonceRan = true;</script>
<script nonce="${nonce}">
  window.__nonceRan = true;
  try { eval('window.__evalRan = true'); } catch (error) { window.__evalBlocked = error.name; }
  fetch('${origin}/fetch').then(() => { window.__fetched = true; }, () => { window.__fetchBlocked = true; });
</script>
<img src="data:," onerror="window.__handlerRan = true">
<img src="${origin}/pixel.svg">
<script src="${origin}/remote.js"></script>
<link rel="stylesheet" href="${origin}/remote.css">
`;

test('the CSP runs only scripts with the nonce and blocks remote content (no eval, no inline, no other origin)', async () => {
  const remote = await startRemote();
  const local = await startPageServer({ inject: cspProbes(remote.origin) });
  const { page } = await openPage(browser, local);
  try {
    await page.waitForFunction(() => window.__fetchBlocked || window.__fetched);
    await page.waitForFunction(() => window.__csp.length >= 7, undefined, { timeout: 5_000 }).catch(() => {});
    const flags = await page.evaluate(() =>
      Object.fromEntries(
        [
          '__inlineRan',
          '__wrongNonceRan',
          '__nonceRan',
          '__evalRan',
          '__evalBlocked',
          '__fetched',
          '__fetchBlocked',
          '__handlerRan',
          '__remoteRan',
        ].map((name) => [name, window[name] ?? null]),
      ),
    );
    assert.deepEqual(flags, {
      __inlineRan: null,
      __wrongNonceRan: null,
      __nonceRan: true,
      __evalRan: null,
      __evalBlocked: 'EvalError',
      __fetched: null,
      __fetchBlocked: true,
      __handlerRan: null,
      __remoteRan: null,
    });
    const violations = await page.evaluate(() => window.__csp);
    const blocked = (directive, uri) => violations.some((line) => line.startsWith(directive) && line.endsWith(uri));
    assert.ok(blocked('script-src', 'inline'), `inline scripts are reported: ${violations.join(' | ')}`);
    assert.ok(blocked('script-src', 'eval'), 'eval is reported');
    for (const [directive, file] of [
      ['img-src', '/pixel.svg'],
      ['script-src', '/remote.js'],
      ['style-src', '/remote.css'],
      ['connect-src', '/fetch'],
    ]) {
      assert.ok(
        blocked(directive, `${remote.origin}${file}`),
        `${directive} blocks ${file}: ${violations.join(' | ')}`,
      );
    }
    assert.deepEqual(remote.requests, [], 'nothing reached the other origin');
    // The page itself still works under the same policy.
    assert.equal((await postModel(page, examples)).nodes, 19);
  } finally {
    await page.close();
    await local.close();
    await remote.close();
  }
});

test('control: without the CSP the same probes run and reach the other origin', async () => {
  const remote = await startRemote();
  const local = await startPageServer({ csp: false, inject: cspProbes(remote.origin) });
  const { page } = await openPage(browser, local);
  try {
    await page.waitForFunction(() => window.__fetched && window.__remoteRan && window.__handlerRan);
    assert.equal(await page.evaluate(() => window.__inlineRan && window.__evalRan), true);
    for (const file of ['/pixel.svg', '/remote.js', '/remote.css', '/fetch'])
      assert.ok(remote.requests.includes(file), `${file} was requested`);
  } finally {
    await page.close();
    await local.close();
    await remote.close();
  }
});

test('a selected VNet or target draws how names resolve through it: the path, the answer and its steps (engine on examples/)', async () => {
  const model = await examplesTopology(repoRoot);
  assert.ok(model.resolutions.length >= 3, "the engine explains the examples' targets");
  await withDrawing({ model, scope: 'workspace' }, async ({ page }) => {
    const panel = page.locator('#resolution');
    const onPath = async () => {
      const { nodes, edges } = await describe(page);
      return {
        nodes: nodes.filter((node) => node.classes.includes('on-path')),
        edges: edges.filter((edge) => edge.classes.includes('on-path')),
        faded: nodes.filter((node) => node.classes.includes('off-path')),
      };
    };
    assert.equal(await panel.isHidden(), true, 'nothing selected, no panel');

    // The reports spoke asks a DNS server in the hub, whose VNet is not linked to the file zone: public.
    await clickNode(page, byName(await describe(page), 'vnet-spoke-reports'), true);
    await panel.locator('h2', { hasText: 'Name resolution from vnet-spoke-reports' }).waitFor();
    const reports = panel.locator('section.resolution-item');
    assert.equal(await reports.count(), 1);
    assert.match(
      await reports.locator('h3').innerText(),
      /^streporders\$\{uniqueString\(…\)\} from vnet-spoke-reports: public$/,
    );
    assert.match(await reports.innerText(), /10\.0\.2\.4 lies in subnet 'snet-shared' of 'vnet-hub'/);
    assert.match(await reports.innerText(), /'privatelink\.file\.core\.windows\.net' is not linked to 'vnet-hub'/);
    let drawn = await onPath();
    assert.deepEqual(
      drawn.nodes.map((node) => node.name).sort(),
      ['privatelink.file.core.windows.net', 'streporders${uniqueString(…)}', 'vnet-hub', 'vnet-spoke-reports'].sort(),
    );
    assert.deepEqual(drawn.edges, [], 'no link joins the zone to the hub: no edge is on the path');
    assert.ok(
      drawn.faded.some((node) => node.name === 'vnet-mgmt'),
      'what the path does not go through fades',
    );

    // The blob target from the orders spoke: zone, its link to the spoke, the zone group, the endpoint: private.
    await page.screenshot({ path: path.join(resultsDir, 'topology-resolution.png') });
    const inView = await describe(page);
    const graphBox = await page.locator('#graph').boundingBox();
    for (const node of drawn.nodes) {
      const seen = inView.nodes.find((candidate) => candidate.id === node.id).box;
      assert.ok(
        seen.x2 > 0 && seen.y2 > 0 && seen.x1 < graphBox.width && seen.y1 < graphBox.height,
        `${node.name} is brought into view`,
      );
    }

    // The blob target from the orders spoke, chosen from the list: zone, its link to the spoke, the
    // zone group, the endpoint: private.
    await page.locator('button', { hasText: 'List' }).click();
    await page
      .locator('#outline li.outline-node.target', { hasText: 'storders' })
      .locator('> button.show-resolution')
      .click();
    await panel.locator('h2', { hasText: 'Name resolution of storders' }).waitFor();
    assert.match(await panel.locator('section.resolution-item h3').innerText(), /from vnet-spoke-orders: private$/);
    assert.equal(await panel.locator('section.resolution-item li').count(), 5, 'dns, zone, link, record, answer');
    drawn = await onPath();
    assert.deepEqual(drawn.edges.map((edge) => edge.kind).sort(), ['endpointTarget', 'vnetLink', 'zoneGroup']);
    assert.ok(
      drawn.edges.every((edge) => edge.lineStyle === 'solid'),
      'path edges are drawn solid',
    );
    assert.deepEqual(drawn.nodes.map((node) => node.kind).sort(), ['dnsZone', 'privateEndpoint', 'target', 'vnet']);
    const endpoint = drawn.nodes.find((node) => node.kind === 'privateEndpoint');
    const containers = (await describe(page)).nodes.filter((node) => node.id === endpoint.parent);
    assert.ok(
      containers.every((node) => !node.classes.includes('off-path')),
      "the endpoint's subnet does not fade it",
    );

    // Escape clears it; the list selects from the keyboard.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    assert.deepEqual((await onPath()).nodes, []);
    const orders = page
      .locator('#outline li.outline-node.vnet', { hasText: 'vnet-spoke-orders (VNet)' })
      .locator('> button.show-resolution');
    await orders.focus();
    await page.keyboard.press('Enter');
    await panel.locator('h2', { hasText: 'Name resolution from vnet-spoke-orders' }).waitFor();
    const answers = await panel.locator('section.resolution-item .verdict').allInnerTexts();
    assert.deepEqual(
      answers.sort(),
      ['private', 'unknown'],
      'the blob store resolves privately; the vault has no zone group writing its record',
    );
  });
});

// Issue 16: the first frame of a drawing already shows the kinds' icons. The page draws them from
// symbols in its SVG (nothing loads on first use); a large drawing is the case: its elements reach the
// page in the same task that posts 'rendered', so the next frame is their first. (This read the pixels
// of cytoscape's node canvas before the page drew its own SVG.)
test("the first frame of a drawing shows the kinds' icons", async () => {
  const { page, errors } = await openPage(browser, server);
  try {
    const icons = await page.evaluate(async (model) => {
      const { promise: firstFrame, resolve } = Promise.withResolvers();
      const post = window.__posted.push.bind(window.__posted);
      window.__posted.push = (message) => {
        if (message.type === 'rendered') requestAnimationFrame(resolve);
        return post(message);
      };
      window.postMessage({ type: 'model', model, scope: 'workspace', title: 'icons', seq: 1 }, '*');
      await firstFrame;
      const { nodes, theme } = window.vnetLensTopology.describe();
      const area = document.querySelector('#graph').getBoundingClientRect();
      // The icon sits 8 px inside the top-left corner of a leaf, 16 px square (theme.ts, icons.ts).
      return nodes
        .filter((node) => node.kind === 'target' && node.box.x1 >= 0 && node.box.y1 >= 0)
        .filter((node) => node.box.x2 <= area.width && node.box.y2 <= area.height)
        .map((node) => {
          const use = document.querySelector(`#graph g.node[data-id="${CSS.escape(node.id)}"] use`);
          const symbol = use && document.querySelector(use.getAttribute('href'));
          const { zoom, pan } = window.vnetLensTopology.describe().viewport;
          const attribute = (name) => Number(use?.getAttribute(name));
          return {
            stroke: symbol?.querySelector('g')?.getAttribute('stroke') === theme.target,
            shapes: symbol?.querySelectorAll('path, ellipse, circle, rect').length ?? 0,
            // Where the <use> draws the symbol, from the node's top-left corner, in drawing units.
            place: [
              attribute('x') - (node.box.x1 - pan.x) / zoom,
              attribute('y') - (node.box.y1 - pan.y) / zoom,
              attribute('width'),
              attribute('height'),
            ].map(Math.round),
          };
        });
    }, largeModel(300));
    assert.ok(icons.length > 0, 'targets in view');
    for (const icon of icons) {
      assert.ok(icon.stroke, "stroked in the target's colour");
      assert.ok(icon.shapes >= 2, "the target's outline");
      assert.deepEqual(icon.place, [8, 8, 16, 16]);
    }
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('an empty model says so; 300 resources draw', async () => {
  const page = shared.page;
  await postModel(page, { entities: [], references: [] }, { scope: 'file' });
  await page.locator('.empty', { hasText: 'No network resources in this file' }).waitFor({ state: 'visible' });
  const rendered = await postModel(page, largeModel(300), { scope: 'workspace' });
  assert.ok(rendered.nodes >= 290 && rendered.nodes <= 310, `${rendered.nodes} nodes`);
  assert.ok(rendered.ms < 10_000, `drawn in ${rendered.ms} ms`);
});

// Issue 16: a large drawing is packed (ELK's box layout, not a force layout): no two resources drawn
// over each other, the same model drawn the same way, and a redraw that adds a resource moves nothing.
test('300 resources: nothing overlaps, the same model draws the same, and an added resource moves nothing', async () => {
  const model = largeModel(300);
  const drawings = [];
  for (let run = 0; run < 2; run++) {
    await withDrawing({ model, scope: 'workspace' }, async ({ page, description }) => {
      drawings.push(description);
      if (run === 1) {
        await postModel(page, withTargetAdded(model), { scope: 'workspace' });
        const after = await describe(page);
        assert.equal(after.nodes.length, drawings[1].nodes.length + 1);
        assert.deepEqual(after.viewport, drawings[1].viewport);
        const placed = new Map(after.nodes.map((node) => [node.id, node.box]));
        for (const node of drawings[1].nodes)
          assert.deepEqual(placed.get(node.id), node.box, `${node.name} stays where it was`);
        drawings.push(after);
      }
    });
  }
  assert.deepEqual(
    drawings[1].nodes.map((node) => [node.id, node.box]),
    drawings[0].nodes.map((node) => [node.id, node.box]),
  );
  for (const drawing of [drawings[0], drawings[2]]) {
    const byId = new Map(drawing.nodes.map((node) => [node.id, node]));
    const ancestors = (node) => {
      const chain = new Set();
      for (let current = node; current?.parent; current = byId.get(current.parent)) chain.add(current.parent);
      return chain;
    };
    const overlaps = [];
    for (const [i, a] of drawing.nodes.entries()) {
      for (const b of drawing.nodes.slice(i + 1)) {
        if (ancestors(a).has(b.id) || ancestors(b).has(a.id)) continue;
        if (a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2)
          overlaps.push(`${a.name} / ${b.name}`);
      }
    }
    assert.deepEqual(overlaps, [], 'no two resources drawn over each other');
    assert.deepEqual(outsideParents(drawing), [], 'every resource is drawn inside its container');
  }
});

// The page draws only what meets the view (client/webview/drawn-layers.ts): what a pan brings into
// view is drawn before the frame that shows it, where the pointer finds it.
test('300 resources: only what is in view is drawn, and what a pan brings into view is drawn and hit', async () => {
  await withDrawing({ model: largeModel(300), scope: 'workspace' }, async ({ page }) => {
    const area = await page.locator('#graph').boundingBox();
    const inView = (node) =>
      node.box.x1 >= 0 && node.box.y1 >= 0 && node.box.x2 <= area.width && node.box.y2 <= area.height;
    const drawnIds = () =>
      page.evaluate(() => [...document.querySelectorAll('#graph g.node')].map((group) => group.dataset.id));
    const before = await describe(page);
    const drawn = new Set(await drawnIds());
    assert.ok(drawn.size < before.nodes.length / 2, `${drawn.size} of ${before.nodes.length} nodes drawn`);
    for (const node of before.nodes.filter(inView)) assert.ok(drawn.has(node.id), `${node.name} is drawn`);
    const hidden = before.nodes.find((node) => !node.parent && !drawn.has(node.id) && node.box.y1 > area.height);
    assert.ok(hidden, 'a resource below the view is not drawn yet');
    await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
    await page.mouse.wheel(0, hidden.box.y1 - 40);
    await page.waitForFunction(
      ([id, y]) => window.vnetLensTopology.describe().nodes.find((node) => node.id === id).box.y1 < y,
      [hidden.id, area.height / 2],
    );
    const after = await describe(page);
    const now = after.nodes.find((node) => node.id === hidden.id);
    assert.ok((await drawnIds()).includes(hidden.id), `${hidden.name} is drawn once in view`);
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-id]')?.dataset.id, {
      x: area.x + now.box.x1 + 6,
      y: area.y + now.box.y1 + 6,
    });
    assert.equal(hit, hidden.id, 'the pointer finds it');
  });
});

/** The nodes of a description drawn (their boxes, labels aside) outside their container's box. */
function outsideParents(description) {
  const byId = new Map(description.nodes.map((node) => [node.id, node]));
  return description.nodes
    .filter((node) => node.parent)
    .filter((node) => {
      const parent = byId.get(node.parent).box;
      return node.box.x1 < parent.x1 || node.box.x2 > parent.x2 || node.box.y1 < parent.y1 || node.box.y2 > parent.y2;
    })
    .map((node) => node.name);
}

// Containers are drawn beneath what they hold (client/webview/drawn-layers.ts): what the pointer meets
// (the browser's hit test of the SVG, topmost first) is the leaf, not the subnet around it, and an edge
// leaving its subnet and VNet, not their fills. (This read the pixels of cytoscape's node canvas before
// the page drew its own SVG.)
test('containers are drawn beneath what they hold: a leaf in a subnet and an edge leaving it are on top', async () => {
  await withDrawing({}, async ({ page, description }) => {
    const endpoint = description.nodes.find(isBlobEndpoint);
    const subnet = description.nodes.find((node) => node.id === endpoint.parent);
    const graph = await page.locator('#graph').boundingBox();
    const topmost = (points) =>
      page.evaluate(
        (at) => at.map(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-id]')?.dataset.id ?? null),
        points.map(({ x, y }) => ({ x: graph.x + x, y: graph.y + y })),
      );
    const leaf = endpoint.box;
    assert.deepEqual(
      await topmost([
        { x: leaf.x1 + 6, y: leaf.y2 - 6 },
        { x: leaf.x1 + 6, y: (leaf.y2 + subnet.box.y2) / 2 },
      ]),
      [endpoint.id, subnet.id],
      'the endpoint is met inside its box, the subnet beside it',
    );
    // The endpoint's edge to its target leaves the subnet and the VNet: zoomed in, it is met inside both.
    const vnetBottom = description.nodes.find((node) => node.id === subnet.parent).box.y2;
    const edgeOf = (drawing) =>
      drawing.edges.find((candidate) => candidate.kind === 'endpointTarget' && candidate.source === endpoint.id);
    await page.mouse.move(graph.x + edgeOf(description).route[0].x, graph.y + vnetBottom);
    await page.keyboard.down('Control');
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    const zoomed = await describe(page);
    assert.equal(zoomed.viewport.zoom, 4);
    const at = (id) => zoomed.nodes.find((node) => node.id === id).box;
    const x = edgeOf(zoomed).route[0].x;
    assert.deepEqual(
      await topmost([
        { x, y: (at(endpoint.id).y2 + at(subnet.id).y2) / 2 },
        { x, y: (at(subnet.id).y2 + at(subnet.parent).y2) / 2 },
        { x, y: at(subnet.parent).y2 + 6 },
      ]),
      [edgeOf(zoomed).id, edgeOf(zoomed).id, edgeOf(zoomed).id],
      'the edge is drawn over the subnet and the VNet it leaves',
    );
  });
});

test('dragging a VNet takes its subnets and endpoints along; a node dragged out of its subnet widens it', async () => {
  await withDrawing({}, async ({ page }) => {
    const before = await describe(page);
    const vnet = byName(before, 'vnet-spoke-orders');
    const inside = before.nodes.filter(
      (node) => node.parent === vnet.id || before.nodes.find((p) => p.id === node.parent)?.parent === vnet.id,
    );
    await dragOnDrawing(page, { x: vnet.box.x1 + 4, y: vnet.box.y2 - 4 }, { x: 40, y: 30 });
    const moved = await describe(page);
    const shift = {
      x: byName(moved, 'vnet-spoke-orders').box.x1 - vnet.box.x1,
      y: byName(moved, 'vnet-spoke-orders').box.y1 - vnet.box.y1,
    };
    assert.ok(Math.abs(shift.x - 40) < 2 && Math.abs(shift.y - 30) < 2, `the VNet moved by (${shift.x}, ${shift.y})`);
    for (const node of inside) {
      const now = moved.nodes.find((candidate) => candidate.id === node.id).box;
      assert.ok(
        Math.abs(now.x1 - node.box.x1 - shift.x) < 0.5 && Math.abs(now.y1 - node.box.y1 - shift.y) < 0.5,
        `${node.name} moved with it`,
      );
    }
    const pls = byName(moved, 'pls-orders');
    const subnetBefore = moved.nodes.find((node) => node.id === pls.parent).box;
    await dragOnDrawing(page, { x: (pls.box.x1 + pls.box.x2) / 2, y: (pls.box.y1 + pls.box.y2) / 2 }, { x: 0, y: 120 });
    const dragged = await describe(page);
    const subnetAfter = dragged.nodes.find((node) => node.id === pls.parent).box;
    assert.ok(subnetAfter.y2 > subnetBefore.y2 + 100, `the subnet grew down (${subnetBefore.y2} → ${subnetAfter.y2})`);
    assert.deepEqual(outsideParents(dragged), [], 'every resource is still drawn inside its container');
  });
});

// Cytoscape bent a routed edge along when one of its ends was dragged; the SVG drawing must too
// (edge-geometry.ts withEndMoved), not fall back to a straight line.
test('an edge with one end dragged keeps a routed, orthogonal shape; its other end stays', async () => {
  await withDrawing({}, async ({ page, description: before }) => {
    const containers = new Set(before.nodes.flatMap((node) => node.parent ?? []));
    const edge = before.edges.find(
      (candidate) =>
        candidate.route.length > 2 && candidate.source !== candidate.target && !containers.has(candidate.source),
    );
    assert.ok(edge, 'ELK routed some edge from a leaf with bends');
    const leaf = before.nodes.find((node) => node.id === edge.source).box;
    await dragOnDrawing(page, { x: (leaf.x1 + leaf.x2) / 2, y: (leaf.y1 + leaf.y2) / 2 }, { x: 25, y: 35 });
    const route = (await describe(page)).edges.find((candidate) => candidate.id === edge.id).route;
    assert.ok(route.length > 2, `drawn along ${route.length} points, not straight`);
    const near = (a, b) => Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1;
    assert.ok(near(route[0], { x: edge.route[0].x + 25, y: edge.route[0].y + 35 }), 'its dragged end moved along');
    assert.ok(near(route.at(-1), edge.route.at(-1)), 'its other end stayed');
    for (let i = 1; i < route.length; i++)
      assert.ok(
        Math.abs(route[i - 1].x - route[i].x) < 0.5 || Math.abs(route[i - 1].y - route[i].y) < 0.5,
        `segment ${i} is horizontal or vertical`,
      );
  });
});

function rgbToHex(colour) {
  const match = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(colour);
  if (!match) return colour;
  return `#${match
    .slice(1)
    .map((part) => Number(part).toString(16).padStart(2, '0'))
    .join('')}`;
}

let passed = 0;
let failed = 0;
try {
  launched = await launchBrowser();
  browser = launched.browser;
  server = await startPageServer();
  shared = await openPage(browser, server);
  const only = process.argv[2];
  for (const { name, fn } of tests.filter((candidate) => !only || candidate.name.includes(only))) {
    const started = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(
        `FAIL ${name}\n     ${String(error?.stack ?? error)
          .split('\n')
          .slice(0, 6)
          .join('\n     ')}`,
      );
      await shared?.page.screenshot({ path: path.join(resultsDir, 'webview-failure.png') }).catch(() => {});
    }
  }
} catch (error) {
  failed++;
  console.log(`FAIL setup: ${error?.stack ?? error}`);
} finally {
  await launched?.close().catch(() => {});
  await server?.close();
}
console.log(`webview: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
