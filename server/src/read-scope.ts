// Which files the faces (the CLI, the language server) read for the engine, and how (DESIGN §10):
// only analysable names (.bicep, .bicepparam, .json, .jsonc: templates, parameter files,
// vnetlens.json, bicepconfig.json), only regular files, never over a size limit, and only inside
// the roots (the workspace folders; the CLI's path arguments) unless reading outside is allowed.
// A refused file is absent to the engine, which makes its contents unknown (never a false finding).
// Invariants: every decision is made on the real path (links resolved, `..` removed, case folded
// where the file system ignores case) and the path read is the one decided on; a file is stat'ed
// before it is opened and opened without blocking, so a FIFO or a device is never waited on or read.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCandidateFileName } from './syntax/classify';

/** Largest file read, in bytes: the engine analyses at most 4 Mi characters of a file. */
export const maxReadBytes = 4 * 1024 * 1024;

export type Refusal =
  'not-file' | 'not-analysable' | 'outside-workspace' | 'missing' | 'no-permission' | 'not-regular' | 'too-large';
export type ReadDecision = { read: true; file: string } | { read: false; why: Refusal };
export type ReadResult = { text: string } | { text?: undefined; why: Refusal };

export interface ReadScopeOptions {
  allowOutside?: boolean;
  /**
   * Also read `bicepconfig.json` in the folders above a root (Bicep takes the nearest config up the
   * folder tree, so a template's registry aliases may be set above the folder analysed); nothing else there.
   */
  ancestorConfigs?: boolean;
  /** Compare paths ignoring case: by default on macOS and Windows, whose file systems usually do. */
  ignoreCase?: boolean;
}

/** The real path of a file (links resolved), or undefined when it does not exist. */
export function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/**
 * One read buffer, grown to the largest file read (at most the limit): a buffer per file left the
 * freed memory of a workspace's worth of them in the process's resident size (issue 16).
 */
let readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * The text of a regular file of at most `maxBytes`, or why not. Stat'ed first, so a FIFO or a
 * device is refused without being opened; opened non-blocking and checked again on the open file,
 * so a file swapped for a FIFO in between cannot block; at most `maxBytes + 1` bytes are read.
 */
