// action.yml, run as a GitHub runner runs a composite action: the README's workflow gives the
// inputs, `${{ inputs.x }}` is substituted, each `run:` step runs in bash with the GITHUB_*
// variables, and the step's exit code and the SARIF file it leaves are checked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { parseYamlFile, readmeRecipe, readSarif, removeTemporaryDirs, temporaryRepo } from '../support/ci-recipes';
import { cleanTemplate, cloudSensitiveTemplate, errorTemplate, warningTemplate } from '../support/ci-templates';
import { repoRoot } from '../support/paths';

after(removeTemporaryDirs);

interface ActionStep {
  name?: string;
  id?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}
interface WorkflowStep {
  id?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string | number>;
}

const action = parseYamlFile(path.join(repoRoot, 'action.yml')) as Action;
const workflow = readmeRecipe('.github/workflows/vnet-lens.yml').parsed as {
  permissions: Record<string, string>;
  jobs: Record<string, { steps: WorkflowStep[] }>;
};
const workflowSteps = Object.values(workflow.jobs)[0]?.steps ?? [];
const ourStep = workflowSteps.find((step) => /^[\w.-]+\/vnet-lens@/.test(step.uses ?? ''));
const uploadStep = workflowSteps.find((step) => (step.uses ?? '').startsWith('github/codeql-action/upload-sarif@'));

/** What the runner does with `${{ … }}` in a composite step: inputs, and outputs of earlier steps. */
function substitute(
  text: string,
  inputs: Record<string, string>,
  stepOutputs: Record<string, Record<string, string>>,
): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (whole, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return inputs[input[1] ?? ''] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return stepOutputs[output[1] ?? '']?.[output[2] ?? ''] ?? '';
    throw new Error(`the test does not know the expression ${whole}`);
  });
}

/** Runs the action's steps in `workspace` with the given `with:` values; the runner's view of it. */
function runAction(workspace: string, withInputs: Record<string, string | number>) {
  // The action's first step builds the CLI when dist/cli.js is missing, with npm ci in the action's
  // folder: here that is this repository, whose node_modules the test must not replace.
  assert.ok(fs.existsSync(path.join(repoRoot, 'dist/cli.js')), 'dist/cli.js is built (npm run build)');
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = spec.default ?? '';
  for (const [name, value] of Object.entries(withInputs)) {
    assert.ok(name in action.inputs, `the workflow passes an input the action declares: ${name}`);
    inputs[name] = String(value);
  }
  const runnerTemp = temporaryRepo('runner-temp');
  const stepOutputs: Record<string, Record<string, string>> = {};
  let log = '';
  for (const [index, step] of action.runs.steps.entries()) {
    assert.ok(step.run, `step ${index + 1} of the composite action is a run step`);
    assert.equal(step.shell, 'bash');
    const script = path.join(runnerTemp, `step-${index}.sh`);
    fs.writeFileSync(script, substitute(step.run, inputs, stepOutputs));
    const outputFile = path.join(runnerTemp, `output-${index}`);
    fs.writeFileSync(outputFile, '');
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? runnerTemp };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = substitute(value, inputs, stepOutputs);
    // The variables a runner sets for every step (https://docs.github.com/actions/reference/variables-reference).
    Object.assign(env, {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: repoRoot,
      GITHUB_OUTPUT: outputFile,
      GITHUB_ENV: path.join(runnerTemp, 'env'),
      GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary'),
      GITHUB_REPOSITORY: 'contoso/infra',
      GITHUB_SHA: '0'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      RUNNER_TEMP: runnerTemp,
      RUNNER_OS: 'Linux',
    });
    // GitHub's command line for `shell: bash`.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    log += result.stdout + result.stderr;
    if (step.id) {
      stepOutputs[step.id] = Object.fromEntries(
        fs
          .readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
    }
    if (result.status !== 0) return { exitCode: result.status ?? 1, failedStep: step.name, log, stepOutputs };
  }
  const actionOutputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, output]) => [name, substitute(output.value, inputs, stepOutputs)]),
  );
  return { exitCode: 0, failedStep: undefined, log, stepOutputs, actionOutputs };
}

/** The SARIF file the run left, found the way the README's upload step names it. */
function uploadedSarif(workspace: string, stepOutputs: Record<string, Record<string, string>>): string {
  const sarifFile = substitute(
    String(uploadStep?.with?.sarif_file),
    {},
    { [ourStep?.id ?? '']: stepOutputs.check ?? {} },
  );
  assert.ok(sarifFile, 'the upload step names a SARIF file');
  return path.resolve(workspace, sarifFile);
}

