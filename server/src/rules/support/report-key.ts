// What makes two reports one finding (DESIGN §3 "One finding per declaration"): the same rule, site,
// kind of message and resources involved. A loop's instances are one resource (their declaration);
// a module deployed twice deploys two resources, told apart by their ids, so a zone module
// deployed for Key Vault and for MySQL reports each instance's missing link (issue 14, class 2).
import { idKey, rangeOfPath, type ResourceDecl } from '../../model';
import type { Anchor, RuleReport } from './rule';

/** Deployment tags the engine adds to unknown scope values (`@/repo/main.bicep`): not part of a name. */
const deploymentTag = /@[^{}()\s,]+/g;

/**
 * The key of one resource a report involves, with the property path it points at (for a related part of
 * a declaration, where that part is written: the items of a property loop are written once).
 */
function involved(anchor: Anchor, path = anchor.path ?? ''): string {
  const decl: ResourceDecl = anchor.decl;
  const place = `${decl.uri}:${decl.range.start}`;
  // Instances of one loop (or a loop of module calls) are one declaration: keyed by its place and
  // the module calls that led there, never by the instance's name.
  if (inLoop(decl)) return `${decl.via.map((call) => `${call.uri}:${call.start}`).join('>')}>${place}#${path}`;
  const id = idKey(decl.id);
  return `${id === undefined ? place : id.replace(deploymentTag, '')}#${path}`;
}

const inLoop = (decl: ResourceDecl) => decl.instance !== undefined || decl.count !== 1;

/**
 * The identity of a report, beside its range: reports with equal keys are one finding. A finding on a
 * loop's declaration, or on the items of a property loop, is one finding whatever its instances involve
 * (DESIGN §3); elsewhere every resource the report names counts.
 */
export function reportKey(report: RuleReport): string {
  const at = loopItemsAsOne(report.at.path ?? '');
  const related = inLoop(report.at.decl)
    ? []
    : (report.related ?? []).map((anchor) => involved(anchor, writtenAt(anchor)));
  const resources = [involved(report.at, at), ...related];
  return `${report.at.decl.uri}|${report.at.decl.range.start}|${at}|${report.messageId}|${resources.join('|')}`;
}

/**
 * A path with its array indices dropped: the items of a property loop (`routes: [for r in routes: …]`,
 * an ARM property `copy`) are written once, so their reports are one finding, as a resource loop's
 * instances are. Items written apart are told apart by their ranges, which the engine's key holds.
 */
const loopItemsAsOne = (path: string) => path.replace(/\[\d+\]/g, '[]');

/** Where a related anchor's part is written: its range, which the items of a property loop share. */
function writtenAt(anchor: Anchor): string {
  if (!anchor.path) return '';
  const range = rangeOfPath(anchor.decl, anchor.path);
  return `@${range.start}-${range.end}`;
}
