// The pre-commit hook (.pre-commit-hooks.yaml) through Debian's pre-commit, with the README's
// .pre-commit-config.yaml: a hook repository made from this working tree (its git clone needs no
// network), a user repository with the hook installed, and real `git commit`s.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { stringify } from 'yaml';
import { parseYamlFile, readmeRecipe, removeTemporaryDirs, temporaryRepo } from '../support/ci-recipes';
import { cleanTemplate, errorTemplate, warningTemplate } from '../support/ci-templates';
import { repoRoot } from '../support/paths';

after(removeTemporaryDirs);

function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000, ...options });
  return { status: result.status, output: `${String(result.stdout)}${String(result.stderr)}` };
}

function git(cwd: string, ...args: string[]) {
  const result = run(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd, env: gitEnv },
  );
  return result;
}

let gitEnv: NodeJS.ProcessEnv;
let hookRepo: string;
let hookRev: string;

before(() => {
  const setup = run('bash', [path.join(repoRoot, 'scripts/need-debian-packages.sh'), 'pre-commit'], { cwd: repoRoot });
  assert.equal(setup.status, 0, setup.output);
  const cache = temporaryRepo('pre-commit-home');
  // No global git configuration or hooks of the machine take part.
  gitEnv = {
    PATH: process.env.PATH,
    HOME: cache,
    PRE_COMMIT_HOME: path.join(cache, 'pre-commit'),
    GIT_CONFIG_NOSYSTEM: '1',
    LANG: 'C.UTF-8',
  };

  // The hook repository as pre-commit clones it: this working tree's files (tracked or new, not
  // ignored) plus the built CLI, which a real clone builds on first use (scripts/pre-commit.sh).
  hookRepo = temporaryRepo('hook-repo');
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
    .stdout.split('\0')
    .filter((file) => file && fs.existsSync(path.join(repoRoot, file)));
  for (const file of [...files, 'dist/cli.js']) {
    fs.mkdirSync(path.dirname(path.join(hookRepo, file)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, file), path.join(hookRepo, file));
    fs.chmodSync(path.join(hookRepo, file), fs.statSync(path.join(repoRoot, file)).mode);
  }
  assert.equal(git(hookRepo, 'init', '-q').status, 0);
  assert.equal(git(hookRepo, 'add', '-A', '-f').status, 0);
  assert.equal(git(hookRepo, 'commit', '-q', '-m', 'hook repository').status, 0);
  hookRev = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: hookRepo, encoding: 'utf8' }).stdout.trim();
});

/** A user repository with the README's .pre-commit-config.yaml (pointing at the local hook repo) installed. */
function userRepo(): string {
  const config = readmeRecipe('.pre-commit-config.yaml').parsed as {
    repos: { repo: string; rev: string; hooks: { id: string }[] }[];
  };
  assert.equal(config.repos.length, 1);
  const entry = config.repos[0]!;
  entry.repo = hookRepo;
  entry.rev = hookRev;
  const repo = temporaryRepo('pre-commit-user', {
    '.pre-commit-config.yaml': stringify(config),
    'README.md': 'infra\n',
  });
  assert.equal(git(repo, 'init', '-q').status, 0);
  const install = run('pre-commit', ['install'], { cwd: repo, env: gitEnv });
  assert.equal(install.status, 0, install.output);
  assert.equal(git(repo, 'add', '-A').status, 0);
  const first = git(repo, 'commit', '-q', '-m', 'configuration');
  assert.equal(first.status, 0, first.output);
  return repo;
}

function commit(repo: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
    fs.writeFileSync(path.join(repo, name), text);
  }
  git(repo, 'add', '-A');
  const result = git(repo, 'commit', '-m', `add ${Object.keys(files).join(', ')}`);
  const commits = Number(git(repo, 'rev-list', '--count', 'HEAD').output.trim());
  return { ...result, commits };
}

describe('the pre-commit hook with the README configuration', () => {
  test('declares one hook on .bicep, .bicepparam and ARM JSON files', () => {
    const hooks = parseYamlFile(path.join(repoRoot, '.pre-commit-hooks.yaml')) as {
      id: string;
      files: string;
      language: string;
      entry: string;
    }[];
    assert.deepEqual(
      hooks.map((hook) => hook.id),
      ['vnet-lens'],
    );
    const files = new RegExp(hooks[0]!.files);
    for (const name of ['main.bicep', 'main.bicepparam', 'azuredeploy.json', 'a/b.jsonc'])
      assert.ok(files.test(name), name);
    for (const name of ['README.md', 'main.bicep.bak', 'script.sh']) assert.ok(!files.test(name), name);
    assert.ok(fs.existsSync(path.join(repoRoot, hooks[0]!.entry)), 'the entry script exists');
  });

  test('refuses a commit that adds an error, naming it; a fixed one, and one with only a warning, go through', () => {
    const repo = userRepo();
    const refused = commit(repo, { 'infra/network.bicep': errorTemplate });
    assert.notEqual(refused.status, 0, refused.output);
    assert.match(refused.output, /infra\/network\.bicep:14:26: error subnet-outside-vnet/);
    assert.equal(refused.commits, 1, 'nothing was committed');

    const fixed = commit(repo, { 'infra/network.bicep': cleanTemplate });
    assert.equal(fixed.status, 0, fixed.output);
    assert.match(fixed.output, /VNet Lens\.+Passed/);
    assert.equal(fixed.commits, 2);

    const warning = commit(repo, { 'infra/dns.bicep': warningTemplate });
    assert.equal(warning.status, 0, warning.output);
    assert.equal(warning.commits, 3);
  });

  test('only staged files are checked, and a commit without templates skips the hook', () => {
    const repo = userRepo();
    fs.mkdirSync(path.join(repo, 'draft'));
    fs.writeFileSync(path.join(repo, 'draft/unfinished.bicep'), errorTemplate);
    fs.mkdirSync(path.join(repo, 'infra'));
    fs.writeFileSync(path.join(repo, 'infra/network.bicep'), cleanTemplate);
    git(repo, 'add', 'infra');
    const staged = git(repo, 'commit', '-m', 'the clean template only');
    assert.equal(staged.status, 0, staged.output);
    assert.match(staged.output, /VNet Lens\.+Passed/);

    fs.writeFileSync(path.join(repo, 'notes.txt'), 'not a template\n');
    git(repo, 'add', 'notes.txt');
    const skipped = git(repo, 'commit', '-m', 'notes');
    assert.equal(skipped.status, 0, skipped.output);
    assert.match(skipped.output, /VNet Lens\.+\(no files to check\)Skipped/);
  });
});
