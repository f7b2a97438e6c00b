// Fuzzing (issue 10, DESIGN §10 "hostile input"): inputs and the checks run on each. Used in-process
// by test/unit/fuzz.test.ts (a bounded, seeded run) and in worker threads by scripts/fuzz.ts.
// An input is one small workspace: mutated corpus files (other files they reference are read from
// the corpus in place) or Bicep/ARM templates generated from a plan of networking resources.
// The checks: parsing never throws and stays lossless, readArmFile never hits its internal catch,
// evaluation never throws and records no failure, no rule's check throws, no fix builder throws, and
// every fix offered keeps its edits in bounds, sorted, and adds no syntax error to the file it edits,
// and, on inputs without syntax errors, demand-driven evaluation finds exactly what evaluating every
// resource finds. Every finding's message reads as prose (checkMessage).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { workspaceModel } from '../../server/src/engine/analyze';
import { applyTextEdits, FixSession, textSource, workspaceTexts } from '../../server/src/engine/fixes';
import { parseDocument } from '../../server/src/engine/parse';
import { runRules } from '../../server/src/engine/run-rules';
import type { Finding } from '../../server/src/engine/types';
import { defaultLimits } from '../../server/src/engine/limits';
import { Workspace } from '../../server/src/engine/workspace';
import { builders, type Fix } from '../../server/src/fixes';
import { allRules as rules } from '../../server/src/rules';
import type { RuleDefinition } from '../../server/src/rules/support/rule';
import { readArmFile } from '../../server/src/syntax/arm';
import { parseBicep, printTree } from '../../server/src/syntax/bicep';
import { classifyFile } from '../../server/src/syntax/classify';
import { randomHostile } from './hostile';
import { corpusRoot } from './paths';

export interface FuzzInput {
  /** How the input was made, to reproduce it: e.g. `mutate 1234 networking/x/main.bicep`. */
  label: string;
  /** uri → text; the workspace the engine sees. */
  files: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// The checks

/** Where a throwing rule or fix builder reports while an input is checked (one input at a time). */
let sink: string[] | undefined;

const checkedRules: RuleDefinition[] = rules.map((rule) => ({
  ...rule,
  check(context) {
    try {
      rule.check(context);
    } catch (error) {
      sink?.push(`rule ${rule.id} threw: ${describe(error)}`);
      throw error;
    }
  },
}));

// buildFixes swallows a builder's exception (a defect costs the fix); wrap each builder so the
// fuzzer sees it. The builders table is a plain object read at call time.
// Each builder takes its own kind's request; `never` lets one wrapper type hold them all.
const table = builders as Record<string, (...args: never[]) => Fix[]>;
for (const [kind, builder] of Object.entries(table)) {
  if ((builder as { fuzzWrapped?: true }).fuzzWrapped) continue;
  const wrapped = Object.assign(
    (...args: Parameters<typeof builder>) => {
      try {
        return builder(...args);
      } catch (error) {
        sink?.push(`fix builder ${kind} threw: ${describe(error)}`);
        throw error;
      }
    },
    { fuzzWrapped: true as const },
  );
  table[kind] = wrapped;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error);
}

const corpusCache = new Map<string, string | undefined>();

/** Files outside the input that it references (modules, templates): read from the corpus, in place. */
export function readCorpusUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  if (!file.startsWith(corpusRoot + path.sep)) return undefined;
  if (!corpusCache.has(file)) {
    let text: string | undefined;
    try {
      text = fs.statSync(file).size <= 2_000_000 ? fs.readFileSync(file, 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    corpusCache.set(file, text);
  }
  return corpusCache.get(file);
}

const syntaxErrorCounts = (uri: string, text: string) => {
  const counts = new Map<string, number>();
  for (const error of parseDocument(uri, text).syntaxErrors)
    counts.set(error.message, (counts.get(error.message) ?? 0) + 1);
  return counts;
};

/** Runs every check on one input; the problems found (empty: the input passes). Never throws. */
export async function checkInput(input: FuzzInput, maxFixedFindings = 200): Promise<string[]> {
  const problems: string[] = [];
  sink = problems;
  try {
    const files = new Map(Object.entries(input.files));
    let syntaxErrors = 0;
    for (const [uri, text] of files) syntaxErrors += checkSyntax(uri, text, problems);
    const host = { readFile: async (uri: string) => files.get(uri) ?? readCorpusUri(uri) };
    const workspace = new Workspace(host);
    for (const [uri, text] of files) workspace.setFile(uri, text);
    const model = await workspaceModel(workspace, undefined);
    for (const [entry, failure] of workspace.failures)
      problems.push(`evaluation of ${entry} failed: ${failure.split('\n').slice(0, 4).join(' | ')}`);
    const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };
    const findings = runRules(model, workspace, options, checkedRules);
    for (const finding of findings) checkMessage(finding, problems);
    // Broken files can make references cyclic, and which symbol of a cycle turns unknown depends on the
    // order of evaluation: the two evaluations are compared on inputs that parse cleanly.
    if (syntaxErrors === 0) await checkDemandDriven(host, files, workspace, findings, problems);
    const texts = workspaceTexts(workspace);
    const session = new FixSession(textSource(options.cloud, texts, readCorpusUri));
    for (const finding of findings.slice(0, maxFixedFindings))
      checkFixes(session, finding, (uri) => texts.get(uri) ?? readCorpusUri(uri), problems);
  } catch (error) {
    problems.push(`threw: ${describe(error)}`);
  } finally {
    sink = undefined;
  }
  return problems;
}

