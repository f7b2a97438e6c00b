// Fixes that change one resource's own properties: a value replaced, a property set or removed.
// Each is the same edit in Bicep and ARM (the editor hides the language). Invariants: a value is
// replaced in place only when that changes nothing but the finding's cause: a non-literal value
// shared by every instance of a loop is left alone, and so is a value that is not a literal where
// the fix would drop a user's expression for a computed one (an address prefix, a group id). A
// setting the author made configurable (public access, a subnet policy, gateway transit, a link's
// registration written as a parameter or an expression) is not overwritten with a literal: every caller and parameter file
// that sets it would be silently overruled, so those findings come without a fix.
import { privateDnsLocation, publicAccessFix } from '../facts';
import type { ResourceDecl } from '../model';
import { ArmResourceEditor } from './arm-editor';
import { BicepResourceEditor } from './bicep-editor';
import type { FixDocuments } from './documents';
import { expr, type Gen } from './gen';
import type { ResourceEditor } from './paths';
import type { Builder, Fix, FixAnchor, FixKind, TextEdit } from './types';

export function editorFor(docs: FixDocuments, decl: ResourceDecl): ResourceEditor | undefined {
  return decl.language === 'bicep' ? BicepResourceEditor.for(docs, decl) : ArmResourceEditor.for(docs, decl);
}

export function single(decl: ResourceDecl, title: string, edits: TextEdit[] | undefined): Fix[] {
  if (!edits || edits.length === 0) return [];
  return [
    { title, isPreferred: true, changes: [{ uri: decl.uri, edits: [...edits].sort((a, b) => a.start - b.start) }] },
  ];
}

/** A loop's instances share their source: a computed value there may differ per instance. */
function sharedByInstances(decl: ResourceDecl): boolean {
  return decl.count !== 1 || decl.instance !== undefined;
}

/**
 * Paths of a child resource's own properties arrive relative to `properties` from some rules
 * (`networkSecurityGroup` for a child subnet): every resource-level path starts with a body key.
 */
export function bodyPath(path: string): string {
  return /^(properties|location|name|sku|kind|tags|zones|identity|extendedLocation)\b/.test(path)
    ? path
    : `properties.${path}`;
}

/**
 * Replaces the value at the anchor's path. `keep`: 'expressions' never replaces a computed value;
 * 'loops' replaces one only outside loops; 'none' always (a value right for every instance).
 */
function replaceAt(
  docs: FixDocuments,
  anchor: FixAnchor,
  path: string | undefined,
  value: Gen,
  title: string,
  keep: 'expressions' | 'loops' | 'none',
): Fix[] {
  const decl = anchor.decl;
  if (path === undefined) return [];
  const editor = editorFor(docs, decl);
  const current = editor?.valueAt(bodyPath(path));
  if (!editor || !current) return [];
  if (!current.literal && (keep === 'expressions' || (keep === 'loops' && sharedByInstances(decl)))) return [];
  return single(decl, title, editor.replace(bodyPath(path), value));
}

/** A fix that writes one value, the same for every finding, at the anchor's path (else at `defaultPath`). */
function writeFixedValue<K extends FixKind>(
  defaultPath: string,
  value: Gen,
  title: string,
  keep: 'expressions' | 'loops' | 'none',
): Builder<K> {
  return (docs, _request, anchor) => replaceAt(docs, anchor, anchor.path ?? defaultPath, value, title, keep);
}

// No caller has a reason to place a private DNS zone or link in a region: 'global' replaces any value.
export const setLocationGlobal = writeFixedValue<'set-location-global'>(
  'location',
  privateDnsLocation,
  `Set location to '${privateDnsLocation}'`,
  'none',
);

// A link's registration written as a parameter or expression is the caller's setting: a shared zone
// module may be called for a zone where registration is right (a corp.internal zone).

export const setRegistrationDisabled = writeFixedValue<'set-registration-disabled'>(
  'properties.registrationEnabled',
  false,
  'Set registrationEnabled to false',
  'expressions',
);

export const replaceGroupId: Builder<'replace-group-id'> = (docs, { path, value }, anchor) => {
  return replaceAt(docs, anchor, path, value, `Use group id '${value}'`, 'expressions');
};

