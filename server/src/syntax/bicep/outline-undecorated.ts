// A declaration of an outline parsed from its keyword on, without its decorators, for a reader of what
// follows the keyword: evaluation reads a parameter's default value, never its `@description`, and in
// registry modules the descriptions are most of a parameter's text (issue 16: 752 parameters a round).
// Invariant: the nodes after the keyword are those `declaration(entry)` holds (the same tokens, parsed
// by the same grammar); anything less than a clean parse of the same span gives `declaration(entry)`.
// A default that is one literal token is read from the lexer's tokens with no parse at all (literalDefault).
import { LexState, scanToken } from './lexer';
import type { Declaration } from './nodes-declarations';
import type { BicepOutline, OutlineEntry } from './outline';
import { cleanDeclaration, parseStatementSlice } from './parse-program';
import { decodeEscapes } from './strings';
import { TokenKind } from './token';

export function undecoratedDeclaration(outline: BicepOutline, entry: OutlineEntry): Declaration | undefined {
  // Without decorators, or from a full parse (the skim gave up), the declaration is as cheap to ask.
  if (entry.keywordStart === entry.start || !outline.skimmed) return outline.declaration(entry);
  const result = parseStatementSlice(outline.text, outline.language, entry.keywordStart, entry.end);
  return cleanDeclaration(result, entry.keywordStart, entry.end) ?? outline.declaration(entry);
}

/**
 * Whether a `param` entry may hold a default value. A default is written `= value`, so a skimmed
 * Bicep parameter with no `=` after its keyword has none: evaluation then needs no parse at all (most
 * registry module parameters are required, or optional with `?`). Any doubt answers true.
 */
export function mayHaveDefault(outline: BicepOutline, entry: OutlineEntry): boolean {
  if (!outline.skimmed || outline.language !== 'bicep' || entry.keyword !== 'param') return true;
  for (let at = entry.keywordStart; at < entry.end; at++) if (outline.text.charCodeAt(at) === 61 /* = */) return true;
  return false;
}

/** What literalDefault answers for a parameter whose default is not one literal token. */
export const notLiteral: unique symbol = Symbol('not a literal default');

/**
 * The default of a skimmed Bicep parameter written `param name type = literal`, its type `string`,
 * `int` or `bool` and its default one token: `true`, `false`, `null`, an integer or a single-line
 * string without interpolation, decoded as the parse's nodes are (a literal String, Integer, Boolean
 * or Null). Most registry module defaults are such (`param enableTelemetry bool = true`), and each
 * was parsed (Token objects, a parser) to read one token (issue 16). Read by the lexer, as the parse
 * reads it; anything else, a lexical problem included, is `notLiteral` and the caller parses.
 */
export function literalDefault(
  outline: BicepOutline,
  entry: OutlineEntry,
): boolean | null | number | string | typeof notLiteral {
  if (!outline.skimmed || outline.language !== 'bicep' || entry.keyword !== 'param') return notLiteral;
  const text = outline.text;
  const state = new LexState(text, entry.keywordStart);
  if (scanToken(state) !== TokenKind.Identifier || scanToken(state) !== TokenKind.Identifier) return notLiteral;
  if (scanToken(state) !== TokenKind.Identifier || !isPrimitiveType(text, state.start, state.end)) return notLiteral;
  if (scanToken(state) !== TokenKind.Assignment) return notLiteral;
  const kind = scanToken(state);
  const { start, end } = state;
  // The token must end the declaration (the skim's end is its last token's), with nothing the lexer flagged.
  if (end !== entry.end || state.problems.length > 0) return notLiteral;
  switch (kind) {
    case TokenKind.TrueKeyword:
      return true;
    case TokenKind.FalseKeyword:
      return false;
    case TokenKind.NullKeyword:
      return null;
    case TokenKind.Integer: {
      const value = Number(text.slice(start, end));
      return Number.isSafeInteger(value) ? value : notLiteral;
    }
    case TokenKind.StringComplete:
      return isSingleLineString(text, start, end)
        ? (decodeEscapes(text, start + 1, end - 1) ?? notLiteral)
        : notLiteral;
    default:
      return notLiteral;
  }
}

const primitiveTypes = ['string', 'int', 'bool'];

function isPrimitiveType(text: string, start: number, end: number): boolean {
  for (const type of primitiveTypes) if (end - start === type.length && text.startsWith(type, start)) return true;
  return false;
}

// `'…'` but not `'''…'''` (a multi-line string is verbatim) nor `$'''…'''`.
function isSingleLineString(text: string, start: number, end: number): boolean {
  if (end - start < 2 || text.charCodeAt(start) !== 39 || text.charCodeAt(end - 1) !== 39) return false;
  return !(end - start >= 3 && text.charCodeAt(start + 1) === 39 && text.charCodeAt(start + 2) === 39);
}
