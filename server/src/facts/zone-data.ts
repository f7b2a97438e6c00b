// Reads the private DNS zone tables and public forwarder zones from data/*.json, checked at this boundary.
// Sources: private-dns-zones.json holds one table per cloud, AzureCloud FACTS §1a (S1, checked 2026-05-07),
// AzureUSGovernment FACTS App. A, AzureChinaCloud FACTS App. B; a row's `note` says why where a row needs it.
// zone-forwarders.json holds FACTS §1's "Public DNS forwarder zone(s)" column (dns-zones.json `forwarders`)
// keyed `resourcetype|groupid` in lower case. Invariant: data that breaks the row shape (zone-table.ts)
// throws here, naming the file and row, when this module loads: the unit tests load it, so a bad edit
// fails there, never in a user's session.
import { clouds, type Cloud } from './cloud';
import { fields, list, oneOf, record, text, texts } from './json-checks';
import type { LegacyName, ZoneRow } from './zone-table';
import zonesJson from './data/private-dns-zones.json';
import forwardersJson from './data/zone-forwarders.json';

/** Public forwarder zones per cloud of one target (type and group id). */
export type Forwarders = Readonly<Partial<Record<Cloud, readonly string[]>>>;

/** The fields a row may have: ZoneRow's and `note` (why the row reads as it does; not kept). */
const rowKeys = ['resourceType', 'groupIds', 'service', 'zones', 'records', 'legacy', 'needsAll', 'unverified', 'note'];

export const zoneTables: Readonly<Record<Cloud, readonly ZoneRow[]>> = readZoneTables(zonesJson);

export const forwarderTable: Readonly<Record<string, Forwarders>> = readForwarders(forwardersJson);

/** The zone tables in `json` (the shape of data/private-dns-zones.json); throws naming what breaks the shape. */
export function readZoneTables(json: unknown): Record<Cloud, ZoneRow[]> {
  const file = 'data/private-dns-zones.json';
  const tables = record(json, file);
  return Object.fromEntries(
    clouds.map((cloud) => {
      const rows = tables[cloud];
      if (!Array.isArray(rows)) throw new Error(`${file}: ${cloud} is not a list of rows`);
      return [cloud, rows.map((row, index) => readRow(row, `${file}: ${cloud}[${index}]`))];
    }),
  ) as Record<Cloud, ZoneRow[]>;
}

function readRow(json: unknown, where: string): ZoneRow {
  const given = fields(json, where, rowKeys);
  const { resourceType, groupIds, service, zones, records, legacy, needsAll, unverified, note } = given;
  const row: { -readonly [K in keyof ZoneRow]: ZoneRow[K] } = {
    resourceType: text(resourceType, `${where}.resourceType`),
    groupIds: texts(groupIds, `${where}.groupIds`),
    service: text(service, `${where}.service`),
    zones: texts(zones, `${where}.zones`),
  };
  if (records !== undefined) row.records = texts(records, `${where}.records`);
  if (legacy !== undefined) row.legacy = list(legacy, `${where}.legacy`).map((item, i) => readLegacy(item, where, i));
  if (needsAll !== undefined) row.needsAll = oneOf(needsAll, `${where}.needsAll`, ['verified', 'inferred'] as const);
  if (unverified !== undefined) {
    if (unverified !== true) throw new Error(`${where}.unverified: only true may be written`);
    row.unverified = true;
  }
  if (note !== undefined) text(note, `${where}.note`);
  return row;
}

function readLegacy(json: unknown, where: string, index: number): LegacyName {
  const { name, replacedBy } = record(json, `${where}.legacy[${index}]`);
  return { name: text(name, `${where}.legacy[${index}].name`), replacedBy: text(replacedBy, `${where}.replacedBy`) };
}

/** The forwarder table in `json` (the shape of data/zone-forwarders.json); throws naming what breaks it. */
export function readForwarders(json: unknown): Record<string, Forwarders> {
  const file = 'data/zone-forwarders.json';
  const table: Record<string, Forwarders> = {};
  for (const [key, perCloud] of Object.entries(record(json, file))) {
    if (key !== key.toLowerCase() || !key.includes('|')) throw new Error(`${file}: key '${key}' is not type|groupid`);
    const forwarders: Partial<Record<Cloud, readonly string[]>> = {};
    for (const [cloud, zones] of Object.entries(record(perCloud, `${file}: ${key}`))) {
      if (!(clouds as readonly string[]).includes(cloud)) throw new Error(`${file}: ${key}: unknown cloud ${cloud}`);
      forwarders[cloud as Cloud] = texts(zones, `${file}: ${key}.${cloud}`);
    }
    table[key] = forwarders;
  }
  return table;
}
