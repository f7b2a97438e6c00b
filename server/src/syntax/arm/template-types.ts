// Typed views over the jsonc tree of ARM deployment templates and parameter files.
// Invariants: views hold the jsonc `Node`s they read (for ranges and edits) and add no values of their own
// except names and literals read straight from the text; a missing keyword is `undefined`, never a
// placeholder; parts of the wrong shape are absent (and listed in `ArmFile.skipped`); views are never
// mutated after `readArmFile` returns.
import type { Node } from 'jsonc-parser';
import type { ArmExpr } from './expression-types';

/** A declaration keyed by name in an object (a parameter, variable, output, definition...). */
export interface ArmNamed {
  /** The name as written (ARM compares names case-insensitively). */
  readonly name: string;
  /** The property key node holding the name. */
  readonly nameNode: Node;
  /** The declaration's value node. */
  readonly node: Node;
}

export interface ArmParameter extends ArmNamed {
  readonly type: Node | undefined;
  /** The literal `type` (`string`, `securestring`, `object`, ...) as written. */
  readonly typeName: string | undefined;
  readonly defaultValue: Node | undefined;
  readonly allowedValues: Node | undefined;
}

/** A variable declared by name in `variables`. */
export interface ArmValueVariable extends ArmNamed {
  readonly kind: 'value';
  readonly value: Node;
}

/** A variable declared by an entry of the `copy` array in `variables`: an array of `count` `input` values. */
export interface ArmCopyVariable {
  readonly kind: 'copy';
  readonly name: string;
  /** The entry's `name` value node (a string). */
  readonly nameNode: Node;
  /** The entry object. */
  readonly node: Node;
  readonly count: Node | undefined;
  readonly input: Node | undefined;
}

export type ArmVariable = ArmValueVariable | ArmCopyVariable;

/** A member of a user-defined function namespace: called as `namespace.name(...)`. */
export interface ArmUserFunction extends ArmNamed {
  readonly namespace: string;
  readonly namespaceNode: Node;
  readonly parameters: readonly ArmFunctionParameter[];
  readonly output: Node | undefined;
  readonly outputType: Node | undefined;
  readonly outputValue: Node | undefined;
}

export interface ArmFunctionParameter {
  readonly name: string;
  /** The `name` value node (a string). */
  readonly nameNode: Node;
  readonly node: Node;
  readonly type: Node | undefined;
}

/** A user-defined type in `definitions` (languageVersion 2.0). */
export type ArmDefinition = ArmNamed;

export interface ArmOutput extends ArmNamed {
  readonly type: Node | undefined;
  readonly value: Node | undefined;
  readonly condition: Node | undefined;
  readonly copy: ArmCopy | undefined;
}

/** A `copy` loop of a resource (`name`, `count`, `mode`, `batchSize`) or of an output (`count`, `input`). */
export interface ArmCopy {
  readonly node: Node;
  readonly name: Node | undefined;
  readonly count: Node | undefined;
  readonly mode: Node | undefined;
  readonly batchSize: Node | undefined;
  readonly input: Node | undefined;
}

