// Reaching a resource of another Bicep file: through the module call that deploys this file. A value
// the caller can write (a resource's `.id`, or a sibling module's output that returns it) is passed
// in as a parameter — one that exists already, or a new `param` plus its argument in the call.
// Invariants: only a file with exactly one caller (one `module` declaration across the workspace and
// no `.bicepparam` that deploys it) gets a new required parameter, so no other deployment breaks;
// outputs are matched by their text (`output x string = zone.id`), never guessed.
import type { ResourceDecl } from '../model';
import {
  bodyParts,
  declarations,
  forEachToken,
  literalString,
  nameOf,
  propertyKey,
  Token,
  TokenKind,
  type Declaration,
  type ModuleDeclaration,
  type ObjectExpression,
  type SourceFile,
} from '../syntax/bicep';
import { declaring } from './apply';
import { objectContainer, resolveBicepPath } from './bicep-editor';
import { identifiersOf, insertAfterDeclaration, uniqueName } from './bicep-declarations';
import type { FixDocuments } from './documents';
import { bicepString, expr, printMember } from './gen';
import { insertMember } from './layout';
import type { FileEdits } from './types';

/** A Bicep expression valid in a file, with the edits (in any file) that make it valid. */
export interface Reached {
  text: string;
  changes: FileEdits[];
}

const compact = (text: string) => text.replace(/\s+/g, '');

function resolveModulePath(from: string, path: string): string | undefined {
  if (/^[a-z]+:/i.test(path) || path.startsWith('br/') || path.startsWith('ts/')) return undefined;
  try {
    return new URL(path, from).href;
  } catch {
    return undefined;
  }
}

/** Every `module` declaration of the workspace whose path is `callee`, and whether a param file deploys it. */
export function callersOf(
  docs: FixDocuments,
  callee: string,
): { calls: { uri: string; node: ModuleDeclaration }[]; paramFile: boolean } {
  const base = decodeURIComponent(callee.slice(callee.lastIndexOf('/') + 1));
  const calls: { uri: string; node: ModuleDeclaration }[] = [];
  let paramFile = false;
  for (const uri of docs.uris()) {
    if (!/\.bicep(param)?$/i.test(uri) || !(docs.text(uri) ?? '').includes(base)) continue;
    const tree = docs.bicepTree(uri);
    if (!tree) {
      // A caller we cannot read might pass or miss a parameter: no new parameter then.
      paramFile = true;
      continue;
    }
    for (const declaration of declarations(tree)) {
      if (declaration.kind === 'ModuleDeclaration') {
        const path = literalString(declaration.path);
        if (path !== undefined && resolveModulePath(uri, path) === callee) calls.push({ uri, node: declaration });
      } else if (declaration.kind === 'UsingDeclaration') {
        const path = declaration.path instanceof Token ? undefined : literalString(declaration.path);
        if (path !== undefined && resolveModulePath(uri, path) === callee) paramFile = true;
      }
    }
  }
  return { calls, paramFile };
}

/** `symbol.id` for a single-instance resource of `uri` itself. */
export function localId(decl: ResourceDecl, uri: string): string | undefined {
  if (decl.uri !== uri || decl.language !== 'bicep' || !decl.symbol) return undefined;
  if (decl.count !== 1 || decl.instance !== undefined) return undefined;
  return `${decl.symbol}.id`;
}

/** An expression of the caller's file for the target's id: its own `sym.id`, or a sibling module's output. */
function idInCaller(
  docs: FixDocuments,
  caller: SourceFile,
  callerUri: string,
  target: ResourceDecl,
): string | undefined {
  const own = localId(target, callerUri);
  if (own) return own;
  const targetId = localId(target, target.uri);
  const targetTree = docs.bicepTree(target.uri);
  if (!targetId || !targetTree) return undefined;
  const output = declarations(targetTree).find(
    (d) =>
      d.kind === 'OutputDeclaration' &&
      compact(docs.text(target.uri)!.slice(d.value.start, d.value.end)) === compact(targetId),
  );
  const outputName = output && output.kind === 'OutputDeclaration' ? nameOf(output) : undefined;
  if (!outputName) return undefined;
  const modules = declarations(caller).filter(
    (d): d is ModuleDeclaration =>
      d.kind === 'ModuleDeclaration' &&
      literalString(d.path) !== undefined &&
      resolveModulePath(callerUri, literalString(d.path)!) === target.uri,
  );
  if (modules.length !== 1 || bodyParts(modules[0].value).loop) return undefined;
  const moduleName = nameOf(modules[0]);
  return moduleName ? `${moduleName.text}.outputs.${outputName.text}` : undefined;
}

/**
 * An expression in `uri` for the id of `target` declared in another Bicep file: an existing
 * parameter the single caller binds to it, else a new parameter (named after `hint`) passed in.
 */
