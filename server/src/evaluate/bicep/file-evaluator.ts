// Evaluates one Bicep file (or .bicepparam) with bound parameter values: each symbol once, on
// demand, memoised; resources and modules as they are reached. Invariant: a cycle between symbols
// or files gives unknowns, never a loop; everything found lands in the shared sink.
import {
  literalString,
  nameOf,
  present,
  type Declaration,
  type Expression,
  type FunctionDeclaration,
  type ModuleDeclaration,
  type OutlineEntry,
  type ParameterDeclaration,
  type ResourceDeclaration,
  literalDefault,
  mayHaveDefault,
  notLiteral,
  undecoratedDeclaration,
} from '../../syntax/bicep';
import { keyInInstance, type EvaluationInput, type SourceLocation } from '../declaration';
import type { FunctionContext } from '../functions';
import { lazyObject } from '../lazy';
import type { StopClock } from '../stop-clock';
import { LambdaValue, makeObject, maxStringLength, Unknown, type ObjectValue, type Value } from '../value';
import { ExpressionEvaluator, type SymbolScope } from './expressions';
import { isRegistryPath, resolveLocalPath, type LoadedBicepFile } from './files';
import { evaluateModule, maxModuleDepth } from './modules';
import { entryDeploysNeeded, fileDeploysNeeded, isUnreadCall } from './deploys-needed';
import { BicepDeclarationOrder } from './order';
import { evaluateResource } from './resources';

/** Evaluates an ARM JSON template used as a Bicep module; returns its outputs. */
export type ArmModuleEvaluator = (
  uri: string,
  text: string,
  params: ReadonlyMap<string, Value>,
  input: BicepInput,
) => ObjectValue;

export interface BicepInput extends EvaluationInput {
  file: LoadedBicepFile;
  files: ReadonlyMap<string, LoadedBicepFile | string>;
  armModule?: ArmModuleEvaluator;
  /**
   * Whether each file of `files` deploys something needed (fileDeploysNeeded), made by
   * evaluateBicepEntry and shared by every module's input (each spreads its caller's).
   */
  deploysNeeded?: Map<string, boolean>;
  /**
   * True when this file is a module whose call writes out every parameter it passes (`params: { … }`
   * with written keys, or no params at all): a parameter the call leaves out is then not passed, and
   * Bicep gives a nullable one (`type?`) with no default the value null, as withOmittedNulls does for a
   * restored module. Unset for an entry, whose deployer may pass anything, and for a call whose params
   * are an expression (a key it passes may not be known).
   */
  omittedParamsAreNull?: boolean;
}

/**
 * Declarations an expression can name. `metadata name = …` (in every Azure Verified Module) and
 * outputs live apart: were they symbols, `name` would mean the metadata, not `param name`.
 */
const valueKeywords = new Set(['param', 'var', 'resource', 'module', 'func']);

/** Marks a symbol whose value is being computed: asked again meanwhile, it is a cycle. */
const evaluating = Symbol('evaluating');

export class BicepFile implements SymbolScope {
  readonly uri: string;
  readonly context: FunctionContext;
  readonly expressions: ExpressionEvaluator;
  readonly clock: StopClock | undefined;
  readonly text: string;
  /** The deployment order this file implies (issue 17). */
  readonly order: BicepDeclarationOrder;
  /** Declarations by name, from the outline: each is parsed when its symbol is first evaluated. */
  private readonly symbols = new Map<string, OutlineEntry>();
  private readonly imports = new Map<string, { uri: string; name: string } | { uri: string; wildcard: true }>();
  /** Symbols' values, and `evaluating` for those being evaluated (a cycle); no set of those apart: issue 16. */
  private readonly values = new Map<string, Value | typeof evaluating>();
  private readonly nested = new Map<string, Value>();
  /** Nested resources not evaluated yet, by their top-level resource (deferNested). */
  private readonly nestedWaiting = new Map<string, (() => void)[]>();
  /** How many symbols are being evaluated (nested resources wait until none is). */
  private symbolsEvaluating = 0;
  private drainingNested = false;
  private readonly importedFiles = new Map<string, BicepFile>();

  constructor(readonly input: BicepInput) {
    this.uri = input.file.uri;
    this.context = { scope: input.scope };
    this.clock = input.clock;
    this.text = input.file.text;
    this.expressions = new ExpressionEvaluator(this);
    this.order = new BicepDeclarationOrder(input.file.outline, this.symbols, input.orderCaller);
    for (const entry of input.file.outline.entries) {
      if (entry.keyword === 'import') this.indexImport(entry);
      else if (entry.name !== undefined && valueKeywords.has(entry.keyword) && !this.symbols.has(entry.name))
        this.symbols.set(entry.name, entry);
    }
  }