export interface ArmResource {
  /** The resource object. */
  readonly node: Node;
  /** The template that declares it (for a nested child resource, its parent's template). */
  readonly template: ArmTemplate;
  /** The resource whose `resources` array holds this one. */
  readonly parent: ArmResource | undefined;
  /** The key of this resource in a languageVersion 2.0 `resources` object. */
  readonly symbolicName: string | undefined;
  readonly symbolicNameNode: Node | undefined;
  /** The own `type` node: a full type, or for a nested child a segment relative to its parent's type. */
  readonly type: Node;
  readonly name: Node | undefined;
  /**
   * The full resource type (e.g. `Microsoft.Network/virtualNetworks/subnets`): the own type when it starts
   * with a provider namespace (`X.Y/...`), else the parent's full type + `/` + the own type. `undefined`
   * when a type in the chain is not a literal.
   */
  readonly fullType: string | undefined;
  /** The type nodes whose values, joined by `/`, make `fullType`, outermost first. */
  readonly typeChain: readonly Node[];
  /**
   * The name nodes whose values, joined by `/`, make the full name, outermost first: the parents' names
   * prefix a child's name when the child's type is relative. `undefined` when a name is missing. Names may
   * be expressions: evaluation joins their values.
   */
  readonly nameChain: readonly Node[] | undefined;
  /** The full name when every name in `nameChain` is a literal. */
  readonly fullName: string | undefined;
  readonly apiVersion: Node | undefined;
  readonly location: Node | undefined;
  readonly condition: Node | undefined;
  readonly dependsOn: Node | undefined;
  readonly existing: Node | undefined;
  readonly scope: Node | undefined;
  readonly properties: Node | undefined;
  readonly copy: ArmCopy | undefined;
  /** Resources declared in this one's `resources` array. */
  readonly children: readonly ArmResource[];
  /** Set for `Microsoft.Resources/deployments` resources. */
  readonly deployment: ArmNestedDeployment | undefined;
}

/** A `Microsoft.Resources/deployments` resource: an inline template or a linked one. */
export interface ArmNestedDeployment {
  readonly resource: ArmResource;
  readonly properties: Node;
  /**
   * `properties.expressionEvaluationOptions.scope`: `inner` evaluates the inline template's expressions
   * against its own parameters; `outer` (ARM's default) against the calling template's.
   */
  readonly scope: 'inner' | 'outer';
  readonly scopeNode: Node | undefined;
  /** The inline `properties.template`, read as a template of its own when it is an object. */
  readonly template: ArmTemplate | undefined;
  /** The `properties.template` node as written: an object, or an expression that yields one. */
  readonly templateNode: Node | undefined;
  /** `properties.parameters`: the values passed to the inner template's parameters (none when an expression). */
  readonly parameters: readonly ArmParameterValue[];
  readonly parametersNode: Node | undefined;
  readonly templateLink: Node | undefined;
  /** `properties.templateLink.relativePath`: a file next to the calling template. */
  readonly relativePath: Node | undefined;
  readonly mode: Node | undefined;
}

/** A string value ARM reads as an expression, with its AST (`undefined` when it does not parse). */
export interface ArmExpressionSite {
  readonly node: Node;
  readonly expression: ArmExpr | undefined;
  readonly template: ArmTemplate;
}

export interface ArmTemplate {
  /** The template object. */
  readonly node: Node;
  readonly languageVersion: string | undefined;
  readonly parameters: readonly ArmParameter[];
  readonly variables: readonly ArmVariable[];
  readonly functions: readonly ArmUserFunction[];
  readonly definitions: readonly ArmDefinition[];
  /** Top-level resources in file order (nested children are under `children`). */
  readonly resources: readonly ArmResource[];
  /** Whether `resources` is an object keyed by symbolic name (languageVersion 2.0). */
  readonly symbolicNames: boolean;
  readonly outputs: readonly ArmOutput[];
  /** The nested deployment this template is inline in; `undefined` for a file's own template. */
  readonly deployment: ArmNestedDeployment | undefined;
  /** Every expression evaluated in this template (not in templates nested in it), in file order. */
  readonly expressions: readonly ArmExpressionSite[];
}

/**
 * A parameter value in a parameter file or in a nested deployment's `parameters`. `node` is an object
 * `{ value }` or `{ reference }`, or, in a nested deployment, an expression string that yields one.
 */
export interface ArmParameterValue extends ArmNamed {
  readonly value: Node | undefined;
  /** A Key Vault reference `{ keyVault: { id }, secretName }` given instead of a value. */
  readonly reference: Node | undefined;
}

export interface ArmParameterFile {
  readonly node: Node;
  readonly parameters: readonly ArmParameterValue[];
}
