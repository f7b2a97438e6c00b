// Declarations of `.bicep` files (and those shared with `.bicepparam`): targetScope, metadata,
// param, var, output, type, assert; functions are in parse-functions.ts, resources, modules and tests are in parse-resources.ts,
// imports and extensions in parse-imports.ts, `.bicepparam`-only statements in parse-params-file.ts.
// Invariant: each declaration parser reads its keyword, then recovers part by part at the line end,
// so one broken part yields one error and the rest of the declaration still parses.
import type { Child, Expression } from './nodes';
import type { Declaration, MissingDeclaration } from './nodes-declarations';
import type { TypeExpression } from './nodes-types';
import { parseDecorators } from './parse-decorators';
import { lastEnd, parseAssignment, parseName, readKeyword } from './parse-common';
import { parseExpression, parseExpressionOrSkip } from './parse-expressions';
import { parseExtensionDeclaration, parseImport } from './parse-imports';
import { parseFunction } from './parse-functions';
import { parseModuleOrTest, parseResource } from './parse-resources';
import { parseTypeOrSkip } from './parse-types';
import { type DeclarationResult, maxDepth, type Parser, ParseFlags, type Start, suppressAfter } from './parser-state';
import { Terminators } from './terminators';
import { type KindSet, type Token, TokenKind } from './token';

const K = TokenKind;
const T = Terminators;
const allowComplexLiterals = ParseFlags.allowComplexLiterals;

export type { DeclarationResult, Start } from './parser-state';

const unrecognizedDeclaration =
  'This declaration type is not recognized. Specify a metadata, parameter, variable, resource, or output declaration.';

/** One declaration with its decorators; `nestedResource` accepts only `resource` (inside a body). */
export function parseDeclaration(p: Parser, nestedResource: boolean): DeclarationResult {
  if (nestedResource && p.depth >= maxDepth) return p.skipTooDeep();
  const depth = p.depth;
  if (nestedResource) p.depth++;
  const from = p.pos;
  const errorCount = p.errors.length;
  try {
    return parseDeclarationParts(p, nestedResource);
  } catch (failure) {
    return p.recover(failure, from, errorCount, T.lineEnd);
  } finally {
    p.depth = depth;
  }
}

function parseDeclarationParts(p: Parser, nestedResource: boolean): Declaration | MissingDeclaration {
  const children: Child[] = [];
  const decorators = parseDecorators(p, children);
  const token = p.current;
  if (token.kind === K.Identifier) {
    const start: Start = { children, decorators, keyword: token };
    const declaration = nestedResource
      ? p.atKeyword('resource')
        ? parseResource(p, start)
        : undefined
      : p.parameterFile
        ? p.grammar.paramsFileDeclaration(p, start)
        : parseBicepDeclaration(p, start);
    if (declaration) return declaration;
  }
  if (decorators.length === 0) return p.fail(p.parameterFile ? unrecognizedParamsDeclaration : unrecognizedDeclaration);
  p.error(token.start, token.start, 'Expected a declaration after the decorator.');
  return { kind: 'MissingDeclaration', start: children[0].start, end: lastEnd(children), children, decorators };
}

const unrecognizedParamsDeclaration =
  'This declaration type is not recognized. Specify a using, extends, param, var, type, import or extensionConfig declaration.';

function parseBicepDeclaration(p: Parser, start: Start): Declaration | undefined {
  switch (start.keyword.text) {
    case 'targetScope':
      return parseTargetScope(p, start);
    case 'metadata':
      return parseNamedValue(p, start, 'MetadataDeclaration', 'Expected a metadata identifier at this location.');
    case 'type':
      return parseTypeDeclaration(p, start);
    case 'param':
      return parseParameter(p, start);
    case 'var':
      return parseVariable(p, start);
    case 'func':
      return parseFunction(p, start);
    case 'resource':
      return parseResource(p, start);
    case 'output':
      return parseOutput(p, start);
    case 'module':
      return parseModuleOrTest(p, start, 'ModuleDeclaration');
    case 'test':
      return parseModuleOrTest(p, start, 'TestDeclaration');
    case 'import':
      return parseImport(p, start);
    case 'extension':
      return parseExtensionDeclaration(p, start, p.read());
    // `provider` is what earlier Bicep versions called `extension`; older templates still use it.
    case 'provider':
      return parseExtensionDeclaration(p, start, p.read());
    case 'assert':
      return parseNamedValue(p, start, 'AssertDeclaration', 'Expected an assert identifier at this location.');
    default:
      return undefined;
  }
}

