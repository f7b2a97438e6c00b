// Types of node-bundle.mjs for the TypeScript scripts.
import type { BuildOptions } from 'esbuild';

export const nodeBundle: BuildOptions;
