// Values a fix writes, as a small tree printed in the file's own style: Bicep (`key: value` lines,
// single quotes) or JSON (`"key": value,` lines). Invariants: strings are escaped for the target
// language; an `expr` is written as is (Bicep source, or the text of an ARM `[…]` string); printing
// at indentation '' gives a block whose later lines the caller indents (layout.reindent).

export type Gen =
  | string
  | number
  | boolean
  | null
  | { kind: 'object'; entries: readonly (readonly [string, Gen])[] }
  | { kind: 'array'; items: readonly Gen[] }
  | { kind: 'expr'; text: string };

export const obj = (...entries: (readonly [string, Gen] | undefined | false)[]): Gen => ({
  kind: 'object',
  entries: entries.filter((e): e is readonly [string, Gen] => Array.isArray(e)),
});
export const arr = (...items: Gen[]): Gen => ({ kind: 'array', items });
/** Bicep source text, or the expression inside an ARM `[…]` string. */
export const expr = (text: string): Gen => ({ kind: 'expr', text });

export type Language = 'bicep' | 'arm';

/** An object or array: written over several lines when it goes into an empty list. */
export const isComposite = (value: Gen): boolean =>
  value !== null && typeof value === 'object' && value.kind !== 'expr';

export interface PrintOptions {
  unit: string;
  eol: string;
  /** One line: `{ a: 1, b: 2 }`. */
  inline?: boolean;
}

export function print(value: Gen, language: Language, options: PrintOptions, indent = ''): string {
  return language === 'bicep' ? printBicep(value, options, indent) : printJson(value, options, indent);
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Bicep string literal (FACTS-free: `'` and `\` escaped, `${` kept literal). */
export function bicepString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

/** An ARM expression string literal: single quotes doubled. */
export function armString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function printBicep(value: Gen, options: PrintOptions, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return bicepString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value.kind === 'expr') return value.text;
  const inner = indent + options.unit;
  if (value.kind === 'object') {
    const key = (k: string) => (identifier.test(k) ? k : bicepString(k));
    if (value.entries.length === 0) return '{}';
    if (options.inline)
      return `{ ${value.entries.map(([k, v]) => `${key(k)}: ${printBicep(v, options, indent)}`).join(', ')} }`;
    return `{${options.eol}${value.entries.map(([k, v]) => `${inner}${key(k)}: ${printBicep(v, options, inner)}`).join(options.eol)}${options.eol}${indent}}`;
  }
  if (value.items.length === 0) return '[]';
  if (options.inline) return `[ ${value.items.map((v) => printBicep(v, options, indent)).join(', ')} ]`;
  return `[${options.eol}${value.items.map((v) => `${inner}${printBicep(v, options, inner)}`).join(options.eol)}${options.eol}${indent}]`;
}

function printJson(value: Gen, options: PrintOptions, indent: string): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(value.startsWith('[') ? `[${value}` : value);
  if (value.kind === 'expr') return JSON.stringify(`[${value.text}]`);
  const inner = indent + options.unit;
  if (value.kind === 'object') {
    if (value.entries.length === 0) return '{}';
    if (options.inline)
      return `{ ${value.entries.map(([k, v]) => `${JSON.stringify(k)}: ${printJson(v, options, indent)}`).join(', ')} }`;
    return `{${options.eol}${value.entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${printJson(v, options, inner)}`).join(`,${options.eol}`)}${options.eol}${indent}}`;
  }
  if (value.items.length === 0) return '[]';
  if (options.inline) return `[ ${value.items.map((v) => printJson(v, options, indent)).join(', ')} ]`;
  return `[${options.eol}${value.items.map((v) => `${inner}${printJson(v, options, inner)}`).join(`,${options.eol}`)}${options.eol}${indent}]`;
}

/** One `key: value` member (its first line unindented; later lines at `indent`). */
export function printMember(key: string, value: Gen, language: Language, options: PrintOptions, indent = ''): string {
  const keyText = language === 'arm' ? JSON.stringify(key) : identifier.test(key) ? key : bicepString(key);
  return `${keyText}: ${print(value, language, options, indent)}`;
}
