// The engine's Host over the local file system, for the CLI. Reads only files the engine asks for.
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Host } from '../engine';

export const nodeHost: Host = {
  async readFile(uri: string): Promise<string | undefined> {
    try {
      return await fs.readFile(fileURLToPath(uri), 'utf8');
    } catch {
      return undefined;
    }
  },
};
