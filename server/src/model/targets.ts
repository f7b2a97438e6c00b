// What a private endpoint connection targets: its resource type, from the declared target or,
// when the target is outside the analysed files, from an id whose provider segments are literal.
import { PartialString, type Value } from '../evaluate/value';
import type { PrivateLinkConnection } from './types';

export function connectionTargetType(connection: PrivateLinkConnection): string | undefined {
  const target = connection.target;
  if (target?.resolved)
    return target.target.kind === 'privateLinkService' ? 'Microsoft.Network/privateLinkServices' : target.target.type;
  return resourceTypeOfId(connection.targetId);
}

/**
 * `{scope}/providers/Ns/type/name[/type/name]` → `Ns/type[/type]`, when every type segment is literal
 * text; unknown parts may only stand for names (a name never holds '/').
 */
export function resourceTypeOfId(id: Value | undefined): string | undefined {
  const parts = typeof id === 'string' ? [id] : id instanceof PartialString ? id.parts : undefined;
  if (!parts) return undefined;
  const hole = '\u0000';
  const text = parts.map((part) => (typeof part === 'string' ? part : hole)).join('');
  const start = text.toLowerCase().lastIndexOf('/providers/');
  if (start < 0) return undefined;
  const segments = text.slice(start + '/providers/'.length).split('/');
  if (segments.length < 3 || segments.length % 2 === 0) return undefined;
  const types = segments.filter((_, index) => index % 2 === 1);
  const names = segments.filter((_, index) => index % 2 === 0).slice(1);
  if ([segments[0], ...types].some((segment) => segment === '' || segment.includes(hole))) return undefined;
  if (names.some((name) => name === '')) return undefined;
  return [segments[0], ...types].join('/');
}
