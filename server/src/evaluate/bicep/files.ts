// The files one Bicep deployment reads: the entry, its local modules (and registry modules in
// Bicep's restore cache), compile-time imports and the template a parameter file uses — loaded before evaluation so evaluation itself is
// synchronous. Invariant: bounded (file count and depth); a missing file is simply absent.
import { literalString, outlineBicep, type BicepOutline } from '../../syntax/bicep';
import { cachedModuleFor, configCandidates } from '../registry/cache-location';

export interface LoadedBicepFile {
  uri: string;
  text: string;
  /** Declarations found by a skim, each parsed when evaluation first needs it. */
  outline: BicepOutline;
}

/**
 * Outlines a Bicep or .bicepparam file by its name; `previous`, the outline of the text this one
 * replaced, hands on its declarations that the edit left alone (outlineBicep).
 */
export function outlineFile(uri: string, text: string, previous?: BicepOutline): LoadedBicepFile {
  return { uri, text, outline: outlineBicep(text, /\.bicepparam$/i.test(uri) ? 'bicepparam' : 'bicep', previous) };
}

export interface FileSource {
  /** Text of a file, or undefined when it cannot be read. */
  read(uri: string): Promise<string | undefined>;
  /** A parsed Bicep file already in hand (the workspace index caches them). */
  parsed?(uri: string): LoadedBicepFile | undefined;
}

export const loadLimits = { maxFiles: 400 } as const;

/** Resolved paths by file and path: URL parsing is costly and the same pairs recur on every edit. */
const resolved = new Map<string, string | undefined>();
const maxResolved = 10_000;

/** Resolves a module or import path against the file that names it; registry paths give undefined. */
export function resolveLocalPath(fromUri: string, path: string): string | undefined {
  const key = `${fromUri}\n${path}`;
  if (resolved.has(key)) return resolved.get(key);
  if (resolved.size >= maxResolved) resolved.clear();
  const target = resolve(fromUri, path);
  resolved.set(key, target);
  return target;
}

/** A registry (`br:`, `br/alias:`, `ts:`) or remote reference: never a local file. */
export function isRegistryPath(path: string): boolean {
  return /^(br|ts)[:/]/i.test(path) || path.includes('://');
}

function resolve(fromUri: string, path: string): string | undefined {
  if (isRegistryPath(path)) return undefined;
  try {
    return new URL(path.replace(/\\/g, '/'), fromUri).href;
  } catch {
    return undefined;
  }
}

export function isBicepUri(uri: string): boolean {
  return /\.bicep(param)?$/i.test(uri);
}

/** The local paths a file refers to: modules, tests, `using` and `extends`, and `import … from`. */
export function referencedPaths(outline: BicepOutline): string[] {
  const paths: string[] = [];
  for (const entry of outline.entries) {
    switch (entry.keyword) {
      case 'module':
      case 'test':
      case 'extends':
      case 'using':
        if (entry.literal) paths.push(entry.literal);
        break;
      case 'import': {
        // Only `import … from 'path'` names a file (`import 'az@1.0.0'` is an extension); a registry
        // path needs no parse.
        if (entry.literal !== undefined && isRegistryPath(entry.literal)) break;
        const declaration = outline.declaration(entry);
        const path =
          declaration?.kind === 'ImportDeclaration' && declaration.from.kind === 'ImportFromClause'
            ? literalString(declaration.from.path)
            : undefined;
        if (path) paths.push(path);
        break;
      }
      default:
        break;
    }
  }
  return paths;
}

/**
 * The literal paths of the file's `loadJsonContent('…')` calls (the text searched as written: a call
 * inside a string is read too, which only reads a file). A path with an interpolation is not literal.
 */
export function jsonContentPaths(text: string): string[] {
  if (!text.includes('loadJsonContent')) return [];
  return [...text.matchAll(/\bloadJsonContent\(\s*'([^'\\$]+)'/g)].map((match) => match[1]);
}

/** Loads `entry` and everything it refers to (Bicep files and ARM JSON modules as text, JSON content too). */
export async function loadClosure(entry: string, source: FileSource): Promise<Map<string, LoadedBicepFile | string>> {
  const loaded = new Map<string, LoadedBicepFile | string>();
  const missing = new Set<string>();
  const queue = [entry];
  while (queue.length > 0 && loaded.size < loadLimits.maxFiles) {
    const uri = queue.shift()!;
    if (loaded.has(uri)) continue;
    const cached = source.parsed?.(uri);
    if (cached) {
      loaded.set(uri, cached);
    } else {
      const text = await source.read(uri);
      if (text === undefined) continue;
      if (!isBicepUri(uri)) {
        loaded.set(uri, text);
        continue;
      }
      loaded.set(uri, outlineFile(uri, text));
    }
    const file = loaded.get(uri);
    if (typeof file === 'string' || !file) continue;
    // A JSON file a loadJsonContent() of the file names is read too: its content is a compile-time value.
    for (const path of jsonContentPaths(file.outline.text)) {
      const target = resolveLocalPath(uri, path);
      if (!target || loaded.has(target) || isBicepUri(target) || loaded.size >= loadLimits.maxFiles) continue;
      const text = await source.read(target);
      if (text !== undefined) loaded.set(target, text);
    }
    for (const path of referencedPaths(file.outline)) {
      const target = isRegistryPath(path)
        ? await cachedRegistryModule(uri, path, source, loaded, missing)
        : resolveLocalPath(uri, path);
      if (target && !loaded.has(target)) queue.push(target);
    }
  }
  return loaded;
}

/**
 * Where Bicep's restore cache would hold a registry module (FACTS §16): the bicepconfig.json files
 * up the folder tree are read (and kept, so evaluation finds the same answer) until one exists.
 */
async function cachedRegistryModule(
  fromUri: string,
  path: string,
  source: FileSource,
  loaded: Map<string, LoadedBicepFile | string>,
  missing: Set<string>,
): Promise<string | undefined> {
  for (const candidate of configCandidates(fromUri)) {
    if (loaded.has(candidate)) break;
    if (missing.has(candidate)) continue;
    const text = await source.read(candidate);
    if (text === undefined) {
      missing.add(candidate);
      continue;
    }
    loaded.set(candidate, text);
    break;
  }
  return cachedModuleFor(fromUri, path, configText(loaded));
}

/** Reads bicepconfig.json texts out of a deployment's loaded files. */
export function configText(files: ReadonlyMap<string, LoadedBicepFile | string>): (uri: string) => string | undefined {
  return (uri) => {
    const file = files.get(uri);
    return typeof file === 'string' ? file : undefined;
  };
}

/** The names of a Bicep file's parameters, in order. */
export function parameterNames(outline: BicepOutline): string[] {
  return outline.entries.flatMap((entry) => (entry.keyword === 'param' && entry.name ? [entry.name] : []));
}

/** The deployment scope a Bicep file declares with `targetScope` (resource group by default). */
export function bicepTargetScope(
  outline: BicepOutline,
): 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant' {
  for (const entry of outline.entries) {
    if (entry.keyword !== 'targetScope') continue;
    const value = entry.literal;
    if (value === 'subscription' || value === 'managementGroup' || value === 'tenant') return value;
  }
  return 'resourceGroup';
}
