// Three-valued helpers rules share: what is certainly deployed, certainly a string, certainly true.
// A rule that asks these and acts only on a definite answer reports only certain problems.
// The one word for "certainly deployed" is certainlyDeployed; the others say how they differ from it.
import { asWritten, isArray, PartialString, Unknown, type ResourceDecl, type Value } from '../../model';

/**
 * Deployed for certain, at least once: its condition is true and its loop count known and not zero.
 * A maybe-deployed resource, or a loop whose count is unknown (it may have no instance), can only silence.
 */
export function certainlyDeployed(decl: ResourceDecl): boolean {
  return decl.condition === true && typeof decl.count === 'number' && decl.count > 0;
}

/** Ours to change: certainly deployed by the analysed set, not merely referenced as `existing`. */
export function certainlyCreated(decl: ResourceDecl): boolean {
  return certainlyDeployed(decl) && !decl.existing;
}

/**
 * Created for certain as one resource: condition true, not `existing`, and outside a loop (count 1) or
 * one expanded instance of one. Why apart: the DNS rules and fixes pair one zone, link or zone group with
 * another by id, and a declaration that stands for several resources (a loop of unexpanded instances, a
 * module called in a loop over unknown items) gives no one id to pair, so it can only silence. A call of a
 * loop over known items is one instance, and gives what it declares its index (evaluate/declaration.ts).
 */
export function certainlyCreatedAsOne(decl: ResourceDecl): boolean {
  // An expanded instance of a loop inside a module looped over unknown items has an unknown count:
  // that module's loop may be empty, so the instance may not exist at all.
  return certainlyCreated(decl) && (decl.count === 1 || decl.instance !== undefined);
}

/** The members of a model collection this set certainly creates (certainlyCreated), in model order. */
export function certainlyCreatedAmong<T extends { decl: ResourceDecl }>(entities: readonly T[]): T[] {
  return entities.filter((entity) => certainlyCreated(entity.decl));
}

/** The members of a model collection each certainly created as one resource (certainlyCreatedAsOne). */
export function certainlyCreatedAsOneAmong<T extends { decl: ResourceDecl }>(entities: readonly T[]): T[] {
  return entities.filter((entity) => certainlyCreatedAsOne(entity.decl));
}

/**
 * Its condition is certainly true, whatever its loop count. Why apart: dns-zone-location judges a value
 * written on the declaration, wrong in every instance it has, and has always asked only the condition.
 */
export function conditionHolds(decl: ResourceDecl): boolean {
  return decl.condition === true;
}

export function knownString(value: Value | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Whether a value is a string of nothing but white space. A blank location, id or group id names no
 * region, resource or sub-resource, and FACTS does not say what Azure does with one (its own error, or
 * a default), so a rule that compares such values says nothing of a blank one.
 */
function isBlank(value: Value | undefined): boolean {
  return typeof value === 'string' && value.trim() === '';
}

/**
 * Whether a value can be a resource id: a string that is not blank, or a value not wholly known. An
 * object, array, number or blank string is no id, and Azure rejects what carries it for that reason;
 * two equal ones are not "the same resource twice".
 */
export function canBeId(value: Value | undefined): boolean {
  return (typeof value === 'string' && !isBlank(value)) || value instanceof PartialString || value instanceof Unknown;
}

/** A known string that is not blank (see isBlank). */
export function knownText(value: Value | undefined): string | undefined {
  return typeof value === 'string' && !isBlank(value) ? value : undefined;
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
