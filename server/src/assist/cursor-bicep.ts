// Where the cursor is in a Bicep file: the resource declaration around it (nested children included), the
// property path from its body, and whether a value or a property name is being typed.
// Invariants: reads the error-tolerant tree only (a half-typed line still has a context); answers
// `undefined` wherever completion has nothing sound to offer (inside interpolations, calls, decorators).
import {
  nodePathAt,
  propertyKey,
  resourceView,
  splitResourceType,
  Token,
  type ArrayExpression,
  type Node,
  type ObjectExpression,
  type ObjectProperty,
  type ResourceDeclaration,
  type SourceFile,
} from '../syntax/bicep';
import type { CursorContext, PathStep, TextRange } from './types';

export function bicepCursor(tree: SourceFile, text: string, offset: number): CursorContext | undefined {
  const nodes = nodePathAt(tree, offset);
  let resourceAt = -1;
  nodes.forEach((node, index) => {
    if (node.kind === 'ResourceDeclaration') resourceAt = index;
  });
  if (resourceAt < 0) return undefined;
  const { resourceType, apiVersion } = typeOfChain(nodes.slice(0, resourceAt + 1).filter(isResource));
  const declaration = nodes[resourceAt] as ResourceDeclaration;
  const view = resourceView(declaration);
  const bodyAt = view.object ? nodes.indexOf(view.object, resourceAt) : -1;
  if (bodyAt < 0) return undefined;
  const name = view.name;
  const base = {
    language: 'bicep' as const,
    resourceType,
    apiVersion,
    anchor: name?.start,
    siblingKeys: [] as string[],
  };
  const path: PathStep[] = [];
  const here: TextRange = { start: offset, end: offset };

  for (let index = bodyAt; index < nodes.length; index++) {
    const node = nodes[index]!;
    const next = nodes[index + 1];
    switch (node.kind) {
      case 'Object': {
        if (!next) return objectLevel(node, text, offset, path, base);
        if (next.kind !== 'ObjectProperty') return undefined;
        break;
      }
      case 'ObjectProperty': {
        const key = propertyKey(node);
        if (key === undefined) return undefined;
        const keyNode = node.key;
        if (offset >= keyNode.start && offset <= keyNode.end) {
          return {
            ...base,
            path,
            position: 'key',
            replace: { start: keyNode.start, end: keyNode.end },
            afterColon: false,
            siblingKeys: siblingKeysOf(nodes[index - 1], node),
          };
        }
        path.push(key);
        if (!next) {
          // Between the colon and a value that is missing (still to be typed).
          if (node.value.kind !== 'Missing' || !(node.colon instanceof Token)) return undefined;
          return { ...base, path, position: 'value', replace: here, afterColon: offset === node.colon.end };
        }
        break;
      }
      case 'Array': {
        if (!next) {
          path.push(itemsBefore(node, offset));
          return { ...base, path, position: 'value', replace: here, afterColon: false };
        }
        const item = node.items.indexOf(next as ArrayExpression['items'][number]);
        if (item < 0) return undefined;
        path.push(item);
        break;
      }
      case 'String':
        // A cursor inside an interpolation hole has further nodes: no value completion there.
        if (next || inHole(node.tokens, offset)) return undefined;
        return { ...base, path, position: 'value', replace: { start: node.start, end: node.end }, afterColon: false };
      case 'VariableAccess':
      case 'Boolean':
      case 'Null':
        if (next) return undefined;
        return { ...base, path, position: 'value', replace: { start: node.start, end: node.end }, afterColon: false };
      default:
        return undefined;
    }
  }
  return undefined;
}

function isResource(node: Node): node is ResourceDeclaration {
  return node.kind === 'ResourceDeclaration';
}

/** The full type of the innermost resource: a nested child's relative type is joined to its parents'. */
function typeOfChain(chain: readonly ResourceDeclaration[]): {
  resourceType: string | undefined;
  apiVersion: string | undefined;
} {
  let resourceType: string | undefined;
  let apiVersion: string | undefined;
  for (const declaration of chain) {
    const typeString = resourceView(declaration).type;
    if (!typeString) return { resourceType: undefined, apiVersion: undefined };
    const split = splitResourceType(typeString);
    resourceType = resourceType && !split.type.includes('/') ? `${resourceType}/${split.type}` : split.type;
    apiVersion = split.apiVersion;
  }
  return { resourceType, apiVersion };
}

/**
 * The cursor is in an object but on no member: a value is being typed when the last member before it is
 * `key:` with its value still missing on the same line; else a new property name.
 */
function objectLevel(
  object: ObjectExpression,
  text: string,
  offset: number,
  path: PathStep[],
  base: Omit<CursorContext, 'path' | 'position' | 'replace' | 'afterColon'>,
): CursorContext {
  let last: ObjectProperty | undefined;
  for (const member of object.members) {
    if (member.end > offset) break;
    last = member.kind === 'ObjectProperty' ? member : undefined;
  }
  const here = { start: offset, end: offset };
  if (
    last &&
    last.value.kind === 'Missing' &&
    last.colon instanceof Token &&
    !/[\r\n]/.test(text.slice(last.colon.end, offset))
  ) {
    const key = propertyKey(last);
    if (key !== undefined)
      return { ...base, path: [...path, key], position: 'value', replace: here, afterColon: offset === last.colon.end };
  }
  return {
    ...base,
    path,
    position: 'key',
    replace: here,
    afterColon: false,
    siblingKeys: siblingKeysOf(object, undefined),
  };
}

function siblingKeysOf(object: Node | undefined, except: ObjectProperty | undefined): string[] {
  if (!object || object.kind !== 'Object') return [];
  return object.members
    .filter((m): m is ObjectProperty => m.kind === 'ObjectProperty' && m !== except)
    .map(propertyKey)
    .filter((key): key is string => key !== undefined);
}

function itemsBefore(array: ArrayExpression, offset: number): number {
  return array.items.filter((item) => item.end <= offset).length;
}

/** Whether the offset is inside a `${…}` hole of a string (between a piece ending `${` and the next). */
function inHole(pieces: readonly Token[], offset: number): boolean {
  for (let index = 0; index + 1 < pieces.length; index++) {
    if (offset >= pieces[index]!.end && offset <= pieces[index + 1]!.start) return true;
  }
  return false;
}
