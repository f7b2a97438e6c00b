// `import` (compile-time imports `import {a, b as c} from '…'`, `import * as ns from '…'`, and the
// legacy extension form `import 'az@1.0.0' with {…} as x`) and `extension` declarations.
// Invariant: optional clauses that are absent are `undefined`, never Missing (no error for them).
import type { Bad, Child, StringLiteral } from './nodes';
import type {
  AliasClause,
  Declaration,
  ImportedSymbol,
  ImportedSymbols,
  ImportFromClause,
  WildcardImport,
  WithClause,
} from './nodes-declarations';
import { lastEnd, parseName, span } from './parse-common';
import { parseElements } from './parse-bracketed';
import { expectString, parseRequiredObject, parseString } from './parse-literals';
import { type Parser, skipped, type Start, suppressAfter } from './parser-state';
import { Terminators } from './terminators';
import { type Token, TokenKind } from './token';

const K = TokenKind;
const T = Terminators;

/** `import …` in a `.bicep` file: a string after the keyword means the legacy extension form. */
export function parseImport(p: Parser, start: Start): Declaration {
  const keyword = p.read();
  if (p.at(K.StringComplete) || p.at(K.StringLeftPiece)) return parseExtensionDeclaration(p, start, keyword);
  return parseCompileTimeImport(p, start, keyword);
}

export function parseCompileTimeImport(p: Parser, start: Start, keyword: Token): Declaration {
  const children = start.children;
  children.push(keyword);
  let clause: ImportedSymbols | WildcardImport | Bad;
  if (p.at(K.LeftBrace)) clause = p.attempt(() => parseImportedSymbols(p), T.lineEnd);
  else if (p.at(K.Asterisk)) clause = p.attempt(() => parseWildcard(p), T.lineEnd);
  else if (p.atLineEnd() || p.at(K.Identifier)) clause = p.missing(expectedImportClause);
  else {
    const token = p.read();
    p.error(token.start, token.end, expectedImportClause);
    clause = skipped([token]);
  }
  const from = p.attempt(() => parseFromClause(p), T.lineEnd);
  children.push(clause, from);
  return {
    kind: 'ImportDeclaration',
    start: children[0].start,
    end: lastEnd(children),
    children,
    decorators: start.decorators,
    keyword: start.keyword,
    clause,
    from,
  };
}

const expectedImportClause = 'Expected an import list "{ … }" or a wildcard "* as name" at this location.';

function parseImportedSymbols(p: Parser): ImportedSymbols {
  const open = p.read();
  const children: Child[] = [open];
  const items: (ImportedSymbol | Bad)[] = [];
  const close = parseElements(p, K.RightBrace, parseImportedSymbol, undefined, children, items);
  return { kind: 'ImportedSymbols', ...span(children), children, open, items, close };
}

function parseImportedSymbol(p: Parser): ImportedSymbol | Bad {
  let name: Token | StringLiteral | Bad;
  const token = p.current;
  if (token.kind === K.Identifier) name = p.read();
  else if (token.kind === K.StringComplete) name = parseString(p);
  else if (token.kind === K.StringLeftPiece) {
    name = skipped([parseString(p)]);
    p.error(name.start, name.end, 'The value must be a compile-time constant.');
  } else {
    name = skipped([p.read()]);
    p.error(name.start, name.end, 'Expected the name of an exported symbol at this location.');
  }
  if (name.kind === 'Skipped' || name.kind === 'Missing') return name;
  const alias = p.atKeyword('as') ? parseAlias(p, true) : undefined;
  const children: Child[] = alias ? [name, alias] : [name];
  if (name.kind === 'String' && !alias) {
    p.error(name.start, name.end, 'A symbol imported by a quoted name must be given an identifier with "as".');
    return skipped(children);
  }
  return { kind: 'ImportedSymbol', ...span(children), children, name, alias };
}

function parseAlias(p: Parser, recover: boolean): AliasClause {
  const keyword = p.read();
  const name = recover
    ? parseName(p, 'Expected an identifier after "as" at this location.', T.commaOrLine)
    : p.expect(K.Identifier, 'Expected a namespace identifier at this location.');
  return aliasClause(keyword, name);
}

function aliasClause(keyword: Token, name: Token | Bad): AliasClause {
  const children = [keyword, name];
  return { kind: 'AliasClause', ...span(children), children, keyword, name };
}

function parseWildcard(p: Parser): WildcardImport {
  const asterisk = p.read();
  if (!p.atKeyword('as')) p.fail('Expected the "as" keyword at this location.');
  const alias = parseAlias(p, false);
  const children = [asterisk, alias];
  return { kind: 'WildcardImport', ...span(children), children, asterisk, alias };
}

function parseFromClause(p: Parser): ImportFromClause {
  const keyword = p.expectKeyword('from');
  const path = p.attempt(() => expectString(p, 'Expected a path string at this location.'), T.lineEnd);
  const children = [keyword, path];
  return { kind: 'ImportFromClause', ...span(children), children, keyword, path };
}

/** `extension <name or 'spec'> [with {…}] [as alias]`; `keyword` is already read. */
export function parseExtensionDeclaration(p: Parser, start: Start, keyword: Token): Declaration {
  const children = start.children;
  children.push(keyword);
  const specification = p.at(K.Identifier)
    ? p.read()
    : p.attempt(
        () => expectString(p, 'Expected an extension specification string or name at this location.'),
        T.lineEnd,
      );
  children.push(specification);
  const withClause = p.atKeyword('as')
    ? undefined
    : parseOptionalWithClause(p, expectedWithOrAs, specification, children);
  let asClause: AliasClause | Bad | undefined;
  if (!p.atLineEnd()) {
    asClause = p.attempt(
      () => {
        if (!p.atKeyword('as')) p.fail(expectedWithOrAs);
        return aliasClause(p.read(), parseName(p, 'Expected an extension alias name at this location.', T.lineEnd));
      },
      T.lineEnd,
      withClause ? suppressAfter(withClause) : 0,
    );
    children.push(asClause);
  }
  return {
    kind: 'ExtensionDeclaration',
    start: children[0].start,
    end: lastEnd(children),
    children,
    decorators: start.decorators,
    keyword: start.keyword,
    specification,
    withClause,
    asClause,
  };
}

const expectedWithOrAs = 'Expected the "with" keyword, "as" keyword, or a new line character at this location.';

/** An optional `with {…}` clause: none at the end of the line, else one (pushed to `children`). */
export function parseOptionalWithClause(
  p: Parser,
  message: string,
  after: { kind: unknown },
  children: Child[],
): WithClause | Bad | undefined {
  if (p.atLineEnd()) return undefined;
  const clause = p.attempt(() => parseWithClause(p, message), T.lineEnd, suppressAfter(after));
  children.push(clause);
  return clause;
}

/** `with { … }`. */
export function parseWithClause(p: Parser, message: string): WithClause {
  const keyword = p.expectKeyword('with', message);
  const value = parseRequiredObject(p, 0);
  const children = [keyword, value];
  return { kind: 'WithClause', ...span(children), children, keyword, value };
}
