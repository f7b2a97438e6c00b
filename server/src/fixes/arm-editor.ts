// The ARM writer's property edits: finds a resource object from its anchor (the `"type"` value) in
// the jsonc tree and edits values by property path. Scalars are replaced through jsonc-parser's
// `modify` (a minimal edit); members are added and removed through layout.ts, because `modify` with
// formatting options re-formats every line it touches (a one-line `{ "c": 2 }` becomes three lines)
// and without them writes compact JSON on the previous member's line.
// Invariants: keys match case-insensitively (ARM's rule) and the last duplicate wins; a path through
// a property `copy` loop or an expression string has no place to edit, so the edit is declined.
import { findNodeAtOffset, getNodePath, modify, type Node as JsonNode } from 'jsonc-parser';
import type { ResourceDecl } from '../model';
import type { FixDocuments } from './documents';
import { isComposite, print, printMember, type Gen } from './gen';
import { insertMember, lineIndent, removeMember, type Container } from './layout';
import { nest, parsePath, type ResourceEditor, type SourceValue, type Step } from './paths';
import type { TextEdit } from './types';

/** The resource object whose `"type"` value starts at the declaration's anchor. */
export function findArmResource(root: JsonNode, decl: ResourceDecl): JsonNode | undefined {
  const node = findNodeAtOffset(root, decl.range.start);
  if (!node || node.type !== 'string' || node.offset !== decl.range.start) return undefined;
  const property = node.parent;
  if (property?.type !== 'property' || property.children?.[0]?.value?.toString().toLowerCase() !== 'type')
    return undefined;
  return property.parent?.type === 'object' ? property.parent : undefined;
}

/** The value of the last member named `key` (case-insensitively), with its property node. */
export function member(object: JsonNode, key: string): { property: JsonNode; value: JsonNode } | undefined {
  let found: { property: JsonNode; value: JsonNode } | undefined;
  const wanted = key.toLowerCase();
  for (const property of object.children ?? []) {
    const [name, value] = property.children ?? [];
    if (name && value && String(name.value).toLowerCase() === wanted) found = { property, value };
  }
  return found;
}

export function jsonContainer(node: JsonNode): Container {
  const members = (node.children ?? []).map((child) => ({ start: child.offset, end: child.offset + child.length }));
  return { open: node.offset, close: node.offset + node.length - 1, members, commas: true };
}

type Resolved =
  | { kind: 'found'; node: JsonNode; holder: JsonNode | undefined; index: number }
  | { kind: 'missing'; parent: JsonNode; rest: Step[] };

export function resolveJsonPath(root: JsonNode, steps: readonly Step[]): Resolved | undefined {
  let current = root;
  let holder: JsonNode | undefined;
  let index = -1;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (typeof step === 'string') {
      if (current.type !== 'object') return undefined;
      if (member(current, 'copy') && i > 0) return undefined;
      const found = member(current, step);
      if (!found) return { kind: 'missing', parent: current, rest: steps.slice(i) };
      holder = current;
      index = current.children!.indexOf(found.property);
      current = found.value;
    } else {
      if (current.type !== 'array') return undefined;
      const item = current.children?.[step];
      if (!item) return undefined;
      holder = current;
      index = step;
      current = item;
    }
  }
  return { kind: 'found', node: current, holder, index };
}

export function isJsonLiteral(node: JsonNode): boolean {
  if (node.type === 'string') return !String(node.value).startsWith('[') || String(node.value).startsWith('[[');
  return node.type === 'number' || node.type === 'boolean' || node.type === 'null';
}

export class ArmResourceEditor implements ResourceEditor {
  readonly language = 'arm' as const;

  constructor(
    private readonly docs: FixDocuments,
    readonly uri: string,
    private readonly text: string,
    private readonly resource: JsonNode,
  ) {}

  static for(docs: FixDocuments, decl: ResourceDecl): ArmResourceEditor | undefined {
    const root = docs.jsonTree(decl.uri);
    const text = docs.text(decl.uri);
    const resource = root && findArmResource(root, decl);
    return resource && text !== undefined ? new ArmResourceEditor(docs, decl.uri, text, resource) : undefined;
  }

  private options(inline = false) {
    const style = this.docs.style(this.uri);
    return { unit: style.unit, eol: style.eol, inline };
  }

  private resolve(path: string): Resolved | undefined {
    const steps = parsePath(path);
    return steps.length === 0 ? undefined : resolveJsonPath(this.resource, steps);
  }

  valueAt(path: string): SourceValue | undefined {
    const found = this.resolve(path);
    if (found?.kind !== 'found') return undefined;
    const { node } = found;
    return {
      start: node.offset,
      end: node.offset + node.length,
      literal: isJsonLiteral(node),
      text: this.text.slice(node.offset, node.offset + node.length),
    };
  }

  has(path: string): boolean | undefined {
    const found = this.resolve(path);
    return found === undefined ? undefined : found.kind === 'found';
  }

  replace(path: string, value: Gen): TextEdit[] | undefined {
    const found = this.resolve(path);
    if (found?.kind !== 'found') return undefined;
    const { node } = found;
    if (value === null || typeof value !== 'object') {
      // A scalar: jsonc-parser's own minimal edit at the node's JSON path.
      const written = typeof value === 'string' && value.startsWith('[') ? `[${value}` : value;
      return modify(this.text, getNodePath(node), written, {}).map((e) => ({
        start: e.offset,
        end: e.offset + e.length,
        newText: e.content,
      }));
    }
    return [
      {
        start: node.offset,
        end: node.offset + node.length,
        newText: print(value, 'arm', this.options(), lineIndent(this.text, node.offset)),
      },
    ];
  }

  set(path: string, value: Gen): TextEdit[] | undefined {
    const found = this.resolve(path);
    if (!found) return undefined;
    if (found.kind === 'found') return this.replace(path, value);
    const [key] = found.rest;
    const nested = nest(found.rest, value);
    if (typeof key !== 'string' || nested === undefined) return undefined;
    return insertMember(
      this.text,
      this.docs.style(this.uri),
      jsonContainer(found.parent),
      (indent) => printMember(key, nested, 'arm', this.options(), indent),
      printMember(key, nested, 'arm', this.options(true)),
    );
  }

  remove(path: string): TextEdit[] | undefined {
    const found = this.resolve(path);
    if (found?.kind !== 'found' || found.holder?.type !== 'object') return undefined;
    return removeMember(this.text, jsonContainer(found.holder), found.index);
  }

  append(path: string, items: readonly Gen[]): TextEdit[] | undefined {
    const found = this.resolve(path);
    if (found?.kind !== 'found' || found.node.type !== 'array' || items.length === 0) return undefined;
    const { eol } = this.docs.style(this.uri);
    return insertMember(
      this.text,
      this.docs.style(this.uri),
      jsonContainer(found.node),
      (indent) => items.map((item) => print(item, 'arm', this.options(), indent)).join(`,${eol}${indent}`),
      items.map((item) => print(item, 'arm', this.options(true))).join(', '),
      { expandEmpty: items.some(isComposite) },
    );
  }
}