export const useNetworkAddress: Builder<'use-network-address'> = (docs, { value }, anchor) => {
  return replaceAt(docs, anchor, anchor.path, value, `Use the network address '${value}'`, 'expressions');
};

/**
 * The PE takes its VNet's location: the VNet's own expression when it is written in this file, its
 * region when the VNet's file writes it as a literal. A VNet elsewhere whose location is a parameter or an
 * expression gets no fix: its region here is one caller's or one parameter file's, and written as a
 * literal it would bring the mismatch back for every other.
 */
export const useVnetLocation: Builder<'use-vnet-location'> = (docs, { value, vnet: vnetDecl }, anchor) => {
  const decl = anchor.decl;
  let written: Gen = value;
  const source = editorFor(docs, vnetDecl)?.valueAt('location');
  if (vnetDecl.uri !== decl.uri || vnetDecl.language !== decl.language) {
    if (!source?.literal) return [];
  } else if (!sharedByInstances(vnetDecl)) {
    if (source && !source.literal) {
      written = decl.language === 'bicep' ? expr(source.text) : expr(source.text.slice(2, -2));
      if (decl.language === 'arm' && !/^"\[[^]*\]"$/.test(source.text)) written = value;
    }
  }
  // The VNet's region as a literal would overrule every caller of a location written as a parameter,
  // and be wrong for those that deploy the VNet elsewhere: only the VNet's own expression replaces one.
  const keep = written === value ? 'expressions' : 'loops';
  return replaceAt(docs, anchor, anchor.path ?? 'location', written, "Use the virtual network's location", keep);
};

/** Every public-access setting of the resource's type gets its disabling value for the API version (FACTS §6). */
export const disablePublicAccess: Builder<'disable-public-access'> = (docs, _request, anchor) => {
  const decl = anchor.decl;
  const edits = publicAccessFix(decl.type, decl.apiVersion ?? '');
  const editor = editorFor(docs, decl);
  if (!editor || !edits || edits.length === 0) return [];
  const all: TextEdit[] = [];
  for (const { path, value } of edits) {
    const current = editor.valueAt(path);
    if (current && !current.literal) return [];
    const made = editor.set(path, value);
    if (!made) return [];
    all.push(...made);
  }
  if (overlapping(all)) return [];
  return single(decl, 'Turn public network access off', all);
};

/** privateEndpointNetworkPolicies / privateLinkServiceNetworkPolicies on the subnet (inline or child). */
export const setSubnetPolicy: Builder<'set-subnet-policy'> = (docs, { property, value }, anchor) => {
  const decl = anchor.decl;
  const path = subnetPolicyPath(anchor.path, property);
  if (!path) return [];
  const editor = editorFor(docs, decl);
  const current = editor?.valueAt(path);
  if (!editor || (current && !current.literal)) return [];
  return single(decl, `Set ${property} to '${value}'`, editor.set(path, value));
};

/** The policy's path from the finding's anchor: the subnet (its `name` if inline) or the value itself. */
function subnetPolicyPath(anchor: string | undefined, property: string): string | undefined {
  if (anchor === undefined) return `properties.${property}`;
  if (anchor === property || anchor.endsWith(`.${property}`)) return bodyPath(anchor);
  if (anchor.endsWith('.name')) return `${anchor.slice(0, -'.name'.length)}.properties.${property}`;
  return undefined;
}

export const setAllowGatewayTransit: Builder<'set-allow-gateway-transit'> = (docs, { reverse }) => {
  const decl = reverse.decl;
  const editor = editorFor(docs, decl);
  const path = `${reverse.path ? reverse.path : 'properties'}.allowGatewayTransit`;
  const current = editor?.valueAt(path);
  if (!editor || (current && !current.literal)) return [];
  return single(decl, 'Set allowGatewayTransit to true on the reverse peering', editor.set(path, true));
};

export const removeSubnetNsg: Builder<'remove-subnet-nsg'> = (docs, { path }, anchor) => {
  const decl = anchor.decl;
  const editor = editorFor(docs, decl);
  return single(decl, 'Remove the network security group association', editor?.remove(bodyPath(path)));
};

export function overlapping(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return sorted.some((edit, i) => i > 0 && (edit.start < sorted[i - 1].end || edit.start === sorted[i - 1].start));
}
