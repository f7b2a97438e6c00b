// The ARM writer's new resources: inserted into the `resources` of the template that holds the
// related resource, right after it (DESIGN §4), with ids written as `resourceId(...)` and
// `dependsOn` in the template's own form (symbolic names in a languageVersion 2.0 template).
// Invariants: a reference crosses no template boundary (an inline nested template is another
// deployment); a name is split into segments only when it is a literal or the type has one segment;
// a resource in a `copy` loop is never the target of a reference.
import type { Node as JsonNode } from 'jsonc-parser';
import { latestStableApiVersion } from '../facts';
import type { ResourceDecl } from '../model';
import { declaring } from './apply';
import { findArmResource, jsonContainer, member } from './arm-editor';
import type { FixDocuments } from './documents';
import { armString, expr, print, printMember, type Gen } from './gen';
import { insertMember } from './layout';
import type { TextEdit } from './types';

const str = (node: JsonNode | undefined) => (node?.type === 'string' ? String(node.value) : undefined);

/** The object whose `resources` (array, or object of symbolic names) holds this resource. */
function ownerOf(resource: JsonNode): JsonNode | undefined {
  let holder = resource.parent;
  if (holder?.type === 'property') holder = holder.parent;
  const property = holder?.parent;
  if (property?.type !== 'property' || str(property.children?.[0])?.toLowerCase() !== 'resources') return undefined;
  return property.parent;
}

const isResource = (node: JsonNode) => member(node, 'type') !== undefined && member(node, '$schema') === undefined;

/** The template object whose `resources` holds this resource (directly or through parents). */
export function templateOf(resource: JsonNode): JsonNode | undefined {
  let owner = ownerOf(resource);
  while (owner && isResource(owner)) owner = ownerOf(owner);
  return owner;
}

/** The outermost resource of the template that holds this one (itself when top-level). */
export function topResourceOf(resource: JsonNode): JsonNode {
  let current = resource;
  for (let owner = ownerOf(current); owner && isResource(owner); owner = ownerOf(current)) current = owner;
  return current;
}

/** A resource's key in a symbolic-name template's `resources` object. */
export function symbolOf(resource: JsonNode): string | undefined {
  return resource.parent?.type === 'property' ? str(resource.parent.children?.[0]) : undefined;
}

export function isSymbolic(template: JsonNode): boolean {
  return member(template, 'resources')?.value.type === 'object';
}

/** The ARM expression text of a name value: `'literal'` or the inside of `[...]`. */
function nameExpression(node: JsonNode | undefined): { literal: string } | { expression: string } | undefined {
  const value = str(node);
  if (value === undefined) return undefined;
  if (value.startsWith('[[') || !value.startsWith('['))
    return { literal: value.startsWith('[[') ? value.slice(1) : value };
  return value.endsWith(']') ? { expression: value.slice(1, -1).trim() } : undefined;
}

/** The full type and name segments (as ARM expressions) of a resource, following nested parents. */
export function typeAndSegments(resource: JsonNode): { type: string; segments: string[] } | undefined {
  const ownType = str(member(resource, 'type')?.value);
  const name = nameExpression(member(resource, 'name')?.value);
  if (!ownType || !name || ownType.startsWith('[')) return undefined;
  const parent = ownerOf(resource);
  const relative = !ownType.split('/')[0].includes('.');
  let type = ownType;
  let segments: string[] = [];
  if (relative) {
    const outer = parent && isResource(parent) ? typeAndSegments(parent) : undefined;
    if (!outer) return undefined;
    type = `${outer.type}/${ownType}`;
    segments = outer.segments;
  }
  const typeSegments = type.split('/').length - 1 - segments.length;
  if ('literal' in name) {
    const parts = name.literal.split('/');
    if (parts.length !== typeSegments) return undefined;
    segments = [...segments, ...parts.map(armString)];
  } else {
    if (typeSegments !== 1) return undefined;
    segments = [...segments, name.expression];
  }
  return { type, segments };
}

export const resourceIdText = (type: string, segments: readonly string[]) =>
  `resourceId(${[armString(type), ...segments].join(', ')})`;

/** The resource object of an ARM declaration, in the analysed text. */
export function findTemplateResource(docs: FixDocuments, decl: ResourceDecl): JsonNode | undefined {
  const root = decl.language === 'arm' ? docs.jsonTree(decl.uri) : undefined;
  return root && findArmResource(root, decl);
}

/** The symbolic names a template's `resources` object takes, so a new resource takes none of them (an array: none). */
export function takenSymbols(template: JsonNode): Set<string> {
  return new Set(
    (member(template, 'resources')?.value.children ?? []).map((c) => String(c.children?.[0]?.value ?? '')),
  );
}

/** What a new child resource of an ARM declaration is written from: the parent's node, template, reference and name. */
export interface ArmParent {
  node: JsonNode;
  template: JsonNode;
  reference: { id: string; dependsOn: Gen };
  segments: string[];
}

