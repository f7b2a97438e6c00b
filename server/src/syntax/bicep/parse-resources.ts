// Declarations of what a template deploys: `resource`, `module` and `test`, and their bodies (`{…}`,
// `if (…) {…}`, `[for …]`). parse-declarations.ts hands them their keyword, nested resources too.
// Invariant: like every declaration parser, each part recovers at the end of its line.
import type { Bad, Child } from './nodes';
import type { Declaration, DeclarationBody } from './nodes-declarations';
import { lastEnd, parseAssignment, parseName, readKeyword } from './parse-common';
import { expectString, parseForExpression, parseIfCondition, parseObject, parseRequiredObject } from './parse-literals';
import { expectedResourceType } from './parse-types';
import { type Parser, ParseFlags, type Start, suppressAfter } from './parser-state';
import { Terminators } from './terminators';
import { type Token, TokenKind } from './token';

const K = TokenKind;
const T = Terminators;
const allowComplexLiterals = ParseFlags.allowComplexLiterals;
const allowResourceDeclarations = ParseFlags.allowResourceDeclarations;

export function parseResource(p: Parser, start: Start): Declaration {
  const children = readKeyword(p, start);
  const name = parseName(p, 'Expected a resource identifier at this location.', T.stringOrLine);
  const type = parseHeaderString(p, expectedResourceType, name);
  children.push(name, type);
  const existing = p.atKeyword('existing') ? p.read() : undefined;
  if (existing) children.push(existing);
  const assignment = parseAssignment(p, type, T.braceOrLine);
  children.push(assignment);
  const value = parseBody(p, children, assignment, allowComplexLiterals | allowResourceDeclarations);
  return {
    kind: 'ResourceDeclaration',
    start: children[0].start,
    end: lastEnd(children),
    children,
    decorators: start.decorators,
    keyword: start.keyword,
    name,
    type,
    existing,
    assignment,
    value,
  };
}

export function parseModuleOrTest(p: Parser, start: Start, kind: 'ModuleDeclaration' | 'TestDeclaration'): Declaration {
  const children = readKeyword(p, start);
  const what = kind === 'ModuleDeclaration' ? 'module' : 'test';
  const name = parseName(p, `Expected a ${what} identifier at this location.`, T.stringOrLine);
  const path = parseHeaderString(
    p,
    `Expected a ${what} path string. This should be a relative path to another bicep file, e.g. 'myModule.bicep' or '../parent/myModule.bicep'`,
    name,
  );
  const assignment = parseAssignment(p, path, T.braceOrLine);
  children.push(name, path, assignment);
  if (kind === 'ModuleDeclaration') {
    const body = parseBody(p, children, assignment, allowComplexLiterals);
    return {
      kind,
      start: children[0].start,
      end: lastEnd(children),
      children,
      decorators: start.decorators,
      keyword: start.keyword,
      name,
      path,
      assignment,
      value: body,
    };
  }
  const value = parseRequiredObject(p, suppressAfter(assignment));
  children.push(value);
  return {
    kind,
    start: children[0].start,
    end: lastEnd(children),
    children,
    decorators: start.decorators,
    keyword: start.keyword,
    name,
    path,
    assignment,
    value,
  };
}

/** The string after a declaration's name (a resource type, a module path), recovering before `=`. */
function parseHeaderString(p: Parser, message: string, name: Token | Bad) {
  return p.attempt(() => expectString(p, message), T.assignmentOrLine, suppressAfter(name));
}

// The value of a resource or module: `{…}`, `if (…) {…}` (possibly on the next line) or `[for …]`.
function parseBody(p: Parser, children: Child[], assignment: Token | Bad, flags: number): DeclarationBody {
  if (assignment.kind === K.Assignment && p.at(K.NewLine) && p.isKeyword(p.peekPastNewLines(), 'if'))
    p.pushNewLines(children);
  const value = p.attempt(
    (): DeclarationBody => {
      if (p.atKeyword('if')) return parseIfCondition(p, flags, false);
      if (p.at(K.LeftBrace)) return parseObject(p, flags);
      if (p.at(K.LeftSquare)) return parseForExpression(p, flags, true);
      return p.fail('Expected the "{" character, the "[" character, or the "if" keyword at this location.');
    },
    T.lineEnd,
    suppressAfter(assignment),
  );
  children.push(value);
  return value;
}
