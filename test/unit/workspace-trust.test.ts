// The manifest states how VNet Lens behaves in untrusted and virtual workspaces: in an untrusted
// workspace VS Code ignores the workspace's value of each restricted setting, so a repository cannot
// turn on vnetLens.allowFilesOutsideWorkspace for itself. The server reads that setting strictly.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { defaultSettings, readSettings } from '../../server/src/lsp/settings';
import { repoRoot } from '../support/paths';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const settings: Record<string, { type?: string; default?: unknown; description?: string }> =
  manifest.contributes.configuration.properties;

test('untrusted workspaces: limited support, restricting exactly the outside-files setting', () => {
  const { untrustedWorkspaces } = manifest.capabilities;
  assert.deepEqual(Object.keys(untrustedWorkspaces).sort(), ['description', 'restrictedConfigurations', 'supported']);
  assert.equal(untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(untrustedWorkspaces.restrictedConfigurations, ['vnetLens.allowFilesOutsideWorkspace']);
  assert.match(untrustedWorkspaces.description, /vnetLens\.allowFilesOutsideWorkspace/);
  assert.match(untrustedWorkspaces.description, /\.$/);
});

test('every restricted configuration is a contributed setting', () => {
  for (const id of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations) {
    assert.ok(settings[id], `${id} is in contributes.configuration`);
  }
});

test('virtual workspaces are not supported, with the reason', () => {
  const { virtualWorkspaces } = manifest.capabilities;
  assert.equal(virtualWorkspaces.supported, false);
  assert.match(virtualWorkspaces.description, /disk/);
});

test('vnetLens.allowFilesOutsideWorkspace: a boolean, off by default, described', () => {
  const setting = settings['vnetLens.allowFilesOutsideWorkspace'];
  assert.equal(setting.type, 'boolean');
  assert.equal(setting.default, false);
  assert.match(setting.description ?? '', /outside the workspace folders/);
  assert.equal(defaultSettings.allowFilesOutsideWorkspace, false);
});

test('the server turns it on only for exactly true', () => {
  assert.equal(readSettings({ allowFilesOutsideWorkspace: true }).allowFilesOutsideWorkspace, true);
  for (const value of [false, 'true', 1, null, undefined, {}]) {
    assert.equal(
      readSettings({ allowFilesOutsideWorkspace: value }).allowFilesOutsideWorkspace,
      false,
      JSON.stringify(value),
    );
  }
  assert.equal(readSettings(null).allowFilesOutsideWorkspace, false);
});