/**
 * Demand-driven evaluation (docs/ARCHITECTURE.md) must find what evaluating every resource finds.
 * Fresh unknowns are numbered per process, so their numbers are left out of the comparison; a
 * deployment stopped by the time limit in either run makes the two incomparable.
 */
async function checkDemandDriven(
  host: { readFile(uri: string): Promise<string | undefined> },
  files: ReadonlyMap<string, string>,
  demanded: Workspace,
  findings: readonly Finding[],
  problems: string[],
): Promise<void> {
  const full = new Workspace(host, defaultLimits, true);
  for (const [uri, text] of files) full.setFile(uri, text);
  const fullFindings = runRules(
    await workspaceModel(full, undefined),
    full,
    { cloud: 'AzureCloud', ruleLevels: {} },
    checkedRules,
  );
  if (demanded.notices().length > 0 || full.notices().length > 0) return;
  const summary = (list: readonly Finding[]) =>
    list.map((f) => `${f.uri}:${f.start}-${f.end} ${f.ruleId} ${f.message.replace(/#\d+/g, '#')}`).sort();
  const [a, b] = [summary(findings), summary(fullFindings)];
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const only = (x: string[], y: string[]) =>
    x
      .filter((item) => !y.includes(item))
      .slice(0, 2)
      .join('; ');
  problems.push(
    `demand-driven evaluation differs from full evaluation: only demand-driven [${only(a, b)}], only full [${only(b, a)}]`,
  );
}

/**
 * A finding's message reads as prose: its placeholders are filled, each unknown part written `${…}` is
 * closed (or cut short with `…`), and no JavaScript value shows as text. A rule once cut the closing
 * brace of `${resourceGroup().location}` off its message.
 */
