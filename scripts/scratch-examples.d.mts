// Types of scratch-examples.mjs for the TypeScript tests.
export function recreateScratchExamples(root: string): string;
