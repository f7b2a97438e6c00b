// The README's Azure DevOps pipeline: parsed, its check step run in bash with the agent's
// $(…) macros expanded, and the SARIF log found where the CodeAnalysisLogs artifact publishes from.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { readmeRecipe, readSarif, removeTemporaryDirs, temporaryRepo } from '../support/ci-recipes';
import { cleanTemplate, errorTemplate } from '../support/ci-templates';
import { repoRoot } from '../support/paths';

after(removeTemporaryDirs);

interface PipelineStep {
  script?: string;
  displayName?: string;
  workingDirectory?: string;
  task?: string;
  condition?: string;
  inputs?: Record<string, string>;
}
const pipeline = readmeRecipe('azure-pipelines.yml').parsed as {
  variables: Record<string, string>;
  steps: PipelineStep[];
};
const install = pipeline.steps.find((step) => step.displayName === 'Install VNet Lens');
const check = pipeline.steps.find((step) => step.displayName === 'Check Bicep and ARM templates');
const publish = pipeline.steps.find((step) => step.task?.startsWith('PublishBuildArtifacts@'));

/** The agent's macro expansion: $(name) from the given variables; an unknown macro fails the test. */
function expand(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\(([\w.]+)\)/g, (whole, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new Error(`the test does not know the macro ${whole}`);
    return value;
  });
}

/** Runs the check step on a checked-out repository; the install step's clone is this repository. */
function runCheck(files: Record<string, string>) {
  const sources = temporaryRepo('ado-sources', files);
  const agentTemp = temporaryRepo('ado-agent-temp');
  fs.symlinkSync(repoRoot, path.join(agentTemp, 'vnet-lens'));
  const staging = temporaryRepo('ado-staging');
  const variables = {
    ...pipeline.variables,
    'Agent.TempDirectory': agentTemp,
    'Build.ArtifactStagingDirectory': staging,
    'Build.SourcesDirectory': sources,
  };
  const script = path.join(agentTemp, 'check.sh');
  fs.writeFileSync(script, expand(check?.script ?? '', variables));
  // How the agent runs a `script` step on Linux: bash, without profile or rc files.
  const result = spawnSync('bash', ['--noprofile', '--norc', script], {
    cwd: expand(check?.workingDirectory ?? '', variables),
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      PATH: process.env.PATH,
      HOME: agentTemp,
      TF_BUILD: 'True',
      AGENT_TEMPDIRECTORY: agentTemp,
      BUILD_ARTIFACTSTAGINGDIRECTORY: staging,
      BUILD_SOURCESDIRECTORY: sources,
    },
  });
  const published = expand(publish?.inputs?.PathtoPublish ?? '', variables);
  return { exitCode: result.status, log: result.stdout + result.stderr, published };
}

describe('the Azure DevOps pipeline in the README', () => {
  test('installs from the named repository and publishes a CodeAnalysisLogs artifact even when the check fails', () => {
    assert.ok(install && check && publish, 'install, check and publish steps');
    assert.match(
      install.script ?? '',
      /git clone --depth 1 --branch "\$\(vnetLensRef\)" "\$\(vnetLensRepo\)" "\$\(Agent\.TempDirectory\)\/vnet-lens"/,
    );
    assert.match(install.script ?? '', /npm ci/);
    assert.ok(pipeline.variables.vnetLensRepo && pipeline.variables.vnetLensRef);
    assert.equal(publish.inputs?.ArtifactName, 'CodeAnalysisLogs');
    assert.equal(publish.condition, 'succeededOrFailed()');
    assert.ok(pipeline.steps.indexOf(check) < pipeline.steps.indexOf(publish));
  });

  test('an error fails the check step, and the published folder holds its SARIF 2.1.0 log', () => {
    const run = runCheck({ 'infra/network.bicep': errorTemplate, 'modules/unused.bicep': errorTemplate });
    assert.equal(run.exitCode, 1, run.log);
    assert.match(run.log, /infra\/network\.bicep:14:26: error subnet-outside-vnet/, 'the build log shows the finding');
    const sarifFiles = fs.readdirSync(run.published).filter((file) => file.endsWith('.sarif'));
    assert.deepEqual(sarifFiles, ['vnet-lens.sarif']);
    assert.deepEqual(readSarif(path.join(run.published, 'vnet-lens.sarif')).ruleIds, ['subnet-outside-vnet']);
  });

  test('a clean repository passes with an empty SARIF log', () => {
    const run = runCheck({ 'infra/network.bicep': cleanTemplate });
    assert.equal(run.exitCode, 0, run.log);
    assert.deepEqual(readSarif(path.join(run.published, 'vnet-lens.sarif')).ruleIds, []);
  });
});
