// The ARM JSON front end: templates, parameter files and the ARM expression language, with file offsets.
// API Boundary: everything other layers use from syntax/arm is exported here. Invariants: nothing here
// throws; every range is a 0-based `{ start, end }` (or jsonc `offset`/`length`) in the file text; this
// folder imports nothing else of ours.
export { readArmFile, type ArmFile, type ArmReadOptions } from './read-arm-file';
export type { ArmSkip, ArmSyntaxError } from './syntax-error';
export { armKindOfSchema, type ArmFileKind } from './schema-kind';
export { maxJsonDepth, readJsonTree, type JsonTree } from './json-tree';

export { parseArmExpression, parseArmExpressionText, isArmExpressionNode, armLiteralString } from './expression';
export { maxExpressionDepth } from './expression-parser';
export { stringOffsetMap, fileOffsetAt, armStringForm, type OffsetMap, type ArmStringForm } from './string-offsets';
export {
  forEachArmExprNode,
  type ArmExpr,
  type ArmCall,
  type ArmName,
  type ArmRange,
  type ArmStringLiteral,
  type ArmNumberLiteral,
  type ArmBooleanLiteral,
  type ArmNullLiteral,
  type ArmPropertyAccess,
  type ArmIndexAccess,
  type ArmStringValue,
} from './expression-types';

export type {
  ArmTemplate,
  ArmParameter,
  ArmVariable,
  ArmValueVariable,
  ArmCopyVariable,
  ArmUserFunction,
  ArmFunctionParameter,
  ArmDefinition,
  ArmOutput,
  ArmCopy,
  ArmResource,
  ArmNestedDeployment,
  ArmExpressionSite,
  ArmParameterValue,
  ArmParameterFile,
  ArmNamed,
} from './template-types';
export { armTemplates, armResources, armExpressions, type ArmWalkOptions } from './walk';
