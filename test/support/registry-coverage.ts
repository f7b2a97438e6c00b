// Registry-declared resources across the corpus (issue 15): the endpoints each registry module call
// asks for, found by reading the calls (the denominator), against what the engine models for them,
// and the registry-declared resources per kind. Shared by the corpus test and the note's numbers.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { workspaceModel } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace';
import {
  declarations,
  isPlainObject,
  moduleView,
  objectProperties,
  parseBicep,
  present,
  propertyKey,
  type ModuleDeclaration,
} from '../../server/src/syntax/bicep';
import type { DeploymentResult } from '../../server/src/evaluate/deployment';
import type { NetworkModel } from '../../server/src/model/types';
import { corpusRoot } from './paths';

export interface RegistryCoverage {
  /** Endpoints unconditional calls ask for (an entry of a literal list, or one per call otherwise). */
  asked: number;
  /**
   * Calls left out of `asked`: every deployment that reaches them declares their endpoints switched off, so
   * they ask for none. In the corpus each is given a nullable parameter that every caller leaves out: a
   * loop over `privateEndpoints ?? []` (evaluate/bicep/modules.ts declares such a loop's one call off), or
   * `privateEndpoints: privateEndpoints` (the interface model declares its entry off); the declarations
   * tell them apart from a call the model misses.
   */
  reachedEmpty: number;
  /** Of those, endpoints the model holds with a subnet, a target and a decided zone-group status. */
  modelled: number;
  subnetResolved: number;
  targetResolved: number;
  withZoneGroup: number;
  /** Registry-declared entities per kind. */
  kinds: Record<string, number>;
  missed: string[];
  millis: number;
}

function bicepFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => /\.(bicep|bicepparam|json)$/i.test(file))
    .map((file) => path.join(dir, file))
    .filter((file) => fs.statSync(file).isFile());
}

/** Endpoints a file's unconditional registry calls ask for, by the call's symbolic-name offset. */
function askedEndpoints(text: string): Map<number, number> {
  const asked = new Map<number, number>();
  for (const declaration of declarations(parseBicep(text).tree)) {
    if (declaration.kind !== 'ModuleDeclaration') continue;
    const view = moduleView(declaration as ModuleDeclaration);
    const name = present((declaration as ModuleDeclaration).name);
    if (!view.path || !/^br[:/]/i.test(view.path) || view.condition || !name) continue;
    if (/avm\/res\/network\/private-endpoint:/i.test(view.path)) {
      asked.set(name.start, 1);
      continue;
    }
    const params =
      view.object && isPlainObject(view.object)
        ? objectProperties(view.object).find((member) => propertyKey(member) === 'params')?.value
        : undefined;
    const entries =
      params?.kind === 'Object'
        ? objectProperties(params).find((member) => propertyKey(member) === 'privateEndpoints')?.value
        : undefined;
    if (!entries || entries.kind === 'Null') continue;
    if (entries.kind === 'Array') {
      const items = entries.items.length;
      if (items > 0) asked.set(name.start, items);
    } else if (entries.kind !== 'Ternary') {
      asked.set(name.start, 1);
    }
  }
  return asked;
}

/** Where the measured restore cache lives: HOME points here while measuring with a cache. */
export const cacheHome = '/vnet-lens-test-home';

/**
 * A restore cache holding every public AVM resource module at any tag, served from the corpus's
 * compiled main.json (built on read, never written): the cache the corpus would have after
 * `bicep restore`, up to the version differences between the tags and the corpus snapshot.
 */
