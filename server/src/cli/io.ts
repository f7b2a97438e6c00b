// What a CLI run talks through (its working directory and output streams) and the exit codes it ends with.

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const exitCodes = { clean: 0, findings: 1, usageOrIo: 2 } as const;
