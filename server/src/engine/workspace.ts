// The workspace index: every analysable file's text and version, parses cached by version, the
// deployment entries (files no other file pulls in), and each entry's evaluation cached until a
// file it read changes — so an edit re-evaluates only the deployments that depend on that file.
// Invariant: the engine does no I/O of its own; files outside the index come through the Host.
import type { SourceFile } from '../syntax/bicep';
import type { DeploymentResult } from '../evaluate/deployment';
import { armModuleEvaluatorWith } from '../evaluate/arm';
import type { ArmModuleEvaluator } from '../evaluate/bicep/file-evaluator';
import { classifyFile, isCandidateFileName, type Language } from '../syntax/classify';
import type { Cloud } from '../facts';
import { needsResourceType } from './needed-types';
import type { Host, Notice, SyntaxError } from './types';
import { defaultLimits, type WorkspaceLimits } from './limits';
import { workspaceNotices } from './workspace-notices';
import { FileCache, indexedFile, type IndexedFile } from './file-cache';
import { EntryIndex } from './entry-index';
import { DeploymentModels } from './deployments';
import { quietDeployment, type IndexedBicep } from './quiet-deployment';
import type { UnseenRegistryCall } from './registry-notice';
import { UnseenRegistryCalls, type RegistryCallSources } from './unseen-registry-calls';
import { evaluateEntry, type EntryEvaluation, type EntryFiles } from './entry-evaluation';
import { CachedDeployments } from './cached-deployments';

/** Evaluation hands the event loop back this often, so edits arriving meanwhile cancel stale work. */
const yieldEveryMs = 10;

/** An evaluation nobody cancels (made once: a default closure was made on every call). */
const neverCancelled = () => false;

export class Workspace {
  private readonly files = new Map<string, IndexedFile>();
  private readonly outside = new Map<string, IndexedFile | null>();
  private readonly deployments = new CachedDeployments();
  private versionCounter = 0;
  private cloud: Cloud = 'AzureCloud';
  private readonly cache = new FileCache();
  private readonly entryIndex = new EntryIndex(this.files, this.cache);
  /** Counts changes to the set of known files and to bicepconfig.json files (what registry calls resolve to). */
  private knownGeneration = 0;
  private readonly registryCalls = new UnseenRegistryCalls();
  private changeCount = 0;
  /** How many indexed files are over the size limit: most workspaces have none, and notices() then walks no file. */
  private tooLargeCount = 0;
  private keptModels?: DeploymentModels;
  /** `evaluateEverything`: demand-driven evaluation off (every resource in full); the corpus test compares the two. */
  constructor(
    private readonly host: Host,
    private readonly limits: WorkspaceLimits = defaultLimits,
    private readonly evaluateEverything = false,
  ) {}

  /**
   * The deployment models kept between analyses (engine/deployments.ts), made when first asked. Held
   * here, not in a WeakMap keyed by the workspace: an entry per short-lived workspace (one per module
   * in the bench, per `check`) kept its models alive past young-generation collections.
   */
  get deploymentModels(): DeploymentModels {
    return (this.keptModels ??= new DeploymentModels());
  }

  /** Forgets the deployment models kept: the next analysis builds every model afresh. */
  dropDeploymentModels(): void {
    this.keptModels = undefined;
  }

  /** Counts changes to the index (texts set, files removed, outside reads forgotten): equal counts, same texts. */
  get changes(): number {
    return this.changeCount;
  }

  setCloud(cloud: Cloud): void {
    if (cloud !== this.cloud) this.deployments.clear();
    this.cloud = cloud;
  }

  /**
   * Adds or updates a file; returns false when the text did not change. `editorLanguage` is the language
   * the editor gives a document whose name says none (an untitled one): the name decides when it can.
   */
  setFile(uri: string, text: string, editorLanguage?: Language): boolean {
    const existing = this.files.get(uri);
    if (
      existing &&
      existing.text === text &&
      (!editorLanguage || existing.language === this.languageOf(uri, text, editorLanguage))
    )
      return false;
    this.changeCount++;
    const file = this.indexed(uri, text, editorLanguage);
    // An edit: the next outline takes over the declarations it left alone (a Bicep file being typed in).
    if (existing?.language === file.language) file.replaced = existing.bicep?.outline ?? existing.replaced;
    this.files.set(uri, file);
    this.tooLargeCount += Number(file.tooLarge) - Number(existing?.tooLarge ?? false);
    this.registryCalls.set(uri, existing);
    if (existing?.language !== file.language || uri.endsWith('bicepconfig.json')) this.filesChanged();
    else this.entryIndex.edited(uri);
    this.outside.delete(uri);
    this.cache.forget(uri);
    this.deployments.fileChanged(uri);
    return true;
  }