function checkMessage(finding: Finding, problems: string[]): void {
  const message = finding.message;
  const wrong = (what: string) => problems.push(`${finding.ruleId} message ${what}: ${message}`);
  if (/\{\{|\}\}/.test(message)) wrong('has an unfilled placeholder');
  if (/\[object |'undefined'|\bNaN\b/.test(message)) wrong('shows a JavaScript value');
  for (let open = message.indexOf('${'); open >= 0; open = message.indexOf('${', open + 2)) {
    const close = message.indexOf('}', open);
    const cut = message.indexOf('…', open);
    if (close < 0 && cut < 0) wrong('leaves an unknown part open');
  }
}

/** Checks the parsers on one file; returns its number of syntax errors. */
function checkSyntax(uri: string, text: string, problems: string[]): number {
  let errors = 0;
  const language = classifyFile(uri, text);
  if (language === 'bicep' || language === 'bicepparam' || uri.endsWith('.bicep')) {
    try {
      const parsed = parseBicep(text, { parameterFile: language === 'bicepparam' });
      if (printTree(parsed.tree) !== text) problems.push(`parseBicep is not lossless for ${uri}`);
      errors += parsed.errors.length;
      for (const error of parsed.errors) {
        if (!(error.start >= 0 && error.start <= error.end && error.end <= text.length))
          problems.push(`syntax error out of bounds in ${uri}: ${error.start}-${error.end}`);
      }
    } catch (error) {
      problems.push(`parseBicep threw on ${uri}: ${describe(error)}`);
    }
  }
  if (/\.jsonc?$/i.test(uri)) {
    try {
      const arm = readArmFile(text);
      // readArmFile turns an internal exception into this error: for the fuzzer that is a throw.
      const caught = arm.errors.find((error) => error.message.startsWith('The file could not be read ('));
      if (caught) problems.push(`readArmFile failed internally on ${uri}: ${caught.message}`);
      errors += arm.errors.length;
    } catch (error) {
      problems.push(`readArmFile threw on ${uri}: ${describe(error)}`);
    }
  }
  return errors;
}

function checkFixes(
  session: FixSession,
  finding: Finding,
  textOf: (uri: string) => string | undefined,
  problems: string[],
): void {
  for (const fix of session.fixesOf(finding)) {
    for (const change of fix.changes) {
      const original = textOf(change.uri);
      if (original === undefined) {
        problems.push(`fix '${fix.title}' (${finding.ruleId}) edits an unknown file ${change.uri}`);
        continue;
      }
      const inBounds = change.edits.every(
        (edit, i, edits) =>
          edit.start <= edit.end &&
          edit.end <= original.length &&
          (i === 0 || (edits[i - 1].end <= edit.start && edits[i - 1].start !== edit.start)),
      );
      if (!inBounds) {
        problems.push(`fix '${fix.title}' (${finding.ruleId}) has edits out of bounds or overlapping in ${change.uri}`);
        continue;
      }
      const fixed = applyTextEdits(original, change.edits);
      const before = syntaxErrorCounts(change.uri, original);
      const added = [...syntaxErrorCounts(change.uri, fixed)].filter(
        ([message, count]) => count > (before.get(message) ?? 0),
      );
      if (added.length > 0)
        problems.push(
          `fix '${fix.title}' (${finding.ruleId}) adds syntax errors to ${change.uri}: ${added
            .map(([m]) => m)
            .slice(0, 3)
            .join('; ')}`,
        );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations of corpus files

/** A deterministic pseudo-random generator (mulberry32), so every input reproduces from its seed. */
export function random(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bicepTokens = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  "'",
  "'''",
  '${',
  ':',
  ',',
  '\n',
  'resource',
  'module',
  'for',
  'if',
  'existing',
  '@',
  '.',
  '?',
  '!',
  '=',
  '::',
  '?.',
  '??',
  '#disable-next-line',
  '/*',
  '//',
  'param',
  'var',
  'output',
  'import',
  'type',
  'func',
  '=>',
  '\r\n',
  '\t',
  '\\',
  '\u{1F600}',
  '\uD800',
  '\0',
];
const jsonTokens = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\n',
  'null',
  '"[',
  ']"',
  '[[',
  '"resources"',
  '"copy"',
  '"condition"',
  '"[concat("',
  '"[parameters(\'x\')]"',
  '[reference(',
  '"type"',
  '"dependsOn"',
  "'",
  '(',
  ')',
  '/*',
  '//',
  '\\u',
  '\uD800',
  '\0',
  '1e999',
  '-',
];

let corpusList: string[] | undefined;

/** The corpus's Bicep and ARM files (paths), sorted so seeds reproduce across machines. */
export function corpusFiles(): string[] {
  if (corpusList) return corpusList;
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(bicep|bicepparam|json|jsonc)$/i.test(entry.name) && fs.statSync(full).size <= 300_000)
        found.push(full);
    }
  };
  walk(corpusRoot);
  return (corpusList = found.sort());
}

export function mutate(text: string, next: () => number, json: boolean): string {
  const int = (n: number) => Math.floor(next() * n);
  const slice = () => {
    const start = int(text.length + 1);
    return [start, Math.min(text.length, start + 1 + int(next() < 0.8 ? 40 : 2000))] as const;
  };
  const operations = 1 + int(5);
  for (let i = 0; i < operations; i++) {
    const [start, end] = slice();
    switch (int(8)) {
      case 0:
        text = text.slice(0, start) + text.slice(end);
        break;
      case 1:
        text = text.slice(0, end) + text.slice(start, end) + text.slice(end);
        break;
      case 2: {
        const [otherStart, otherEnd] = slice();
        if (otherStart >= end)
          text =
            text.slice(0, start) +
            text.slice(otherStart, otherEnd) +
            text.slice(end, otherStart) +
            text.slice(start, end) +
            text.slice(otherEnd);
        break;
      }
      case 3:
      case 4: {
        const tokens = json ? jsonTokens : bicepTokens;
        const token = tokens[int(tokens.length)];
        text = text.slice(0, start) + token.repeat(next() < 0.9 ? 1 : 1 + int(3000)) + text.slice(start);
        break;
      }
      case 5: {
        let bytes = '';
        for (let n = int(30); n > 0; n--) bytes += String.fromCharCode(next() < 0.7 ? int(128) : int(0x10000));
        text = text.slice(0, start) + bytes + text.slice(start);
        break;
      }
      case 6:
        text = text.slice(0, start);
        break;
      default:
        text = text.slice(0, start) + text.slice(start, end).toUpperCase() + text.slice(end);
    }
  }
  return text;
}

