// String functions: concat, format, case, replace, split/join, substring and friends.
import { asInteger, asString, limits, unknownCall, whenKnown } from './functions-support';
import { concatStrings, freshUnknown, isArray, oversizedUnknown, PartialString, Unknown, type Value } from './value';
import { sizeOf } from './value-size';

type Fn = (args: readonly Value[]) => Value;

const splitKnown = whenKnown('split', ([text, separators]) => {
  const value = asString(text);
  if (value === undefined) return unknownCall('split', [text, separators]);
  const list = typeof separators === 'string' ? [separators] : isArray(separators) ? separators.map(asString) : [];
  if (list.length === 0 || list.some((s) => s === undefined || s === ''))
    return unknownCall('split', [text, separators]);
  let pieces = [value];
  for (const separator of list as string[]) pieces = pieces.flatMap((piece) => piece.split(separator));
  return pieces.slice(0, limits.maxArray);
});

/**
 * `split(id, '/')` of an id whose unknown parts are all segments (its subscription and resource group,
 * hint 'segment'): each piece is known text or a piece with the segment in it, so `last(split(vnetId, '/'))`,
 * the peering modules' way to a VNet's name, is the name.
 */
function splitIdBySlashes([text, separator]: readonly Value[]): Value[] | undefined {
  if (!(text instanceof PartialString) || separator !== '/') return undefined;
  if (!text.parts.every((part) => typeof part === 'string' || part.hint === 'segment')) return undefined;
  const pieces: Value[] = [];
  let piece: (string | Unknown)[] = [];
  for (const part of text.parts) {
    if (typeof part !== 'string') {
      piece.push(part);
      continue;
    }
    const texts = part.split('/');
    piece.push(texts[0]);
    for (const next of texts.slice(1)) {
      pieces.push(concatStrings(piece));
      piece = [next];
    }
  }
  pieces.push(concatStrings(piece));
  return pieces.length > limits.maxArray ? undefined : pieces;
}

function stringFn(name: string, fn: (...texts: string[]) => Value, arity: number): Fn {
  return whenKnown(name, (args) => {
    const texts = args.slice(0, arity).map(asString);
    if (texts.some((text) => text === undefined)) return unknownCall(name, args);
    return fn(...(texts as string[]));
  });
}

function stringify(value: Value): Value {
  if (typeof value === 'string') return value;
  if (value instanceof Unknown || value instanceof PartialString) return value;
  // JSON text is about as long as the value's size: a value over the string limit would give more.
  if (sizeOf(value) > limits.maxString) return oversizedUnknown('string');
  return whenKnown('string', ([v]) =>
    typeof v === 'number' || typeof v === 'boolean' || v === null ? String(v ?? '') : JSON.stringify(v),
  )([value]);
}

/**
 * ARM's format() (Bicep's compiles to it): `{0}` placeholders, `{{`/`}}` escapes, and of .NET's format
 * specifiers, which it takes ("the same formatting options as the System.String.Format method in .NET",
 * the ARM string functions reference, format), only `D` with a precision on an integer: `{0:D2}` of 7
 * is '07', the hub-and-spoke loops' `format('vnet-spoke-{0:D2}', copyIndex(1))`. Any other is unknown.
 */
function format(args: readonly Value[]): Value {
  const template = asString(args[0]);
  if (template === undefined) return unknownCall('format', args);
  const parts: Value[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const char = template[i];
    if ((char === '{' || char === '}') && template[i + 1] === char) {
      text += char;
      i++;
    } else if (char === '{') {
      const close = template.indexOf('}', i);
      const match = close > 0 ? /^(\d+)(?::[Dd](\d{0,2}))?$/.exec(template.slice(i + 1, close)) : null;
      if (!match) return unknownCall('format', args);
      const value = args[Number(match[1]) + 1];
      if (value === undefined) return unknownCall('format', args);
      const digits = match[2];
      const integer = asInteger(value);
      if (digits === undefined) parts.push(text, stringify(value));
      else if (integer !== undefined) parts.push(text, decimalDigits(integer, Number(digits || 0)));
      else return unknownCall('format', args);
      text = '';
      i = close;
    } else {
      text += char;
    }
  }
  parts.push(text);
  return concatStrings(parts);
}

/** .NET's `D` format: the integer's digits, padded with zeros to `precision`, after its sign. */
function decimalDigits(integer: number, precision: number): string {
  const digits = String(Math.abs(integer)).padStart(precision, '0');
  return integer < 0 ? `-${digits}` : digits;
}

function concat(args: readonly Value[]): Value {
  if (args.length > 0 && args.every(isArray)) {
    const joined = (args as Value[][]).flat();
    return joined.length > limits.maxArray ? oversizedUnknown('concat') : joined;
  }
  if (args.some(isArray)) return unknownCall('concat', args);
  const result = concatStrings(args.map(stringify));
  if (typeof result === 'string' && result.length > limits.maxString) return oversizedUnknown('concat');
  return result;
}

export const textFunctions: Record<string, Fn> = {
  concat,
  format,
  string: ([value]) => (value === undefined ? unknownCall('string', []) : stringify(value)),
  toLower: (args) => {
    const [value] = args;
    if (value instanceof PartialString)
      return new PartialString(
        value.parts.map((part) =>
          typeof part === 'string' ? part.toLowerCase() : new Unknown(`toLower(${part.key})`, part.hint),
        ),
      );
    return stringFn('toLower', (text) => text.toLowerCase(), 1)(args);
  },
  toUpper: stringFn('toUpper', (text) => text.toUpperCase(), 1),
  trim: stringFn('trim', (text) => text.trim(), 1),
  replace: stringFn('replace', (text, from, to) => (from === '' ? text : text.split(from).join(to)), 3),
  startsWith: stringFn('startsWith', (text, start) => text.toLowerCase().startsWith(start.toLowerCase()), 2),
  endsWith: stringFn('endsWith', (text, end) => text.toLowerCase().endsWith(end.toLowerCase()), 2),
  indexOf: stringFn('indexOf', (text, part) => text.toLowerCase().indexOf(part.toLowerCase()), 2),
  lastIndexOf: stringFn('lastIndexOf', (text, part) => text.toLowerCase().lastIndexOf(part.toLowerCase()), 2),
  split: (args) => splitIdBySlashes(args) ?? splitKnown(args),
  join: whenKnown('join', ([items, separator]) => {
    if (!isArray(items) || typeof separator !== 'string') return unknownCall('join', [items, separator]);
    return items.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(separator);
  }),
  substring: whenKnown('substring', ([text, start, length]) => {
    const value = asString(text);
    const from = asInteger(start ?? 0);
    const count = length === undefined ? undefined : asInteger(length);
    if (value === undefined || from === undefined || (length !== undefined && count === undefined))
      return unknownCall('substring', [text, start ?? 0, length ?? null]);
    return value.substr(from, count);
  }),
  padLeft: whenKnown('padLeft', ([value, width, padding]) => {
    const text = typeof value === 'number' ? String(value) : asString(value);
    const total = asInteger(width);
    const pad = asString(padding ?? ' ');
    if (text === undefined || total === undefined || pad === undefined || total > limits.maxString)
      return unknownCall('padLeft', [value, width, padding ?? ' ']);
    return text.padStart(total, pad || ' ');
  }),
  guid: (args) => unknownCall('guid', args),
  uniqueString: (args) => unknownCall('uniqueString', args),
  newGuid: () => freshUnknown('newGuid()'),
  utcNow: () => freshUnknown('utcNow()'),
  base64: (args) => unknownCall('base64', args),
  uri: (args) => unknownCall('uri', args),
};
