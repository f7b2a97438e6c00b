// The file level: lex, then parse declarations one per line until EndOfFile; and the same for one
// top-level statement lexed on its own (the lazy outline's slice parse).
// Invariants: never throws (a ParseFailure that escapes a declaration is impossible, since each
// declaration runs inside `attempt`); every token ends up in the tree; each loop turn consumes at
// least one token, so parsing is linear in the input.
import { lex } from './lexer';
import type { Child } from './nodes';
import type { BicepLanguage, Declaration, SourceFile } from './nodes-declarations';
import { parseDeclaration, type DeclarationResult } from './parse-declarations';
import { parseExpression, parseExpressionOrSkip } from './parse-expressions';
import { parseParamsFileDeclaration } from './parse-params-file';
import { type BicepSyntaxError, consumeTerminator, type Grammar, ParseFailure, Parser } from './parser-state';
import { Terminators } from './terminators';
import { TokenKind } from './token';

const K = TokenKind;

/** The grammar's entry points, handed to every parser (see `Grammar`). */
const grammar: Grammar = {
  expression: parseExpression,
  expressionOrSkip: parseExpressionOrSkip,
  declaration: parseDeclaration,
  paramsFileDeclaration: parseParamsFileDeclaration,
};
const T = Terminators;

export interface BicepParseResult {
  tree: SourceFile;
  /** Lexical and syntax errors, sorted by position. */
  errors: BicepSyntaxError[];
}

export function parseSourceFile(text: string, language: BicepLanguage): BicepParseResult {
  const lexed = lex(text);
  const p = new Parser(lexed.tokens, text, language === 'bicepparam', grammar);
  const children: Child[] = [];
  const statements: DeclarationResult[] = [];
  while (!p.atEnd()) {
    if (p.at(K.NewLine)) {
      children.push(p.read());
      continue;
    }
    const before = p.pos;
    const statement = parseDeclaration(p, false);
    children.push(statement);
    statements.push(statement);
    if (p.pos === before) {
      // Defensive: a statement that consumed nothing would loop forever; skip one token instead.
      children.push(
        p.synchronize(before, new ParseFailure(p.current.start, p.current.end, 'Unexpected token.'), T.lineEnd, 0),
      );
      continue;
    }
    if (statement.kind !== 'Skipped' && statement.kind !== 'Missing') expectLineEnd(p, children);
  }
  const endOfFile = p.read();
  children.push(endOfFile);
  const errors = mergeErrors(lexed.errors, p.errors);
  const tree: SourceFile = {
    kind: 'SourceFile',
    start: 0,
    end: text.length,
    children,
    language,
    statements: statements as SourceFile['statements'],
    endOfFile,
    tokens: lexed.tokens,
    text,
  };
  return { tree, errors };
}

export interface StatementParseResult {
  statement: DeclarationResult;
  /** Lexical and syntax errors of the slice, sorted by position. */
  errors: BicepSyntaxError[];
  /** True when the statement ends exactly where the slice's tokens do (its EndOfFile is next). */
  complete: boolean;
}

/**
 * Parses the one top-level statement that text[from, to) holds, where `from` is a line start (the
 * fullStart of the statement's first token) and `to` the line break after it: the tokens are those
 * of the full lex, so an error-free, complete result is the node the full parse builds there.
 */
export function parseStatementSlice(
  text: string,
  language: BicepLanguage,
  from: number,
  to: number,
): StatementParseResult {
  const lexed = lex(text, from, to);
  const p = new Parser(lexed.tokens, text, language === 'bicepparam', grammar);
  const statement = parseDeclaration(p, false);
  return { statement, errors: mergeErrors(lexed.errors, p.errors), complete: p.atEnd() };
}

/**
 * The declaration a slice parse found, if the parse was clean and the declaration spans exactly
 * [start, end): no error, no token left over, a declaration and not a skip. Anything else: undefined,
 * and the caller asks the full parse (the lazy outline's invariant: a slice gives what the file gives).
 */
export function cleanDeclaration(result: StatementParseResult, start: number, end: number): Declaration | undefined {
  const statement = result.statement;
  if (result.errors.length > 0 || !result.complete || statement.start !== start || statement.end !== end) return;
  return statement.kind === 'Skipped' || statement.kind === 'Missing' || statement.kind === 'MissingDeclaration'
    ? undefined
    : statement;
}

// A declaration must be followed by a line break or the end of the file.
function expectLineEnd(p: Parser, children: Child[]): void {
  if (p.at(K.NewLine)) {
    children.push(p.read());
    return;
  }
  if (p.atEnd()) return;
  const token = p.current;
  const previous = p.tokens[p.pos - 1];
  if (previous.kind === K.NewLine) return; // the line break went to a recovery; the next line is intact
  const failure = new ParseFailure(token.start, token.end, 'Expected a new line character at this location.');
  children.push(p.synchronize(p.pos, failure, T.lineEnd, consumeTerminator));
}

function mergeErrors(a: readonly BicepSyntaxError[], b: readonly BicepSyntaxError[]): BicepSyntaxError[] {
  return [...a, ...b].sort((x, y) => x.start - y.start || x.end - y.end);
}
