// Where the cursor is in an ARM template: the resource object around it (children in `resources` arrays and
// resources of inline nested templates included), the property path inside it, and whether a value or a
// property name is being typed. Reads jsonc-parser's tolerant scanner, so a half-typed line has a context.
// Invariants: ARM keywords compare case-insensitively; a string that starts with `[` is an expression and
// gets no value completion; answers `undefined` outside resources.
import { findNodeAtLocation, getLocation, type JSONPath, type Node } from 'jsonc-parser';
import { readJsonTree } from '../syntax/arm';
import type { CursorContext, PathStep } from './types';

interface Resource {
  node: Node;
  /** Full type, a nested child's joined to its parent's; undefined when a type is not literal. */
  type: string | undefined;
  /** Index in the JSON path just after the resource's key. */
  end: number;
}

export function armCursor(text: string, offset: number): CursorContext | undefined {
  const location = getLocation(text, offset);
  const root = readJsonTree(text).root;
  if (!root) return undefined;
  const resource = innermostResource(root, location.path);
  if (!resource) return undefined;
  const rest: PathStep[] = location.path.slice(resource.end);
  if (rest.length === 0) return undefined;
  const base = {
    language: 'arm' as const,
    resourceType: resource.type,
    apiVersion: stringOf(member(resource.node, 'apiversion')),
    anchor: member(resource.node, 'type')?.offset,
    siblingKeys: [] as string[],
  };
  const previous = location.previousNode;
  if (location.isAtPropertyKey) {
    const path = rest.slice(0, -1);
    const object = findNodeAtLocation(resource.node, path as JSONPath);
    const typed =
      previous && previous.type === 'property'
        ? { start: previous.offset, end: previous.offset + previous.length }
        : { start: offset, end: offset };
    const siblingKeys = (object?.children ?? [])
      .map((property) => property.children?.[0])
      .filter((key): key is Node => key !== undefined && !(key.offset === typed.start))
      .map((key) => String(key.value));
    return { ...base, path, position: 'key', replace: typed, afterColon: false, siblingKeys };
  }
  if (previous && previous.type !== 'property') {
    // A string that opens an ARM expression is not a value to complete.
    if (previous.type === 'string' && String(previous.value).startsWith('[')) return undefined;
    return {
      ...base,
      path: rest,
      position: 'value',
      replace: { start: previous.offset, end: previous.offset + previous.length },
      afterColon: false,
    };
  }
  // Nothing parsed at the cursor: a bare word being typed (`tr`), or nothing yet.
  let start = offset;
  while (start > 0 && /[A-Za-z]/.test(text[start - 1]!)) start--;
  return {
    ...base,
    path: rest,
    position: 'value',
    replace: { start, end: offset },
    afterColon: start === offset && text[start - 1] === ':',
  };
}

/**
 * The innermost resource object on the path: an entry of a `resources` array (or of a languageVersion 2.0
 * `resources` object) directly under the template, under another resource, or under the `template` of a
 * nested deployment's `properties`.
 */
function innermostResource(root: Node, path: JSONPath): Resource | undefined {
  let found: Resource | undefined;
  let parentType: string | undefined;
  // What the object at path[index] is: the template root, a resource, or anything else.
  let level: 'template' | 'resource' | 'other' = 'template';
  for (let index = 0; index < path.length; index++) {
    const step = path[index];
    const lower = typeof step === 'string' ? step.toLowerCase() : undefined;
    if ((level === 'template' || level === 'resource') && lower === 'resources' && index + 1 < path.length) {
      const node = findNodeAtLocation(root, path.slice(0, index + 2));
      if (!node || node.type !== 'object') return found;
      const own = stringOf(member(node, 'type'));
      const relative = own !== undefined && !own.split('/')[0]!.includes('.');
      const type =
        own === undefined
          ? undefined
          : relative
            ? level === 'resource' && parentType
              ? `${parentType}/${own}`
              : undefined
            : own;
      found = { node, type, end: index + 2 };
      parentType = type;
      level = 'resource';
      index++;
      continue;
    }
    if (
      level === 'resource' &&
      lower === 'properties' &&
      typeof path[index + 1] === 'string' &&
      String(path[index + 1]).toLowerCase() === 'template' &&
      parentType?.toLowerCase() === 'microsoft.resources/deployments'
    ) {
      level = 'template';
      parentType = undefined;
      index++;
      continue;
    }
    level = 'other';
  }
  return found;
}

/** The value of `key` (lower-case) in an object node, case-insensitively; the last one wins, as in JSON.parse. */
function member(object: Node, key: string): Node | undefined {
  let found: Node | undefined;
  for (const property of object.children ?? []) {
    const name = property.children?.[0];
    if (name && String(name.value).toLowerCase() === key) found = property.children?.[1] ?? found;
  }
  return found;
}

function stringOf(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}
