// What the workspace keeps per file: its text and version, and what analysis derives from it — a
// Bicep outline or an ARM reading, and a summary (the files it refers to, its syntax errors once
// asked). Outlines and readings are kept for the most recently used files only; the summary stays.
// Invariant: a derived value always belongs to the text beside it (a new text is a new IndexedFile).
import { parseBicep, type BicepOutline, type OutlineEntry } from '../syntax/bicep';
import { outlineFile, referencedPaths, type LoadedBicepFile } from '../evaluate/bicep/files';
import { armLinkedPaths, loadArmText, loadArmTextForEvaluation, type LoadedArmFile } from '../evaluate/arm';
import { readArmFile } from '../syntax/arm';
import type { Language } from '../syntax/classify';
import { cachedModuleReading } from '../evaluate/registry/cached-reading';
import type { SyntaxError } from './types';

export interface IndexedFile {
  text: string;
  version: number;
  language: Language;
  /** Over the size limit: kept (its text is the user's) but never parsed or evaluated. */
  tooLarge: boolean;
  /** Whether it refers to a registry module (`br:`, `br/…:`, `ts:`), found once per version (registry-notice.ts). */
  refersToRegistry?: boolean;
  /** The local files a Bicep file deploys or imports (its references resolved), once per version. */
  deploys?: readonly string[];
  /** Its calls of registry modules nothing shows (registry-notice.ts), as of a generation of the set of known files. */
  unseenCalls?: { generation: number; entries: readonly OutlineEntry[] };
  bicep?: LoadedBicepFile;
  /**
   * The outline of the text this one replaced (an edit), until this text is outlined: it hands on the
   * declarations the edit left alone (outlineBicep). Not derived from this text, and dropped once used.
   */
  replaced?: BicepOutline;
  arm?: LoadedArmFile;
  /**
   * What the index keeps after dropping the outline or tree (see `parsedLimit`): the files it refers
   * to, and its syntax errors once someone asked (a Bicep outline parses only what is needed).
   */
  summary?: { references: string[]; errors?: SyntaxError[] };
}

/**
 * A file as the index first holds it. Every field the index may add later is here from the start, so
 * all indexed files share one shape: added in the order each path happens to add them (an outline, a
 * summary, its deploys…), they made several, and the index's reads of them polymorphic.
 */
export function indexedFile(text: string, version: number, language: Language, tooLarge: boolean): IndexedFile {
  return {
    text,
    version,
    language,
    tooLarge,
    refersToRegistry: undefined,
    deploys: undefined,
    unseenCalls: undefined,
    bicep: undefined,
    replaced: undefined,
    arm: undefined,
    summary: undefined,
  };
}

/**
 * Outlines and ARM readings kept at once: the most recently used files keep theirs (the open
 * documents, the files being evaluated); older ones keep only their summary and are read again when
 * needed. Those are the bulk of the server's memory on a large workspace.
 */
const parsedLimit = 96;

/** Whether ARM text may hold a `relativePath` (property names are case-insensitive; `\u` escapes could spell one). */
function mayLinkTemplates(text: string): boolean {
  return /relativepath/i.test(text) || text.includes('\\u');
}

/** Outlines, readings and summaries of indexed files, with the recently-used limit on the former. */
export class FileCache {
  private readonly recent = new Map<string, IndexedFile>();
  /**
   * Whether every file's syntax errors will be asked for (the CLI reports them): then a Bicep file's
   * errors are found when it is first loaded, early, while the heap holds little else (found at the end,
   * the full parses ran beside every deployment's model: peak 321 vs 250 MiB on the networking corpus).
   * The tree is dropped at once and the outline skimmed as usual: kept as the outline, the trees
   * outlived young-generation collections, which cost more than the skim (CPU 0.92x without them).
   */
  syntaxErrorsOnLoad = false;

  /** The file touched last: touched again (its outline is asked for several times in a row), it stays last. */
  private lastTouched?: IndexedFile;

  /** Marks a file as just used, dropping the least recently used outlines and readings beyond the limit. */
  private touch(uri: string, file: IndexedFile): void {
    if (file === this.lastTouched) return;
    this.lastTouched = file;
    this.recent.delete(uri);
    this.recent.set(uri, file);
    // Walked only when over the limit: a walk that stops at once still made an iterator and an entry
    // per touch, and files are touched several times per analysis.
    if (this.recent.size <= parsedLimit) return;
    for (const [oldUri, old] of this.recent) {
      if (this.recent.size <= parsedLimit) break;
      old.bicep = undefined;
      old.arm = undefined;
      this.recent.delete(oldUri);
    }
  }

