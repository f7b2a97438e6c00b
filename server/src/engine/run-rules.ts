// Runs the rule catalog over the models of a workspace's deployments and turns reports into findings:
// ranges from anchors, levels from configuration, suppression pragmas honoured, one finding per
// site, kind of message and resources involved (rules/support/report-key.ts: a loop's instances, or a module
// two roots deploy alike, report once; a module deployed for two services reports each).
import {
  givenPlaceOfPath,
  type GivenPlace,
  rangeOfPath,
  type PropertyRange,
  type ResourceDecl,
} from '../evaluate/declaration';
import { keepOn, keptValue } from '../evaluate/remembered';
import { isObject } from '../evaluate/value';
import { editedDeclaration } from '../model/fix-contract';
import type { NetworkModel } from '../model/types';
import {
  formatMessage,
  type Anchor,
  type RuleContext,
  type RuleDefinition,
  type RuleReport,
} from '../rules/support/rule';
import { allRules as rules } from '../rules';
import { reportKey } from '../rules/support/report-key';
import { readPragmas, type PragmaIndex } from '../syntax/bicep';
import { LineIndex } from '../syntax/line-index';
import { authorLeavesZoneGroupToPolicy } from './author-intent';
import { resourceIdentities } from './finding-identity';
import { joinedRoot } from './deployments';
import type { AnalysisOptions, Finding } from './types';
import { collectionsHeld, planOf, startsIn } from './rule-plan';
import type { Workspace } from './workspace';

export function runRules(
  models: NetworkModel | readonly NetworkModel[],
  workspace: Workspace,
  options: AnalysisOptions,
  catalog: readonly RuleDefinition[] = rules,
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  const suppression = new Suppression(workspace);
  const settings = settingsKey(options);
  for (const model of Array.isArray(models) ? models : [models as NetworkModel]) {
    // Every rule looks at declarations of the model: with none, none can report.
    if (model.declarations.length === 0 || options.isCancelled?.()) continue;
    for (const candidate of judged(model, options, catalog, settings, { suppression, workspace })) {
      const earlier = seen.get(candidate.key);
      if (earlier === undefined) seen.set(candidate.key, findings.push(candidate.finding) - 1);
      // The same finding from a root that joined the resource in speaks only until its own root's does.
      else if (!candidate.joined && findings[earlier].related.some(isJoinNote)) findings[earlier] = candidate.finding;
    }
  }
  return findings;
}

/** One model's findings before they meet other models': each with its key and whether it rests on a join. */
interface Candidate {
  key: string;
  joined: boolean;
  finding: Finding;
  /** With a fix: the declarations whose reports this finding stands for (a loop's instances, a module's calls). */
  reporters?: Set<ResourceDecl>;
}

/**
 * A model's candidates, kept with the model (issue 16 item 2): a deployment whose model is kept
 * (engine/deployments.ts DeploymentModels) keeps its findings without running a rule. They depend
 * only on the model's declarations, the texts of their files (which a kept model's evaluation read
 * at the same versions) and the settings, which are part of the key. Held as a hidden property of
 * the model, not in a WeakMap keyed by it: an analysis of one deployment (a registry module, each
 * `check`) builds a model used once, and an ephemeron entry per model cost more than the skipped rules.
 */
const judgedKey = Symbol('judged');

interface Judged {
  settings: string;
  catalog: readonly RuleDefinition[];
  candidates: Candidate[];
}

function judged(
  model: NetworkModel,
  options: AnalysisOptions,
  catalog: readonly RuleDefinition[],
  settings: string,
  context: Context,
): Candidate[] {
  const kept = keptValue<Judged>(model, judgedKey);
  if (kept && kept.settings === settings && kept.catalog === catalog) return kept.candidates;
  const candidates = runCatalog(model, options, catalog, context);
  // A cancelled run stopped between rules: its candidates are not the model's.
  if (!options.isCancelled?.()) keepOn<Judged>(model, judgedKey, { settings, catalog, candidates });
  return candidates;
}

/** What the findings of a model depend on besides the model. */
function settingsKey(options: AnalysisOptions): string {
  // The usual case (no rule configured, no private DNS setting) needs no JSON; it cannot meet a '[' key.
  if (options.privateDns == null && !hasOwnKey(options.ruleLevels)) return `${options.cloud}|defaults`;
  return JSON.stringify([options.cloud, options.ruleLevels, options.privateDns ?? null]);
}

