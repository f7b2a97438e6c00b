// A finding's resource identity: what it is about, in words that do not move when lines above it
// change (baselines and SARIF fingerprints key on it). Invariant: built from the source as written
// (type, symbolic name or the name expression's text, property path, an array item's name written as a
// literal), never from offsets or from evaluated placeholders, whose keys carry absolute paths and counters.
import type { ResourceDecl } from '../evaluate/declaration';
import type { Anchor } from '../rules/support/rule';

/**
 * `Microsoft.Network/virtualNetworks vnet#properties.subnets['snet-pe']`; `text` is the declaring file's
 * text. An array item whose `name` is written as a literal is named by it, so a subnet inserted before
 * it does not change its identity; `byIndex` is the identity with every item by its index, as baselines
 * written before items were named key on it (only when it differs).
 */
export function resourceIdentities(anchor: Anchor, text: string | undefined): { resource: string; byIndex?: string } {
  const decl = anchor.decl;
  const nameRange = decl.propertyRanges.get('name');
  const written =
    decl.symbol ??
    (nameRange && text !== undefined
      ? text.slice(nameRange.start, nameRange.end).replace(/\s+/g, ' ').trim()
      : undefined) ??
    '(unnamed)';
  const head = `${decl.type} ${written}`;
  const path = anchor.path;
  if (!path) return { resource: head };
  const named = text === undefined ? path : withItemsNamed(decl, path, text);
  return named === path
    ? { resource: `${head}#${path}` }
    : { resource: `${head}#${named}`, byIndex: `${head}#${path}` };
}

/** The path with each `[i]` whose item's `name` is a literal in the source replaced by `['that name']`. */
function withItemsNamed(decl: ResourceDecl, path: string, text: string): string {
  if (!path.includes('[')) return path;
  return path.replace(/\[(\d+)\]/g, (index: string, _digits: string, offset: number) => {
    const range = decl.propertyRanges.get(`${path.slice(0, offset)}${index}.name`);
    const name = range && literalName(text.slice(range.start, range.end), decl.language);
    return name === undefined ? index : `['${name}']`;
  });
}

/** A name written as one plain literal: a Bicep string without interpolation, or a JSON string that is not an ARM expression. */
function literalName(source: string, language: ResourceDecl['language']): string | undefined {
  const match = language === 'bicep' ? /^'([^'\\]*)'$/.exec(source) : /^"([^"\\[][^"\\]*)"$/.exec(source);
  const name = match?.[1];
  return name === undefined || name.includes('${') || name.includes(']') ? undefined : name;
}
