// The workspace index: every analysable file's text and version, parses cached by version, the
// deployment entries (files no other file pulls in), and each entry's evaluation cached until a
// file it read changes — so an edit re-evaluates only the deployments that depend on that file.
// Invariant: the engine does no I/O of its own; files outside the index come through the Host.
import { parseBicep, type SourceFile } from '../syntax/bicep';
import { outlineFile, referencedPaths, resolveLocalPath, type LoadedBicepFile } from '../evaluate/bicep/files';
import { evaluateBicepDeployment, type DeploymentResult } from '../evaluate/deployment';
import {
  armLinkedPaths, armModuleEvaluator, evaluateArmDeployment, loadArmText, parameterFileTemplates, type LoadedArmFile,
} from '../evaluate/arm';
import type { ResourceDecl } from '../evaluate/declaration';
import { classifyFile, type Language } from '../syntax/classify';
import type { Cloud } from '../protocol';
import { environmentValue } from './environment';
import { neededProperties, needsResourceType } from './needed-types';
import type { Host, Notice, SyntaxError } from './types';
import { EvaluationStopped } from '../evaluate/stop-clock';
import { defaultLimits, stoppedNotice, tooLargeNotice, type WorkspaceLimits } from './limits';

interface IndexedFile {
  text: string;
  version: number;
  language: Language;
  /** Over the size limit: kept (its text is the user's) but never parsed or evaluated. */
  tooLarge: boolean;
  bicep?: LoadedBicepFile;
  arm?: LoadedArmFile;
  /**
   * What the index keeps after dropping the outline or tree (see `parsedLimit`): the files it refers
   * to, and its syntax errors once someone asked (a Bicep outline parses only what is needed).
   */
  summary?: { references: string[]; errors?: SyntaxError[] };
}

/**
 * Parse trees kept at once: the most recently used files keep theirs (the open documents, the files
 * being evaluated); older ones keep only their summary and are parsed again when needed. Trees are
 * the bulk of the server's memory on a large workspace.
 */
const parsedLimit = 96;

/** Evaluation hands the event loop back this often, so edits arriving meanwhile cancel stale work. */
const yieldEveryMs = 10;

interface CachedDeployment {
  result: DeploymentResult;
  /** Set when the deployment ran out of time: its resources were dropped. */
  stoppedAfterMs?: number;
  /** Version of every file the evaluation read (-1: it was missing). */
  read: Map<string, number>;
}

