// The `vnet-lens` command: reads files, runs the engine, prints text, JSON or SARIF, and exits
// 0 (clean), 1 (findings at or above --fail-on) or 2 (usage or I/O error). Invariant: every
// failure becomes a message and exit code 2, never a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { modelAsText } from './model-text';
import {
  analyzeDocuments,
  classifyFile,
  modelOfDocuments,
  FixSession,
  LineIndex,
  textSource,
  type Finding,
  type Host,
  type Level,
  type SourceDocument,
} from '../engine';
import { readRegularFile } from '../read-scope';
import { userCacheRoot } from '../evaluate/registry/cache-location';
import { configFileName, effectivePrivateDns, readConfig, type WorkspaceConfig } from '../engine/config';
import { parseDocument } from '../engine/parse';
import { toolName, toolVersion } from '../version';
import { parseCommandLine, usage, UsageError, type CheckCommand, type ParseCommand, type ResolveCommand } from './args';
import { baselinePathFor, loadBaseline, writeBaselineFile } from './baseline-io';
import { unifiedDiff } from './diff';
import { discoverFiles } from './discover';
import { fixDocuments } from './fix';
import { escapeControls, escapeJsonControls } from './escape';
import { formatJson, formatText } from './format';
import { displayPath, locate } from './located';
import { cliReadScope, readGivenFile, refusalText, scopedHost } from './reading';
import { runResolve } from './resolve';
import { formatSarif } from './sarif';
import { syntaxFindings } from './syntax-findings';
import { writeFilesAtomically } from './write-files';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const exitCodes = { clean: 0, findings: 1, usageOrIo: 2 } as const;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.command) {
      case 'help':
        io.stdout(`${usage}\n`);
        return exitCodes.clean;
      case 'version':
        io.stdout(`${toolName} ${toolVersion}\n`);
        return exitCodes.clean;
      case 'check':
        return await runCheck(command, io);
      case 'parse':
      case 'model':
        return await runParseOrModel(command, io);
      case 'resolve':
        return await runResolve(command, io, loadFiles, hostFor);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`vnet-lens: ${escapeControls(error.message)}\n\n${usage}\n`);
      return exitCodes.usageOrIo;
    }
    io.stderr(`vnet-lens: internal error: ${escapeControls(error instanceof Error ? error.message : String(error))}\n`);
    return exitCodes.usageOrIo;
  }
}

export interface LoadedFiles {
  documents: SourceDocument[];
  texts: Map<string, string>;
  ioErrors: number;
  /** Path arguments that name nothing: an error on its own, nothing is analysed. */
  missing: number;
}