describe('the GitHub Action (action.yml) with the README workflow', () => {
  test('is a composite action with the inputs the README documents, and the workflow uploads its SARIF', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['baseline', 'cloud', 'fail-on', 'paths', 'sarif-file']);
    assert.ok(ourStep?.id, 'the README workflow runs the action in a step with an id');
    assert.ok(uploadStep, 'the README workflow uploads SARIF with github/codeql-action/upload-sarif');
    assert.equal(uploadStep.if, 'success() || failure()', 'the upload runs when the check fails the job');
    assert.equal(uploadStep.with?.sarif_file, `\${{ steps.${ourStep.id}.outputs.sarif-file }}`);
    assert.equal(workflow.permissions['security-events'], 'write', 'upload-sarif needs security-events: write');
    assert.ok(workflowSteps.indexOf(ourStep) < workflowSteps.indexOf(uploadStep));
  });

  test('an error in the checked folder fails the step and leaves a SARIF 2.1.0 log naming it', () => {
    const workspace = temporaryRepo('action', {
      'infra/network.bicep': errorTemplate,
      'other/ignored.bicep': warningTemplate,
    });
    const run = runAction(workspace, ourStep?.with ?? {});
    assert.equal(run.exitCode, 1, run.log);
    assert.equal(run.failedStep, 'Check Bicep and ARM templates');
    assert.match(
      run.log,
      /infra\/network\.bicep:14:26: error subnet-outside-vnet/,
      'the job log shows the finding as text',
    );
    const sarif = readSarif(uploadedSarif(workspace, run.stepOutputs));
    assert.deepEqual(sarif.ruleIds, ['subnet-outside-vnet'], "only the README's paths (infra) are checked");
  });

  test('a clean folder passes and still writes the SARIF log, at the path the action outputs', () => {
    const workspace = temporaryRepo('action', { 'infra/network.bicep': cleanTemplate });
    const run = runAction(workspace, ourStep?.with ?? {});
    assert.equal(run.exitCode, 0, run.log);
    assert.equal(run.actionOutputs?.['sarif-file'], 'vnet-lens.sarif');
    assert.deepEqual(readSarif(uploadedSarif(workspace, run.stepOutputs)).ruleIds, []);
  });

  test('fail-on decides whether a warning fails the step', () => {
    const workspace = temporaryRepo('action', { 'infra/dns.bicep': warningTemplate });
    assert.equal(runAction(workspace, { ...ourStep?.with, 'fail-on': 'error' }).exitCode, 0);
    const strict = runAction(workspace, { ...ourStep?.with, 'fail-on': 'warning' });
    assert.equal(strict.exitCode, 1, strict.log);
    assert.deepEqual(readSarif(path.join(workspace, 'vnet-lens.sarif')).ruleIds, ['dns-zone-location']);
  });

  test('cloud reaches the check: Azure Government zone names differ', () => {
    const workspace = temporaryRepo('action', { 'infra/data.bicep': cloudSensitiveTemplate });
    const inputs = { ...ourStep?.with, 'fail-on': 'warning' };
    assert.equal(runAction(workspace, { ...inputs, cloud: 'AzureCloud' }).exitCode, 0);
    const government = runAction(workspace, { ...inputs, cloud: 'AzureUSGovernment' });
    assert.equal(government.exitCode, 1, government.log);
    assert.deepEqual(readSarif(path.join(workspace, 'vnet-lens.sarif')).ruleIds, ['pe-dns-zone-mismatch']);
  });

  test('several paths (spaces or new lines) and another SARIF file name', () => {
    const workspace = temporaryRepo('action', {
      'a/one.bicep': errorTemplate,
      'b/two.bicep': warningTemplate,
      'c/three.bicep': errorTemplate,
    });
    fs.mkdirSync(path.join(workspace, 'out'));
    const again = runAction(workspace, { paths: 'a\nb', 'fail-on': 'none', 'sarif-file': 'out/results.sarif' });
    assert.equal(again.exitCode, 0, again.log);
    assert.equal(again.actionOutputs?.['sarif-file'], 'out/results.sarif');
    assert.deepEqual(readSarif(path.join(workspace, 'out/results.sarif')).ruleIds.sort(), [
      'dns-zone-location',
      'subnet-outside-vnet',
    ]);
  });

  test('an unknown fail-on level is a usage error (exit 2), not a pass', () => {
    const workspace = temporaryRepo('action', { 'infra/network.bicep': cleanTemplate });
    const run = runAction(workspace, { ...ourStep?.with, 'fail-on': 'sometimes' });
    assert.equal(run.exitCode, 2, run.log);
    assert.match(run.log, /--fail-on/);
  });
});
