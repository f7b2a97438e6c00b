// Where Bicep's local restore cache keeps a registry module (FACTS §16): the cache root (the
// nearest bicepconfig.json's `cacheRootDirectory`, else `.bicep` in the user's home), the
// `moduleAliases` merged over Bicep's built-in `public` alias, and the folder layout of `br:` and
// `ts:` references. Pure: the only outside input is the home folder, read in `userCacheRoot`.
import { parseRegistryReference } from './reference';
import { remembered } from '../remembered';

/** What a bicepconfig.json says that matters here. */
export interface RegistryConfig {
  cacheRootDirectory?: string;
  br: Readonly<Record<string, { registry?: string; modulePath?: string }>>;
  ts: Readonly<Record<string, { subscription?: string; resourceGroup?: string }>>;
}

/** Bicep's built-in aliases (FACTS §16): `public` = mcr.microsoft.com with module path `bicep`. */
const builtInBr = { public: { registry: 'mcr.microsoft.com', modulePath: 'bicep' } };

/** Reads a bicepconfig.json text (JSON with comments); undefined when it does not parse. */
export function parseRegistryConfig(text: string): RegistryConfig | undefined {
  let json: unknown;
  try {
    json = JSON.parse(
      text.replace(
        /\/\*[\s\S]*?\*\/|("(?:\\.|[^"\\])*")|\/\/[^\n]*/g,
        (_match, string: string | undefined) => string ?? '',
      ),
    );
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const config = json as { cacheRootDirectory?: unknown; moduleAliases?: { br?: unknown; ts?: unknown } };
  const record = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, never>) : {};
  return {
    ...(typeof config.cacheRootDirectory === 'string' ? { cacheRootDirectory: config.cacheRootDirectory } : {}),
    br: record(config.moduleAliases?.br),
    ts: record(config.moduleAliases?.ts),
  };
}

/**
 * The user's default cache root (`$HOME/.bicep`, `%USERPROFILE%\.bicep`): the one place the
 * engine looks outside the workspace for registry modules (FACTS §16). Undefined without a home.
 */
export function userCacheRoot(): string | undefined {
  const env = typeof process === 'undefined' ? {} : process.env;
  const home = process.platform === 'win32' ? (env.USERPROFILE ?? env.HOME) : (env.HOME ?? env.USERPROFILE);
  return home ? joinPath(home, '.bicep') : undefined;
}

function joinPath(base: string, ...parts: string[]): string {
  const separator = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  return [base.replace(/[\\/]+$/, ''), ...parts].join(separator);
}

/** A local path (POSIX or Windows) as a file URI. */
export function pathToUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const absolute = slashed.startsWith('/') ? slashed : `/${slashed}`;
  return new URL(
    `file://${absolute
      .split('/')
      .map((segment) => encodeURIComponent(segment).replace(/%3A/gi, ':'))
      .join('/')}`,
  ).href;
}

/** `TagEncoder`: the tag, `$`, and the hex bitmask of its upper-case character positions (FACTS §16). */
export function encodeTag(tag: string): string {
  let mask = 0n;
  for (let index = 0; index < tag.length; index += 1) {
    if (tag[index] !== tag[index].toLowerCase()) mask |= 1n << BigInt(index);
  }
  return `${tag}$${mask === 0n ? '' : mask.toString(16)}`;
}

/**
 * The cached `main.json` of a registry reference, as a file URI; undefined when the reference
 * cannot be placed (an unknown alias, a relative cache root, no home folder).
 */
export function cachedModuleUri(path: string, config: RegistryConfig | undefined): string | undefined {
  const reference = parseRegistryReference(path);
  if (!reference) return undefined;
  const configured = config?.cacheRootDirectory;
  if (configured !== undefined && !/^([\\/]|[A-Za-z]:[\\/])/.test(configured)) return undefined;
  const root = configured ?? userCacheRoot();
  if (!root) return undefined;
  if (reference.scheme === 'br') {
    let body = reference.body;
    if (reference.alias !== undefined) {
      const alias = { ...builtInBr, ...(config?.br ?? {}) }[reference.alias as 'public'];
      if (!alias?.registry) return undefined;
      body = `${alias.registry}/${alias.modulePath ? `${alias.modulePath.replace(/\/+$/, '')}/` : ''}${body}`;
    }
    const match = /^([^/]+)\/(.+?)(?::([^:@/]+)|@(sha256:[0-9a-f]+))$/i.exec(body);
    if (!match) return undefined;
    const [, registry, repository, tag, digest] = match;
    const version = tag !== undefined ? encodeTag(tag) : digest!.replace(':', '#');
    return placedUri(
      joinPath(
        root,
        'br',
        registry.toLowerCase().replace(/:/g, '$'),
        repository.replace(/\//g, '$'),
        version,
        'main.json',
      ),
    );
  }
  let body = reference.body;
  if (reference.alias !== undefined) {
    const alias = config?.ts[reference.alias];
    if (!alias?.subscription || !alias.resourceGroup) return undefined;
    body = `${alias.subscription}/${alias.resourceGroup}/${body}`;
  }
  const match = /^([^/]+)\/([^/]+)\/([^/:]+):([^/:]+)$/.exec(body);
  if (!match) return undefined;
  return placedUri(joinPath(root, 'ts', ...match.slice(1, 5).map((part) => part.toLowerCase()), 'main.json'));
}

/**
 * A lone UTF-16 surrogate (a template's text may hold one; the fuzzer found it) names no file a
 * restore could have written, and `encodeURIComponent` throws on it: such a path is not placed.
 */
function placedUri(path: string): string | undefined {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(path)
    ? undefined
    : pathToUri(path);
}

// Placements are remembered per process (remembered.ts): every analysis asks them again for the same
// files and references, and URL and config parsing cost more than reading a small module.
const candidatesByFile = new Map<string, readonly string[]>();
/** Placements by config text ('' for none), then by the cache root and the reference. */
const placedByConfig = new Map<string, Map<string, string | undefined>>();

/** The bicepconfig.json URIs Bicep would consult for a file, nearest first. */
export function configCandidates(fromUri: string): readonly string[] {
  return remembered(candidatesByFile, fromUri, () => findConfigCandidates(fromUri));
}

function findConfigCandidates(fromUri: string): string[] {
  const candidates: string[] = [];
  let url: URL;
  try {
    url = new URL('./', fromUri);
  } catch {
    return candidates;
  }
  for (let depth = 0; depth < 64; depth += 1) {
    candidates.push(new URL('bicepconfig.json', url).href);
    const parent = new URL('../', url);
    if (parent.href === url.href) break;
    url = parent;
  }
  return candidates;
}

/** cachedModuleUri of a config text (undefined: no config); the home folder is part of the key. */
function placedWithConfig(path: string, configText: string | undefined): string | undefined {
  const byReference = remembered(placedByConfig, configText ?? '', () => new Map<string, string | undefined>());
  return remembered(byReference, `${userCacheRoot() ?? ''}\n${path}`, () =>
    cachedModuleUri(path, configText === undefined ? undefined : parseRegistryConfig(configText)),
  );
}

/**
 * The cached `main.json` URI of a registry reference written in `fromUri`, reading bicepconfig.json
 * texts through `text` (the nearest one that exists is the config; none: the defaults).
 */
export function cachedModuleFor(
  fromUri: string,
  path: string,
  text: (uri: string) => string | undefined,
): string | undefined {
  for (const candidate of configCandidates(fromUri)) {
    const found = text(candidate);
    if (found !== undefined) return placedWithConfig(path, found);
  }
  return placedWithConfig(path, undefined);
}