  /** The outputs of a module this file calls (modules.ts reaches the evaluator through here, not an import cycle). */
  evaluateCallee(input: BicepInput): ObjectValue {
    return evaluateBicepFile(input);
  }

  /** `import {a, b as c} from 'path'` and `import * as ns from 'path'`: names bound to another file. */
  private indexImport(entry: OutlineEntry): void {
    // Only a local file can be evaluated: a registry import (types, mostly) needs no parse.
    if (entry.literal !== undefined && isRegistryPath(entry.literal)) return;
    const declaration = this.input.file.outline.declaration(entry);
    if (declaration?.kind !== 'ImportDeclaration' || declaration.from.kind !== 'ImportFromClause') return;
    const path = literalString(declaration.from.path);
    const uri = path ? resolveLocalPath(this.uri, path) : undefined;
    if (!uri) return;
    const clause = declaration.clause;
    if (clause.kind === 'WildcardImport') {
      const alias = clause.alias.kind === 'AliasClause' ? present(clause.alias.name)?.text : undefined;
      if (alias) this.imports.set(alias, { uri, wildcard: true });
    } else if (clause.kind === 'ImportedSymbols') {
      for (const item of clause.items) {
        if (item.kind !== 'ImportedSymbol') continue;
        const original = item.name.kind === 'String' ? literalString(item.name) : present(item.name as never)?.text;
        const alias = item.alias ? present(item.alias.name)?.text : original;
        if (original && alias) this.imports.set(alias, { uri, name: original });
      }
    }
  }

  /**
   * Evaluates every module and every resource of a needed type; returns the outputs, each
   * evaluated when first read (an entry's outputs never are).
   */
  evaluateAll(withOutputs = true): ObjectValue {
    const wants = this.input.wantsDeclaration;
    for (const [name, entry] of this.symbols) {
      if (!entryDeploysNeeded(entry, this.uri, this.input) && !isUnreadCall(entry, this.uri, this.input)) continue;
      if (!wants || wants(this.uri, entry.start, entry.end)) this.symbol(name);
    }
    if (!withOutputs) return makeObject([]);
    const outputs = new Map<string, OutlineEntry>();
    for (const entry of this.input.file.outline.entries)
      if (entry.keyword === 'output' && entry.name !== undefined) outputs.set(entry.name, entry);
    return lazyObject(
      [...outputs.keys()],
      (name) => {
        const declaration = this.input.file.outline.declaration(outputs.get(name)!);
        return declaration?.kind === 'OutputDeclaration'
          ? this.expressions.evaluate(declaration.value)
          : new Unknown(this.keyed(`output:${this.uri}#${name}`));
      },
      this.keyed(`outputs:${this.uri}`),
    );
  }

  symbol(name: string): Value | undefined {
    const known = this.values.get(name);
    if (known === evaluating) return new Unknown(this.keyed(`cycle:${this.uri}#${name}`));
    if (known !== undefined) return known;
    const entry = this.symbols.get(name);
    if (!entry) return this.imported(name);
    this.values.set(name, evaluating);
    let value: Value | undefined;
    this.symbolsEvaluating++;
    try {
      const { outline } = this.input.file;
      value = entry.keyword === 'param' ? this.parameter(name, entry) : this.declared(name, outline.declaration(entry));
    } finally {
      this.symbolsEvaluating--;
      if (value === undefined) this.values.delete(name);
    }
    this.values.set(name, value);
    // Not from within a drain (a nested resource evaluating a symbol): the drain under way goes on.
    if (this.symbolsEvaluating === 0 && !this.drainingNested) {
      this.drainingNested = true;
      try {
        this.evaluateNested();
      } finally {
        this.drainingNested = false;
      }
    }
    return value;
  }

  /**
   * Holds the evaluation of a resource nested in top-level resource `root` until no symbol is being
   * evaluated: a nested resource is no part of its parent's value, and may refer to what refers to
   * its parent (a hub's nested peering names the spoke, whose nested peering names the hub; evaluated
   * inside their parents, the second saw the hub as a cycle).
   */
  deferNested(root: string, evaluate: () => void): void {
    let waiting = this.nestedWaiting.get(root);
    if (!waiting) this.nestedWaiting.set(root, (waiting = []));
    waiting.push(evaluate);
  }

