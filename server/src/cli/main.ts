// The `vnet-lens` command: reads files, runs the engine, prints text, JSON or SARIF, and exits
// 0 (clean), 1 (findings at or above --fail-on) or 2 (usage or I/O error). Invariant: every
// failure becomes a message and exit code 2, never a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyzeDocuments,
  classifyFile,
  FixSession,
  isJsonFileName,
  LineIndex,
  textSource,
  type Finding,
  type Level,
  type SourceDocument,
} from '../engine';
import { readRegularFile } from '../read-scope';
import { configFileName, effectivePrivateDns, readConfig, type WorkspaceConfig } from '../engine/config';
import { toolName, toolVersion } from '../version';
import { parseCommandLine, usage, UsageError, type CheckCommand } from './args';
import { baselinePathFor, loadBaseline, writeBaselineFile } from './baseline-io';
import { unifiedDiff } from './diff';
import { fixDocuments } from './fix';
import { escapeControls, escapeJsonControls } from './escape';
import { formatJson, formatText } from './format';
import { exitCodes, tell, type CliIo } from './io';
import { displayPath, locate } from './located';
import { runParseOrModel } from './parse-model';
import { refusalText } from './reading';
import { runResolve } from './resolve';
import { hostFor, isFolder, loadFiles } from './run-files';
import { formatSarif } from './sarif';
import { syntaxFindings } from './syntax-findings';
import { writeFilesAtomically } from './write-files';

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
        return await runResolve(command, io);
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

/** A configuration file is small; a larger one is refused rather than parsed. */
const maxConfigBytes = 1024 * 1024;

const levelRank: Record<Level, number> = { info: 0, warning: 1, error: 2 };

/**
 * The --config file, or the nearest vnetlens.json from the working directory up; when there is none,
 * the nearest one from the paths checked up, if they all have the same (`check infra` run from the
 * repository's root must not lose infra/vnetlens.json: its policy mode silences findings).
 */
function findConfig(command: CheckCommand, cwd: string): string | undefined {
  if (command.config !== undefined) return path.resolve(cwd, command.config);
  const fromCwd = nearestConfig(cwd);
  if (fromCwd !== undefined) return fromCwd;
  const found = new Set(
    (command.paths.length > 0 ? command.paths : ['.']).map((given) => {
      const absolute = path.resolve(cwd, given);
      return nearestConfig(isFolder(absolute) ? absolute : path.dirname(absolute));
    }),
  );
  return found.size === 1 ? [...found][0] : undefined;
}

function nearestConfig(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, configFileName);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function runCheck(command: CheckCommand, given: CliIo): Promise<number> {
  // SARIF records what the run said about itself in its invocation (an unreadable file, a limit, a config problem).
  const io: CliIo = command.format === 'sarif' ? { ...given, notes: [] } : given;
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
      tell(io, {
        level: 'warning',
        message: error.message,
        file: configPath,
        position: { line: at.line + 1, column: at.column + 1 },
        configuration: true,
      });
    }
  }
  const baselineAt =
    command.writeBaseline === undefined
      ? baselinePathFor(command.baseline, config.baseline, configPath, io.cwd)
      : undefined;
  const baseline =
    baselineAt === undefined
      ? undefined
      : loadBaseline(baselineAt, displayPath(baselineAt.file, io.cwd), command.allowOutside);
  if (baseline !== undefined && 'error' in baseline) {
    io.stderr(`vnet-lens: ${baseline.error}\n`);
    return exitCodes.usageOrIo;
  }
  const { documents, texts, ioErrors, missing } = loadFiles(command.paths, io);
  if (missing > 0) return exitCodes.usageOrIo;
  // Classifying needs no parse (the engine parses each analysable file once).
  const analysable = documents.filter((document) => classifyFile(document.uri, document.text) !== 'other');
  noteNamedButNotChecked(command.paths, documents, analysable, io);
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
  for (const notice of result.notices) tell(io, { level: 'note', file: notice.uri, message: notice.message });
  // A file that does not parse was not fully checked: its syntax errors are findings too.
  const findings = [...syntaxFindings(result.files), ...result.findings];
  if (command.writeBaseline !== undefined) {
    const target = path.resolve(io.cwd, command.writeBaseline);
    const shown = escapeControls(displayPath(target, io.cwd));
    let written: number | { error: string };
    try {
      written = writeBaselineFile(target, findings);
    } catch (error) {
      written = { error: writeErrorText(error) };
    }
    if (typeof written !== 'number') {
      io.stderr(`vnet-lens: cannot write baseline '${shown}': ${written.error}\n`);
      return exitCodes.usageOrIo;
    }
    io.stderr(`Recorded ${written} finding${written === 1 ? '' : 's'} in ${shown}.\n`);
    return ioErrors > 0 ? exitCodes.usageOrIo : exitCodes.clean;
  }
  const reported = baseline === undefined ? findings : findings.filter((finding) => !baseline.has(finding));
  if (reported.length < findings.length) {
    const hidden = findings.length - reported.length;
    io.stderr(
      `${hidden} finding${hidden === 1 ? ' is' : 's are'} in the baseline ${escapeControls(displayPath(baselineAt!.file, io.cwd))} and not shown.\n`,
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
  if (command.format === 'sarif') {
    const invocation = { executionSuccessful: ioErrors === 0, notes: io.notes ?? [] };
    io.stdout(escapeJsonControls(formatSarif(located, { invocation, cwd: io.cwd })));
  } else if (command.format === 'json') io.stdout(escapeJsonControls(formatJson(located)));
  else io.stdout(formatText(located));
  return exitFor(command, result.findings, ioErrors);
}

/**
 * A file named on the command line (not found in a folder given) that is not a template says so: a run
 * that checks nothing it was asked to must not read as a clean one.
 */
function noteNamedButNotChecked(
  paths: readonly string[],
  documents: readonly SourceDocument[],
  analysable: readonly SourceDocument[],
  io: CliIo,
): void {
  const named = new Set(paths.map((file) => path.resolve(io.cwd, file)));
  const checked = new Set(analysable);
  for (const document of documents) {
    const file = fileURLToPath(document.uri);
    if (checked.has(document) || !named.has(file)) continue;
    const message = isJsonFileName(file)
      ? 'not checked: it is not an ARM template or parameter file (its $schema is neither a deployment template nor a deployment parameters schema).'
      : 'not checked: only .bicep and .bicepparam files and ARM templates and parameter files (.json, .jsonc) are checked.';
    tell(io, { level: 'note', file, message });
  }
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

/** Why a file could not be written, in words for the common causes, with the system's code. */
function writeErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of its path is not a folder',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
  };
  return code === undefined ? String(error) : why[code] ? `${why[code]} (${code})` : code;
}
