// Runs one test suite's command in its own process group under an overall timeout; when the time is
// up it names what still runs (the group's command lines) and kills the whole group.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

/** Grace between SIGTERM (runners clean up code-server and Chromium) and SIGKILL of the group. */
const defaultGraceMs = 10_000;

/**
 * Runs `command` with `args`, echoing its stdout (and passing stderr through) while collecting
 * stdout. Resolves { stdout, exitCode, timedOut, message, stillRunning, leftBehind }: on a timeout
 * `message` says which suite hung and what was running; `leftBehind` lists what outlived a suite
 * that ended. Either way every process of the group is gone when it resolves.
 */
export function runSuite({
  label,
  command,
  args,
  cwd,
  env = process.env,
  timeoutMs,
  graceMs = defaultGraceMs,
  echo = true,
}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    const pgid = child.pid;
    const chunks = [];
    let timedOut = false;
    let stillRunning = [];
    child.stdout.on('data', (chunk) => {
      chunks.push(chunk);
      if (echo) process.stdout.write(chunk);
    });
    const stopOnExit = () => killGroup(pgid, 'SIGKILL');
    process.on('exit', stopOnExit);
    const timer = setTimeout(async () => {
      timedOut = true;
      stillRunning = processesInGroup(pgid);
      killGroup(pgid, 'SIGTERM');
      const deadline = Date.now() + graceMs;
      while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
      killGroup(pgid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      chunks.push(Buffer.from(`${label}: could not start ${command}: ${error.message}\n`));
    });
    let exitCode = 1;
    let leftBehind = [];
    child.on('exit', (code) => {
      exitCode = code ?? 1;
      // The suite's own process is done; a child it left behind (a server it spawned and did not
      // stop) must not outlive it, nor hold the output pipe open and hang the run.
      if (!timedOut) {
        leftBehind = processesInGroup(pgid);
        killGroup(pgid, 'SIGKILL');
      }
    });
    child.on('close', async () => {
      clearTimeout(timer);
      const deadline = Date.now() + 5_000;
      while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
      process.off('exit', stopOnExit);
      const minutes = timeoutMs < 60_000 ? (timeoutMs / 60_000).toFixed(2) : String(Math.round(timeoutMs / 60_000));
      const message = timedOut
        ? `${label} timed out after ${minutes} min and was killed; still running:\n${
            stillRunning.map((line) => `  ${line}`).join('\n') || '  (no process list available)'
          }`
        : undefined;
      resolve({
        stdout: Buffer.concat(chunks).toString('utf8'),
        exitCode: timedOut ? 1 : exitCode,
        timedOut,
        message,
        stillRunning,
        leftBehind,
      });
    });
  });
}

/** "pid command line" for every live (not zombie) process whose process group is `pgid` (Linux /proc). */
export function processesInGroup(pgid) {
  let entries;
  try {
    entries = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  const lines = [];
  for (const pid of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces, inside parentheses): state ppid pgrp …
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // A zombie has ended; it waits only for a parent (or an init that does not reap) to collect it.
      if (Number(group) !== pgid || state === 'Z') continue;
      const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      lines.push(`${pid} ${commandLine}`);
    } catch {
      // The process ended while we read it.
    }
  }
  return lines;
}

/** Whether a process of the group still runs (zombies do not count where /proc tells them apart). */
export function groupAlive(pgid) {
  if (fs.existsSync('/proc/self/stat')) return processesInGroup(pgid).length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