/** Input `seed` of the mutation family: one corpus file, mutated in place (its uri is the real one). */
export function mutationInput(seed: number): FuzzInput {
  const next = random(seed);
  const list = corpusFiles();
  const file = list[Math.floor(next() * list.length)];
  const original = fs.readFileSync(file, 'utf8');
  const json = /\.jsonc?$/i.test(file);
  return {
    label: `mutate ${seed} ${path.relative(corpusRoot, file)}`,
    files: { [pathToFileURL(file).href]: mutate(original, next, json) },
  };
}

// ---------------------------------------------------------------------------------------------
// Grammar-aware generation: a plan of networking resources, rendered as Bicep (with a module) or ARM

const kinds = [
  'vnet',
  'subnet',
  'pe',
  'zone',
  'link',
  'group',
  'peering',
  'nsg',
  'routes',
  'pls',
  'storage',
  'vault',
  'module',
] as const;
type Kind = (typeof kinds)[number];

interface PlanItem {
  kind: Kind;
  wrap: 'none' | 'if' | 'for' | 'forItems';
  picks: number[];
}

const planItem: fc.Arbitrary<PlanItem> = fc.record({
  // Endpoints, VNets, zones and peerings weigh more: most rules and fixes start from them.
  kind: fc.constantFrom<Kind>(...kinds, 'pe', 'pe', 'vnet', 'zone', 'peering', 'vault', 'storage'),
  wrap: fc.constantFrom('none', 'none', 'if', 'for', 'forItems'),
  picks: fc.array(fc.nat(40), { minLength: 10, maxLength: 10 }),
});

export const planArbitrary = fc.record({
  main: fc.array(planItem, { maxLength: 10 }),
  module: fc.array(
    planItem.filter((item) => item.kind !== 'module'),
    { maxLength: 6 },
  ),
  existing: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
  cyclic: fc.boolean(),
});
export type Plan = typeof planArbitrary extends fc.Arbitrary<infer T> ? T : never;

const types: Record<Exclude<Kind, 'module'>, string> = {
  vnet: 'Microsoft.Network/virtualNetworks@2025-09-01',
  subnet: 'Microsoft.Network/virtualNetworks/subnets@2025-09-01',
  pe: 'Microsoft.Network/privateEndpoints@2025-09-01',
  zone: 'Microsoft.Network/privateDnsZones@2024-06-01',
  link: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01',
  group: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01',
  nsg: 'Microsoft.Network/networkSecurityGroups@2025-09-01',
  routes: 'Microsoft.Network/routeTables@2025-09-01',
  pls: 'Microsoft.Network/privateLinkServices@2025-09-01',
  storage: 'Microsoft.Storage/storageAccounts@2025-01-01',
  vault: 'Microsoft.KeyVault/vaults@2026-02-01',
};

const zoneNames = [
  'privatelink.blob.core.windows.net',
  'privatelink.vaultcore.azure.net',
  'privatelink.file.core.windows.net',
  'privatelink.database.windows.net',
  'privatelink.blob.core.usgovcloudapi.net',
  'contoso.internal',
  '',
];
const groupIds = ['blob', 'vault', 'file', 'sqlServer', 'sites', 'Blob', '', 'nonsense'];
const targetKind = (pick: number): Kind => (['storage', 'vault', 'pls'] as const)[pick % 3];
/** Mostly the group id that fits the target (so endpoint rules and fixes run), sometimes any. */
const groupIdFor = (targetPick: number, pick: number) =>
  pick % 3 === 0 ? groupIds[pick % groupIds.length] : [['blob', 'file'][pick % 2], 'vault', ''][targetPick % 3];