export function loadFiles(paths: readonly string[], io: CliIo): LoadedFiles {
  const { files, missing } = discoverFiles(paths, io.cwd);
  for (const arg of missing) io.stderr(`vnet-lens: cannot read '${escapeControls(arg)}': no such file or folder\n`);
  const documents: SourceDocument[] = [];
  const texts = new Map<string, string>();
  let ioErrors = missing.length;
  if (missing.length > 0) return { documents, texts, ioErrors, missing: missing.length };
  for (const file of files) {
    const read = readGivenFile(file);
    if (read.text === undefined) {
      // Too large is a limit, as in the editor (a note); anything else was asked for and cannot be read.
      const shown = escapeControls(displayPath(file, io.cwd));
      if (read.why === 'too-large')
        io.stderr(`${shown}: note: VNet Lens did not analyse this file: ${refusalText(read.why)}.\n`);
      else {
        io.stderr(`vnet-lens: cannot read '${shown}': ${refusalText(read.why)}\n`);
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

/** The engine's host for this run: files the paths given reference, inside them unless --allow-outside. */
function hostFor(command: CheckCommand | ParseCommand | ResolveCommand, io: CliIo): Host {
  const isFolder = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
  const scope = cliReadScope(command.paths, io.cwd, command.allowOutside, isFolder);
  // Bicep's restore cache holds the compiled registry modules the templates name (FACTS §16).
  const cacheRoot = userCacheRoot();
  if (cacheRoot !== undefined) scope.addRoot(cacheRoot);
  return scopedHost(scope, (file, why) =>
    io.stderr(`${escapeControls(displayPath(file, io.cwd))}: note: not read: ${why}; what it declares is unknown.\n`),
  );
}

/** A configuration file is small; a larger one is refused rather than parsed. */
const maxConfigBytes = 1024 * 1024;

const levelRank: Record<Level, number> = { info: 0, warning: 1, error: 2 };

/** The --config file, or the nearest vnetlens.json from the working directory up. */
function findConfig(command: CheckCommand, cwd: string): string | undefined {
  if (command.config !== undefined) return path.resolve(cwd, command.config);
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, configFileName);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function runCheck(command: CheckCommand, io: CliIo): Promise<number> {
  const configPath = findConfig(command, io.cwd);
  let config: WorkspaceConfig = { rules: {} };
  if (configPath !== undefined) {
    // Never a FIFO or a device (a FIFO named vnetlens.json would block the run forever).
    const configRead = readRegularFile(configPath, maxConfigBytes);
    if (configRead.text === undefined) {
      io.stderr(
        `vnet-lens: cannot read config '${escapeControls(command.config ?? configPath)}': ${refusalText(configRead.why)}\n`,
      );
      return exitCodes.usageOrIo;
    }
    const text = configRead.text;
    const read = readConfig(text);
    config = read.config;
    const index = new LineIndex(text);
    for (const error of read.errors) {
      const at = index.positionAt(error.start);
      io.stderr(
        `${escapeControls(displayPath(configPath, io.cwd))}:${at.line + 1}:${at.column + 1}: warning: ${escapeControls(error.message)}\n`,
      );
    }
  }
  const baselinePath =
    command.writeBaseline === undefined
      ? baselinePathFor(command.baseline, config.baseline, configPath, io.cwd)
      : undefined;
  const baseline =
    baselinePath === undefined ? undefined : loadBaseline(baselinePath, displayPath(baselinePath, io.cwd));
  if (baseline !== undefined && 'error' in baseline) {
    io.stderr(`vnet-lens: ${baseline.error}\n`);
    return exitCodes.usageOrIo;
  }
  const { documents, texts, ioErrors, missing } = loadFiles(command.paths, io);
  if (missing > 0) return exitCodes.usageOrIo;
  // Classifying needs no parse (the engine parses each analysable file once).
  const analysable = documents.filter((document) => classifyFile(document.uri, document.text) !== 'other');
  // --cloud on the command line wins over the file; the file's levels apply as written.
  const cloud = command.cloudGiven ? command.cloud : (config.cloud ?? command.cloud);
  // A CI run must not depend on the runner's speed: the editor's 3 s per deployment (so typing never
  // waits) would drop a big template's findings on a slow runner. Still bounded, so nothing hangs.
  const privateDns = effectivePrivateDns(config.privateDns);
  const options = {
    cloud,
    ruleLevels: config.rules,
    ...(privateDns ? { privateDns } : {}),
    limits: { evaluationMs: 60_000 },
    withSyntaxErrors: true,
  };
  let result;
  let finalTexts = texts;
  if (command.fix) {
    const outcome = await fixDocuments(analysable, hostFor(command, io), options);
    result = outcome.result;
    const changed = [...outcome.texts].filter(([uri, text]) => texts.get(uri) !== text);
    const summary = `${outcome.fixed} problem${outcome.fixed === 1 ? '' : 's'} in ${changed.length} file${changed.length === 1 ? '' : 's'}`;
    if (command.dryRun) {
      for (const [uri, text] of changed) {
        const file = escapeControls(displayPath(uri, io.cwd));
        io.stdout(
          escapeDiff(
            unifiedDiff(
              file.startsWith('/') ? file : `a/${file}`,
              file.startsWith('/') ? file : `b/${file}`,
              texts.get(uri)!,
              text,
            ),
          ),
        );
      }
      io.stderr(`Would fix ${summary}; nothing was written.\n`);
      return exitFor(command, result.findings, ioErrors);
    }
    const writes = writeFilesAtomically(changed.map(([uri, text]) => [fileURLToPath(uri), text] as const));
    if (writes.failed) {
      const list = (files: readonly string[]) =>
        files.length === 0 ? '(none)' : files.map((file) => escapeControls(displayPath(file, io.cwd))).join(', ');
      io.stderr(
        `vnet-lens: cannot write '${escapeControls(displayPath(writes.failed.file, io.cwd))}': ${writes.failed.reason}\n` +
          `  changed: ${list(writes.written)}\n  not changed: ${list(writes.notWritten)}\n`,
      );
      return exitCodes.usageOrIo;
    }
    io.stderr(`Fixed ${summary}.\n`);
    finalTexts = new Map([...texts, ...outcome.texts]);
  } else {
    result = await analyzeDocuments(analysable, hostFor(command, io), options);
  }
  // A limit that cut analysis short is worth knowing in any format; stderr keeps JSON/SARIF clean.
  for (const notice of result.notices)
    io.stderr(`${escapeControls(displayPath(notice.uri, io.cwd))}: note: ${escapeControls(notice.message)}\n`);
  // A file that does not parse was not fully checked: its syntax errors are findings too.
  const findings = [...syntaxFindings(result.files), ...result.findings];
  if (command.writeBaseline !== undefined) {
    const target = path.resolve(io.cwd, command.writeBaseline);
    try {
      const count = writeBaselineFile(target, findings);
      io.stderr(
        `Recorded ${count} finding${count === 1 ? '' : 's'} in ${escapeControls(displayPath(target, io.cwd))}.\n`,
      );
    } catch (error) {
      io.stderr(
        `vnet-lens: cannot write baseline '${escapeControls(displayPath(target, io.cwd))}': ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`,
      );
      return exitCodes.usageOrIo;
    }
    return ioErrors > 0 ? exitCodes.usageOrIo : exitCodes.clean;
  }
  const reported = baseline === undefined ? findings : findings.filter((finding) => !baseline.has(finding));
  if (reported.length < findings.length) {
    const hidden = findings.length - reported.length;
    io.stderr(
      `${hidden} finding${hidden === 1 ? ' is' : 's are'} in the baseline ${escapeControls(displayPath(baselinePath!, io.cwd))} and not shown.\n`,
    );
  }
  result = { ...result, findings: reported };
  const session = new FixSession(textSource(cloud, finalTexts));
  const located = locate(
    result,
    finalTexts,
    io.cwd,
    command.format === 'sarif' ? (finding) => session.fixesOf(finding) : undefined,
  );
  if (command.format === 'sarif') io.stdout(escapeJsonControls(formatSarif(located)));
  else if (command.format === 'json') io.stdout(escapeJsonControls(formatJson(located)));
  else io.stdout(formatText(located));
  return exitFor(command, result.findings, ioErrors);
}

/** A diff's lines keep their text; only controls other than tab and the line breaks are escaped. */
function escapeDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      const crlf = line.endsWith('\r');
      return escapeControls(crlf ? line.slice(0, -1) : line, { keepTabs: true }) + (crlf ? '\r' : '');
    })
    .join('\n');
}

function exitFor(command: CheckCommand, findings: readonly Finding[], ioErrors: number): number {
  if (ioErrors > 0) return exitCodes.usageOrIo;
  if (command.failOn === 'none') return exitCodes.clean;
  const threshold = levelRank[command.failOn];
  const failing = findings.some((finding) => levelRank[finding.level] >= threshold);
  return failing ? exitCodes.findings : exitCodes.clean;
}

async function runParseOrModel(command: ParseCommand, io: CliIo): Promise<number> {
  const { documents, ioErrors, missing } = loadFiles(command.paths, io);
  if (missing > 0) return exitCodes.usageOrIo;
  if (command.command === 'model') {
    const model = await modelOfDocuments(documents, hostFor(command, io), 'AzureCloud');
    const entities = model.entities.map((entity) => ({ ...entity, file: displayPath(entity.file, io.cwd) }));
    if (command.format === 'json') {
      io.stdout(escapeJsonControls(JSON.stringify({ entities, references: model.references }, null, 2)) + '\n');
    } else {
      // Names come from templates: each line is escaped, the line breaks between them are ours.
      const text = modelAsText({ entities, references: model.references }, { ids: command.ids });
      io.stdout(
        text
          .split('\n')
          .map((line) => escapeControls(line))
          .join('\n'),
      );
    }
    return ioErrors > 0 ? exitCodes.usageOrIo : exitCodes.clean;
  }
  const reports = documents.map((document) => {
    const parsed = parseDocument(document.uri, document.text);
    const index = new LineIndex(document.text);
    return {
      file: displayPath(document.uri, io.cwd),
      language: parsed.language,
      syntaxErrors: parsed.syntaxErrors.map((error) => {
        const position = index.positionAt(error.start);
        return { line: position.line + 1, column: position.column + 1, message: error.message };
      }),
    };
  });
  if (command.format === 'json') {
    io.stdout(escapeJsonControls(JSON.stringify(reports, null, 2)) + '\n');
  } else {
    for (const report of reports) {
      io.stdout(`${escapeControls(report.file)}: ${report.language}, ${report.syntaxErrors.length} syntax error(s)\n`);
      for (const error of report.syntaxErrors)
        io.stdout(`  ${escapeControls(report.file)}:${error.line}:${error.column}: ${escapeControls(error.message)}\n`);
    }
  }
  return ioErrors > 0 ? exitCodes.usageOrIo : exitCodes.clean;
}
