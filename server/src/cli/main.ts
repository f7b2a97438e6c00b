// The `vnet-lens` command: reads files, runs the engine, prints text, JSON or SARIF, and exits
// 0 (clean), 1 (findings at or above --fail-on) or 2 (usage or I/O error). Invariant: every
// failure becomes a message and exit code 2, never a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeDocuments, classifyFile, modelOfDocuments, FixSession, LineIndex, textSource, type Finding, type Host, type Level, type SourceDocument } from '../engine';
import { readRegularFile } from '../read-scope';
import { configFileName, readConfig, type WorkspaceConfig } from '../engine/config';
import { parseDocument } from '../engine/parse';
import { toolName, toolVersion } from '../version';
import { parseCommandLine, usage, UsageError, type CheckCommand, type ParseCommand } from './args';
import { unifiedDiff } from './diff';
import { discoverFiles } from './discover';
import { fixDocuments } from './fix';
import { formatJson, formatText } from './format';
import { displayPath, locate } from './located';
import { cliReadScope, readGivenFile, refusalText, scopedHost } from './reading';
import { formatSarif } from './sarif';

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
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`vnet-lens: ${error.message}\n\n${usage}\n`);
      return exitCodes.usageOrIo;
    }
    io.stderr(`vnet-lens: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodes.usageOrIo;
  }
}

interface LoadedFiles {
  documents: SourceDocument[];
  texts: Map<string, string>;
  ioErrors: number;
}

function loadFiles(paths: readonly string[], io: CliIo): LoadedFiles {
  const { files, missing } = discoverFiles(paths, io.cwd);
  for (const arg of missing) io.stderr(`vnet-lens: cannot read '${arg}': no such file or folder\n`);
  const documents: SourceDocument[] = [];
  const texts = new Map<string, string>();
  let ioErrors = missing.length;
  for (const file of files) {
    const read = readGivenFile(file);
    if (read.text === undefined) {
      // Too large is a limit, as in the editor (a note); anything else was asked for and cannot be read.
      if (read.why === 'too-large') io.stderr(`${displayPath(file, io.cwd)}: note: VNet Lens did not analyse this file: ${refusalText(read.why)}.\n`);
      else {
        io.stderr(`vnet-lens: cannot read '${displayPath(file, io.cwd)}': ${refusalText(read.why)}\n`);
        ioErrors++;
      }
      continue;
    }
    const uri = pathToFileURL(file).href;
    documents.push({ uri, text: read.text });
    texts.set(uri, read.text);
  }
  return { documents, texts, ioErrors };
}

/** The engine's host for this run: files the paths given reference, inside them unless --allow-outside. */
function hostFor(command: CheckCommand | ParseCommand, io: CliIo): Host {
  const isFolder = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
  const scope = cliReadScope(command.paths, io.cwd, command.allowOutside, isFolder);
  return scopedHost(scope, (file, why) => io.stderr(`${displayPath(file, io.cwd)}: note: not read: ${why}; what it declares is unknown.\n`));
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
      io.stderr(`vnet-lens: cannot read config '${command.config ?? configPath}': ${refusalText(configRead.why)}\n`);
      return exitCodes.usageOrIo;
    }
    const text = configRead.text;
    const read = readConfig(text);
    config = read.config;
    const index = new LineIndex(text);
    for (const error of read.errors) {
      const at = index.positionAt(error.start);
      io.stderr(`${displayPath(configPath, io.cwd)}:${at.line + 1}:${at.column + 1}: warning: ${error.message}\n`);
    }
  }
  const { documents, texts, ioErrors } = loadFiles(command.paths, io);
  // Classifying needs no parse (the engine parses each analysable file once).
  const analysable = documents.filter((document) => classifyFile(document.uri, document.text) !== 'other');
  // --cloud on the command line wins over the file; the file's levels apply as written.
  const cloud = command.cloudGiven ? command.cloud : config.cloud ?? command.cloud;
  // A CI run must not depend on the runner's speed: the editor's 3 s per deployment (so typing never
  // waits) would drop a big template's findings on a slow runner. Still bounded, so nothing hangs.
  const options = { cloud, ruleLevels: config.rules, limits: { evaluationMs: 60_000 } };
  let result;
  let finalTexts = texts;
  if (command.fix) {
    const outcome = await fixDocuments(analysable, hostFor(command, io), options);
    result = outcome.result;
    const changed = [...outcome.texts].filter(([uri, text]) => texts.get(uri) !== text);
    const summary = `${outcome.fixed} problem${outcome.fixed === 1 ? '' : 's'} in ${changed.length} file${changed.length === 1 ? '' : 's'}`;
    if (command.dryRun) {
      for (const [uri, text] of changed) {
        const file = displayPath(uri, io.cwd);
        io.stdout(unifiedDiff(file.startsWith('/') ? file : `a/${file}`, file.startsWith('/') ? file : `b/${file}`, texts.get(uri)!, text));
      }
      io.stderr(`Would fix ${summary}; nothing was written.\n`);
      return exitFor(command, result.findings, ioErrors);
    }
    for (const [uri, text] of changed) {
      try {
        fs.writeFileSync(fileURLToPath(uri), text);
      } catch (error) {
        io.stderr(`vnet-lens: cannot write '${displayPath(uri, io.cwd)}': ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
        return exitCodes.usageOrIo;
      }
    }
    io.stderr(`Fixed ${summary}.\n`);
    finalTexts = new Map([...texts, ...outcome.texts]);
  } else {
    result = await analyzeDocuments(analysable, hostFor(command, io), options);
  }
  // A limit that cut analysis short is worth knowing in any format; stderr keeps JSON/SARIF clean.
  for (const notice of result.notices) io.stderr(`${displayPath(notice.uri, io.cwd)}: note: ${notice.message}\n`);
  const session = new FixSession(textSource(cloud, finalTexts));
  const located = locate(result, finalTexts, io.cwd, command.format === 'sarif' ? (finding) => session.fixesOf(finding) : undefined);
  if (command.format === 'sarif') io.stdout(formatSarif(located, io.cwd));
  else if (command.format === 'json') io.stdout(formatJson(located));
  else io.stdout(formatText(located));
  return exitFor(command, result.findings, ioErrors);
}