export function reachId(
  docs: FixDocuments,
  uri: string,
  target: ResourceDecl,
  hint: string,
  description: string,
  taken?: Set<string>,
): Reached | undefined {
  const own = localId(target, uri);
  if (own) return { text: own, changes: [] };
  const tree = docs.bicepTree(uri);
  const { calls, paramFile } = callersOf(docs, uri);
  if (!tree || calls.length !== 1 || paramFile) return undefined;
  const [call] = calls;
  const caller = docs.bicepTree(call.uri);
  const callerText = docs.text(call.uri);
  if (!caller || callerText === undefined) return undefined;
  const value = idInCaller(docs, caller, call.uri, target);
  const body = bodyParts(call.node.value).object;
  if (!value || !body) return undefined;
  // Passing a value that already waits for this module (a sibling fed by its outputs) would make the
  // deployment a cycle, which Bicep rejects: no fix then.
  const receiving = nameOf(call.node)?.text;
  if (receiving === undefined || dependsOn(caller, value.split('.')[0], receiving)) return undefined;
  const params = resolveBicepPath(body, ['params']);
  if (!params) return undefined;
  const declared = new Set(
    declarations(tree).flatMap((d) => (d.kind === 'ParameterDeclaration' ? [nameOf(d)?.text] : [])),
  );
  if (params.kind === 'found' && params.node.kind === 'Object') {
    for (const member of params.node.members) {
      if (member.kind !== 'ObjectProperty') continue;
      const key = propertyKey(member);
      if (
        key &&
        declared.has(key) &&
        compact(callerText.slice(member.value.start, member.value.end)) === compact(value)
      )
        return { text: key, changes: [] };
    }
  }
  const names = taken ?? new Set<string>();
  for (const identifier of identifiersOf(tree)) names.add(identifier);
  const name = uniqueName(names, hint);
  const added = addParameter(docs, uri, tree, name, description);
  const passed = passArgument(docs, call.uri, params.kind === 'found' ? params.node : undefined, body, name, value);
  if (!added || !passed) return undefined;
  return {
    text: name,
    changes: [
      { uri, edits: added },
      { uri: call.uri, edits: passed },
    ],
  };
}

/**
 * Whether top-level symbol `from` of a file refers to `to`, directly or through other top-level symbols
 * (any identifier token that names one counts, so a property named like a symbol is taken for a reference:
 * that can only decline a fix).
 */
function dependsOn(tree: SourceFile, from: string, to: string): boolean {
  const symbols = new Map<string, Set<string>>();
  const symbolOf = (declaration: Declaration) => ('name' in declaration ? nameOf(declaration)?.text : undefined);
  for (const declaration of declarations(tree)) {
    const name = symbolOf(declaration);
    if (name !== undefined) symbols.set(name, new Set());
  }
  for (const declaration of declarations(tree)) {
    const name = symbolOf(declaration);
    const refers = name === undefined ? undefined : symbols.get(name);
    if (!refers) continue;
    forEachToken(declaration, (token) => {
      if (token.kind === TokenKind.Identifier && token.text !== name && symbols.has(token.text)) refers.add(token.text);
    });
  }
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const symbol = stack.pop()!;
    if (symbol === to) return true;
    if (seen.has(symbol)) continue;
    seen.add(symbol);
    stack.push(...(symbols.get(symbol) ?? []));
  }
  return false;
}

function addParameter(docs: FixDocuments, uri: string, tree: SourceFile, name: string, description: string) {
  const all = declarations(tree);
  const params = all.filter((d) => d.kind === 'ParameterDeclaration');
  const { eol } = docs.style(uri);
  const block = `@description(${bicepString(description)})${eol}param ${name} string`;
  const last = params.at(-1);
  if (last) {
    const edits = insertAfterDeclaration(docs, uri, last, [block]);
    return edits && declaring(edits, [name]);
  }
  const first = all.find(
    (d) =>
      d.kind !== 'TargetScopeDeclaration' &&
      d.kind !== 'MetadataDeclaration' &&
      d.kind !== 'ImportDeclaration' &&
      d.kind !== 'ExtensionDeclaration',
  );
  if (!first) return undefined;
  return [{ start: first.start, end: first.start, newText: `${block}${eol}${eol}`, declares: [name] }];
}

function passArgument(
  docs: FixDocuments,
  uri: string,
  params: ObjectExpression | undefined | { kind: string },
  body: ObjectExpression,
  name: string,
  value: string,
) {
  const text = docs.text(uri)!;
  const style = docs.style(uri);
  const options = { unit: style.unit, eol: style.eol };
  if (params && params.kind !== 'Object') return undefined;
  const target = (params as ObjectExpression | undefined) ?? body;
  const container = objectContainer(target);
  if (!container) return undefined;
  const member = params
    ? ([name, expr(value)] as const)
    : (['params', { kind: 'object', entries: [[name, expr(value)]] }] as const);
  return insertMember(
    text,
    style,
    container,
    (indent) => printMember(member[0], member[1], 'bicep', options, indent),
    printMember(member[0], member[1], 'bicep', { ...options, inline: true }),
  );
}