async function readFromCorpusCache(uri: string): Promise<string | undefined> {
  const match =
    /^file:\/\/\/vnet-lens-test-home\/\.bicep\/br\/mcr\.microsoft\.com\/bicep%24avm%24res%24([^/]+)\/[^/]+\/main\.json$/.exec(
      uri,
    );
  if (!match) return undefined;
  const file = path.join(
    corpusRoot,
    'broad/Azure__bicep-registry-modules/avm/res',
    decodeURIComponent(match[1]).replace(/\$/g, '/'),
    'main.json',
  );
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

export async function measureRegistryCoverage(
  folders: readonly string[],
  withCache = false,
): Promise<RegistryCoverage> {
  const home = process.env.HOME;
  if (withCache) process.env.HOME = cacheHome;
  try {
    return await measure(folders, withCache);
  } finally {
    process.env.HOME = home;
  }
}

async function measure(folders: readonly string[], withCache: boolean): Promise<RegistryCoverage> {
  const started = Date.now();
  const report: RegistryCoverage = {
    asked: 0,
    reachedEmpty: 0,
    modelled: 0,
    subnetResolved: 0,
    targetResolved: 0,
    withZoneGroup: 0,
    kinds: {},
    missed: [],
    millis: 0,
  };
  for (const folder of folders) {
    const files = bicepFilesUnder(path.join(corpusRoot, folder));
    const workspace = new Workspace({ readFile: withCache ? readFromCorpusCache : async () => undefined });
    const asked = new Map<string, Map<number, number>>();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const uri = pathToFileURL(file).href;
      workspace.setFile(uri, text);
      if (/\.bicep$/i.test(file) && /br[:/]/.test(text)) asked.set(uri, askedEndpoints(text));
    }
    const model = await workspaceModel(workspace, undefined);
    tallyKinds(model, report.kinds);
    const reachedEmpty = callsReachedOnlySwitchedOff(await workspace.evaluate());
    const byCall = new Map<string, NetworkModel['privateEndpoints']>();
    for (const endpoint of model.privateEndpoints) {
      const call = endpoint.decl.registry && endpoint.decl.via.at(-1);
      if (!call) continue;
      const key = `${call.uri}#${call.start}`;
      byCall.set(key, [...(byCall.get(key) ?? []), endpoint]);
    }
    for (const [uri, calls] of asked) {
      for (const [start, count] of calls) {
        if (reachedEmpty.has(`${uri}#${start}`)) {
          report.reachedEmpty++;
          continue;
        }
        report.asked += count;
        const found = byCall.get(`${uri}#${start}`) ?? [];
        const complete = found.filter((endpoint) => endpoint.subnet && endpoint.connections.some((c) => c.target));
        report.modelled += Math.min(count, complete.length);
        report.subnetResolved += Math.min(count, found.filter((e) => e.subnet?.resolved).length);
        report.targetResolved += Math.min(
          count,
          found.filter((e) => e.connections.some((c) => c.target?.resolved)).length,
        );
        report.withZoneGroup += Math.min(count, found.filter((e) => e.zoneGroups.length > 0).length);
        if (complete.length < count && report.missed.length < 40)
          report.missed.push(`${uri.slice(uri.indexOf('/corpus/') + 8)} @${start}: ${complete.length}/${count}`);
      }
    }
  }
  report.millis = Date.now() - started;
  return report;
}

/** The registry calls (`uri#offset`) whose endpoints every deployment declares switched off. */
function callsReachedOnlySwitchedOff(results: readonly DeploymentResult[]): Set<string> {
  const declared = new Set<string>();
  const switchedOn = new Set<string>();
  for (const result of results) {
    for (const decl of result.resources) {
      const call = decl.registry && decl.via.at(-1);
      if (!call || decl.type.toLowerCase() !== 'microsoft.network/privateendpoints') continue;
      const key = `${call.uri}#${call.start}`;
      declared.add(key);
      if (decl.condition !== false) switchedOn.add(key);
    }
  }
  return new Set([...declared].filter((key) => !switchedOn.has(key)));
}

function tallyKinds(model: NetworkModel, kinds: Record<string, number>): void {
  const groups: [string, { decl: { registry?: unknown } }[]][] = [
    ['privateEndpoint', model.privateEndpoints],
    ['zoneGroup', model.zoneGroups],
    ['vnet', model.vnets],
    ['subnet', model.subnets],
    ['peering', model.peerings],
    ['dnsZone', model.dnsZones],
    ['vnetLink', model.vnetLinks],
    ['target', model.targets],
  ];
  for (const [kind, entities] of groups)
    kinds[kind] = (kinds[kind] ?? 0) + entities.filter((entity) => entity.decl.registry).length;
}

export function formatRegistryCoverage(label: string, report: RegistryCoverage): string {
  const pct = (n: number) => `${((100 * n) / Math.max(1, report.asked)).toFixed(1)}%`;
  return [
    `${label}: ${report.asked} endpoints asked by unconditional registry calls (${report.reachedEmpty} calls whose endpoints every deployment switches off, left out); modelled ${report.modelled} (${pct(report.modelled)}),` +
      ` subnet resolved ${report.subnetResolved}, target resolved ${report.targetResolved}, with zone group ${report.withZoneGroup} (${report.millis} ms)`,
    `  registry-declared per kind: ${Object.entries(report.kinds)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')}`,
  ].join('\n');
}
