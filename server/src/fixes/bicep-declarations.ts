// The Bicep writer's new declarations: resources inserted right after the top-level declaration they
// relate to (DESIGN §4), unique symbolic names, the API version the file already uses for a type,
// and loop or condition headers copied from the resource a new child follows.
// Invariants: a new declaration goes at top level (a nested one could not be referenced from
// outside its parent), on its own lines after the related declaration's last line, separated by a
// blank line; names never collide with any identifier of the file.
import { latestStableApiVersion } from '../facts';
import type { ResourceDecl } from '../model';
import {
  bodyParts,
  declarations,
  forEachToken,
  literalString,
  present,
  splitResourceType,
  Token,
  TokenKind,
  walkNodes,
  type Declaration,
  type ForExpression,
  type ResourceDeclaration,
  type SourceFile,
} from '../syntax/bicep';
import { declaring } from './apply';
import { findResourceNode } from './bicep-editor';
import type { FixDocuments } from './documents';
import { print, type Gen } from './gen';
import { afterLineEnd, lineStart, restOfLineIsTrivia } from './layout';
import type { TextEdit } from './types';

/** Every identifier of a file: a new symbol outside this set collides with nothing. */
export function identifiersOf(tree: SourceFile): Set<string> {
  const names = new Set<string>();
  forEachToken(tree, (token) => {
    if (token.kind === TokenKind.Identifier) names.add(token.text);
  });
  return names;
}

/** `base`, else `base2`, `base3`, … (and remembers the choice in `taken`). */
export function uniqueName(taken: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; taken.has(name) || taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

/** A camelCase symbol from free text: `privatelink.vaultcore` → `privatelinkVaultcore`. */
export function camel(...parts: string[]): string {
  const words = parts
    .join(' ')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  const joined = words
    .map((w, i) => (i === 0 ? w[0].toLowerCase() + w.slice(1) : w[0].toUpperCase() + w.slice(1)))
    .join('');
  return /^[A-Za-z_]/.test(joined) ? joined : `r${joined}`;
}

/** The API version the file already uses for `type` (its most recent), else the newest stable one. */
export function bicepApiVersion(tree: SourceFile, type: string): string | undefined {
  let best: string | undefined;
  walkNodes(tree, (node) => {
    if (node.kind !== 'ResourceDeclaration') return;
    const written = literalString(node.type);
    if (!written) return;
    const { type: own, apiVersion } = splitResourceType(written);
    if (apiVersion && own.toLowerCase() === type.toLowerCase() && (!best || apiVersion > best)) best = apiVersion;
  });
  return best ?? latestStableApiVersion(type);
}

/** The top-level declaration that holds a resource (itself, or its outermost parent). */
export function topLevelOf(tree: SourceFile, node: ResourceDeclaration): Declaration | undefined {
  return declarations(tree).find((d) => d.start <= node.start && node.end <= d.end);
}

export interface NewResource {
  symbol: string;
  /** `Microsoft.Network/privateDnsZones@2024-06-01`. */
  type: string;
  body: Gen;
  /** Text before the body: `[for (x, i) in list: `, `if (c) `, both, or ''. */
  head?: string;
  /** Text after the body (`]` closing a loop). */
  tail?: string;
}

/** Renders resources and inserts them after the top-level declaration holding `after`. */
export function insertBicepResources(
  docs: FixDocuments,
  uri: string,
  after: ResourceDecl,
  resources: readonly NewResource[],
): TextEdit[] | undefined {
  const tree = docs.bicepTree(uri);
  const node = tree && findResourceNode(tree, after);
  const top = node && tree && topLevelOf(tree, node);
  if (!top) return undefined;
  const edits = insertAfterDeclaration(
    docs,
    uri,
    top,
    resources.map((r) => renderResource(docs, uri, r)),
  );
  return (
    edits &&
    declaring(
      edits,
      resources.map((r) => r.symbol),
    )
  );
}

export function renderResource(docs: FixDocuments, uri: string, resource: NewResource): string {
  const style = docs.style(uri);
  const body = print(resource.body, 'bicep', { unit: style.unit, eol: style.eol });
  return `resource ${resource.symbol} '${resource.type}' = ${resource.head ?? ''}${body}${resource.tail ?? ''}`;
}

/**
 * Inserts blocks after a top-level declaration's last line, in the file's spacing: separated by
 * blank lines when a blank line follows the declaration (or it ends the file), else line by line.
 */
export function insertAfterDeclaration(
  docs: FixDocuments,
  uri: string,
  declaration: Declaration,
  blocks: readonly string[],
): TextEdit[] | undefined {
  const text = docs.text(uri);
  if (text === undefined || blocks.length === 0 || !restOfLineIsTrivia(text, declaration.end, false)) return undefined;
  const { eol } = docs.style(uri);
  const at = afterLineEnd(text, declaration.end);
  // At the end of the file the blank line (or none) before the declaration shows the spacing.
  const spaced =
    at === text.length
      ? /(\r\n|\n|\r)[ \t]*(\r\n|\n|\r)$/.test(text.slice(0, lineStart(text, declaration.start))) ||
        lineStart(text, declaration.start) === 0
      : /^[ \t]*(\r\n|\n|\r)/.test(text.slice(at));
  if (at === text.length && !/[\r\n]$/.test(text)) {
    return [{ start: at, end: at, newText: blocks.map((block) => `${eol}${spaced ? eol : ''}${block}`).join('') }];
  }
  const newText = spaced
    ? at === text.length
      ? blocks.map((block) => `${eol}${block}${eol}`).join('')
      : `${eol}${blocks.join(eol + eol)}${eol}`
    : blocks.map((block) => `${block}${eol}`).join('');
  return [{ start: at, end: at, newText }];
}

/**
 * The loop and condition of a resource, to repeat on a child that must exist once per instance:
 * `head`/`tail` for the new declaration and the index expression to write after the parent symbol.
 */
export function instanceHeader(
  docs: FixDocuments,
  decl: ResourceDecl,
  taken: Set<string>,
): { head: string; tail: string; index: string } | undefined {
  const tree = docs.bicepTree(decl.uri);
  const text = docs.text(decl.uri);
  const node = tree && findResourceNode(tree, decl);
  if (!node || text === undefined) return undefined;
  const parts = bodyParts(node.value);
  const condition = parts.condition ? `if (${text.slice(parts.condition.start, parts.condition.end)}) ` : '';
  if (!parts.loop) return { head: condition, tail: '', index: '' };
  const loop: ForExpression = parts.loop;
  const iterable = text.slice(loop.iterable.start, loop.iterable.end);
  const variable = loop.variable;
  let item: string | undefined;
  let index: string | undefined;
  if (variable instanceof Token) {
    item = variable.text;
  } else if (variable.kind === 'VariableBlock') {
    [item, index] = variable.variables.map((v) => present(v)?.text);
  }
  if (!item) return undefined;
  index ??= uniqueName(taken, 'i');
  return { head: `[for (${item}, ${index}) in ${iterable}: ${condition}`, tail: ']', index: `[${index}]` };
}
