// Writes `check --fix` results so that no file is ever half-written: every file goes to a temporary
// file in its own folder, then a rename replaces it (POSIX rename is atomic within a file system),
// keeping its mode. Before the first write every target is checked; on a failure the outcome says
// exactly which files were replaced and which were not.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { utf16EncodingOf, utf16SampleBytes } from '../read-scope';

export interface WriteOutcome {
  written: string[];
  /** The file that failed and why; absent when all were written. */
  failed?: { file: string; reason: string };
  /** Files not touched because of the failure (the failed one included). */
  notWritten: string[];
}

function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** Why `file` cannot be replaced, or undefined. A file without write bits counts as read-only even for root. */
export function unwritableReason(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return 'not a regular file';
    if ((stat.mode & 0o222) === 0) return 'read-only';
    // The rename would give this name a new file and leave the file's other names the old text.
    if (stat.nlink > 1) return 'other hard links name it, and a fix replaces the file by a rename';
    fs.accessSync(file, fs.constants.W_OK);
    // The temporary file and the rename need the folder to be writable too.
    fs.accessSync(path.dirname(file), fs.constants.W_OK | fs.constants.X_OK);
    return undefined;
  } catch (error) {
    return reasonOf(error);
  }
}

/** Replaces `file` with `text` through a temporary sibling; the original stays intact on failure. */
export function replaceFile(given: string, text: string): void {
  // Through a symbolic link, the file it names is replaced, and the link stays a link.
  const file = fs.realpathSync(given);
  const mode = fs.statSync(file).mode & 0o7777;
  // Short and fixed-length, so a long file name cannot make the temporary name too long.
  const temporary = path.join(path.dirname(file), `.vnet-lens-${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, encodedAs(file, text), { flag: 'wx', mode });
    fs.chmodSync(temporary, mode); // the umask may have cleared bits of `mode`
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The text in the encoding of the file it replaces: UTF-16 (little or big endian, with its byte-order
 * mark when it had one) when read-scope.ts decoded it so, else UTF-8 (whose mark, if any, is part of
 * the text). A fix changes lines, never every byte of the file.
 */
function encodedAs(file: string, text: string): Buffer | string {
  const head = Buffer.alloc(utf16SampleBytes);
  let read = 0;
  const fd = fs.openSync(file, 'r');
  try {
    read = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const utf16 = utf16EncodingOf(head.subarray(0, read));
  if (!utf16) return text;
  const units = Buffer.from(text, 'utf16le');
  if (utf16.order === 'be') units.swap16();
  return utf16.marked ? Buffer.concat([head.subarray(0, 2), units]) : units;
}

/** Checks every target first, writes none if one is unwritable, then replaces them one by one. */
export function writeFilesAtomically(changes: readonly (readonly [file: string, text: string])[]): WriteOutcome {
  const files = changes.map(([file]) => file);
  for (const file of files) {
    const reason = unwritableReason(file);
    if (reason !== undefined) return { written: [], failed: { file, reason }, notWritten: files };
  }
  const written: string[] = [];
  for (const [file, text] of changes) {
    try {
      replaceFile(file, text);
    } catch (error) {
      return { written, failed: { file, reason: reasonOf(error) }, notWritten: files.slice(written.length) };
    }
    written.push(file);
  }
  return { written, notWritten: [] };
}
