// The deployment entries of a workspace: parameter files (Bicep and ARM), and templates no other
// indexed file pulls in as a module, an import, a linked template or the template of a parameter
// file. Kept between analyses: found again only when the set of files (or a language) changed, or
// an edit changed what a file deploys — an edit inside a resource keeps them (issue 16 item 2).
import { parameterNames, resolveLocalPath } from '../evaluate/bicep/files';
import {
  bicepSourcesOf,
  compiledByBicep,
  parameterFileTemplates,
  parametersGiven,
  takesParameters,
} from '../evaluate/arm';
import type { FileCache, IndexedFile } from './file-cache';

const isParameterFile = (file: IndexedFile | undefined) =>
  file?.language === 'bicepparam' || file?.language === 'arm-parameters';

const noDeploys: readonly string[] = [];

export class EntryIndex {
  /** The entries as last found, with what each file deploys. */
  private found?: {
    entries: readonly string[];
    deploys: Map<string, readonly string[] | undefined>;
    /** The ARM parameter files, each with the templates it may bind: what it binds depends on their parameters too. */
    armParameterFiles: readonly { uri: string; candidates: readonly string[] }[];
  };
  /** Files edited (their language kept) since the entries were last asked for; made on the first edit
   * (a workspace made for one analysis, one per module in the bench and per `check`, has none). */
  private editedFiles?: Set<string>;

  constructor(
    private readonly files: ReadonlyMap<string, IndexedFile>,
    private readonly cache: FileCache,
  ) {}

  /** A file's text changed, its language did not. */
  edited(uri: string): void {
    (this.editedFiles ??= new Set()).add(uri);
  }

  /** A file was added or removed, or its language changed. */
  filesChanged(): void {
    this.found = undefined;
  }

  /**
   * The entries, sorted: the same array, never changed, for as long as they stay the same (a new array
   * when they change), so a holder can tell "the same entries" by identity (CachedDeployments.keepOnly).
   */
  entries(): readonly string[] {
    const found = this.found;
    if (found && this.editsKeep(found.deploys, found.armParameterFiles)) return found.entries;
    this.editedFiles?.clear();
    const deploys = new Map<string, readonly string[] | undefined>();
    // Made when some file deploys another: most small workspaces (a module and its tests) have none.
    let used: Set<string> | undefined;
    for (const uri of this.files.keys()) {
      const targets = this.deploysOf(uri);
      deploys.set(uri, targets);
      if (targets) for (const target of targets) (used ??= new Set()).add(target);
    }
    const entries: string[] = [];
    for (const [uri, targets] of deploys) {
      if (targets === undefined || this.compiledFromSibling(uri)) continue;
      if (isParameterFile(this.files.get(uri)) || !used?.has(uri)) entries.push(uri);
    }
    if (used) entries.push(...this.inUnreachedCycles(entries, deploys));
    const armParameterFiles = [...deploys.keys()]
      .filter((uri) => this.files.get(uri)?.language === 'arm-parameters')
      .map((uri) => ({ uri, candidates: parameterFileTemplates(uri) }));
    this.found = { entries: entries.sort(), deploys, armParameterFiles };
    return entries;
  }

  /**
   * Templates no entry reaches: files in a cycle of modules (a file calling itself, two calling each
   * other) that nothing outside the cycle deploys. Bicep reports the cycle; what the files declare is
   * still checked, each as a deployment of its own (they were no deployment's, and silently unchecked).
   */
  private inUnreachedCycles(
    entries: readonly string[],
    deploys: ReadonlyMap<string, readonly string[] | undefined>,
  ): string[] {
    const reached = new Set<string>();
    const reach = (from: string) => {
      const pending = [from];
      for (let uri = pending.pop(); uri !== undefined; uri = pending.pop()) {
        if (reached.has(uri)) continue;
        reached.add(uri);
        for (const target of deploys.get(uri) ?? []) if (!reached.has(target)) pending.push(target);
      }
    };
    for (const entry of entries) reach(entry);
    const unreached: string[] = [];
    for (const [uri, targets] of deploys) {
      if (targets === undefined || reached.has(uri) || this.compiledFromSibling(uri)) continue;
      unreached.push(uri);
      reach(uri);
    }
    return unreached;
  }

  /**
   * An ARM template Bicep compiled from the `.bicep` file beside it (`main.json` from `main.bicep`, the
   * Quickstart layout's `azuredeploy.json` from `main.bicep`: arm/files.ts bicepSourcesOf; its
   * `metadata._generator.name` 'bicep'), as repositories commit it: the same deployment as that file, so
   * not a deployment of its own (every finding came twice, and a fix edited the generated copy), nor a
   * parameter file's template (the Bicep file is). It is still read where a template deploys it.
   */
  private compiledFromSibling(uri: string): boolean {
    const file = this.files.get(uri);
    if (file?.language !== 'arm-template') return false;
    if (!bicepSourcesOf(uri).some((source) => this.files.has(source))) return false;
    return compiledByBicep(file.text);
  }

  /**
   * Whether template `uri` declares every parameter of `names` (a parameter file's): else ARM rejects the
   * pair, and the file is not that template's (arm/files.ts takesParameters; arm/deployment.ts decides
   * the same when it evaluates the file).
   */
  private takesParameters(uri: string, names: readonly string[]): boolean {
    if (names.length === 0) return true;
    const file = this.files.get(uri)!;
    if (file.language === 'bicep') {
      const outline = this.cache.loaded(uri, file)?.outline;
      return outline === undefined || takesParameters(parameterNames(outline), names);
    }
    const template = this.cache.armLoaded(uri, file)?.arm.template;
    return takesParameters(template?.parameters.map((parameter) => parameter.name) ?? [], names);
  }

  /** Whether every file edited since the last ask still deploys what it did (the edits are then forgotten). */
  private editsKeep(
    deploys: ReadonlyMap<string, readonly string[] | undefined>,
    armParameterFiles: readonly { uri: string; candidates: readonly string[] }[],
  ): boolean {
    if (!this.editedFiles) return true;
    for (const uri of this.editedFiles) if (!sameList(this.deploysOf(uri), deploys.get(uri))) return false;
    // An ARM parameter file's template depends on the template's parameters too (takesParameters): the
    // files that may bind an edited template are asked again.
    for (const { uri, candidates } of armParameterFiles) {
      if (this.editedFiles.has(uri) || !candidates.some((target) => this.editedFiles!.has(target))) continue;
      if (!sameList(this.deploysOf(uri), deploys.get(uri))) return false;
    }
    this.editedFiles.clear();
    return true;
  }

  /** What a file deploys (modules, imports, linked templates, a parameter file's template); undefined: no template. */
  private deploysOf(uri: string): readonly string[] | undefined {
    const file = this.files.get(uri);
    const summary = file && this.cache.summaryOf(uri, file);
    if (!file || !summary) return undefined;
    if (file.language === 'arm-parameters') {
      const given = this.cache.armLoaded(uri, file);
      const names = given ? parametersGiven(given) : [];
      return parameterFileTemplates(uri)
        .filter(
          (target) =>
            this.files.has(target) && !this.compiledFromSibling(target) && this.takesParameters(target, names),
        )
        .slice(0, 1);
    }
    if (file.language === 'arm-template') return summary.references;
    // Most files refer to no file: they share one empty list rather than each making one.
    file.deploys ??=
      summary.references.length === 0
        ? noDeploys
        : summary.references.flatMap((path) => resolveLocalPath(uri, path) ?? []);
    return file.deploys;
  }
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return (
    a === b ||
    (a !== undefined && b !== undefined && a.length === b.length && a.every((item, index) => item === b[index]))
  );
}