function hasOwnKey(record: object): boolean {
  for (const key in record) if (Object.prototype.hasOwnProperty.call(record, key)) return true;
  return false;
}

interface Context {
  suppression: Suppression;
  workspace: Workspace;
}

function runCatalog(
  model: NetworkModel,
  options: AnalysisOptions,
  catalog: readonly RuleDefinition[],
  context: Context,
): Candidate[] {
  const found: Found = { candidates: [], seen: undefined, context, model };
  // One context for the catalog (rules only read it): its reports are taken rule by rule.
  const reports: RuleReport[] = [];
  const collect = (report: RuleReport) => {
    reports.push(report);
  };
  // No spread of a maybe-empty object: one literal or the other (a spread copied per model).
  const ruleContext: RuleContext = options.privateDns
    ? { model, cloud: options.cloud, privateDns: options.privateDns, report: collect }
    : { model, cloud: options.cloud, report: collect };
  // Looked up only when something is configured: a missing key, asked by each rule's id, cost more than most checks.
  const levels = hasOwnKey(options.ruleLevels) ? options.ruleLevels : undefined;
  const held = collectionsHeld(model);
  const plan = planOf(catalog);
  // By index, and the reports turned into findings elsewhere: this loop runs for every model, mostly
  // before V8 optimises it, where an iterator per model and a larger body each cost (issue 16).
  for (let index = 0; index < plan.length; index++) {
    const { rule, starts, pairwise } = plan[index];
    if (options.isCancelled?.()) break;
    if (!startsIn(held, starts, pairwise)) continue;
    const configured = levels?.[rule.id];
    if (configured === 'off') continue;
    // Emptied only when a report (or a check that threw) left some: setting the length is a runtime call.
    if (reports.length > 0) reports.length = 0;
    try {
      rule.check(ruleContext);
    } catch {
      // A defect in one rule must not take the others down; the rule's tests catch it.
      continue;
    }
    if (reports.length > 0) addCandidates(rule, configured, reports, found);
  }
  withoutFixesForSomeInstances(found.candidates, model);
  return found.candidates;
}

/**
 * A fix edits a declaration, so every instance of it (a loop's, a module's called twice): when some
 * instances of the declaration it edits have no such finding (one subnet of a loop hosts the Private
 * Link service; one of two VNets a module makes has the subnet a storage rule names), the edit would
 * change those too, and the finding keeps no fix.
 */
function withoutFixesForSomeInstances(candidates: readonly Candidate[], model: NetworkModel): void {
  let instances: Map<string, number> | undefined;
  for (const { finding, reporters } of candidates) {
    const decl = finding.fix && editedDeclaration(finding.fix);
    if (!decl || !reporters || (decl.instance === undefined && decl.via.length === 0)) continue;
    instances ??= instanceCounts(model);
    if ((instances.get(declarationPlace(decl)) ?? 0) > reporters.size) delete finding.fix;
  }
}

const declarationPlace = (decl: ResourceDecl) => `${decl.uri}|${decl.range.start}`;

/** How many instances of each declaration the model holds (those another root's deployment joins aside). */
function instanceCounts(model: NetworkModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const decl of model.declarations) {
    if (decl.condition === false || joinedRoot(model, decl) !== undefined) continue;
    const place = declarationPlace(decl);
    counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  return counts;
}

/** A model's candidates so far, by key, and what turning reports into findings reads. */
interface Found {
  candidates: Candidate[];
  /** Made at the first report: most models get none. */
  seen: Map<string, number> | undefined;
  context: Context;
  model: NetworkModel;
}

