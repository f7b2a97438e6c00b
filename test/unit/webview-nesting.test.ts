// The topology page keeps what holds what itself (client/webview/nesting.ts), and fits its containers,
// plain cytoscape nodes, around their children (container-boxes.ts): pinned here on a headless
// cytoscape (no labels there; the page's suite checks the drawing in Chromium).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import { containersAround, containerPadding, fitContainers } from '../../client/webview/container-boxes';
import { Nesting } from '../../client/webview/nesting';

/** A VNet holding two subnets, one holding two endpoints; a zone apart; a node whose parent is not drawn. */
const nodes = [
  { id: 'vnet' },
  { id: 'zone' },
  { id: 'snet-a', parent: 'vnet' },
  { id: 'snet-b', parent: 'vnet' },
  { id: 'pe-1', parent: 'snet-a' },
  { id: 'pe-2', parent: 'snet-a' },
  { id: 'stray', parent: 'not-drawn' },
];

test('Nesting: parents, children, ancestors, depth; containers innermost first; unknown parents ignored', () => {
  const nesting = new Nesting(nodes);
  assert.equal(nesting.parentOf('pe-1'), 'snet-a');
  assert.equal(nesting.parentOf('vnet'), undefined);
  assert.equal(nesting.parentOf('stray'), undefined);
  assert.deepEqual(nesting.childrenOf('vnet'), ['snet-a', 'snet-b']);
  assert.deepEqual(nesting.childrenOf('pe-1'), []);
  assert.deepEqual(nesting.ancestors('pe-2'), ['snet-a', 'vnet']);
  assert.equal(nesting.depth('pe-2'), 2);
  assert.equal(nesting.isContainer('snet-a'), true);
  assert.equal(nesting.isContainer('snet-b'), false, 'an empty subnet is drawn as a leaf');
  assert.deepEqual(nesting.containers, ['snet-a', 'vnet']);
  assert.deepEqual(containersAround(nesting, ['pe-1', 'zone']), ['snet-a', 'vnet']);
  assert.deepEqual(containersAround(nesting, ['snet-b']), ['vnet']);
});

const style: StylesheetJson = [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', 'border-width': 2 } }];

/** The nodes on a headless cytoscape, leaves 100×40 at given centres, containers unsized. */
function drawing(): Core {
  const centres: Record<string, { x: number; y: number }> = {
    zone: { x: -300, y: 0 },
    'snet-b': { x: 400, y: 50 },
    'pe-1': { x: 0, y: 0 },
    'pe-2': { x: 150, y: 60 },
  };
  const cy = cytoscape({ headless: true, styleEnabled: true, style });
  cy.add(
    nodes.map(({ id }) => ({
      group: 'nodes' as const,
      data: { id, w: centres[id] ? 100 : 0, h: centres[id] ? 40 : 0 },
      position: centres[id] ?? { x: 0, y: 0 },
    })),
  );
  return cy;
}

/** A node's outer box (its border included). */
const box = (cy: Core, id: string) => cy.getElementById(id).boundingBox({});

/** How far a box lies inside another on each side (left, top, right, bottom). */
function margins(outer: { x1: number; y1: number; x2: number; y2: number }, inner: typeof outer): number[] {
  return [inner.x1 - outer.x1, inner.y1 - outer.y1, outer.x2 - inner.x2, outer.y2 - inner.y2];
}

/** The union of some nodes' boxes. */
function union(cy: Core, ids: string[]) {
  const boxes = ids.map((id) => box(cy, id));
  return {
    x1: Math.min(...boxes.map((b) => b.x1)),
    y1: Math.min(...boxes.map((b) => b.y1)),
    x2: Math.max(...boxes.map((b) => b.x2)),
    y2: Math.max(...boxes.map((b) => b.y2)),
  };
}

test('fitContainers: each container encloses its children with the padding, outer ones around inner ones', () => {
  const cy = drawing();
  const nesting = new Nesting(nodes);
  fitContainers(cy, nesting, () => 0);
  // A box reaches past the node's size by what its border adds (the same for every node here).
  const beyond = (box(cy, 'pe-1').x2 - box(cy, 'pe-1').x1 - 100) / 2;
  const around = containerPadding + beyond;
  assert.deepEqual(margins(box(cy, 'snet-a'), union(cy, ['pe-1', 'pe-2'])), [around, around, around, around]);
  assert.deepEqual(margins(box(cy, 'vnet'), union(cy, ['snet-a', 'snet-b'])), [around, around, around, around]);
  assert.deepEqual(cy.getElementById('zone').position(), { x: -300, y: 0 }, 'what stands alone stays');
  cy.destroy();
});

test("fitContainers: a container's name starts at its left edge; an unchanged container is not touched", () => {
  const cy = drawing();
  const nesting = new Nesting(nodes);
  const labelWidth = (id: string) => (id === 'vnet' ? 40 : 1000);
  fitContainers(cy, nesting, labelWidth);
  const width = Number(cy.getElementById('vnet').data('w'));
  assert.equal(cy.getElementById('vnet').data('labelShift'), 20 - width / 2 + containerPadding / 2);
  assert.equal(cy.getElementById('snet-a').data('labelShift'), 0, 'a name wider than its box stays centred');
  let changes = 0;
  cy.on('data position', () => changes++);
  fitContainers(cy, nesting, labelWidth);
  assert.equal(changes, 0);
  // A child moved out of its subnet (a drag): the subnet and the VNet grow around it.
  cy.getElementById('pe-2').position({ x: 600, y: 60 });
  fitContainers(cy, nesting, labelWidth, containersAround(nesting, ['pe-2']));
  const right = (id: string) => margins(box(cy, id), union(cy, nesting.childrenOf(id) as string[]))[2];
  assert.equal(right('snet-a'), right('vnet'));
  assert.ok(box(cy, 'snet-a').x2 > box(cy, 'pe-2').x2 && box(cy, 'vnet').x2 > box(cy, 'snet-a').x2);
  cy.destroy();
});
