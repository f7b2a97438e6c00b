// What an ARM nested deployment passes its template (evaluate/arm/nested.ts): each `{ value }` is
// evaluated when the template first reads it, with ARM's meaning kept: a value passed as null deploys
// the parameter's default, a Key Vault `{ reference }` is unknown, and `parameters` written as an
// expression (or with a property `copy` loop) is evaluated whole.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateArmDeployment } from '../../server/src/evaluate/arm';
import { environmentValue } from '../../server/src/engine/environment';
import { displayValue } from '../../server/src/model/json';
import { innerDeployment, templateObject } from '../support/arm-fixtures';
import { fixtureRoot, fixtureSource } from '../support/fixture';

const options = { cloud: 'AzureCloud' as const, environment: environmentValue('AzureCloud') };

/** A template whose nested deployment is passed `parameters` and names one zone per parameter it declares. */
async function zoneNames(parameters: unknown, variables: object = {}): Promise<string[]> {
  const inner = templateObject({
    parameters: {
      plain: { type: 'string', defaultValue: 'default-plain' },
      secret: { type: 'string', defaultValue: 'default-secret' },
    },
    resources: ['plain', 'secret'].map((name) => ({
      type: 'Microsoft.Network/privateDnsZones',
      apiVersion: '2024-06-01',
      name: `[parameters('${name}')]`,
      location: 'global',
    })),
  });
  const main = templateObject({ variables, resources: [innerDeployment('zones', inner, parameters)] });
  const files = new Map([[`${fixtureRoot}main.json`, JSON.stringify(main)]]);
  const result = await evaluateArmDeployment(`${fixtureRoot}main.json`, fixtureSource(files), options);
  return result.resources.map((decl) => displayValue(decl.name));
}

test('a value passed as null deploys the default; a Key Vault reference is unknown', async () => {
  const names = await zoneNames({
    plain: { value: null },
    secret: { reference: { keyVault: { id: 'kv' }, secretName: 's' } },
  });
  assert.equal(names[0], 'default-plain');
  assert.match(names[1], /keyVaultReference/);
});

test('a value is read case-insensitively, as ARM reads it', async () => {
  assert.deepEqual(await zoneNames({ Plain: { Value: 'given-plain' }, secret: { value: 'given-secret' } }), [
    'given-plain',
    'given-secret',
  ]);
});

test('parameters written as an expression, or with a copy loop, are evaluated whole', async () => {
  const fromVariable = await zoneNames("[variables('passed')]", {
    passed: { plain: { value: 'var-plain' }, secret: { value: 'var-secret' } },
  });
  assert.deepEqual(fromVariable, ['var-plain', 'var-secret']);
  const copied = await zoneNames({
    secret: { value: 'given-secret' },
    copy: [{ name: 'plain', count: 1, input: "[createObject('value', 'copied')]" }],
  });
  assert.equal(copied[1], 'given-secret');
});
