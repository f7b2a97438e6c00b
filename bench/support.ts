// Helpers shared by the bench files: the BENCH line contract of scripts/bench.mjs and statistics.
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..');
export const corpusRoot = path.resolve(repoRoot, '../shared/corpus');

export interface Measurement {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  note?: string;
}

export function report(measurement: Measurement): void {
  console.log(`BENCH ${JSON.stringify(measurement)}`);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