const locations = ["'westeurope'", "'global'", 'location', "'eastus'", 'resourceGroup().location', "''"];
const cidr = (p: number[], i: number) =>
  [
    `'10.${p[i] % 4}.${(p[i + 1] % 3) * 16}.0/${[16, 24, 26, 28, 29, 30, 32, 8][p[i + 2] % 8]}'`,
    `'10.0.0.0/${p[i] % 40}'`,
    "'10.0.300.0/24'",
    "'not-a-cidr'",
    'prefix',
    `'fd00:${p[i]}::/64'`,
    "'10.1.2.3/24'",
  ][p[i + 3] % 7];

/** Renders a plan as Bicep: the entry `main.bicep` and a module `mod.bicep` it calls. */
export function planToBicep(plan: Plan): Record<string, string> {
  return {
    'main.bicep': bicepFile(plan.main, plan, 'mod.bicep'),
    'mod.bicep': bicepFile(plan.module, plan, plan.cyclic ? 'main.bicep' : undefined),
  };
}

function bicepFile(items: PlanItem[], plan: Plan, moduleFile: string | undefined): string {
  const lines = [
    "param location string = 'westeurope'",
    "param prefix string = '10.9.0.0/16'",
    'param deploy bool = true',
    "param names array = [ 'a', 'b' ]",
    "param targetId string = ''",
  ];
  const symbols: { kind: Kind; symbol: string; loop: boolean }[] = [];
  const ref = (kind: Kind, pick: number, member: string, fallback: string) => {
    const candidates = symbols.filter((s) => s.kind === kind);
    if (candidates.length === 0 || pick % 5 === 4) return fallback;
    const target = candidates[pick % candidates.length];
    return `${target.symbol}${target.loop ? `[${pick % 3}]` : ''}${member}`;
  };
  items.forEach((item, index) => {
    const p = item.picks;
    const symbol = `${item.kind}${index}`;
    const loopVar = item.wrap === 'for' ? 'i' : item.wrap === 'forItems' ? 'n' : undefined;
    const nameSuffix = loopVar ? `-\${${loopVar}}` : '';
    const existing = plan.existing[index % plan.existing.length] && item.kind !== 'module' && p[9] % 3 === 0;
    const name = (base: string) => `'${base}${nameSuffix}'`;
    let body: string;
    switch (item.kind) {
      case 'vnet':
        body = `name: ${name(`vnet-${p[0] % 3}`)}\n  location: ${locations[p[1] % locations.length]}\n  properties: {\n    addressSpace: { addressPrefixes: [ ${cidr(p, 2)} ] }\n    subnets: [\n      { name: 'snet-${p[6] % 2}', properties: { addressPrefix: ${cidr(p, 5)}, privateEndpointNetworkPolicies: '${['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'bogus'][p[8] % 4]}' } }\n    ]\n  }`;
        break;
      case 'subnet':
        body = `parent: ${ref('vnet', p[0], '', 'vnet0')}\n  name: ${name(`snet-${p[1] % 3}`)}\n  properties: { addressPrefix: ${cidr(p, 2)}, networkSecurityGroup: { id: ${ref('nsg', p[6], '.id', 'targetId')} }, privateLinkServiceNetworkPolicies: 'Enabled' }`;
        break;
      case 'pe':
        body = `name: ${name(`pe-${p[0] % 3}`)}\n  location: ${locations[p[1] % locations.length]}\n  properties: {\n    subnet: { id: ${ref('subnet', p[2], '.id', ref('vnet', p[3], '.properties.subnets[0].id', 'targetId'))} }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: ${ref(targetKind(p[4]), p[5], '.id', 'targetId')}, groupIds: [ '${groupIdFor(p[4], p[6])}' ] } } ]\n  }`;
        break;
      case 'zone':
        body = `name: ${p[1] % 4 === 0 ? `'${zoneNames[p[0] % zoneNames.length]}'` : `'${zoneNames[p[0] % zoneNames.length]}${nameSuffix}'`}\n  location: ${locations[p[2] % locations.length]}`;
        break;
      case 'link':
        body = `parent: ${ref('zone', p[0], '', 'zone0')}\n  name: ${name(`link-${p[1] % 3}`)}\n  location: 'global'\n  properties: { registrationEnabled: ${p[2] % 2 === 0}, virtualNetwork: { id: ${ref('vnet', p[3], '.id', 'targetId')} } }`;
        break;
      case 'group':
        body = `parent: ${ref('pe', p[0], '', 'pe0')}\n  name: 'default'\n  properties: { privateDnsZoneConfigs: [ { name: 'z', properties: { privateDnsZoneId: ${ref('zone', p[1], '.id', 'targetId')} } } ] }`;
        break;
      case 'peering':
        body = `parent: ${ref('vnet', p[0], '', 'vnet0')}\n  name: ${name(`peer-${p[1] % 3}`)}\n  properties: { remoteVirtualNetwork: { id: ${ref('vnet', p[2], '.id', 'targetId')} }, allowGatewayTransit: ${p[3] % 2 === 0}, useRemoteGateways: ${p[4] % 2 === 0}, allowForwardedTraffic: true }`;
        break;
      case 'nsg':
        body = `name: ${name(`nsg-${p[0] % 3}`)}\n  location: ${locations[p[1] % locations.length]}\n  properties: { securityRules: [] }`;
        break;
      case 'routes':
        body = `name: ${name(`rt-${p[0] % 3}`)}\n  location: location\n  properties: { routes: [ { name: 'r', properties: { addressPrefix: ${cidr(p, 1)}, nextHopType: '${['VirtualAppliance', 'Internet', 'None'][p[5] % 3]}', nextHopIpAddress: '10.0.${p[6] % 3}.4' } } ] }`;
        break;
      case 'pls':
        body = `name: ${name(`pls-${p[0] % 3}`)}\n  location: location\n  properties: { ipConfigurations: [ { name: 'ip', properties: { subnet: { id: ${ref('subnet', p[1], '.id', 'targetId')} } } } ] }`;
        break;
      case 'storage':
        body = `name: ${name(`st${p[0] % 3}`)}\n  location: location\n  kind: 'StorageV2'\n  sku: { name: 'Standard_LRS' }\n  properties: { publicNetworkAccess: '${['Enabled', 'Disabled'][p[1] % 2]}' }`;
        break;
      case 'vault':
        body = `name: ${name(`kv${p[0] % 3}`)}\n  location: location\n  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' }, publicNetworkAccess: 'Enabled' }`;
        break;
      case 'module':
        body = `name: ${name(`mod-${p[0] % 3}`)}\n  params: { location: ${locations[p[1] % locations.length]}, prefix: ${cidr(p, 2)}, deploy: ${p[6] % 2 === 0} }`;
        break;
    }
    const head =
      item.wrap === 'if' ? `if (${['deploy', '!deploy', 'true', "location == 'westeurope'"][p[7] % 4]}) ` : '';
    const declaration =
      item.kind === 'module'
        ? moduleFile
          ? `module ${symbol} '${moduleFile}'`
          : undefined
        : `resource ${symbol} '${types[item.kind]}'${existing ? ' existing' : ''}`;
    if (!declaration) return;
    const value = existing ? `{\n  name: 'existing-${index}'\n}` : `${head}{\n  ${body}\n}`;
    const loop =
      item.wrap === 'for'
        ? `[for i in range(0, ${p[8] % 4}): ${value}]`
        : item.wrap === 'forItems'
          ? `[for (n, k) in names: ${value}]`
          : value;
    lines.push(`${declaration} = ${existing ? value : loop}`);
    symbols.push({ kind: item.kind, symbol, loop: !existing && loopVar !== undefined });
  });
  lines.push(
    `output firstId string = ${symbols.length > 0 && symbols[0].kind !== 'module' && !symbols[0].loop ? `${symbols[0].symbol}.id` : "''"}`,
  );
  return lines.join('\n') + '\n';
}