function parseValue(p: Parser, after: { kind: unknown }): Expression {
  return parseExpressionOrSkip(p, allowComplexLiterals, T.lineEnd, suppressAfter(after));
}

function parseTargetScope(p: Parser, start: Start): Declaration {
  const children = readKeyword(p, start);
  const assignment = p.attempt(() => p.expect(K.Assignment, 'Expected the "=" character at this location.'), T.lineEnd);
  const value: Expression = p.attempt(() => parseExpression(p, allowComplexLiterals), T.lineEnd);
  children.push(assignment, value);
  return {
    kind: 'TargetScopeDeclaration',
    start: children[0].start,
    end: lastEnd(children),
    children,
    decorators: start.decorators,
    keyword: start.keyword,
    assignment,
    value,
  };
}

/** `metadata name = value`, `assert name = value` and, in `.bicepparam` files, `param name = value`. */
export function parseNamedValue(
  p: Parser,
  start: Start,
  kind: 'MetadataDeclaration' | 'AssertDeclaration' | 'ParameterAssignment',
  message: string,
  nameTerminators: KindSet = T.assignmentOrLine,
): Declaration {
  const children = readKeyword(p, start);
  const name = parseName(p, message, nameTerminators);
  const assignment = parseAssignment(p, name);
  const value = parseValue(p, assignment);
  children.push(name, assignment, value);
  return {
    kind,
    start: children[0].start,
    end: lastEnd(children),
    children,
    decorators: start.decorators,
    keyword: start.keyword,
    name,
    assignment,
    value,
  };
}

export function parseTypeDeclaration(p: Parser, start: Start): Declaration {
  const children = readKeyword(p, start);
  const name = parseName(p, 'Expected a type identifier at this location.', T.assignmentOrLine);
  const assignment = parseAssignment(p, name);
  const value = parseTypeOrSkip(p, false, T.assignmentBraceOrLine, suppressAfter(name));
  children.push(name, assignment, value);
  return {
    kind: 'TypeDeclaration',
    start: children[0].start,
    end: lastEnd(children),
    children,
    decorators: start.decorators,
    keyword: start.keyword,
    name,
    assignment,
    value,
  };
}

function parseParameter(p: Parser, start: Start): Declaration {
  const children = readKeyword(p, start);
  const name = parseName(p, 'Expected a parameter identifier at this location.', T.identifierOrLine);
  const type = parseTypeOrSkip(p, false, T.assignmentBraceOrLine, suppressAfter(name));
  children.push(name, type);
  let assignment: Token | undefined;
  let value: Expression | undefined;
  if (p.at(K.Assignment)) {
    assignment = p.read();
    value = p.attempt(() => parseExpression(p, allowComplexLiterals), T.lineEnd);
    children.push(assignment, value);
  } else if (!p.atLineEnd()) {
    value = p.attempt(
      () => p.fail('Expected the "=" character or a new line at this location.'),
      T.lineEnd,
      suppressAfter(type),
    );
    children.push(value);
  }
  return {
    kind: 'ParameterDeclaration',
    start: children[0].start,
    end: lastEnd(children),
    children,
    decorators: start.decorators,
    keyword: start.keyword,
    name,
    type,
    assignment,
    value,
  };
}

export function parseVariable(p: Parser, start: Start): Declaration {
  const children = readKeyword(p, start);
  const name = parseName(p, 'Expected a variable identifier at this location.', T.assignmentOrLine);
  children.push(name);
  let type: TypeExpression | undefined;
  if (!p.at(K.Assignment) && !p.atLineEnd()) {
    type = parseTypeOrSkip(p, false, T.assignmentOrLine, suppressAfter(name));
    children.push(type);
  }
  const assignment = parseAssignment(p, type ?? name);
  const value = parseValue(p, assignment);
  children.push(assignment, value);
  return {
    kind: 'VariableDeclaration',
    start: children[0].start,
    end: lastEnd(children),
    children,
    decorators: start.decorators,
    keyword: start.keyword,
    name,
    type,
    assignment,
    value,
  };
}

function parseOutput(p: Parser, start: Start): Declaration {
  const children = readKeyword(p, start);
  const name = parseName(p, 'Expected an output identifier at this location.', T.identifierOrLine);
  const type = parseTypeOrSkip(p, true, T.assignmentOrLine, suppressAfter(name));
  const assignment = parseAssignment(p, type);
  const value = parseValue(p, assignment);
  children.push(name, type, assignment, value);
  return {
    kind: 'OutputDeclaration',
    start: children[0].start,
    end: lastEnd(children),
    children,
    decorators: start.decorators,
    keyword: start.keyword,
    name,
    type,
    assignment,
    value,
  };
}
