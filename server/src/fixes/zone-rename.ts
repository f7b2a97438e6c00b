// The rename alternative of pe-dns-zone-mismatch: the zone's own name becomes the right one. Sound only
// when that name is written once in the whole workspace (the zone's `name` string, or the string of the
// one `var` it reads — a literal, or an expression such as `'privatelink${environment().suffixes.keyvaultDns}'`
// written nowhere else): a link, an id or a `dependsOn` built from the old name would otherwise point
// at a zone that no longer exists. Bicep references by symbol (`zone.id`, `parent: zone`) follow the rename.
import { bicepZoneNameExpression, isPrivatelinkZoneName, type Cloud } from '../facts';
import type { ResourceDecl } from '../model';
import { declarations, forEachToken, nameOf, TokenKind } from '../syntax/bicep';
import type { FixDocuments } from './documents';
import { editorFor, single } from './property-fixes';
import type { Fix, TextEdit } from './types';

function occurrences(docs: FixDocuments, uris: readonly string[], text: string): { uri: string; at: number }[] {
  const found: { uri: string; at: number }[] = [];
  const wanted = text.toLowerCase();
  for (const uri of uris) {
    const lower = (docs.text(uri) ?? '').toLowerCase();
    for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) found.push({ uri, at });
  }
  return found;
}

/** The string that writes the zone's name: its `name` value, or the string of the `var` it names. */
function nameSource(docs: FixDocuments, zone: ResourceDecl): { start: number; end: number; text: string } | undefined {
  const current = editorFor(docs, zone)?.valueAt('name');
  if (!current) return undefined;
  if (current.literal) return current;
  const tree = zone.language === 'bicep' ? docs.bicepTree(zone.uri) : undefined;
  if (!tree) return undefined;
  if (current.text.startsWith("'")) return current;
  if (!/^[A-Za-z_]\w*$/.test(current.text)) return undefined;
  let uses = 0;
  forEachToken(tree, (token) => {
    if (token.kind === TokenKind.Identifier && token.text === current.text) uses++;
  });
  const variable = declarations(tree).find((d) => d.kind === 'VariableDeclaration' && nameOf(d)?.text === current.text);
  if (uses !== 2 || variable?.kind !== 'VariableDeclaration' || variable.value.kind !== 'String') return undefined;
  const { start, end } = variable.value;
  return { start, end, text: docs.text(zone.uri)!.slice(start, end) };
}

export function renameZone(docs: FixDocuments, zone: ResourceDecl, to: string, cloud: Cloud): Fix[] {
  const old = typeof zone.name === 'string' ? zone.name : undefined;
  if (!old || !isPrivatelinkZoneName(to) || zone.count !== 1 || zone.instance !== undefined) return [];
  const source = nameSource(docs, zone);
  if (!source) return [];
  const inside = (found: { uri: string; at: number }) =>
    found.uri === zone.uri && found.at >= source.start && found.at < source.end;
  // The old name is written there and nowhere else in the workspace, and the text that computes it
  // nowhere else in the file (another file reaches the zone through ids passed in, not by its name).
  if (
    !occurrences(docs, [...docs.uris()], old).every(inside) ||
    !occurrences(docs, [zone.uri], source.text).every(inside)
  )
    return [];
  const newText = zone.language === 'bicep' ? bicepZoneNameExpression(cloud, to) : JSON.stringify(to);
  const edit: TextEdit = { start: source.start, end: source.end, newText };
  return single(zone, `Rename the private DNS zone to '${to}'`, [edit]);
}
