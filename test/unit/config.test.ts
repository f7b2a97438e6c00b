// vnetlens.json: validated against the shipped schema with ajv; a bad file gives located errors
// and the defaults apply.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConfig } from '../../server/src/engine/config';

test('a valid file gives its cloud and rule levels', () => {
  const { config, errors } = readConfig(
    '{\n  // comments are fine\n  "cloud": "AzureChinaCloud",\n  "rules": { "dns-zone-location": "error", "peering-self": "off" },\n}',
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(config, {
    cloud: 'AzureChinaCloud',
    rules: { 'dns-zone-location': 'error', 'peering-self': 'off' },
  });
});

test('an unknown rule id is reported at its key, and defaults apply', () => {
  const text = '{ "rules": { "no-such-rule": "error" } }';
  const { config, errors } = readConfig(text);
  assert.deepEqual(config, { rules: {} });
  assert.equal(errors.length, 1);
  assert.equal(text.slice(errors[0].start, errors[0].end), '"no-such-rule": "error"');
  assert.match(errors[0].message, /'no-such-rule' is not a known setting or rule id/);
});

test('a bad level is reported at the value with the allowed values', () => {
  const text = '{ "rules": { "subnet-overlap": "fatal" } }';
  const { errors } = readConfig(text);
  assert.equal(text.slice(errors[0].start, errors[0].end), '"fatal"');
  assert.match(errors[0].message, /must be one of "off", "info", "warning", "error"/);
});

test('broken JSON is one clear error, never a throw', () => {
  for (const text of ['', '{', '{ "rules": ', '[1, 2', 'null']) {
    const { config, errors } = readConfig(text);
    assert.deepEqual(config.rules, {});
    assert.ok(errors.length >= 1, JSON.stringify(text));
  }
});