/** Whether ARM text may hold a `relativePath` (property names are case-insensitive; `\u` escapes could spell one). */
function mayLinkTemplates(text: string): boolean {
  return /relativepath/i.test(text) || text.includes('\\u');
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

  constructor(private readonly host: Host, private readonly limits: WorkspaceLimits = defaultLimits) {}

  setCloud(cloud: Cloud): void {
    if (cloud !== this.cloud) this.deployments.clear();
    this.cloud = cloud;
  }

  /** Adds or updates a file; returns false when the text did not change. */
  setFile(uri: string, text: string): boolean {
    const existing = this.files.get(uri);
    if (existing && existing.text === text) return false;
    this.files.set(uri, this.indexed(uri, text));
    this.outside.delete(uri);
    this.recent.delete(uri);
    return true;
  }

  removeFile(uri: string): void {
    this.files.delete(uri);
    this.outside.delete(uri);
    this.recent.delete(uri);
  }

  /**
   * Forgets the files read through the host, and the evaluations that read them (or found them
   * missing): the host's answers changed (e.g. a setting lets it read files it refused before).
   */
  forgetOutsideFiles(): void {
    for (const [entry, cached] of this.deployments) {
      if ([...cached.read.keys()].some((uri) => this.outside.has(uri))) this.deployments.delete(entry);
    }
    for (const uri of this.outside.keys()) this.recent.delete(uri);
    this.outside.clear();
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  file(uri: string): { text: string; language: Language } | undefined {
    return this.files.get(uri) ?? this.outside.get(uri) ?? undefined;
  }

  /** Syntax errors of an indexed file (a full parse, on first ask); undefined for files not indexed. */
  syntaxErrors(uri: string): SyntaxError[] | undefined {
    const file = this.files.get(uri);
    if (!file) return undefined;
    const summary = this.summaryOf(uri, file);
    if (!summary) return [];
    const plain = ({ start, end, message }: SyntaxError) => ({ start, end, message });
    summary.errors ??= file.language === 'bicep' || file.language === 'bicepparam'
      ? parseBicep(file.text, { parameterFile: file.language === 'bicepparam' }).errors.map(plain)
      : (this.armLoaded(uri, file)?.arm.errors ?? []).map(plain);
    return summary.errors;
  }

  /** The full syntax tree of a Bicep file, for editor features (analysis parses only what it needs). */
  bicepTree(uri: string): SourceFile | undefined {
    const file = this.files.get(uri) ?? this.outside.get(uri);
    return file ? this.loaded(uri, file)?.outline.tree() : undefined;
  }

  private readonly recent = new Map<string, IndexedFile>();

  /** Marks a file's tree as just used, dropping the least recently used trees beyond the limit. */
  private touch(uri: string, file: IndexedFile): void {
    this.recent.delete(uri);
    this.recent.set(uri, file);
    for (const [oldUri, old] of this.recent) {
      if (this.recent.size <= parsedLimit) break;
      old.bicep = undefined;
      old.arm = undefined;
      this.recent.delete(oldUri);
    }
  }

  private indexed(uri: string, text: string): IndexedFile {
    const tooLarge = text.length > this.limits.maxFileChars;
    return { text, version: ++this.versionCounter, language: tooLarge ? 'other' : classifyFile(uri, text), tooLarge };
  }

  /** One notice per file over the size limit and per deployment stopped for time. */
  notices(): Notice[] {
    const notices: Notice[] = [];
    for (const [uri, file] of [...this.files, ...this.outside]) {
      if (file?.tooLarge) notices.push(tooLargeNotice(uri, file.text.length, this.limits));
    }
    for (const [entry, cached] of this.deployments) {
      if (cached.stoppedAfterMs !== undefined) notices.push(stoppedNotice(entry, cached.stoppedAfterMs, this.limits));
    }
    return notices;
  }

  private loaded(uri: string, file: IndexedFile): LoadedBicepFile | undefined {
    if (file.language !== 'bicep' && file.language !== 'bicepparam') return undefined;
    if (!file.bicep) {
      file.bicep = outlineFile(uri, file.text);
      file.summary ??= { references: referencedPaths(file.bicep.outline) };
    }
    this.touch(uri, file);
    return file.bicep;
  }

  private armLoaded(uri: string, file: IndexedFile): LoadedArmFile | undefined {
    if (file.language !== 'arm-template' && file.language !== 'arm-parameters') return undefined;
    if (!file.arm) {
      file.arm = loadArmText(uri, file.text);
      file.summary ??= {
        errors: file.arm.arm.errors.map(({ start, end, message }) => ({ start, end, message })),
        references: file.language === 'arm-template' ? armLinkedPaths(file.arm) : [],
      };
    }
    this.touch(uri, file);
    return file.arm;
  }

  /** References (and errors, once known) of a Bicep or ARM file, outlining or parsing it if needed. */
  private summaryOf(uri: string, file: IndexedFile): IndexedFile['summary'] {
    // An ARM file can link templates only through `relativePath` (a parameter file never does): most
    // need no parse here, which halves the garbage of indexing a large workspace.
    if (!file.summary && (file.language === 'arm-parameters' || (file.language === 'arm-template' && !mayLinkTemplates(file.text)))) {
      file.summary = { references: [] };
    }
    if (!file.summary) this.loaded(uri, file) ?? this.armLoaded(uri, file);
    return file.summary;
  }

  /**
   * Entries: parameter files (Bicep and ARM), and templates no other indexed file pulls in as a
   * module, an import, a linked template or the template of a parameter file.
   */
  entries(): string[] {
    const used = new Set<string>();
    const candidates: string[] = [];
    for (const [uri, file] of this.files) {
      const summary = this.summaryOf(uri, file);
      if (!summary) continue;
      candidates.push(uri);
      if (file.language === 'arm-parameters') {
        const template = parameterFileTemplates(uri).find((target) => this.files.has(target));
        if (template) used.add(template);
      } else if (file.language === 'arm-template') {
        for (const target of summary.references) used.add(target);
      } else {
        for (const path of summary.references) {
          const target = resolveLocalPath(uri, path);
          if (target) used.add(target);
        }
      }
    }
    const isParameterFile = (uri: string) => ['bicepparam', 'arm-parameters'].includes(this.files.get(uri)!.language);
    return candidates.filter((uri) => isParameterFile(uri) || !used.has(uri)).sort();
  }

  /** Evaluates every entry (reusing cached results whose files did not change). */
  async evaluate(isCancelled: () => boolean = () => false): Promise<DeploymentResult[]> {
    const entries = this.entries();
    for (const cached of [...this.deployments.keys()]) if (!entries.includes(cached)) this.deployments.delete(cached);
    const results: DeploymentResult[] = [];
    let lastYield = performance.now();
    for (const entry of entries) {
      if (performance.now() - lastYield > yieldEveryMs) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
      if (isCancelled()) break;
      const cached = this.deployments.get(entry);
      if (cached && this.unchanged(cached)) {
        results.push(cached.result);
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
          return this.loaded(uri, file);
        },
        armParsed: (uri: string) => {
          const file = this.files.get(uri);
          if (!file) return undefined;
          read.set(uri, file.version);
          return this.armLoaded(uri, file);
        },
      };
      const options = {
        cloud: this.cloud, environment: environmentValue(this.cloud), armModule: armModuleEvaluator, scopeTag: fileName(entry),
        needsType: needsResourceType, neededProperties, timeLimitMs: this.limits.evaluationMs,
      };
      const language = this.files.get(entry)?.language;
      let stoppedAfterMs: number | undefined;
      const result = await this.safely(entry, () => (language === 'arm-template' || language === 'arm-parameters'
        ? evaluateArmDeployment(entry, source, options)
        : evaluateBicepDeployment(entry, source, options)), (elapsed) => (stoppedAfterMs = elapsed));
      this.deployments.set(entry, { result, read, ...(stoppedAfterMs === undefined ? {} : { stoppedAfterMs }) });
      results.push(result);
    }
    return results;
  }

  /** All resource declarations of all deployments, each declaration once per distinct evaluation. */
  async declarations(isCancelled?: () => boolean): Promise<ResourceDecl[]> {
    return (await this.evaluate(isCancelled)).flatMap((result) => result.resources);
  }

  /** Errors seen while evaluating, by entry: a defect costs one deployment, never the analysis. */
  readonly failures = new Map<string, string>();

  private async safely(entry: string, evaluate: () => Promise<DeploymentResult>, stopped: (elapsedMs: number) => void): Promise<DeploymentResult> {
    try {
      const result = await evaluate();
      this.failures.delete(entry);
      return result;
    } catch (error) {
      if (error instanceof EvaluationStopped) stopped(error.elapsedMs);
      else this.failures.set(entry, error instanceof Error ? error.stack ?? error.message : String(error));
      return { entry, template: entry, files: [entry], resources: [] };
    }
  }

  private unchanged(cached: CachedDeployment): boolean {
    for (const [uri, version] of cached.read) {
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
    return file ?? undefined;
  }
}
