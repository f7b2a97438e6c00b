// The rule harness itself: an invalid case fails when a fix it is offered has no expected text, when
// its expected text differs from what the fix writes, when it expects a text no fix writes, and when
// a fix adds a finding the case does not name; edited() fails on an edit of text the code lacks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import subnetCidrInvalid from '../../../server/src/rules/subnet-cidr-invalid';
import { checkInvalidCase, edited, type InvalidCase } from '../../support/rule-test';

const subnet = (prefix: string) => `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [ { name: 'snet-a', properties: { addressPrefix: ${prefix} } } ]
  }
}
`;
/** Host bits set: the rule offers use-network-address, which writes '10.0.1.0/24'. */
const hostBits: InvalidCase = {
  name: 'host bits',
  code: subnet("[|'10.0.1.10/24'|]"),
  errors: [{ messageId: 'hostBits' }],
};
/** A malformed prefix: the rule reports it and offers no fix. */
const malformed: InvalidCase = {
  name: 'malformed',
  code: subnet("[|'10.0.0.0/33'|]"),
  errors: [{ messageId: 'malformed' }],
};
const rejects = (invalid: InvalidCase, message: RegExp) =>
  assert.rejects(checkInvalidCase(subnetCidrInvalid, invalid), message);

test('a case whose finding offers a fix must give its expected output; the failure shows what the fix writes', async () => {
  await rejects(hostBits, /expects no fix, but 1 are offered[\s\S]*addressPrefix: '10\.0\.1\.0\/24'/);
  await rejects({ ...hostBits, output: null }, /expects no fix, but 1 are offered/);
});

test('the expected output must be the whole text the fix writes, whether written out or as edits', async () => {
  await checkInvalidCase(subnetCidrInvalid, { ...hostBits, output: subnet("'10.0.1.0/24'") });
  await checkInvalidCase(subnetCidrInvalid, { ...hostBits, output: edited(['10.0.1.10', '10.0.1.0']) });
  await rejects({ ...hostBits, output: subnet("'10.0.1.1/24'") }, /the preferred fix: text of main\.bicep/);
  await rejects({ ...hostBits, output: edited(['10.0.1.10', '10.0.0.0']) }, /the preferred fix: text of main\.bicep/);
  await rejects(
    { ...hostBits, output: edited(['10.9.9.9', '10.0.1.0']) },
    /edits '10\.9\.9\.9', which the code does not hold/,
  );
  await rejects({ ...hostBits, output: edited(['10.0.1.10', '10.0.1.0']), fixTitle: /^Remove/ }, /match/);
});

test('an expected output without a fix fails; null and no output pass when none is offered', async () => {
  await rejects({ ...malformed, output: subnet("'10.0.0.0/24'") }, /gives an output, but no preferred fix is offered/);
  await checkInvalidCase(subnetCidrInvalid, { ...malformed, output: null });
  await checkInvalidCase(subnetCidrInvalid, malformed);
});

test('a fix that lets another finding appear fails unless the case names that rule', async () => {
  await rejects(
    { ...hostBits, output: edited(['10.0.1.10', '10.0.1.0']), reveals: ['subnet-overlap'] },
    /adds no finding of any rule but the ones the case names/,
  );
  await rejects(
    { ...hostBits, output: edited(['10.0.1.10', '10.0.1.0']), alternatives: { 'Some other fix': '' } },
    /the alternative 'Some other fix' is not offered/,
  );
});
