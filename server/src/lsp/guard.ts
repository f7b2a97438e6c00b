// Every request handler runs through `guard`: a cancelled request or a handler that throws answers
// with a neutral value and a log line, so one bad file never takes the server down.
import type { CancellationToken } from 'vscode-languageserver';

export type Logger = (message: string) => void;

export async function guard<T>(
  token: CancellationToken | undefined,
  log: Logger,
  what: string,
  fn: () => T | Promise<T>,
  fallback: T,
): Promise<T> {
  if (token?.isCancellationRequested) return fallback;
  try {
    const result = await fn();
    return token?.isCancellationRequested ? fallback : result;
  } catch (error) {
    log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}