/** A rule's reports on the model as candidates: ranges from anchors, suppression and author intent honoured. */
function addCandidates(
  rule: RuleDefinition,
  configured: Finding['level'] | undefined,
  reports: readonly RuleReport[],
  found: Found,
): void {
  const {
    candidates,
    context: { suppression, workspace },
    model,
  } = found;
  const seen = (found.seen ??= new Map());
  for (const report of reports) {
    const range = anchorRange(report.at);
    const message = formatMessage(rule.messages[report.messageId] ?? report.messageId, report.data);
    // One finding per site, kind of message and resources involved (DESIGN §3): a loop's instances
    // differ in their names, so the message text cannot be part of the key; the first instance speaks.
    const key = `${rule.id}|${range.start}|${range.end}|${reportKey(report)}`;
    const joins = joinsOf(model, report);
    const earlier = seen.get(key);
    // runRules merges models by the same test, so deciding it here first changes nothing.
    const replaces = earlier !== undefined && joins.length === 0 && candidates[earlier].joined;
    if (isSuppressedAt(suppression, rule.id, report.at.decl.uri, range)) continue;
    if (earlier !== undefined && !replaces) {
      noteAnotherInstance(candidates[earlier].finding, message);
      candidates[earlier].reporters?.add(report.at.decl);
      continue;
    }
    if (leftToPolicyByAuthor(rule.id, report, workspace)) continue;
    const given = givenPlaces();
    const finding: Finding = {
      ruleId: rule.id,
      messageId: report.messageId,
      level: configured ?? report.level ?? rule.level,
      message,
      uri: report.at.decl.uri,
      start: range.start,
      end: range.end,
      related: [
        ...(report.related ?? []).flatMap((related) => {
          const { start, end } = anchorRange(related);
          return [
            { uri: related.decl.uri, start, end, message: related.message },
            ...given.of(givenPlaceOfPath(related.decl, related.path)),
          ];
        }),
        ...(range.usedAt ? [{ uri: report.at.decl.uri, ...range.usedAt, message: 'the value is used here' }] : []),
        ...given.of(givenPlaceOfPath(report.at.decl, report.at.path)),
        ...report.at.decl.via.map((call) => ({ ...call, message: 'deployed through this module' })),
        ...joins,
      ],
      ...identityOf(report.at, workspace.file(report.at.decl.uri)?.text),
      ...(report.fix ? { fix: { request: report.fix, anchor: report.at } } : {}),
    };
    const reporters = report.fix
      ? new Set([...(replaces ? (candidates[earlier].reporters ?? []) : []), report.at.decl])
      : undefined;
    const candidate: Candidate = { key, joined: joins.length > 0, finding, ...(reporters ? { reporters } : {}) };
    if (replaces) candidates[earlier] = candidate;
    else seen.set(key, candidates.push(candidate) - 1);
  }
}

/**
 * The places a parameter file gives values the finding rests on (DESIGN §2: the other files it rests
 * on), each named once: the items of one loop give several of its values.
 */
function givenPlaces(): { of(place: GivenPlace | undefined): Finding['related'] } {
  const named = new Set<string>();
  return {
    of(place) {
      if (!place) return [];
      const key = `${place.at.uri}#${place.at.start}`;
      if (named.has(key)) return [];
      named.add(key);
      const message = place.items
        ? 'the parameter file gives the items of this loop'
        : 'the parameter file gives this value';
      return [{ ...place.at, message }];
    },
  };
}

/** How many other instances of a declaration a finding names in its related information. */
const maxInstanceNotes = 5;
const instanceNote = 'another instance of this declaration: ';

/**
 * A finding for another instance of the same declaration (a loop's, a module's deployed twice) that
 * says something else (another name, another zone): one finding per declaration (DESIGN §2), which
 * names the others in its related information, up to a few, rather than only the first instance.
 */
function noteAnotherInstance(finding: Finding, message: string): void {
  if (message === finding.message) return;
  const notes = finding.related.filter((related) => related.message.startsWith(instanceNote));
  if (notes.length >= maxInstanceNotes || notes.some((note) => note.message === instanceNote + message)) return;
  finding.related.push({ uri: finding.uri, start: finding.start, end: finding.end, message: instanceNote + message });
}

const joinNote =
  'this finding joins a resource of the deployment this file starts, through an explicit reference (`existing` or an id built from names)';
const isJoinNote = (related: Finding['related'][number]) => related.message === joinNote;

