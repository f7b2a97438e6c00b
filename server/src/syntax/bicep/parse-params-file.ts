// Statements of `.bicepparam` files: `using`, `extends`, `param name = value`, `extensionConfig`,
// plus the shared `var`, `type`, `import` and `extension` declarations.
// Invariant: like parse-declarations.ts, each part recovers at the end of its line.
import type { Bad, StringLiteral } from './nodes';
import type { Declaration } from './nodes-declarations';
import { parseNamedValue, parseTypeDeclaration, parseVariable } from './parse-declarations';
import { declarationParts, parseName, readKeyword } from './parse-common';
import {
  parseCompileTimeImport,
  parseExtensionDeclaration,
  parseOptionalWithClause,
  parseWithClause,
} from './parse-imports';
import { expectString } from './parse-literals';
import { type Parser, type Start, suppressAfter } from './parser-state';
import { Terminators } from './terminators';
import { type Token, TokenKind } from './token';

const K = TokenKind;
const T = Terminators;

export function parseParamsFileDeclaration(p: Parser, start: Start): Declaration | undefined {
  switch (start.keyword.text) {
    case 'using':
      return parseUsing(p, start);
    case 'extends':
      return parseExtends(p, start);
    case 'param':
      return parseNamedValue(p, start, 'ParameterAssignment', expectedParameterName, T.identifierOrLine);
    case 'var':
      return parseVariable(p, start);
    case 'import':
      return parseCompileTimeImport(p, start, p.read());
    case 'extensionConfig':
      return parseExtensionConfig(p, start);
    case 'extension':
      return parseExtensionDeclaration(p, start, p.read());
    case 'type':
      return parseTypeDeclaration(p, start);
    default:
      return undefined;
  }
}

const expectedWith = 'Expected the "with" keyword or a new line character at this location.';

const expectedParameterName = 'Expected a parameter identifier at this location.';

function parseUsing(p: Parser, start: Start): Declaration {
  const children = readKeyword(p, start);
  let path: StringLiteral | Token | Bad;
  if (p.at(K.Identifier))
    path = p.read(); // `using none`
  else if (p.at(K.StringComplete))
    path = p.attempt(() => expectString(p, 'Expected a file path string at this location.'), T.lineEnd);
  else path = p.missing('Expected a file path string or "none" at this location.');
  children.push(path);
  const withClause = parseOptionalWithClause(p, expectedWith, path, children);
  return {
    kind: 'UsingDeclaration',
    ...declarationParts(children, start),
    path,
    withClause,
  };
}

function parseExtends(p: Parser, start: Start): Declaration {
  const children = readKeyword(p, start);
  const path = p.attempt(
    () => expectString(p, 'Expected the path of the .bicepparam file to extend at this location.'),
    T.lineEnd,
  );
  children.push(path);
  return {
    kind: 'ExtendsDeclaration',
    ...declarationParts(children, start),
    path,
  };
}

function parseExtensionConfig(p: Parser, start: Start): Declaration {
  const children = readKeyword(p, start);
  const alias = parseName(p, 'Expected an extension alias name at this location.', T.identifierOrLine);
  const withClause = p.attempt(
    () => parseWithClause(p, 'Expected the "with" keyword at this location.'),
    T.lineEnd,
    suppressAfter(alias),
  );
  children.push(alias, withClause);
  return {
    kind: 'ExtensionConfigAssignment',
    ...declarationParts(children, start),
    alias,
    withClause,
  };
}
