// What a CLI run talks through (its working directory and output streams), what it says about itself,
// and the exit codes it ends with.
import { escapeControls } from './escape';
import { displayPath } from './located';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Where a run that reports in SARIF keeps what it said about itself (its invocation record). */
  notes?: RunNote[];
}

/**
 * Something a run says about itself on stderr: a file it cannot read (an error: exit 2), a limit or an
 * unread module (a note), a problem of the configuration file (a warning).
 */
export interface RunNote {
  level: 'error' | 'warning' | 'note';
  message: string;
  /** The file the line starts with (`file: note: …`); none for the run's own errors (`vnet-lens: …`). */
  file?: string;
  /** 1-based, with `file`. */
  position?: { line: number; column: number };
  /** The file an error without `file` is about (its message names it). */
  about?: string;
  /** A problem of the configuration file, apart from the run's execution. */
  configuration?: boolean;
}

/** Prints a note on stderr and keeps it where the run keeps them. */
export function tell(io: CliIo, note: RunNote): void {
  const message = escapeControls(note.message);
  if (note.file === undefined) io.stderr(`vnet-lens: ${message}\n`);
  else {
    const at = note.position ? `:${note.position.line}:${note.position.column}` : '';
    io.stderr(`${escapeControls(displayPath(note.file, io.cwd))}${at}: ${note.level}: ${message}\n`);
  }
  io.notes?.push(note);
}

export const exitCodes = { clean: 0, findings: 1, usageOrIo: 2 } as const;
