// A redraw after an edit keeps the SVG groups of what is drawn as before (client/webview/drawn-state.ts
// tells which): every change that affects a drawing must tell a group apart, on fresh records too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drawnAlike, type DrawnFrom } from '../../client/webview/drawn-state';
import type { DrawnEdge, DrawnNode } from '../../client/webview/drawn-types';

const node = (): DrawnNode => ({
  id: 'pe',
  kind: 'privateEndpoint',
  name: 'pe',
  label: 'pe\nprivate endpoint',
  container: false,
  file: 'main.bicep',
  line: 3,
  tooltip: 'pe',
  x: 10,
  y: 20,
  w: 100,
  h: 40,
});
const edge = (): DrawnEdge => ({
  id: 'e',
  source: 'pe',
  target: 'st',
  kind: 'endpointTarget',
  state: 'ok',
  name: 'e',
  label: '',
  tooltip: 'e',
  route: [
    { x: 0, y: 0 },
    { x: 0, y: 50 },
  ],
});
const drawn = (record: DrawnNode | DrawnEdge, extra: Partial<DrawnFrom> = {}): DrawnFrom => ({
  record,
  ...('route' in record ? { points: record.route } : {}),
  mark: undefined,
  selected: false,
  ...extra,
});

test('drawnAlike: fresh records with the same values are drawn alike', () => {
  assert.equal(drawnAlike(drawn(node()), drawn(node())), true);
  assert.equal(drawnAlike(drawn(edge()), drawn(edge())), true);
});

test('drawnAlike: any field of a node, its mark or its selection tells it apart', () => {
  const changes: Partial<DrawnNode>[] = [
    { label: 'pe\nother' },
    { x: 11 },
    { y: 21 },
    { w: 101 },
    { h: 41 },
    { kind: 'target' },
    { container: true },
    { tooltip: 'other' },
    { level: 'error' },
    { line: 4 },
  ];
  for (const change of changes)
    assert.equal(drawnAlike(drawn(node()), drawn({ ...node(), ...change })), false, JSON.stringify(change));
  const { file: _dropped, ...withoutFile } = node();
  assert.equal(drawnAlike(drawn(node()), drawn(withoutFile)), false, 'a field gone');
  assert.equal(drawnAlike(drawn(withoutFile), drawn(node())), false, 'a field added');
  assert.equal(drawnAlike(drawn(node()), drawn(node(), { mark: 'off-path' })), false, 'a mark');
  assert.equal(drawnAlike(drawn(node()), drawn(node(), { selected: true })), false, 'a selection');
});

test('drawnAlike: an edge is told apart by its drawn points (its route, or its moved ends) and its fields', () => {
  const moved = edge();
  moved.route = [
    { x: 0, y: 0 },
    { x: 0, y: 51 },
  ];
  assert.equal(drawnAlike(drawn(edge()), drawn(moved)), false, 'a point moved');
  const bent = edge();
  bent.route = [...(bent.route ?? []), { x: 30, y: 50 }];
  assert.equal(drawnAlike(drawn(edge()), drawn(bent)), false, 'a bend added');
  const straight = { ...edge(), route: undefined };
  const between = (y: number) => [
    { x: 0, y: 0 },
    { x: 0, y },
  ];
  assert.equal(drawnAlike(drawn(straight, { points: between(50) }), drawn(straight, { points: between(50) })), true);
  assert.equal(
    drawnAlike(drawn(straight, { points: between(50) }), drawn(straight, { points: between(60) })),
    false,
    'a straight edge whose end moved',
  );
  assert.equal(drawnAlike(drawn(edge()), drawn({ ...edge(), state: 'broken' })), false, 'a state');
});
