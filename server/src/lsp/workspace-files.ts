// Finds and reads the analysable files of the workspace folders for the index. The server is a
// face: it does the I/O the engine does not. Invariant: bounded (file count, file size), never
// follows symbolic links out of the folder, skips dependency and VCS folders.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { candidateFilesUnder, skipsFolder } from '../candidate-files';
import { readRegularFile } from '../read-scope';

export const indexLimits = { maxFiles: 20_000, maxFileBytes: 4 * 1024 * 1024 } as const;

/**
 * URIs of the candidate files under a folder URI (hidden folders skipped, at most indexLimits.maxFiles:
 * a folder that holds more is cut there, and the caller says so).
 */
export function scanFolder(folderUri: string): string[] {
  if (!folderUri.startsWith('file:')) return [];
  return candidateFilesUnder(fileURLToPath(folderUri), { skipHiddenFolders: true, maxFiles: indexLimits.maxFiles })
    .map((file) => pathToFileURL(file).href)
    .sort();
}

/**
 * The candidate files of a folder that appeared under one of the workspace `folders` (created, or moved
 * or renamed there): none when the URI is not a directory of its own (a symbolic link is never followed
 * out) or lies in a folder the scan skips (node_modules, a hidden folder), as scanFolder would.
 */
export function scanAddedFolder(uri: string, folders: readonly string[]): string[] {
  if (!uri.startsWith('file:')) return [];
  const added = fileURLToPath(uri);
  const root = folders
    .filter((folder) => folder.startsWith('file:'))
    .map((folder) => fileURLToPath(folder))
    .find((folder) => added.startsWith(`${folder.replace(/[\\/]$/, '')}${path.sep}`));
  if (root === undefined) return [];
  if (
    path
      .relative(root, added)
      .split(path.sep)
      .some((name) => skipsFolder(name, { skipHiddenFolders: true }))
  )
    return [];
  try {
    if (!fs.lstatSync(added).isDirectory()) return [];
  } catch {
    return [];
  }
  return scanFolder(uri);
}

/** A file's text, or undefined when it is missing, unreadable or too large to analyse. */
export function readWorkspaceFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return readFileAt(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** The text of a file path, with the same limits; only regular files (reading a FIFO would block forever). */
export function readFileAt(file: string): string | undefined {
  return readRegularFile(file, indexLimits.maxFileBytes).text;
}