/** Related information for each resource of the report that another root deploys (engine/deployments.ts). */
function joinsOf(model: NetworkModel, report: RuleReport): Finding['related'] {
  const roots = new Set(
    [report.at, ...(report.related ?? [])]
      .map((anchor) => joinedRoot(model, anchor.decl))
      .filter((root) => root !== undefined),
  );
  return [...roots].map((root) => ({ uri: root, start: 0, end: 0, message: joinNote }));
}

/**
 * A missing zone group the endpoint's author leaves to Azure Policy, in a comment on the endpoint
 * (author-intent.ts). Policy never creates zone groups for manual connections (FACTS §15), so an
 * endpoint with manual connections keeps its finding.
 */
function leftToPolicyByAuthor(ruleId: string, report: RuleReport, workspace: Workspace): boolean {
  if (ruleId !== 'pe-dns-zone-group-missing' || report.messageId === 'competesWithPolicy') return false;
  const { decl } = report.at;
  const file = workspace.file(decl.uri);
  if (file?.language !== 'bicep') return false;
  const properties = decl.properties;
  const manual =
    isObject(properties) && Object.prototype.hasOwnProperty.call(properties, 'manualPrivateLinkServiceConnections')
      ? properties['manualPrivateLinkServiceConnections']
      : undefined;
  if (manual !== undefined && !(Array.isArray(manual) && manual.length === 0)) return false;
  if (authorLeavesZoneGroupToPolicy(file.text, decl.range.start)) return true;
  // An endpoint a registry module declares: its entry in the call's parameters, or the call itself.
  const call = decl.registry ? decl.via.at(-1) : undefined;
  return call !== undefined && call.uri === decl.uri && authorLeavesZoneGroupToPolicy(file.text, call.start);
}

function anchorRange(anchor: Anchor): PropertyRange {
  return anchor.path ? rangeOfPath(anchor.decl, anchor.path) : anchor.decl.range;
}

/**
 * A pragma on the line before the finding, or, for a value written in a variable or a parameter's
 * default, before the place the resource uses it (where findings on such values pointed until they
 * pointed into the variable: a pragma written there still holds).
 */
function isSuppressedAt(suppression: Suppression, ruleId: string, uri: string, range: PropertyRange): boolean {
  return (
    suppression.isSuppressed(ruleId, uri, range.start) ||
    (range.usedAt !== undefined && suppression.isSuppressed(ruleId, uri, range.usedAt.start))
  );
}

/** `#disable-next-line id` (Bicep's pragma; in ARM JSON inside a `//` comment on the line above). */
class Suppression {
  private readonly bicep = new Map<string, PragmaIndex | undefined>();
  private readonly json = new Map<string, { lines: LineIndex; text: string }>();

  constructor(private readonly workspace: Workspace) {}

  isSuppressed(ruleId: string, uri: string, offset: number): boolean {
    const file = this.workspace.file(uri);
    if (!file) return false;
    if (file.language === 'bicep' || file.language === 'bicepparam') {
      // Both pragmas that switch rules off start so; a file without one needs no parse tree.
      if (!file.text.includes('#disable')) return false;
      if (!this.bicep.has(uri)) {
        const tree = this.workspace.bicepTree(uri);
        this.bicep.set(uri, tree ? readPragmas(tree, file.text) : undefined);
      }
      return this.bicep.get(uri)?.isDisabled(ruleId, offset) ?? false;
    }
    let entry = this.json.get(uri);
    if (!entry) this.json.set(uri, (entry = { lines: new LineIndex(file.text), text: file.text }));
    const line = entry.lines.positionAt(offset).line;
    if (line === 0) return false;
    const start = entry.lines.offsetAt({ line: line - 1, column: 0 });
    const end = entry.lines.offsetAt({ line, column: 0 });
    const previous = entry.text.slice(start, end);
    const match = /^\s*\/\/\s*#disable-next-line\s+(.*)$/.exec(previous.replace(/\r?\n$/, ''));
    return match !== null && match[1].split(/\s+/).includes(ruleId);
  }
}

/** The finding's `resource`, and its `resourceByIndex` when array items are named in it. */
function identityOf(anchor: Anchor, text: string | undefined): Pick<Finding, 'resource' | 'resourceByIndex'> {
  const { resource, byIndex } = resourceIdentities(anchor, text);
  return byIndex === undefined ? { resource } : { resource, resourceByIndex: byIndex };
}