  removeFile(uri: string): void {
    const existing = this.files.get(uri);
    this.registryCalls.removed(uri, existing);
    this.changeCount++;
    if (existing?.tooLarge) this.tooLargeCount--;
    this.files.delete(uri);
    this.outside.delete(uri);
    this.cache.forget(uri);
    this.filesChanged();
    this.deployments.fileChanged(uri);
  }

  private filesChanged(): void {
    this.knownGeneration++;
    this.entryIndex.filesChanged();
  }

  /**
   * Forgets the files read through the host, and the evaluations that read them (or found them
   * missing): the host's answers changed (e.g. a setting lets it read files it refused before).
   */
  forgetOutsideFiles(): void {
    this.changeCount++;
    this.deployments.dropReading((uri) => this.outside.has(uri));
    for (const uri of this.outside.keys()) this.cache.forget(uri);
    this.outside.clear();
    this.knownGeneration++;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  /** How many files are indexed (without copying their names, as `uris()` does). */
  get fileCount(): number {
    return this.files.size;
  }

  file(uri: string): { text: string; language: Language } | undefined {
    return this.files.get(uri) ?? this.outside.get(uri) ?? undefined;
  }

  /** The full syntax tree of a Bicep file, for editor features (analysis parses only what it needs). */
  bicepTree(uri: string): SourceFile | undefined {
    const file = this.files.get(uri) ?? this.outside.get(uri);
    return file ? this.cache.loaded(uri, file)?.outline.tree() : undefined;
  }

  /**
   * Every file's syntax errors will be asked for (the CLI): a Bicep file's are found when it is first
   * loaded, by a full parse whose tree is not kept.
   */
  findSyntaxErrorsOnLoad(): void {
    this.cache.syntaxErrorsOnLoad = true;
  }

  /** Syntax errors of an indexed file (a full parse, on first ask); undefined for files not indexed. */
  syntaxErrors(uri: string): SyntaxError[] | undefined {
    const file = this.files.get(uri);
    return file ? this.cache.syntaxErrors(uri, file) : undefined;
  }

  private indexed(uri: string, text: string, editorLanguage?: Language): IndexedFile {
    const tooLarge = text.length > this.limits.maxFileChars;
    return indexedFile(
      text,
      ++this.versionCounter,
      tooLarge ? 'other' : this.languageOf(uri, text, editorLanguage),
      tooLarge,
    );
  }

  /** A file's name decides its language; a document whose name says none takes the editor's. */
  private languageOf(uri: string, text: string, editorLanguage: Language | undefined): Language {
    return isCandidateFileName(uri) ? classifyFile(uri, text) : (editorLanguage ?? 'other');
  }

  /** One notice per file over the size limit and per deployment stopped for time, and one for unseen registry modules. */
  notices(): Notice[] {
    return workspaceNotices({
      files: this.files,
      anyTooLarge: this.tooLargeCount > 0,
      outside: this.outside,
      deployments: this.deployments,
      limits: this.limits,
      unseenRegistry: this.registryCalls.notice(this.registrySourcesOf(), this.knownGeneration),
      textOf: (uri) => this.file(uri)?.text,
    });
  }

  /** Registry module calls neither cached nor modelled, drawn as opaque boxes (engine/unseen-registry-calls.ts). */
  unseenRegistryCalls(): UnseenRegistryCall[] {
    return this.registryCalls.calls(this.registrySourcesOf(), this.knownGeneration);
  }

  /** What the calls are found from, made once: asked after every analysis. */
  private registrySourcesOf(): RegistryCallSources {
    return (this.registrySources ??= {
      files: this.files,
      known: (uri) => this.files.get(uri) ?? this.outside.get(uri) ?? undefined,
      outlineOf: (uri, file) => this.cache.loaded(uri, file)?.outline,
      referencesOf: (uri, file) => this.cache.summaryOf(uri, file)?.references,
    });
  }

  private registrySources?: RegistryCallSources;

  /**
   * Entries: parameter files (Bicep and ARM), and templates no other indexed file pulls in as a
   * module, an import, a linked template or the template of a parameter file.
   */
  entries(): readonly string[] {
    return this.entryIndex.entries();
  }

  /** Evaluates every entry (reusing cached results whose files did not change). */
  async evaluate(isCancelled: () => boolean = neverCancelled): Promise<readonly DeploymentResult[]> {
    const last = this.deployments.resultsAt(this.changeCount);
    if (last) return last;
    const entries = this.entries();
    this.deployments.keepOnly(entries);
    const results: DeploymentResult[] = [];
    let lastYield = performance.now();
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index];
      // Not before the first entry: no time has passed (a clock read is a tenth of a quiet module's bookkeeping).
      if (index > 0 && performance.now() - lastYield > yieldEveryMs) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
      if (isCancelled()) break;
      // An edit drops the evaluations that read the file (setFile, removeFile): what is cached is current.
      const cached = this.deployments.get(entry);
      if (cached) {
        results.push(cached.result);
        continue;
      }
      const language = this.files.get(entry)?.language;
      const quiet =
        language === 'bicep' && !this.evaluateEverything
          ? quietDeployment(entry, this.indexedBicep, needsResourceType)
          : undefined;
      if (quiet) {
        this.madeFailures?.delete(entry);
        this.keep(entry, quiet, entries);
        results.push(quiet.result);
        continue;
      }
      const evaluated = await evaluateEntry(entry, language, this.entryFiles, {
        cloud: this.cloud,
        armModule: this.armModule,
        timeLimitMs: this.limits.evaluationMs,
        evaluateEverything: this.evaluateEverything,
        failures: this.failures,
      });
      this.keep(entry, evaluated, entries);
      results.push(evaluated.result);
    }
    this.deployments.rememberResults(this.changeCount, entries, results);
    return results;
  }

  /** Keeps an entry's result until a file it read changes; a file edited while it ran leaves it stale: used once, not kept. */
  private keep(entry: string, evaluation: EntryEvaluation, entries: readonly string[]): void {
    if (this.unchanged(evaluation.read)) this.deployments.keep(entry, evaluation, entries);
  }

  /** An indexed Bicep file's outline, version and references (engine/quiet-deployment.ts). */
  private readonly indexedBicep = (uri: string): IndexedBicep | undefined => {
    const file = this.files.get(uri);
    const loaded = file && this.cache.loaded(uri, file);
    const references = loaded && this.cache.summaryOf(uri, file)?.references;
    return loaded && references ? { loaded, version: file.version, references } : undefined;
  };

  /**
   * Errors seen while evaluating, by entry: a defect costs one deployment, never the analysis. Made when
   * an entry is first evaluated, as entryFiles is: a workspace of quiet deployments has none.
   */
  get failures(): Map<string, string> {
    return (this.madeFailures ??= new Map());
  }

  private madeFailures?: Map<string, string>;

  /**
   * What an entry's evaluation reads (engine/entry-evaluation.ts) and its reader of JSON modules
   * (FileCache.moduleReading), made when an entry is first evaluated: a workspace whose deployments
   * are all quiet (most registry modules) needs neither.
   */
  private get entryFiles(): EntryFiles {
    return (this.madeEntryFiles ??= {
      fileFor: (uri) => this.fileFor(uri),
      indexed: (uri) => this.files.get(uri),
      cache: this.cache,
    });
  }

  private get armModule(): ArmModuleEvaluator {
    const needsType = this.evaluateEverything ? undefined : needsResourceType;
    return (this.madeArmModule ??= armModuleEvaluatorWith((uri, text) => {
      const indexed = this.files.get(uri);
      return this.cache.moduleReading(uri, text, indexed ?? this.outside.get(uri), indexed !== undefined, needsType);
    }));
  }

  private madeEntryFiles?: EntryFiles;
  private madeArmModule?: ArmModuleEvaluator;

  private unchanged(read: EntryEvaluation['read']): boolean {
    for (const [uri, version] of read) {
      const file = this.files.get(uri) ?? this.outside.get(uri);
      if ((file ? file.version : -1) !== version) return false;
    }
    return true;
  }

  private async fileFor(uri: string): Promise<IndexedFile | undefined> {
    const indexed = this.files.get(uri);
    if (indexed) return indexed;
    if (this.outside.has(uri)) return this.outside.get(uri) ?? undefined;
    const text = await this.host.readFile(uri);
    const file = text === undefined ? null : this.indexed(uri, text);
    this.outside.set(uri, file);
    this.knownGeneration++;
    return file ?? undefined;
  }
}
