// Values as people wrote them: known text as it is, each unknown part as the source expression that
// produced it, shortened (`pe-st${uniqueString(…)}-blob`), never the evaluator's key. Names in
// messages, hovers, the topology and `vnet-lens model --format text` read this way.
// Invariant: for display only; identity and equality go by keys (json.ts `displayValue`).
import { PartialString, Unknown, type Value } from '../evaluate/value';
import { writtenInArm, writtenOf } from '../evaluate/written';
import { instanceSeparator } from '../evaluate/declaration';
import { displayJson } from './json';

/** Longest expression shown whole; longer ones lose their arguments, then their middle. */
const maxExpression = 40;

/** A value as written: strings as they are, unknown parts as `${expression}`. */
export function asWritten(value: Value | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Unknown) return inNotation(value);
  if (value instanceof PartialString)
    return value.parts.map((part) => (typeof part === 'string' ? part : inNotation(part))).join('');
  // An object or array: as JSON, its unknown keys naming files, not paths (json.ts).
  return JSON.stringify(displayJson(value));
}

/** An unknown inside a name, in the notation of the language it was written in: ARM's `[…]`, else Bicep's `${…}`. */
const inNotation = (value: Unknown): string =>
  writtenInArm(value) ? `[${unknownAsWritten(value)}]` : `\${${unknownAsWritten(value)}}`;

/** The expression an unknown was written as, else a readable form of its key. */
export function unknownAsWritten(value: Unknown): string {
  return shortExpression(writtenOf(value) ?? readableKey(value.key));
}

/**
 * Keys carry what people need not see: the module calls that led to them (declaration.ts keyInInstance),
 * the deployment tag (`@main.bicep`), the fresh-unknown counter (`#12`), the kind prefix (`param:`,
 * `module:`, …) and file URIs.
 */
function readableKey(key: string): string {
  const local = key.lastIndexOf(instanceSeparator);
  return (local < 0 ? key : key.slice(local + instanceSeparator.length))
    .replace(/^(?:param|var|symbol|output|outputs|import|func|unparsed|cycle|module|resource|name):(?:[^#\s]*#)?/, '')
    .replace(/@[^{}()\s,]+/g, '')
    .replace(/#\d+$/, '');
}

/**
 * An expression short enough to sit inside a name: one that is long or calls inside a call keeps its
 * outer calls and drops their arguments (`uniqueString(…)`); what is still long is cut in the middle.
 */
export function shortExpression(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let out = flat;
  if (parenDepth(flat) > 1 || flat.length > maxExpression) out = dropArguments(flat);
  if (out.length <= maxExpression) return out;
  const keep = maxExpression - 1;
  return `${out.slice(0, Math.ceil(keep / 2))}…${out.slice(out.length - Math.floor(keep / 2))}`;
}

/** How deep parentheses nest outside quoted strings. */
function parenDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quote = false;
  for (const char of text) {
    if (char === "'") quote = !quote;
    else if (!quote && char === '(') deepest = Math.max(deepest, ++depth);
    else if (!quote && char === ')') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** `f(a, g(b)).x[h(c)]` → `f(…).x[h(…)]`: the text of every outermost non-empty argument list becomes `…`. */
function dropArguments(text: string): string {
  let out = '';
  let depth = 0;
  let quote = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "'") quote = !quote;
    if (!quote && char === '(') {
      if (depth === 0) out += text[i + 1] === ')' ? '(' : '(…';
      depth++;
      continue;
    }
    if (!quote && char === ')' && depth > 0) {
      depth--;
      if (depth === 0) out += ')';
      continue;
    }
    if (depth === 0) out += char;
  }
  return out;
}