  /** Evaluates the nested resources held (those of `root` only, when given), and what they nest. */
  private evaluateNested(root?: string): void {
    for (;;) {
      const key = root ?? this.nestedWaiting.keys().next().value;
      if (key === undefined) return;
      const task = this.nestedWaiting.get(key)?.shift();
      if (!task) {
        this.nestedWaiting.delete(key);
        if (root !== undefined) return;
        continue;
      }
      task();
    }
  }

  /**
   * A parameter's value: the caller's binding (no parse), else its default, parsed without its decorators
   * (evaluation never reads a description), else its unknown (no parse when its text has no `=`). A
   * default that is one literal token is its value with no parse (literalDefault), unless evaluating it
   * would have given something else: an expression too deep, or a string over the size cap.
   */
  private parameter(name: string, entry: OutlineEntry): Value {
    if (this.input.params.has(name)) return this.input.params.get(name)!;
    const { outline } = this.input.file;
    if (!mayHaveDefault(outline, entry)) return this.notPassed(name, entry);
    const literal = literalDefault(outline, entry);
    if (
      literal !== notLiteral &&
      !this.expressions.tooDeep &&
      (typeof literal !== 'string' || literal.length <= maxStringLength)
    )
      return literal;
    return this.declared(name, undecoratedDeclaration(outline, entry));
  }

  /** A parameter with no default that the caller does not bind: null when omittedIsNull, else unknown. */
  private notPassed(name: string, entry: OutlineEntry): Value {
    if (this.input.omittedParamsAreNull) {
      const declaration = undecoratedDeclaration(this.input.file.outline, entry);
      if (declaration?.kind === 'ParameterDeclaration' && this.omittedIsNull(declaration)) return null;
    }
    return new Unknown(`${this.input.paramKeyPrefix}:${name}`);
  }

  /**
   * Whether a parameter the call leaves out is null: its type is nullable (`type?`), the call writes out
   * what it passes, and passes nothing of its name in another case (ARM binds names ignoring case).
   */
  private omittedIsNull(declaration: ParameterDeclaration): boolean {
    if (this.input.omittedParamsAreNull !== true || declaration.type.kind !== 'NullableType') return false;
    const name = present(declaration.name)?.text.toLowerCase();
    if (name === undefined) return false;
    for (const passed of this.input.params.keys()) if (passed.toLowerCase() === name) return false;
    return true;
  }

  /** Where the parameter file that binds this deployment's root template gives `name` (none for a module). */
  givenAt(name: string): SourceLocation | undefined {
    const given = this.input.paramsGiven;
    if (given === undefined || given.template !== this.uri || this.input.stack.length !== 1) return undefined;
    return this.symbols.get(name)?.keyword === 'param' && this.input.params.has(name) ? given.at.get(name) : undefined;
  }

  /**
   * The object or array literal a variable, or a parameter the caller does not bind, is written as
   * (a parameter's default): what written-ranges.ts follows to say where a part of its value lies.
   */
  writtenValue(name: string): Expression | undefined {
    const entry = this.symbols.get(name);
    if (!entry || (entry.keyword !== 'var' && entry.keyword !== 'param')) return undefined;
    if (entry.keyword === 'param' && this.input.params.has(name)) return undefined;
    const declaration = this.input.file.outline.declaration(entry);
    const value =
      declaration?.kind === 'VariableDeclaration' || declaration?.kind === 'ParameterDeclaration'
        ? declaration.value
        : undefined;
    return value?.kind === 'Object' || value?.kind === 'Array' ? value : undefined;
  }

  private declared(name: string, declaration: Declaration | undefined): Value {
    return declaration
      ? this.evaluateDeclaration(name, declaration)
      : new Unknown(this.keyed(`unparsed:${this.uri}#${name}`));
  }

  private evaluateDeclaration(name: string, declaration: Declaration): Value {
    switch (declaration.kind) {
      case 'ParameterDeclaration':
        if (this.input.params.has(name)) return this.input.params.get(name)!;
        return declaration.value
          ? this.expressions.evaluate(declaration.value)
          : this.omittedIsNull(declaration)
            ? null
            : new Unknown(`${this.input.paramKeyPrefix}:${name}`);
      case 'ParameterAssignment':
        return this.input.params.get(name) ?? this.expressions.evaluate(declaration.value);
      case 'VariableDeclaration':
        return this.expressions.evaluate(declaration.value);
      case 'ResourceDeclaration':
        return evaluateResource(this, declaration as ResourceDeclaration, undefined, new Map());
      case 'ModuleDeclaration':
        return evaluateModule(this, declaration as ModuleDeclaration);
      case 'FunctionDeclaration':
        return this.functionValue(declaration as FunctionDeclaration);
      default:
        return new Unknown(this.keyed(`${declaration.kind}:${this.uri}#${name}`));
    }
  }

