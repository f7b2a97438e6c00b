// Recovery terminator sets: where the parser resumes after an error, per syntactic position. These
// mirror the Bicep parser's choices so our errors land on the same lines as the compiler's.
// Invariant: every set used for a statement-level recovery contains NewLine (Bicep is line-based).
import { kindSet, TokenKind } from './token';

const K = TokenKind;

/** Operands of unary, binary and ternary operators. */
const afterOperand = kindSet(K.StringRightPiece, K.RightBrace, K.RightParen, K.RightSquare, K.NewLine);
const ternaryTrue = kindSet(K.Colon, K.StringRightPiece, K.RightBrace, K.RightParen, K.RightSquare, K.NewLine);
const parenItem = kindSet(K.StringRightPiece, K.RightBrace, K.RightParen, K.RightSquare, K.NewLine, K.Comma);
const parenClose = kindSet(K.StringRightPiece, K.RightBrace, K.RightSquare, K.NewLine);
const functionArgument = kindSet(K.NewLine, K.Comma, K.RightParen);
const lambdaBody = kindSet(K.NewLine, K.RightParen);
const lineEnd = kindSet(K.NewLine);
const arrayElement = kindSet(K.NewLine, K.RightSquare);
const objectElement = kindSet(K.NewLine, K.RightBrace);
const objectKey = kindSet(K.Colon, K.NewLine, K.RightBrace);
const interpolationHole = kindSet(K.StringMiddlePiece, K.StringRightPiece, K.NewLine);
const arraySpread = kindSet(K.Comma, K.NewLine, K.RightSquare);
const objectSpread = kindSet(K.Comma, K.NewLine, K.RightBrace);
const forClause = kindSet(K.RightSquare, K.NewLine);
const forIterable = kindSet(K.Colon, K.RightSquare, K.NewLine);
const ifConditionInFor = kindSet(K.RightSquare, K.LeftBrace, K.NewLine);
const ifCondition = kindSet(K.LeftBrace, K.NewLine);
const typeArgument = kindSet(K.NewLine, K.Comma, K.GreaterThan);
const typedVariable = kindSet(K.NewLine, K.Comma, K.RightParen);
const assignmentOrLine = kindSet(K.Assignment, K.NewLine);
const assignmentBraceOrLine = kindSet(K.Assignment, K.LeftBrace, K.NewLine);
const braceOrLine = kindSet(K.LeftBrace, K.NewLine);
const identifierOrLine = kindSet(K.Identifier, K.NewLine);
const stringOrLine = kindSet(K.StringComplete, K.StringLeftPiece, K.NewLine);
const commaOrLine = kindSet(K.Comma, K.NewLine);

/** All sets as one plain object (alias it locally: `const T = Terminators`). */
export const Terminators = {
  afterOperand,
  ternaryTrue,
  parenItem,
  parenClose,
  functionArgument,
  lambdaBody,
  lineEnd,
  arrayElement,
  objectElement,
  objectKey,
  interpolationHole,
  arraySpread,
  objectSpread,
  forClause,
  forIterable,
  ifConditionInFor,
  ifCondition,
  typeArgument,
  typedVariable,
  assignmentOrLine,
  assignmentBraceOrLine,
  braceOrLine,
  identifierOrLine,
  stringOrLine,
  commaOrLine,
} as const;
