// Reference resolution over real templates: for each repository folder of the networking corpus,
// index it as one workspace, build the model and count how each kind of reference fares. Shared by
// `npm run corpus:coverage` and the corpus suite's thresholds.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../../server/src/engine/workspace';
import { workspaceModel } from '../../server/src/engine/analyze';
import { displayValue } from '../../server/src/model/json';
import type { Entity, NetworkModel, Reference } from '../../server/src/model/types';
import { corpusRoot } from './paths';

export const referenceKinds = [
  'pe→subnet',
  'pe→target',
  'zoneConfig→zone',
  'link→vnet',
  'peering→remoteVnet',
  'subnet→nsg',
] as const;
export type ReferenceKind = (typeof referenceKinds)[number];

export interface Tally {
  resolved: number;
  outside: number;
  unknown: number;
  /** Unresolved although an entity of the right kind with that name is declared: our bugs. */
  missedInSet: number;
}

export interface CoverageReport {
  folders: number;
  files: number;
  crashes: string[];
  tallies: Record<ReferenceKind, Tally>;
  missedExamples: string[];
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => /\.(bicep|bicepparam|json|jsonc)$/i.test(file) && fs.statSync(path.join(dir, file)).isFile())
    .map((file) => path.join(dir, file));
}

/** The last name segment of an id-like value, when it is known text. */
function lastSegment(value: unknown): string | undefined {
  const text = displayValue(value as never);
  const match = /\/([^/{}]+)$/.exec(text);
  return match?.[1]?.toLowerCase();
}

function nameTail(entity: Entity): string {
  return displayValue(entity.name).split('/').pop()!.toLowerCase();
}

export async function measureCoverage(folderLimit = Number.POSITIVE_INFINITY): Promise<CoverageReport> {
  const networking = path.join(corpusRoot, 'networking');
  const folders = fs.readdirSync(networking).sort().slice(0, folderLimit);
  const tallies = Object.fromEntries(
    referenceKinds.map((kind) => [kind, { resolved: 0, outside: 0, unknown: 0, missedInSet: 0 }]),
  ) as Record<ReferenceKind, Tally>;
  const report: CoverageReport = { folders: folders.length, files: 0, crashes: [], tallies, missedExamples: [] };
  for (const folder of folders) {
    const workspace = new Workspace({ readFile: async () => undefined });
    for (const file of filesUnder(path.join(networking, folder))) {
      workspace.setFile(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
      report.files++;
    }
    let model: NetworkModel;
    try {
      model = await workspaceModel(workspace, undefined);
    } catch (error) {
      report.crashes.push(`${folder}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const [entry, failure] of workspace.failures)
      report.crashes.push(`${entry}: ${failure.split('\n').slice(0, 3).join(' ')}`);
    const count = <T extends Entity>(
      kind: ReferenceKind,
      from: Entity,
      reference: Reference<T> | undefined,
      candidates: readonly Entity[],
    ) => {
      if (!reference) return;
      const tally = tallies[kind];
      if (reference.resolved) {
        tally.resolved++;
        return;
      }
      const tail = lastSegment(reference.value);
      if (tail && candidates.some((candidate) => nameTail(candidate) === tail)) {
        tally.missedInSet++;
        if (report.missedExamples.length < 30)
          report.missedExamples.push(
            `${kind} ${folder}: ${displayValue(from.name)} -> ${displayValue(reference.value)}`,
          );
      } else if (reference.reason === 'unknown') {
        tally.unknown++;
        if (process.env.COVERAGE_VERBOSE) console.log(`unknown ${kind} ${folder}: ${displayValue(reference.value)}`);
      } else tally.outside++;
    };
    for (const endpoint of model.privateEndpoints) {
      count('pe→subnet', endpoint, endpoint.subnet, model.subnets);
      for (const connection of endpoint.connections)
        count('pe→target', endpoint, connection.target, [...model.targets, ...model.privateLinkServices]);
    }
    for (const group of model.zoneGroups)
      for (const config of group.configs) count('zoneConfig→zone', group, config.zone, model.dnsZones);
    for (const link of model.vnetLinks) count('link→vnet', link, link.vnet, model.vnets);
    for (const peering of model.peerings) count('peering→remoteVnet', peering, peering.remote, model.vnets);
    for (const subnet of model.subnets) count('subnet→nsg', subnet, subnet.nsg, model.nsgs);
  }
  return report;
}

export function formatCoverage(report: CoverageReport): string {
  const lines = [
    `corpus coverage: ${report.folders} repository folders, ${report.files} files, ${report.crashes.length} crashes`,
    'reference              resolved  outside  unknown  unresolved-but-declared  resolved-of-declared',
  ];
  for (const kind of referenceKinds) {
    const t = report.tallies[kind];
    const ofDeclared =
      t.resolved + t.missedInSet === 0 ? 'n/a' : `${((100 * t.resolved) / (t.resolved + t.missedInSet)).toFixed(1)}%`;
    lines.push(
      `${kind.padEnd(22)} ${String(t.resolved).padStart(8)} ${String(t.outside).padStart(8)} ${String(t.unknown).padStart(8)} ${String(t.missedInSet).padStart(24)} ${ofDeclared.padStart(21)}`,
    );
  }
  return lines.join('\n');
}