/** Renders a plan as ARM JSON: `main.json` with copy loops, conditions and a nested deployment of `mod.json`. */
export function planToArm(plan: Plan): Record<string, string> {
  return {
    'main.json': armFile(plan.main, plan, 'mod.json'),
    'mod.json': armFile(plan.module, plan, plan.cyclic ? 'main.json' : undefined),
  };
}

function armFile(items: PlanItem[], plan: Plan, moduleFile: string | undefined): string {
  const names: { kind: Kind; type: string; name: string }[] = [];
  const refId = (kind: Kind, pick: number) => {
    const candidates = names.filter((n) => n.kind === kind);
    if (candidates.length === 0 || pick % 5 === 4) return "[parameters('targetId')]";
    const target = candidates[pick % candidates.length];
    return `[resourceId('${target.type.split('@')[0]}', ${target.name})]`;
  };
  const armCidr = (p: number[], i: number) => {
    const value = cidr(p, i);
    return value === 'prefix' ? "[parameters('prefix')]" : value.slice(1, -1);
  };
  const location = (pick: number) =>
    ['westeurope', 'global', "[parameters('location')]", '[resourceGroup().location]', ''][pick % 5];
  const resources: unknown[] = [];
  items.forEach((item, index) => {
    const p = item.picks;
    const loop = item.wrap === 'for' || item.wrap === 'forItems';
    const suffix = loop ? ", '-', string(copyIndex())" : '';
    const nameExpr = (base: string) => `'${base}'${suffix}`;
    const armName = (expr: string) => (loop ? `[concat(${expr})]` : expr.slice(1, -1));
    const common = (kind: Exclude<Kind, 'module'>, nameBase: string, parentName?: string) => {
      const expr = parentName ? `${parentName}, '/', ${nameExpr(nameBase)}` : nameExpr(nameBase);
      names.push({
        kind,
        type: types[kind],
        name: parentName ? `${parentName}, ${nameExpr(nameBase)}` : nameExpr(nameBase),
      });
      const [type, apiVersion] = types[kind].split('@');
      return { type, apiVersion, name: parentName || loop ? `[concat(${expr})]` : armName(expr) };
    };
    const parent = (kind: Kind, pick: number) =>
      names
        .filter((n) => n.kind === kind)
        [pick % Math.max(1, names.filter((n) => n.kind === kind).length)]?.name.split(', ')[0] ?? "'missing'";
    let resource: Record<string, unknown>;
    switch (item.kind) {
      case 'vnet':
        resource = {
          ...common('vnet', `vnet-${p[0] % 3}`),
          location: location(p[1]),
          properties: {
            addressSpace: { addressPrefixes: [armCidr(p, 2)] },
            subnets: [
              {
                name: `snet-${p[6] % 2}`,
                properties: {
                  addressPrefix: armCidr(p, 5),
                  privateEndpointNetworkPolicies: ['Disabled', 'Enabled', 'bogus'][p[8] % 3],
                },
              },
            ],
          },
        };
        break;
      case 'subnet':
        resource = {
          ...common('subnet', `snet-${p[1] % 3}`, parent('vnet', p[0])),
          properties: { addressPrefix: armCidr(p, 2), networkSecurityGroup: { id: refId('nsg', p[6]) } },
        };
        break;
      case 'pe':
        resource = {
          ...common('pe', `pe-${p[0] % 3}`),
          location: location(p[1]),
          properties: {
            subnet: { id: refId('subnet', p[2]) },
            privateLinkServiceConnections: [
              {
                name: 'c',
                properties: { privateLinkServiceId: refId(targetKind(p[4]), p[5]), groupIds: [groupIdFor(p[4], p[6])] },
              },
            ],
          },
        };
        break;
      case 'zone':
        resource = { ...common('zone', zoneNames[p[0] % zoneNames.length]), location: location(p[2]) };
        break;
      case 'link':
        resource = {
          ...common('link', `link-${p[1] % 3}`, parent('zone', p[0])),
          location: 'global',
          properties: { registrationEnabled: p[2] % 2 === 0, virtualNetwork: { id: refId('vnet', p[3]) } },
        };
        break;
      case 'group':
        resource = {
          ...common('group', 'default', parent('pe', p[0])),
          properties: { privateDnsZoneConfigs: [{ name: 'z', properties: { privateDnsZoneId: refId('zone', p[1]) } }] },
        };
        break;
      case 'peering':
        resource = {
          ...common('peering', `peer-${p[1] % 3}`, parent('vnet', p[0])),
          properties: {
            remoteVirtualNetwork: { id: refId('vnet', p[2]) },
            allowGatewayTransit: p[3] % 2 === 0,
            useRemoteGateways: p[4] % 2 === 0,
          },
        };
        break;
      case 'nsg':
        resource = { ...common('nsg', `nsg-${p[0] % 3}`), location: location(p[1]), properties: { securityRules: [] } };
        break;
      case 'routes':
        resource = {
          ...common('routes', `rt-${p[0] % 3}`),
          location: location(p[1]),
          properties: {
            routes: [
              {
                name: 'r',
                properties: {
                  addressPrefix: armCidr(p, 1),
                  nextHopType: 'VirtualAppliance',
                  nextHopIpAddress: `10.0.${p[6] % 3}.4`,
                },
              },
            ],
          },
        };
        break;
      case 'pls':
        resource = {
          ...common('pls', `pls-${p[0] % 3}`),
          location: location(p[1]),
          properties: { ipConfigurations: [{ name: 'ip', properties: { subnet: { id: refId('subnet', p[1]) } } }] },
        };
        break;
      case 'storage':
        resource = {
          ...common('storage', `st${p[0] % 3}`),
          location: location(p[1]),
          kind: 'StorageV2',
          sku: { name: 'Standard_LRS' },
          properties: { publicNetworkAccess: ['Enabled', 'Disabled'][p[1] % 2] },
        };
        break;
      case 'vault':
        resource = {
          ...common('vault', `kv${p[0] % 3}`),
          location: location(p[1]),
          properties: { tenantId: '[subscription().tenantId]', sku: { family: 'A', name: 'standard' } },
        };
        break;
      case 'module': {
        if (!moduleFile) return;
        const inline = p[0] % 2 === 0;
        resource = {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2025-04-01',
          name: loop ? "[concat('mod-', string(copyIndex()))]" : `mod-${index}`,
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: p[1] % 2 === 0 ? 'inner' : 'outer' },
            parameters: { location: { value: location(p[2]) }, prefix: { value: armCidr(p, 3) } },
            ...(inline
              ? { template: JSON.parse(armFile(plan.module.slice(0, 3), plan, undefined)) }
              : { templateLink: { relativePath: moduleFile } }),
          },
        };
      }
    }
    if (loop)
      resource.copy = { name: `copy${index}`, count: item.wrap === 'for' ? p[8] % 4 : "[length(parameters('names'))]" };
    if (item.wrap === 'if')
      resource.condition = [
        "[parameters('deploy')]",
        "[not(parameters('deploy'))]",
        true,
        "[equals(parameters('location'), 'westeurope')]",
      ][p[7] % 4];
    const existing = plan.existing[index % plan.existing.length] && p[9] % 3 === 0;
    if (existing && item.kind !== 'module') resource = { ...resource, existing: true };
    resources.push(resource);
  });
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: {
        location: { type: 'string', defaultValue: 'westeurope' },
        prefix: { type: 'string', defaultValue: '10.9.0.0/16' },
        deploy: { type: 'bool', defaultValue: true },
        names: { type: 'array', defaultValue: ['a', 'b'] },
        targetId: { type: 'string', defaultValue: '' },
      },
      resources,
    },
    null,
    2,
  );
}

