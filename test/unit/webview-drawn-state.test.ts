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

/** The record with one field's value changed (a string lengthened, a number moved, a flag flipped). */
function changed<T extends object>(record: T, key: keyof T): T {
  const value = record[key];
  const other = typeof value === 'string' ? `${value}x` : typeof value === 'number' ? value + 1 : !value;
  return { ...record, [key]: other };
}

test('drawnAlike: every field of a node (all of them set), its mark or its selection tells it apart', () => {
  const full: Required<DrawnNode> = { ...node(), level: 'warning', file: 'main.bicep', line: 3 };
  for (const key of Object.keys(full) as (keyof DrawnNode)[])
    assert.equal(drawnAlike(drawn(full), drawn(changed(full, key))), false, key);
  const { file: _dropped, ...withoutFile } = node();
  assert.equal(drawnAlike(drawn(node()), drawn(withoutFile)), false, 'a field gone');
  assert.equal(drawnAlike(drawn(withoutFile), drawn(node())), false, 'a field added');
  assert.equal(drawnAlike(drawn(node()), drawn(node(), { mark: 'off-path' })), false, 'a mark');
  assert.equal(drawnAlike(drawn(node()), drawn(node(), { selected: true })), false, 'a selection');
});

test('drawnAlike: every field of an edge but its route (compared as drawn points) tells it apart', () => {
  const full: Required<DrawnEdge> = { ...edge(), level: 'error', file: 'main.bicep', line: 9, route: [] };
  for (const key of (Object.keys(full) as (keyof DrawnEdge)[]).filter((name) => name !== 'route'))
    assert.equal(drawnAlike(drawn(full), drawn(changed(full, key), { points: full.route })), false, key);
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
});
