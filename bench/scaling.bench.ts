// Growth with the size of the network (DESIGN §10): CPU seconds of `vnet-lens check` (the built
// dist/cli.js, as CI runs it) on generated hub-and-spoke workspaces of 1,000 and 4,000 spokes, one
// file per spoke, and the exponent k of time ∝ spokes^k between them. CPU time, not wall time: the
// machine is shared, and CPU time is what another process cannot steal.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hubBicep, spokeFileBicep } from './hub-and-spoke';
import { repoRoot, report } from './support';

const sizes = [1000, 4000] as const;
const runs = Number(process.env.BENCH_SCALING_RUNS ?? 3);

/** A preload that writes the process's user + system CPU seconds to a file when it exits. */
function cpuRecorder(folder: string): string {
  const file = path.join(folder, 'cpu-recorder.cjs');
  fs.writeFileSync(
    file,
    `process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(process.env.CPU_OUT, String((u.user + u.system) / 1e6)); });\n`,
  );
  return file;
}

function workspace(folder: string, spokes: number): string {
  const dir = path.join(folder, `spokes-${spokes}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'hub.bicep'), hubBicep());
  for (let index = 1; index <= spokes; index++)
    fs.writeFileSync(path.join(dir, `spoke-${index}.bicep`), spokeFileBicep(index));
  return dir;
}

function checkCpuSeconds(recorder: string, dir: string, out: string): { seconds: number; output: string } {
  const child = spawnSync(process.execPath, ['--require', recorder, path.join(repoRoot, 'dist/cli.js'), 'check', dir], {
    encoding: 'utf8',
    env: { ...process.env, CPU_OUT: out },
    maxBuffer: 256 * 1024 * 1024,
  });
  // 0: no findings, 1: findings; anything else is a crash or an I/O error and fails the bench.
  if (child.status !== 0 && child.status !== 1)
    throw new Error(`check exited ${child.status}: ${child.stderr.slice(0, 2000)}`);
  return {
    seconds: Number(fs.readFileSync(out, 'utf8')),
    output: child.stdout.split('\n').filter(Boolean).at(-1) ?? '',
  };
}

function main(): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-scaling-'));
  try {
    const recorder = cpuRecorder(folder);
    const dirs = sizes.map((spokes) => workspace(folder, spokes));
    const seconds: number[][] = sizes.map(() => []);
    const summaries: string[] = [];
    // Interleaved: each run checks every size in turn, so both see the same machine load.
    for (let run = 0; run < runs; run++) {
      dirs.forEach((dir, index) => {
        const measured = checkCpuSeconds(recorder, dir, path.join(folder, 'cpu.txt'));
        seconds[index].push(measured.seconds);
        summaries[index] = measured.output;
      });
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
    const [small, large] = seconds.map(median);
    const exponent = Math.log(large / small) / Math.log(sizes[1] / sizes[0]);
    const note = (index: number) =>
      `CPU s of dist/cli.js check, ${sizes[index]} spoke files + hub, median of ${runs}: ${summaries[index]}`;
    report({ name: 'scaling.spokes1000Seconds', value: small, unit: 's', note: note(0) });
    report({ name: 'scaling.spokes4000Seconds', value: large, unit: 's', budget: 12, note: note(1) });
    report({
      name: 'scaling.exponent',
      value: exponent,
      unit: '',
      budget: 1.25,
      note: 'k in time ∝ spokes^k from 1,000 to 4,000 spokes',
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main();
