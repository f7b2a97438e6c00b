// Registry module references (`br:`, `br/<alias>:`, `ts:`) split into their parts, and the Azure
// Verified Module path and version they name when they point at the public registry (FACTS §16).
export interface RegistryReference {
  scheme: 'br' | 'ts';
  /** `br/<alias>:` or `ts/<alias>:`; undefined for a fully qualified reference. */
  alias: string | undefined;
  /** Everything after the scheme (and alias), e.g. `avm/res/key-vault/vault:0.11.0`. */
  body: string;
}

/** Splits a module path written in Bicep; undefined for local paths. */
export function parseRegistryReference(path: string): RegistryReference | undefined {
  const match = /^(br|ts)(?::|\/([^:]+):)(.+)$/i.exec(path.trim());
  if (!match) return undefined;
  return { scheme: match[1].toLowerCase() as 'br' | 'ts', alias: match[2], body: match[3] };
}

export interface AvmModuleReference {
  /** `avm/res/key-vault/vault`, lower case. */
  path: string;
  /** The tag as written (`0.11.0`). */
  tag: string;
}

/**
 * The Azure Verified Module a reference names: `br/public:avm/…:tag` through Bicep's built-in
 * `public` alias, or `br:mcr.microsoft.com/bicep/avm/…:tag` written out (FACTS §16). A user
 * config may redefine `public`; resolving aliases through bicepconfig.json is the cache's job.
 */
export function avmModuleOf(reference: RegistryReference): AvmModuleReference | undefined {
  if (reference.scheme !== 'br') return undefined;
  let body = reference.body;
  if (reference.alias !== undefined) {
    if (reference.alias.toLowerCase() !== 'public') return undefined;
  } else {
    const prefix = 'mcr.microsoft.com/bicep/';
    if (!body.toLowerCase().startsWith(prefix)) return undefined;
    body = body.slice(prefix.length);
  }
  const colon = body.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const path = body.slice(0, colon).toLowerCase();
  if (!path.startsWith('avm/')) return undefined;
  return { path, tag: body.slice(colon + 1) };
}

export type Version = readonly [number, number, number];

/** `MAJOR.MINOR.PATCH` as AVM tags its releases; anything else cannot be placed. */
export function parseVersion(tag: string): Version | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(tag);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
