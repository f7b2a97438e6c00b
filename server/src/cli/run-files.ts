// The files a CLI run analyses (the paths given, read within limits) and the host that reads what they reference.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Host, SourceDocument } from '../engine';
import { userCacheRoot } from '../evaluate/registry/cache-location';
import type { CheckCommand, ParseCommand, ResolveCommand } from './args';
import { discoverFiles } from './discover';
import { tell, type CliIo } from './io';
import { displayPath } from './located';
import { cliReadScope, readGivenFile, refusalText, scopedHost } from './reading';

export interface LoadedFiles {
  documents: SourceDocument[];
  texts: Map<string, string>;
  ioErrors: number;
  /** Path arguments that name nothing: an error on its own, nothing is analysed. */
  missing: number;
}

export function loadFiles(paths: readonly string[], io: CliIo): LoadedFiles {
  const { files, missing, unlisted } = discoverFiles(paths, io.cwd);
  for (const arg of missing) tell(io, { level: 'error', message: `cannot read '${arg}': no such file or folder` });
  for (const { folder, code } of unlisted) {
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
    tell(io, {
      level: 'error',
      message: `cannot read folder '${displayPath(folder, io.cwd)}': ${why}; its files are not checked`,
      about: folder,
    });
  }
  const documents: SourceDocument[] = [];
  const texts = new Map<string, string>();
  let ioErrors = missing.length + unlisted.length;
  if (missing.length > 0) return { documents, texts, ioErrors, missing: missing.length };
  for (const file of files) {
    const read = readGivenFile(file);
    if (read.text === undefined) {
      // Too large is a limit, as in the editor (a note); anything else was asked for and cannot be read.
      if (read.why === 'too-large')
        tell(io, { level: 'note', file, message: `VNet Lens did not analyse this file: ${refusalText(read.why)}.` });
      else {
        const message = `cannot read '${displayPath(file, io.cwd)}': ${refusalText(read.why)}`;
        tell(io, { level: 'error', message, about: file });
        ioErrors++;
      }
      continue;
    }
    const uri = pathToFileURL(file).href;
    documents.push({ uri, text: read.text });
    texts.set(uri, read.text);
  }
  return { documents, texts, ioErrors, missing: 0 };
}

/** Whether a path names a folder (false for a missing or unreadable one). */
export function isFolder(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** The engine's host for this run: files the paths given reference, inside them unless --allow-outside. */
export function hostFor(command: CheckCommand | ParseCommand | ResolveCommand, io: CliIo): Host {
  const scope = cliReadScope(command.paths, io.cwd, command.allowOutside, isFolder);
  // Bicep's restore cache holds the compiled registry modules the templates name (FACTS §16).
  const cacheRoot = userCacheRoot();
  if (cacheRoot !== undefined) scope.addRoot(cacheRoot);
  return scopedHost(scope, (file, why) =>
    tell(io, { level: 'note', file, message: `not read: ${why}; what it declares is unknown.` }),
  );
}
