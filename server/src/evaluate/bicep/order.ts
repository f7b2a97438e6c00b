// The deployment order one Bicep file implies: a resource or module is deployed after every resource
// and module its declaration names (in `dependsOn`, in a value, through variables) and after its
// parent, which is what Bicep compiles into `dependsOn`. Read from the syntax, so a dependency through
// a declaration evaluation skipped (a role assignment, a script) still counts.
// Invariant: names that cannot be found give undefined (the order is not known), never an empty list.
import {
  outlineBicep,
  outlineOfTree,
  parseBicep,
  present,
  resourceView,
  walkNodes,
  type BicepLanguage,
  type BicepOutline,
  type Node,
  type OutlineEntry,
  type ResourceDeclaration,
} from '../../syntax/bicep';
import type { BicepOrderFrame, OrderNode } from '../order';

export class BicepDeclarationOrder implements BicepOrderFrame {
  readonly language = 'bicep';
  private readonly memo = new Map<string, readonly string[] | undefined>();
  private readonly variableMemo = new Map<string, readonly string[]>();
  private readonly variablesInProgress = new Set<string>();

  /** What the outline was made from: the frame outlines it again when first asked (see the constructor). */
  private readonly source: { text: string; language: BicepLanguage; skimmed: boolean };
  private outlineMade: BicepOutline | undefined;

  /**
   * Models keep frames as long as their deployment, and few frames are ever asked (a rule reading
   * the order of a peering): so a frame holds the file's text and its declarations by name, never
   * the evaluation's outline (with every declaration evaluation parsed) nor the evaluator. The same
   * text outlined the same way (skimmed or from a full parse) gives the same declarations.
   */
  constructor(
    outline: BicepOutline,
    private readonly symbols: ReadonlyMap<string, OutlineEntry>,
    readonly caller: OrderNode | undefined,
  ) {
    this.source = { text: outline.text, language: outline.language, skimmed: outline.skimmed };
  }

  private get outline(): BicepOutline {
    const { text, language, skimmed } = this.source;
    this.outlineMade ??= skimmed
      ? outlineBicep(text, language)
      : outlineOfTree(parseBicep(text, { parameterFile: language === 'bicepparam' }).tree);
    return this.outlineMade;
  }

  private entryOf(symbol: string): OutlineEntry | undefined {
    return this.symbols.get(symbol);
  }

  after(name: string): readonly string[] | undefined {
    if (this.memo.has(name)) return this.memo.get(name);
    const found = this.compute(name);
    this.memo.set(name, found);
    return found;
  }

  private compute(path: string): readonly string[] | undefined {
    const [root, ...nested] = path.split('::');
    const entry = this.entryOf(root);
    if (!entry || (entry.keyword !== 'resource' && entry.keyword !== 'module')) return undefined;
    let node: Node | undefined = this.outline.declaration(entry);
    for (const child of nested) {
      if (node?.kind !== 'ResourceDeclaration') return undefined;
      node = resourceView(node as ResourceDeclaration).children.find(
        (candidate) => present(candidate.name)?.text === child,
      );
    }
    if (!node) return undefined;
    const names = new Set(this.referencesIn(node));
    // A nested child is deployed after its parent (Bicep adds the dependency).
    if (nested.length > 0) names.add(path.slice(0, path.lastIndexOf('::')));
    names.delete(path);
    return [...names];
  }

  /** Resources and modules a declaration names, variables followed; nested child declarations skipped. */
  private referencesIn(root: Node): string[] {
    const found: string[] = [];
    walkNodes(root, (node) => {
      if (node !== root && node.kind === 'ResourceDeclaration') return false;
      if (node.kind === 'ResourceAccess') {
        const chain = accessChain(node);
        if (chain && this.isDeployable(chain.split('::')[0])) {
          found.push(chain);
          return false;
        }
      }
      if (node.kind === 'VariableAccess') {
        const name = node.name.text;
        const entry = this.entryOf(name);
        if (entry?.keyword === 'resource' || entry?.keyword === 'module') found.push(name);
        else if (entry?.keyword === 'var') found.push(...this.variableReferences(name, entry));
      }
      return true;
    });
    return found;
  }

  private isDeployable(name: string): boolean {
    const keyword = this.entryOf(name)?.keyword;
    return keyword === 'resource' || keyword === 'module';
  }

  private variableReferences(name: string, entry: OutlineEntry): readonly string[] {
    const known = this.variableMemo.get(name);
    if (known) return known;
    if (this.variablesInProgress.has(name)) return [];
    this.variablesInProgress.add(name);
    const declaration = this.outline.declaration(entry);
    const found = declaration ? this.referencesIn(declaration) : [];
    this.variablesInProgress.delete(name);
    this.variableMemo.set(name, found);
    return found;
  }
}

/** `a::b::c` for a chain of nested-resource accesses on a symbol; undefined for anything else. */
function accessChain(node: Node): string | undefined {
  if (node.kind === 'VariableAccess') return node.name.text;
  if (node.kind !== 'ResourceAccess') return undefined;
  const base = accessChain(node.base as Node);
  const name = present(node.name)?.text;
  return base && name ? `${base}::${name}` : undefined;
}