function exitFor(command: CheckCommand, findings: readonly Finding[], ioErrors: number): number {
  if (ioErrors > 0) return exitCodes.usageOrIo;
  if (command.failOn === 'none') return exitCodes.clean;
  const threshold = levelRank[command.failOn];
  const failing = findings.some((finding) => levelRank[finding.level] >= threshold);
  return failing ? exitCodes.findings : exitCodes.clean;
}

async function runParseOrModel(command: ParseCommand, io: CliIo): Promise<number> {
  const { documents, ioErrors } = loadFiles(command.paths, io);
  if (command.command === 'model') {
    const model = await modelOfDocuments(documents, hostFor(command, io), 'AzureCloud');
    const entities = model.entities.map((entity) => ({ ...entity, file: displayPath(entity.file, io.cwd) }));
    if (command.format === 'json') {
      io.stdout(JSON.stringify({ entities, references: model.references }, null, 2) + '\n');
    } else {
      for (const entity of entities) io.stdout(`${entity.file}:${entity.line}: ${entity.kind} ${entity.name}\n`);
      for (const reference of model.references) io.stdout(`${reference.kind}: ${reference.from} -> ${reference.to ?? `(unresolved: ${reference.reason})`}\n`);
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
    io.stdout(JSON.stringify(reports, null, 2) + '\n');
  } else {
    for (const report of reports) {
      io.stdout(`${report.file}: ${report.language}, ${report.syntaxErrors.length} syntax error(s)\n`);
      for (const error of report.syntaxErrors) io.stdout(`  ${report.file}:${error.line}:${error.column}: ${error.message}\n`);
    }
  }
  return ioErrors > 0 ? exitCodes.usageOrIo : exitCodes.clean;
}
