// The workspace index: every analysable file's text and version, parses cached by version, the
// deployment entries (files no other file pulls in), and each entry's evaluation cached until a
// file it read changes — so an edit re-evaluates only the deployments that depend on that file.
// Invariant: the engine does no I/O of its own; files outside the index come through the Host.
import type { SourceFile } from '../syntax/bicep';
import { evaluateBicepDeployment, type DeploymentResult } from '../evaluate/deployment';
import { armModuleEvaluatorWith, evaluateArmDeployment, loadArmText } from '../evaluate/arm';
import { classifyFile, type Language } from '../syntax/classify';
import type { Cloud } from '../facts';
import { environmentValue } from './environment';
import { neededProperties, needsResourceType } from './needed-types';
import type { Host, Notice, SyntaxError } from './types';
import { EvaluationStopped } from '../evaluate/stop-clock';
import { defaultLimits, oversizedNotice, stoppedNotice, tooLargeNotice, type WorkspaceLimits } from './limits';
import { FileCache, type IndexedFile } from './file-cache';
import { cachedModuleReading } from '../evaluate/registry/cached-reading';
import { EntryIndex } from './entry-index';
import { DeploymentModels } from './deployments';
import { quietDeployment, type IndexedBicep } from './quiet-deployment';
import { callsRegistry, unseenRegistryNotice, workspaceUnseenCalls, type UnseenRegistryCall } from './registry-notice';
import { hasSwitchedOff, openEvaluationNeeds, withCallerChoices } from './caller-choices';

const isParameterFile = (language: Language | undefined) => language === 'bicepparam' || language === 'arm-parameters';

/** Evaluation hands the event loop back this often, so edits arriving meanwhile cancel stale work. */
const yieldEveryMs = 10;

interface CachedDeployment {
  result: DeploymentResult;
  /** Set when the deployment ran out of time: its resources were dropped. */
  stoppedAfterMs?: number;
  /** Version of every file the evaluation read (-1: it was missing). */
  read: Map<string, number>;
}