/** Generated files under a root of their own (file:///fuzz/<n>/). */
export function generatedInput(seed: number, plan: Plan, arm: boolean): FuzzInput {
  const files = arm ? planToArm(plan) : planToBicep(plan);
  const root = `file:///fuzz/${seed}/`;
  return {
    label: `generate-${arm ? 'arm' : 'bicep'} ${seed}`,
    files: Object.fromEntries(Object.entries(files).map(([name, text]) => [root + name, text])),
  };
}

/** Input number `index` of a run with `seed`: mutations, generated and hostile workspaces, interleaved. */
export function fuzzInput(seed: number, index: number): FuzzInput {
  const inputSeed = (Math.imul(seed, 0x9e3779b1) + index) | 0;
  // One input in 64 is a hostile class of issue 20 (test/support/hostile.ts) with random sizes: each
  // costs about a hundred ordinary inputs' time.
  if (index % 64 === 63) {
    const hostile = randomHostile(random(inputSeed));
    const root = `file:///fuzz/${inputSeed}/`;
    return {
      label: `hostile ${inputSeed} ${hostile.label}`,
      files: Object.fromEntries(Object.entries(hostile.files).map(([name, text]) => [root + name, text])),
    };
  }
  const family = index % 4;
  if (family < 2) return mutationInput(inputSeed);
  const [plan] = fc.sample(planArbitrary, { seed: inputSeed, numRuns: 1 });
  const input = generatedInput(inputSeed, plan, family === 3);
  // One generated input in four also gets a mutation, so broken syntax meets real structure.
  if (index % 16 >= 12) {
    const next = random(inputSeed);
    const [uri, text] = Object.entries(input.files)[0];
    input.files[uri] = mutate(text, next, uri.endsWith('.json'));
    input.label += ' +mutate';
  }
  return input;
}
