// The topology page adds a drawing styled first and nested second (client/webview/add-staged.ts, issue
// 16). Pinned here on a headless cytoscape: the result is what a plain `cy.add` gives (nesting, edges,
// places, every style property, the containers' `:parent` rules included). The time it saves is the
// render bench's to show (bench/topology-render.bench.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { addStaged } from '../../client/webview/add-staged';

const style: StylesheetJson = [
  { selector: 'node', style: { label: 'data(label)', width: 'data(w)', height: 'data(h)', 'border-width': 1 } },
  { selector: 'node[kind = "vnet"]', style: { 'border-color': '#3794ff' } },
  { selector: ':parent', style: { 'text-valign': 'top', padding: '14px', 'background-opacity': 0.07 } },
  { selector: 'node[kind = "subnet"]:parent', style: { 'background-color': '#89d185' } },
  { selector: 'edge', style: { label: 'data(label)', 'line-color': '#cccccc', 'curve-style': 'bezier' } },
];

/** Two VNets with two subnets of two leaves each, a top-level leaf, and edges across all levels. */
function elements(): ElementDefinition[] {
  const nodes: ElementDefinition[] = [];
  const edges: ElementDefinition[] = [];
  const node = (id: string, kind: string, parent?: string) =>
    nodes.push({
      group: 'nodes',
      data: { id, kind, label: id, w: 40 + id.length, h: 30, ...(parent ? { parent } : {}) },
      position: { x: nodes.length * 50, y: nodes.length * 20 },
    });
  node('zone', 'dnsZone');
  for (const vnet of ['v1', 'v2']) {
    node(vnet, 'vnet');
    edges.push({ group: 'edges', data: { id: `link-${vnet}`, source: 'zone', target: vnet, label: 'link' } });
    for (const subnet of [`${vnet}-s1`, `${vnet}-s2`]) {
      node(subnet, 'subnet', vnet);
      for (const leaf of [`${subnet}-a`, `${subnet}-b`]) {
        node(leaf, 'privateEndpoint', subnet);
        edges.push({ group: 'edges', data: { id: `to-${leaf}`, source: leaf, target: 'zone', label: 'dns' } });
      }
    }
  }
  edges.push({ group: 'edges', data: { id: 'peering', source: 'v1', target: 'v2', label: 'peering' } });
  return [...nodes, ...edges];
}

/** Every element's nesting and parsed style, after styling them all. */
function drawn(cy: Core): unknown[] {
  return cy.elements().map((element) => ({
    id: element.id(),
    parent: element.isNode() ? (element.parent().first().id() ?? null) : null,
    children: element.isNode() ? element.children().map((child) => child.id()) : [],
    ends: element.isEdge() ? [element.source().id(), element.target().id()] : [],
    position: element.isNode() ? element.position() : null,
    style: element.style(),
  }));
}

/** A headless cytoscape with the elements added by `add`, every one styled. */
function addAndStyle(add: (cy: Core, definitions: ElementDefinition[]) => void): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style });
  add(cy, elements());
  cy.batch(() => cy.elements().forEach((element) => void element.numericStyle('width')));
  return cy;
}

test('addStaged draws what cy.add draws: the same nesting, edges, places and styles', () => {
  const plain = addAndStyle((cy, definitions) => void cy.batch(() => cy.add(definitions)));
  const staged = addAndStyle(addStaged);
  assert.deepEqual(drawn(staged), drawn(plain));
  const subnet = staged.getElementById('v1-s1');
  assert.equal(subnet.parent().first().id(), 'v1');
  assert.equal(subnet.style('text-valign'), 'top', "a container nested after styling takes the ':parent' rules");
  assert.equal(subnet.style('background-color'), 'rgb(137,209,133)');
  plain.destroy();
  staged.destroy();
});