/** A short, readable tag for an entry file (its path after the last shared folder is not needed). */
function fileName(uri: string): string {
  return uri.replace(/^file:\/\/\//, '/');
}

export class Workspace {
  private readonly files = new Map<string, IndexedFile>();
  private readonly outside = new Map<string, IndexedFile | null>();
  private readonly deployments = new Map<string, CachedDeployment>();
  private versionCounter = 0;
  private cloud: Cloud = 'AzureCloud';
  private readonly cache = new FileCache();
  /** The entries each file was read by: an edit makes exactly those evaluations stale. */
  private readonly readers = new Map<string, Set<string>>();
  private readonly entryIndex = new EntryIndex(this.files, this.cache);
  /** Counts changes to the set of known files and to bicepconfig.json files (what registry calls resolve to). */
  private knownGeneration = 0;
  /** Counts edits to Bicep files that refer to a registry module (before or after the edit). */
  private registryCallerEdits = 0;
  /**
   * Files set since the unseen registry calls were last found: whether each refers to a registry is
   * asked then, from its summary (the analysis outlines every file anyway), not when it is set.
   */
  private readonly unscreened = new Set<string>();
  private registryCalls?: { key: string; calls: UnseenRegistryCall[] };
  private changeCount = 0;
  private keptModels?: DeploymentModels;

  /**
   * `evaluateEverything` turns demand-driven evaluation off (every resource in full): the corpus
   * test compares the two, which must find the same.
   */
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

  /** Adds or updates a file; returns false when the text did not change. */
  setFile(uri: string, text: string): boolean {
    const existing = this.files.get(uri);
    if (existing && existing.text === text) return false;
    this.changeCount++;
    const file = this.indexed(uri, text);
    this.files.set(uri, file);
    // The text replaced was screened unless it was set since the last screening (then it never counted).
    if (existing && !this.unscreened.has(uri) && existing.refersToRegistry) this.registryCallerEdits++;
    this.unscreened.add(uri);
    if (existing?.language !== file.language || uri.endsWith('bicepconfig.json')) this.filesChanged();
    else this.entryIndex.edited(uri);
    this.outside.delete(uri);
    this.cache.forget(uri);
    this.invalidateReaders(uri);
    return true;
  }

  removeFile(uri: string): void {
    const existing = this.files.get(uri);
    if (existing && !this.unscreened.delete(uri) && existing.refersToRegistry) this.registryCallerEdits++;
    this.changeCount++;
    this.files.delete(uri);
    this.outside.delete(uri);
    this.cache.forget(uri);
    this.filesChanged();
    this.invalidateReaders(uri);
  }

  private filesChanged(): void {
    this.knownGeneration++;
    this.entryIndex.filesChanged();
  }

  private invalidateReaders(uri: string): void {
    for (const entry of this.readers.get(uri) ?? []) this.deployments.delete(entry);
    this.readers.delete(uri);
  }

  /**
   * Forgets the files read through the host, and the evaluations that read them (or found them
   * missing): the host's answers changed (e.g. a setting lets it read files it refused before).
   */
  forgetOutsideFiles(): void {
    this.changeCount++;
    for (const [entry, cached] of this.deployments) {
      if ([...cached.read.keys()].some((uri) => this.outside.has(uri))) this.deployments.delete(entry);
    }
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

  private indexed(uri: string, text: string): IndexedFile {
    const tooLarge = text.length > this.limits.maxFileChars;
    return { text, version: ++this.versionCounter, language: tooLarge ? 'other' : classifyFile(uri, text), tooLarge };
  }

  /** One notice per file over the size limit and per deployment stopped for time, and one for unseen registry modules. */
  notices(): Notice[] {
    // Asked after every analysis: walked in place, not copied (a corpus-sized index has thousands of files).
    const notices: Notice[] = [];
    for (const files of [this.files, this.outside]) {
      for (const [uri, file] of files)
        if (file?.tooLarge) notices.push(tooLargeNotice(uri, file.text.length, this.limits));
    }
    // Made only when a deployment has one: most analyses have none (a Map per analysis is garbage).
    let oversized: Map<string, NonNullable<DeploymentResult['oversized']>> | undefined;
    for (const [entry, cached] of this.deployments) {
      if (cached.stoppedAfterMs !== undefined) notices.push(stoppedNotice(entry, cached.stoppedAfterMs, this.limits));
      const at = cached.result.oversized;
      if (at) (oversized ??= new Map()).set(`${at.uri}:${at.start}`, at);
    }
    const unseen = unseenRegistryNotice(this.unseenRegistryCalls());
    if (unseen) notices.push(unseen);
    for (const at of oversized?.values() ?? []) notices.push(oversizedNotice(at, this.file(at.uri)?.text));
    return notices;
  }

  /**
   * Registry module calls neither cached (as last read) nor modelled: drawn as opaque boxes, noted
   * once. Found again only when a registry caller or the set of known files changed (not on every keystroke).
   */
  unseenRegistryCalls(): UnseenRegistryCall[] {
    const referencesOf = (uri: string, file: IndexedFile) => this.cache.summaryOf(uri, file)?.references;
    for (const uri of this.unscreened) {
      const file = this.files.get(uri);
      if (file && callsRegistry(file, () => referencesOf(uri, file))) this.registryCallerEdits++;
    }
    this.unscreened.clear();
    const key = `${this.knownGeneration}|${this.registryCallerEdits}`;
    if (this.registryCalls?.key !== key) {
      const known = (uri: string) => this.files.get(uri) ?? this.outside.get(uri) ?? undefined;
      this.registryCalls = {
        key,
        calls: workspaceUnseenCalls(
          this.files,
          this.knownGeneration,
          (uri, file) => this.cache.loaded(uri, file)?.outline,
          known,
          referencesOf,
        ),
      };
    }
    return this.registryCalls.calls;
  }

  /**
   * Entries: parameter files (Bicep and ARM), and templates no other indexed file pulls in as a
   * module, an import, a linked template or the template of a parameter file.
   */
  entries(): string[] {
    return this.entryIndex.entries();
  }

  /** Evaluates every entry (reusing cached results whose files did not change). */
  async evaluate(isCancelled: () => boolean = () => false): Promise<DeploymentResult[]> {
    const entries = this.entries();
    const current = new Set(entries);
    for (const cached of [...this.deployments.keys()]) if (!current.has(cached)) this.deployments.delete(cached);
    const results: DeploymentResult[] = [];
    let lastYield = performance.now();
    for (const entry of entries) {
      if (performance.now() - lastYield > yieldEveryMs) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
      if (isCancelled()) break;
      // An edit drops the evaluations that read the file (invalidateReaders): what is cached is current.
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
        this.failures.delete(entry);
        this.keep(entry, quiet.result, quiet.read);
        results.push(quiet.result);
        continue;
      }
      const read = new Map<string, number>();
      const source = {
        read: async (uri: string) => {
          const file = await this.fileFor(uri);
          read.set(uri, file ? file.version : -1);
          return file && !file.tooLarge ? file.text : undefined;
        },
        parsed: (uri: string) => {
          const file = this.files.get(uri);
          if (!file) return undefined;
          read.set(uri, file.version);
          return this.cache.loaded(uri, file);
        },
        armParsed: (uri: string) => {
          const file = this.files.get(uri);
          if (!file) return undefined;
          read.set(uri, file.version);
          return this.cache.armLoaded(uri, file);
        },
      };
      const options = {
        cloud: this.cloud,
        environment: environmentValue(this.cloud),
        armModule: this.armModule,
        scopeTag: fileName(entry),
        timeLimitMs: this.limits.evaluationMs,
        ...(this.evaluateEverything ? {} : { needsType: needsResourceType, neededProperties }),
      };
      let stoppedAfterMs: number | undefined;
      const evaluateWith = (openParameters: boolean) => {
        const chosen =
          openParameters && options.needsType
            ? { ...options, needsType: openEvaluationNeeds(options.needsType) }
            : options;
        return language === 'arm-template' || language === 'arm-parameters'
          ? evaluateArmDeployment(entry, source, { ...chosen, openParameters })
          : evaluateBicepDeployment(entry, source, { ...chosen, openParameters });
      };
      let result = await this.safely(
        entry,
        () => evaluateWith(false),
        (elapsed) => (stoppedAfterMs = elapsed),
      );
      // A parameter file binds the entry's values: nothing is left for a deployer to choose.
      if (stoppedAfterMs === undefined && !isParameterFile(language) && hasSwitchedOff(result)) {
        const open = await this.safely(
          entry,
          () => evaluateWith(true),
          (elapsed) => (stoppedAfterMs = elapsed),
        );
        // Out of time there, what the deployer may switch on is not known: the deployment is dropped.
        result = stoppedAfterMs === undefined ? withCallerChoices(result, open) : open;
      }
      this.keep(entry, result, read, stoppedAfterMs);
      results.push(result);
    }
    return results;
  }

  /** Keeps an entry's result until a file it read changes; a file edited while it ran leaves it stale: used once, not kept. */
  private keep(entry: string, result: DeploymentResult, read: CachedDeployment['read'], stoppedAfterMs?: number): void {
    if (!this.unchanged(read)) return;
    this.deployments.set(entry, { result, read, ...(stoppedAfterMs === undefined ? {} : { stoppedAfterMs }) });
    for (const uri of read.keys()) {
      const readers = this.readers.get(uri);
      if (readers) readers.add(entry);
      else this.readers.set(uri, new Set([entry]));
    }
  }

  /** An indexed Bicep file's outline, version and references (engine/quiet-deployment.ts). */
  private readonly indexedBicep = (uri: string): IndexedBicep | undefined => {
    const file = this.files.get(uri);
    const loaded = file && this.cache.loaded(uri, file);
    const references = loaded && this.cache.summaryOf(uri, file)?.references;
    return loaded && references ? { loaded, version: file.version, references } : undefined;
  };

  /** Errors seen while evaluating, by entry: a defect costs one deployment, never the analysis. */
  readonly failures = new Map<string, string>();

  private async safely(
    entry: string,
    evaluate: () => Promise<DeploymentResult>,
    stopped: (elapsedMs: number) => void,
  ): Promise<DeploymentResult> {
    try {
      const result = await evaluate();
      this.failures.delete(entry);
      return result;
    } catch (error) {
      if (error instanceof EvaluationStopped) stopped(error.elapsedMs);
      else this.failures.set(entry, error instanceof Error ? (error.stack ?? error.message) : String(error));
      return { entry, template: entry, files: [entry], resources: [] };
    }
  }

  /**
   * JSON modules are read once per text: the workspace's while kept, those read through the host
   * (Bicep's restore cache) once per process, and only as far as the analysis needs them.
   */
  private readonly armModule = armModuleEvaluatorWith((uri, text) => {
    const indexed = this.files.get(uri);
    const outside = indexed ? undefined : this.outside.get(uri);
    if (indexed?.text === text) return this.cache.armLoaded(uri, indexed) ?? loadArmText(uri, text);
    if (outside?.text === text)
      return cachedModuleReading(uri, text, this.evaluateEverything ? undefined : needsResourceType);
    return loadArmText(uri, text);
  });

  private unchanged(read: CachedDeployment['read']): boolean {
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