export function readRegularFile(file: string, maxBytes = maxReadBytes): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return { why: refusalOf(error) };
  }
  if (!stat.isFile()) return { why: 'not-regular' };
  if (stat.size > maxBytes) return { why: 'too-large' };
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));
  } catch (error) {
    return { why: refusalOf(error) };
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return { why: 'not-regular' };
    // The size can change after the stat (or lie, as in /proc): read no more than the limit allows.
    const wanted = Math.min(maxBytes, Math.max(opened.size, 0)) + 1;
    if (readBuffer.length < wanted) readBuffer = Buffer.allocUnsafe(wanted);
    // Read synchronously and decoded before returning: nothing else uses the buffer meanwhile.
    const buffer = readBuffer.subarray(0, wanted);
    let length = 0;
    for (let count = -1; count !== 0 && length < buffer.length;) {
      count = fs.readSync(fd, buffer, length, buffer.length - length, null);
      length += count;
    }
    if (length > maxBytes) return { why: 'too-large' };
    return { text: decoded(buffer, length) };
  } catch (error) {
    return { why: refusalOf(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/** A file that cannot be read: not there, or not ours to read (told apart: 'no such file' misled). */
function refusalOf(error: unknown): Refusal {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? 'no-permission' : 'missing';
}

/**
 * A file's text: UTF-8 (a byte-order mark kept for the parsers to skip, as they do), or UTF-16 when it
 * starts with a UTF-16 byte-order mark (Windows PowerShell 5.1 writes files so; Bicep reads them) or
 * its first bytes are UTF-16 without one (utf16EncodingOf; the editor reads such a file so).
 */
function decoded(buffer: Buffer, length: number): string {
  const utf16 = utf16EncodingOf(buffer.subarray(0, Math.min(length, utf16SampleBytes)));
  if (!utf16) return buffer.toString('utf8', 0, length);
  const start = utf16.marked ? 2 : 0;
  const end = length - ((length - start) % 2);
  if (utf16.order === 'le') return buffer.toString('utf16le', start, end);
  return Buffer.from(buffer.subarray(start, end)).swap16().toString('utf16le');
}

export interface Utf16Encoding {
  order: 'le' | 'be';
  /** Whether the file starts with a byte-order mark. */
  marked: boolean;
}

/** How many first bytes of a file tell whether it is UTF-16 without a byte-order mark. */
export const utf16SampleBytes = 512;

/**
 * Whether a file whose first bytes are `head` is UTF-16, and of which byte order: a byte-order mark
 * says so (FF FE little endian, FE FF big endian); without one, zero bytes do, by VS Code's rule, so
 * the CLI reads a file as the editor shows it: every pair of the sample a character below U+0100 (a
 * template's text is mostly ASCII), its zero byte high in the byte order. UTF-8 text has no zero byte.
 */
export function utf16EncodingOf(head: Uint8Array): Utf16Encoding | undefined {
  if (head.length < 2) return undefined;
  if (head[0] === 0xff && head[1] === 0xfe) return { order: 'le', marked: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { order: 'be', marked: true };
  let little = true;
  let big = true;
  for (let at = 0; at + 1 < head.length && (little || big); at += 2) {
    const first = head[at] === 0;
    const second = head[at + 1] === 0;
    little &&= !first && second;
    big &&= first && !second;
  }
  return little ? { order: 'le', marked: false } : big ? { order: 'be', marked: false } : undefined;
}

/** Whether `file` lies strictly inside `folder` (both resolved the same way: real paths, folded or not). */
export function isWithin(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

/** The one name read above the roots with `ancestorConfigs`. */
const configName = 'bicepconfig.json';
/** A bicepconfig.json is small: a larger one above the roots is refused rather than read. */
const maxConfigBytes = 1024 * 1024;

export class ReadScope {
  private roots: string[] = [];
  /** Roots added with addRoot (e.g. the Bicep registry cache): kept when the others are set again. */
  private readonly addedRoots: string[] = [];
  /** The folders strictly above a root (real, folded), when their bicepconfig.json may be read. */
  private ancestors = new Set<string>();
  private allowOutside: boolean;
  private readonly ancestorConfigs: boolean;
  private readonly fold: (file: string) => string;

  constructor(roots: readonly string[] = [], options: ReadScopeOptions = {}) {
    this.allowOutside = options.allowOutside ?? false;
    this.ancestorConfigs = options.ancestorConfigs ?? false;
    const ignoreCase = options.ignoreCase ?? (process.platform === 'win32' || process.platform === 'darwin');
    this.fold = ignoreCase ? (file) => file.toLowerCase() : (file) => file;
    this.setRoots(roots);
  }

  /** The folders inside which files may be read (absolute paths or not; resolved to real paths). */
  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((root) => this.realFolder(root));
    this.ancestors = new Set();
    if (!this.ancestorConfigs) return;
    for (const root of this.roots) {
      for (let folder = path.dirname(root); !this.ancestors.has(folder); folder = path.dirname(folder)) {
        this.ancestors.add(folder);
        if (path.dirname(folder) === folder) break;
      }
    }
  }

  /** One more folder inside which files may be read (e.g. the Bicep registry cache); kept by setRoots. */
  addRoot(root: string): void {
    this.addedRoots.push(this.realFolder(root));
  }

  private realFolder(root: string): string {
    const folder = path.resolve(root);
    return this.fold(realPath(folder) ?? folder);
  }

  /** Returns whether the setting changed. */
  setAllowOutside(allow: boolean): boolean {
    const changed = allow !== this.allowOutside;
    this.allowOutside = allow;
    return changed;
  }

  /** Whether a file URI lies in a root, after resolving links (false when it does not exist). */
  isInside(uri: string): boolean {
    const file = this.resolve(uri);
    return file !== undefined && this.contains(file);
  }

  /** Whether a file path may be read: an analysable name, on the real path too, inside a root unless allowed outside. */
  allowsPath(file: string): boolean {
    return this.decidePath(file).read;
  }

  decide(uri: string): ReadDecision {
    if (!uri.startsWith('file:')) return { read: false, why: 'not-file' };
    // Checked on the URI and again on the real path: a link named x.bicep may point at any file.
    if (!isCandidateFileName(uri)) return { read: false, why: 'not-analysable' };
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return { read: false, why: 'missing' }; // not a valid file URI (e.g. an encoded '/')
    }
    return this.decidePath(file);
  }

  /** The text of a file the scope allows, read as readRegularFile reads, or why not. */
  read(uri: string): ReadResult {
    const decision = this.decide(uri);
    if (!decision.read) return { why: decision.why };
    return readRegularFile(decision.file, this.isAncestorConfig(decision.file) ? maxConfigBytes : maxReadBytes);
  }

  private decidePath(file: string): ReadDecision {
    if (!isCandidateFileName(file)) return { read: false, why: 'not-analysable' };
    const real = realPath(path.resolve(file));
    if (real === undefined) return { read: false, why: 'missing' };
    if (!isCandidateFileName(real)) return { read: false, why: 'not-analysable' };
    if (!this.allowOutside && !this.contains(real) && !this.isAncestorConfig(real))
      return { read: false, why: 'outside-workspace' };
    return { read: true, file: real };
  }

  /** Whether a real path is exactly a bicepconfig.json in a folder above a root (ancestorConfigs). */
  private isAncestorConfig(real: string): boolean {
    const folded = this.fold(real);
    return (
      this.ancestors.size > 0 &&
      path.basename(folded) === this.fold(configName) &&
      this.ancestors.has(path.dirname(folded)) &&
      !this.contains(real)
    );
  }

  private resolve(uri: string): string | undefined {
    try {
      return realPath(path.resolve(fileURLToPath(uri)));
    } catch {
      return undefined;
    }
  }

  private contains(file: string): boolean {
    const folded = this.fold(file);
    return [...this.roots, ...this.addedRoots].some((root) => isWithin(folded, root));
  }
}