  private functionValue(declaration: FunctionDeclaration): Value {
    const lambda = declaration.lambda;
    if (lambda.kind !== 'TypedLambda') return new Unknown(this.keyed(`func:${this.uri}#${nameOf(declaration)?.text}`));
    const names = lambda.parameters.parameters.map((parameter) =>
      parameter.kind === 'TypedLocalVariable' ? (present(parameter.name)?.text ?? '') : '',
    );
    return new LambdaValue(names.length, (args) =>
      this.expressions.evaluate(lambda.body, new Map(names.map((n, i) => [n, args[i] ?? null]))),
    );
  }

  callUser(name: string, args: readonly Value[], namespace?: string): Value | undefined {
    if (namespace !== undefined) {
      const target = this.imports.get(namespace);
      if (!target || !('wildcard' in target)) return undefined;
      const fn = this.importedFile(target.uri)?.symbol(name);
      return fn instanceof LambdaValue
        ? fn.apply(args)
        : fn === undefined
          ? undefined
          : new Unknown(this.keyed(`${namespace}.${name}()`));
    }
    if (this.symbols.get(name)?.keyword !== 'func' && !this.imports.has(name)) return undefined;
    const fn = this.symbol(name);
    return fn instanceof LambdaValue ? fn.apply(args) : undefined;
  }

  loadedText(path: string): string | undefined {
    const uri = resolveLocalPath(this.uri, path);
    const loaded = uri === undefined ? undefined : this.input.files.get(uri);
    return typeof loaded === 'string' ? loaded : undefined;
  }

  isNamespaceImport(name: string): boolean {
    const target = this.imports.get(name);
    return target !== undefined && 'wildcard' in target;
  }

  nestedResource(parentSymbol: string, child: string): Value | undefined {
    this.symbol(parentSymbol);
    this.evaluateNested(parentSymbol);
    return this.nested.get(`${parentSymbol}::${child}`);
  }

  /** Remembers a nested resource's value for `parent::child`. */
  recordNested(path: string, value: Value): void {
    this.nested.set(path, value);
  }

  private imported(name: string): Value | undefined {
    const target = this.imports.get(name);
    if (!target) return undefined;
    const file = this.importedFile(target.uri);
    if (!file) return new Unknown(this.keyed(`import:${target.uri}#${name}`));
    if ('wildcard' in target) {
      // A namespace import: its variables by name (functions are reached through callUser).
      return makeObject(
        [...file.symbols].filter(([, entry]) => entry.keyword === 'var').map(([n]) => [n, file.symbol(n) ?? null]),
      );
    }
    return file.symbol(target.name) ?? new Unknown(this.keyed(`import:${target.uri}#${target.name}`));
  }

  private importedFile(uri: string): BicepFile | undefined {
    if (this.importedFiles.has(uri)) return this.importedFiles.get(uri);
    const file = this.input.files.get(uri);
    if (!file || typeof file === 'string' || this.input.stack.includes(uri)) return undefined;
    // Compile-time imports bring values, never resources: evaluate into a throwaway sink.
    const evaluator = new BicepFile({
      ...this.input,
      file,
      params: new Map(),
      paramKeyPrefix: `param:${uri}`,
      stack: [...this.input.stack, uri],
      sink: [],
    });
    this.importedFiles.set(uri, evaluator);
    return evaluator;
  }

  keyed(key: string): string {
    return keyInInstance(this.input, key);
  }

  location(node: { start: number; end: number }): SourceLocation {
    return { uri: this.uri, start: node.start, end: node.end };
  }
}

/** Evaluates a Bicep file with its inputs and returns its outputs; resources go to the sink. */
export function evaluateBicepFile(input: BicepInput): ObjectValue {
  if (input.stack.length > maxModuleDepth) return makeObject([]);
  return new BicepFile(input).evaluateAll();
}

/**
 * Evaluates a deployment's entry file for its resources. An entry that deploys nothing the
 * analysis needs (no needed resource in it or in the modules it calls) would push nothing and
 * nobody reads its outputs: it is not evaluated at all.
 */
export function evaluateBicepEntry(input: BicepInput): void {
  if (input.needsType && !fileDeploysNeeded(input.file.uri, input)) return;
  // Nobody reads an entry's outputs: they are not even bound.
  if (input.stack.length <= maxModuleDepth) new BicepFile(input).evaluateAll(false);
}