  /** Forgets that a file was used (it was replaced or removed). */
  forget(uri: string): void {
    this.recent.delete(uri);
    this.lastTouched = undefined;
  }

  loaded(uri: string, file: IndexedFile): LoadedBicepFile | undefined {
    if (file.language !== 'bicep' && file.language !== 'bicepparam') return undefined;
    if (!file.bicep) {
      file.bicep = outlineFile(uri, file.text, file.replaced);
      file.replaced = undefined;
      file.summary ??= { references: referencedPaths(file.bicep.outline) };
      if (this.syntaxErrorsOnLoad) file.summary.errors ??= bicepSyntaxErrors(file);
    }
    this.touch(uri, file);
    return file.bicep;
  }

  armLoaded(uri: string, file: IndexedFile): LoadedArmFile | undefined {
    if (file.language !== 'arm-template' && file.language !== 'arm-parameters') return undefined;
    if (!file.arm) {
      if (!this.syntaxErrorsOnLoad) {
        // Nobody asks every file's errors (the server): expressions are parsed as evaluation reaches
        // them, and a file's errors, if asked, come from a reading of their own (syntaxErrors).
        file.arm = loadArmTextForEvaluation(uri, file.text);
        file.summary ??= { references: this.armReferences(file, file.arm) };
      } else {
        file.arm = loadArmText(uri, file.text);
        // Errors join a summary the index made without reading (summaryOf): found again after the
        // reading is dropped, they would cost a second reading (the CLI asks every file's errors).
        const errors = file.arm.arm.errors.map(plainError);
        if (file.summary) file.summary.errors ??= errors;
        else file.summary = { errors, references: this.armReferences(file, file.arm) };
      }
    }
    this.touch(uri, file);
    return file.arm;
  }

  /**
   * The reading of a JSON module a deployment calls, `file` being the file at its URI, `indexed` or read
   * through the host: an indexed file's reading is the index's (kept while recently used), a host-read
   * one's (Bicep's restore cache) is made once per process and only as far as `needsType` asks, and
   * any other text is read afresh.
   */
  moduleReading(
    uri: string,
    text: string,
    file: IndexedFile | null | undefined,
    indexed: boolean,
    needsType: ((type: string, existing: boolean) => boolean) | undefined,
  ): LoadedArmFile {
    if (file?.text !== text) return loadArmText(uri, text);
    if (indexed) return this.armLoaded(uri, file) ?? loadArmText(uri, text);
    return cachedModuleReading(uri, text, needsType);
  }

  private armReferences(file: IndexedFile, reading: LoadedArmFile): string[] {
    return file.language === 'arm-template' ? armLinkedPaths(reading) : [];
  }

  /** References (and errors, once known) of a Bicep or ARM file, outlining or parsing it if needed. */
  summaryOf(uri: string, file: IndexedFile): IndexedFile['summary'] {
    // An ARM file can link templates only through `relativePath` (a parameter file never does): most
    // need no parse here, which halves the garbage of indexing a large workspace.
    if (
      !file.summary &&
      (file.language === 'arm-parameters' || (file.language === 'arm-template' && !mayLinkTemplates(file.text)))
    ) {
      file.summary = { references: [] };
    }
    if (!file.summary) this.loaded(uri, file) ?? this.armLoaded(uri, file);
    return file.summary;
  }

  /** A file's syntax errors (a full parse, on first ask). */
  syntaxErrors(uri: string, file: IndexedFile): SyntaxError[] {
    const summary = this.summaryOf(uri, file);
    if (!summary) return [];
    summary.errors ??=
      file.language === 'bicep' || file.language === 'bicepparam'
        ? bicepSyntaxErrors(file)
        : this.armSyntaxErrors(uri, file);
    return summary.errors;
  }

  /** An ARM file's errors: of its reading when that parsed every expression, else of a reading of their own, not kept. */
  private armSyntaxErrors(uri: string, file: IndexedFile): SyntaxError[] {
    const reading = this.armLoaded(uri, file);
    if (!reading) return [];
    const errors = reading.errorsComplete ? reading.arm.errors : readArmFile(file.text).errors;
    return errors.map(plainError);
  }
}

/** A Bicep file's syntax errors, from a full parse whose tree is not kept. */
const bicepSyntaxErrors = (file: IndexedFile): SyntaxError[] =>
  parseBicep(file.text, { parameterFile: file.language === 'bicepparam' }).errors.map(plainError);

const plainError = ({ start, end, message }: SyntaxError): SyntaxError => ({ start, end, message });
