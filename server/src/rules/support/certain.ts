// Three-valued helpers rules share: what is certainly deployed, certainly a string, certainly true.
// A rule that asks these and acts only on a definite answer reports only certain problems.
import { asWritten, isArray, type ResourceDecl, type Value } from '../../model';
import { reportKey } from './report-key';
import type { RuleContext, RuleReport } from './rule';

/** Deployed for certain: its condition is true (a maybe-deployed resource can only silence). */
export function deployed(decl: ResourceDecl): boolean {
  return decl.condition === true;
}

export function knownString(value: Value | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function knownBoolean(value: Value | undefined): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The items of a fully listed array (an unknown array, or one with spread unknowns, is undefined). */
export function knownArray(value: Value | undefined): readonly Value[] | undefined {
  return isArray(value) ? value : undefined;
}

/**
 * How messages name a resource: its name when known, else its symbolic name (what the user wrote),
 * else the name as written (unknown parts as `${expression}`).
 */
export function label(entity: { name: Value; decl: ResourceDecl; path: string }): string {
  if (typeof entity.name === 'string') return entity.name;
  if (entity.decl.symbol && entity.path === '') return entity.decl.symbol;
  return valueForMessage(entity.name);
}

/** A value as messages show it: as written, unknown parts as their source expression (`${uniqueString(…)}`). */
export function valueForMessage(value: Value | undefined): string {
  const text = asWritten(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * A report function that keeps the first report per finding (rules/support/report-key.ts): a loop's
 * instances share one declaration, and DESIGN §3 wants one finding there even when names differ.
 */
export function oncePerAnchor(context: RuleContext): (report: RuleReport) => void {
  const seen = new Set<string>();
  return (report) => {
    const key = reportKey(report);
    if (seen.has(key)) return;
    seen.add(key);
    context.report(report);
  };
}