/** The declaration as the parent of a new resource of its template; undefined when it cannot be referred to. */
export function armParent(docs: FixDocuments, decl: ResourceDecl): ArmParent | undefined {
  const node = findTemplateResource(docs, decl);
  const template = node && templateOf(node);
  const reference = template && armReference(docs, template, decl);
  const shape = node && typeAndSegments(node);
  return node && template && reference && shape ? { node, template, reference, segments: shape.segments } : undefined;
}

/** A single-instance resource of the same template: its id and how a new resource depends on it. */
export function armReference(
  docs: FixDocuments,
  template: JsonNode,
  target: ResourceDecl,
): { id: string; dependsOn: Gen } | undefined {
  if (target.language !== 'arm' || target.count !== 1 || target.instance !== undefined) return undefined;
  const root = docs.jsonTree(target.uri);
  const node = root && findArmResource(root, target);
  if (!node || templateOf(node) !== template || member(node, 'copy')) return undefined;
  const shape = typeAndSegments(node);
  if (!shape) return undefined;
  const id = resourceIdText(shape.type, shape.segments);
  if (isSymbolic(template)) {
    const key = symbolOf(node);
    return key ? { id, dependsOn: key } : undefined;
  }
  return { id, dependsOn: { kind: 'expr', text: id } };
}

/** A child's `name`: `parent/child` when the parent's name is literal, else `format(...)`. */
export function childName(parentSegments: readonly string[], child: string): Gen {
  if (parentSegments.every((s) => s.startsWith("'"))) {
    return [...parentSegments.map((s) => s.slice(1, -1).replace(/''/g, "'")), child].join('/');
  }
  const holes = parentSegments.map((_, i) => `{${i}}`).join('/');
  return {
    kind: 'expr',
    text: `format('${holes}/{${parentSegments.length}}', ${[...parentSegments, armString(child)].join(', ')})`,
  };
}

/**
 * The API version for a new resource of `type` in the file that holds `template`: the newest literal one
 * the file already uses for that type, in any of its templates (an inline nested one too), else the
 * latest stable one (DESIGN §4).
 */
export function armApiVersion(template: JsonNode, type: string): string | undefined {
  let best: string | undefined;
  const visitTemplate = (node: JsonNode | undefined) => node && visit(member(node, 'resources')?.value, '');
  const visit = (holder: JsonNode | undefined, prefix: string) => {
    for (const child of holder?.children ?? []) {
      const resource = child.type === 'property' ? child.children?.[1] : child;
      if (resource?.type !== 'object') continue;
      const own = str(member(resource, 'type')?.value) ?? '';
      const full = own.split('/')[0].includes('.') ? own : `${prefix}/${own}`;
      const api = str(member(resource, 'apiVersion')?.value);
      if (api && !api.startsWith('[') && full.toLowerCase() === type.toLowerCase() && (!best || api > best)) best = api;
      visit(member(resource, 'resources')?.value, full);
      const properties = member(resource, 'properties')?.value;
      visitTemplate(properties && member(properties, 'template')?.value);
    }
  };
  let root = template;
  while (root.parent) root = root.parent;
  visitTemplate(root);
  return best ?? latestStableApiVersion(type);
}

/** Inserts resources after the top-level resource holding `anchor`, in the template's own form. */
export function insertArmResources(
  docs: FixDocuments,
  uri: string,
  anchor: JsonNode,
  resources: readonly { symbol: string; body: Gen }[],
): TextEdit[] | undefined {
  const template = templateOf(anchor);
  const text = docs.text(uri);
  const holder = template && member(template, 'resources')?.value;
  if (!holder || text === undefined) return undefined;
  const top = topResourceOf(anchor);
  const style = docs.style(uri);
  const options = { unit: style.unit, eol: style.eol };
  const symbolic = holder.type === 'object';
  const item = symbolic ? top.parent! : top;
  const after = holder.children?.indexOf(item) ?? -1;
  if (after < 0) return undefined;
  const render = (indent: string, inline: boolean) =>
    resources
      .map((r) =>
        symbolic
          ? printMember(r.symbol, r.body, 'arm', { ...options, inline }, indent)
          : print(r.body, 'arm', { ...options, inline }, indent),
      )
      .join(inline ? ', ' : `,${style.eol}${indent}`);
  // A template without symbolic names still declares each new resource once: its symbol stands for it.
  const edits = insertMember(text, style, jsonContainer(holder), (indent) => render(indent, false), render('', true), {
    after,
    expandEmpty: true,
  });
  return (
    edits &&
    declaring(
      edits,
      resources.map((r) => r.symbol),
    )
  );
}

/** An ARM resource's `condition`, to repeat on a child that must follow it. */
export function conditionOf(node: JsonNode): Gen | undefined {
  const value = member(node, 'condition')?.value;
  if (!value) return undefined;
  if (value.type === 'boolean') return Boolean(value.value);
  const text = String(value.value);
  return value.type === 'string' && text.startsWith('[') && text.endsWith(']') ? expr(text.slice(1, -1)) : undefined;
}
