// Cross-checks the project's own resource-type facts against the official Bicep type data in
// ../shared/bicep-types (Azure/bicep-types-az, read with @azure/bicep-types' readTypesJson): every declared
// type@version, property path, flag, enum value and cited description sentence; the newest stable API
// versions; the public-access values; the route hop types.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  readTypesJson,
  TypeBaseKind,
  type BicepType,
  type ObjectTypeProperty,
  type TypeReference,
} from '@azure/bicep-types';
import { apiVersionTypes, latestStableApiVersion } from '../../server/src/facts/api-versions';
import { publicAccessTypes, publicAccessFacts } from '../../server/src/facts/public-access';
import { hopTypesWithoutNextHopIpAddress, nextHopIpAddressHopType } from '../../server/src/facts/routes';
import { policySchemaValues, policyProperties } from '../../server/src/facts/subnet-policies';
import { declaredApiVersions, enumValues, isDeclared, propertyInfo } from '../../server/src/facts/type-facts';
import { repoRoot, sharedRoot } from '../support/paths';

interface Source {
  readonly types: BicepType[];
  readonly file: string;
}

const officialRoot = path.join(sharedRoot, 'bicep-types');
const official = new Map<string, Source & { body: TypeReference; readable: number; writable: number }>();
for (const line of fs.readFileSync(path.join(officialRoot, 'MANIFEST.tsv'), 'utf8').split('\n')) {
  const file = line.split('\t')[0];
  if (!file) continue;
  const types = readTypesJson(fs.readFileSync(path.join(officialRoot, file), 'utf8'));
  for (const type of types) {
    if (type.type === TypeBaseKind.ResourceType) {
      official.set(type.name.toLowerCase(), {
        types,
        file,
        body: type.body,
        readable: type.readableScopes,
        writable: type.writableScopes,
      });
    }
  }
}

const ours = readTypesJson(fs.readFileSync(path.join(repoRoot, 'server/src/facts/generated/types.json'), 'utf8'));
const ourResources = ours.flatMap((t) => (t.type === TypeBaseKind.ResourceType ? [t] : []));

/** Compares one declared type with the official one at `where`; returns the number of checks made. */
function compare(mine: TypeReference, theirs: TypeReference, theirTypes: BicepType[], where: string): number {
  const a = ours[mine.index]!;
  const b = theirTypes[theirs.index]!;
  const literals = (t: BicepType, types: BicepType[]) =>
    t.type === TypeBaseKind.UnionType
      ? t.elements
          .flatMap((e) => {
            const m = types[e.index]!;
            return m.type === TypeBaseKind.StringLiteralType ? [m.value] : [];
          })
          .sort()
      : [];
  const isOpen = (t: BicepType, types: BicepType[]) =>
    t.type === TypeBaseKind.UnionType && t.elements.some((e) => types[e.index]!.type === TypeBaseKind.StringType);
  switch (a.type) {
    case TypeBaseKind.UnionType:
      assert.equal(b.type, TypeBaseKind.UnionType, `${where}: official is ${b.type}, not an enum`);
      assert.deepEqual(literals(a, ours), literals(b, theirTypes), `${where}: enum values`);
      assert.equal(isOpen(a, ours), isOpen(b, theirTypes), `${where}: enum openness`);
      return 1;
    case TypeBaseKind.StringLiteralType:
      assert.ok(b.type === TypeBaseKind.StringLiteralType && b.value === a.value, `${where}: literal ${a.value}`);
      return 1;
    case TypeBaseKind.ArrayType:
      assert.equal(b.type, TypeBaseKind.ArrayType, `${where}: official is ${b.type}, not an array`);
      return 1 + compare(a.itemType, (b as { itemType: TypeReference }).itemType, theirTypes, `${where}[]`);
    case TypeBaseKind.ObjectType: {
      const props: Record<string, ObjectTypeProperty> | undefined =
        b.type === TypeBaseKind.ObjectType
          ? b.properties
          : b.type === TypeBaseKind.DiscriminatedObjectType
            ? b.baseProperties
            : undefined;
      assert.ok(props, `${where}: official is ${b.type}, not an object`);
      let checks = 1;
      for (const [name, property] of Object.entries(a.properties)) {
        const at = `${where}.${name}`;
        const theirProperty: ObjectTypeProperty | undefined = props[name];
        assert.ok(theirProperty, `${at}: path missing in the official data`);
        assert.equal(
          property.flags & theirProperty.flags,
          property.flags,
          `${at}: flags ${property.flags} not in official ${theirProperty.flags}`,
        );
        if (property.description) {
          assert.ok(
            theirProperty.description?.includes(property.description),
            `${at}: official description lacks "${property.description}"`,
          );
        }
        checks += 1 + compare(property.type, theirProperty.type, theirTypes, at);
      }
      return checks;
    }
    default:
      assert.equal(b.type, a.type, `${where}: kind`);
      return 1;
  }
}

test('every declared type@version exists in the official data with the same scopes', () => {
  assert.ok(ourResources.length >= 30, `declared resources: ${ourResources.length}`);
  for (const resource of ourResources) {
    const theirs = official.get(resource.name.toLowerCase());
    assert.ok(theirs, `${resource.name} is not in ../shared/bicep-types`);
    assert.equal(resource.readableScopes, theirs.readable, `${resource.name} readable scopes`);
    assert.equal(resource.writableScopes, theirs.writable, `${resource.name} writable scopes`);
  }
});

test('every declared path, flag, enum value and cited description matches the official data', () => {
  let checks = 0;
  for (const resource of ourResources) {
    const theirs = official.get(resource.name.toLowerCase())!;
    checks += compare(resource.body, theirs.body, theirs.types, resource.name);
  }
  assert.ok(checks > 500, `checks made: ${checks}`);
});

test('subnet policy values per API version agree with the declared and official enums', () => {
  const versions = declaredApiVersions('Microsoft.Network/virtualNetworks/subnets');
  assert.deepEqual(versions, ['2020-07-01', '2023-11-01', '2025-09-01']);
  for (const version of versions) {
    for (const property of policyProperties) {
      const declared = enumValues('Microsoft.Network/virtualNetworks/subnets', version, `properties.${property}`);
      assert.deepEqual(
        [...(declared?.values ?? [])].sort(),
        [...(policySchemaValues(property, version) ?? [])].sort(),
        `${property}@${version}`,
      );
      assert.equal(declared?.open, true);
    }
  }
  assert.deepEqual(
    enumValues(
      'Microsoft.Network/virtualNetworks',
      '2020-07-01',
      'properties.subnets[].properties.privateEndpointNetworkPolicies',
    )?.values,
    ['Enabled', 'Disabled'],
  );
});

test('newest stable API versions exist in the official data wherever it holds that provider version', () => {
  let checked = 0;
  for (const type of apiVersionTypes) {
    const version = latestStableApiVersion(type)!;
    const namespace = type.split('/')[0]!.toLowerCase();
    const sameFile = [...official.entries()].some(
      ([name]) => name.startsWith(`${namespace}/`) && name.endsWith(`@${version}`),
    );
    if (!sameFile) continue;
    assert.ok(official.has(`${type}@${version}`.toLowerCase()), `${type}@${version} missing from the official data`);
    checked++;
  }
  assert.ok(checked >= 20, `types checked: ${checked}`);
});

test('public-access settings agree with the official data where it has the type', () => {
  let checked = 0;
  for (const type of publicAccessTypes) {
    const facts = publicAccessFacts(type)!;
    const version = facts.apiVersion ?? declaredApiVersions(type).at(-1);
    const theirs = version && official.get(`${type}@${version}`.toLowerCase());
    if (!theirs) continue;
    assert.ok(isDeclared(type, version), `${type}@${version} has official data but no declaration`);
    for (const setting of facts.settings) {
      const info = propertyInfo(type, version, setting.path);
      assert.ok(info, `${type} ${setting.path} not declared`);
      const values = [...setting.disabling, ...setting.enabling];
      if (values.every((v) => typeof v === 'boolean')) assert.equal(info.kind, 'bool', `${type} ${setting.path}`);
      else if (info.kind === 'enum')
        for (const v of values) assert.ok(info.values.includes(String(v)), `${type} ${setting.path}: ${v} not in enum`);
      else
        assert.ok(
          setting.enabling.length === 0 || propertyHasDescription(type, version, setting.path),
          `${type} ${setting.path}: enabling value without a source`,
        );
      checked++;
    }
  }
  assert.ok(checked >= 13, `settings checked: ${checked}`);
});

function propertyHasDescription(type: string, version: string, dotted: string): boolean {
  const resource = ourResources.find((r) => r.name.toLowerCase() === `${type}@${version}`.toLowerCase())!;
  let ref = resource.body;
  let property: ObjectTypeProperty | undefined;
  for (const segment of dotted.split('.')) {
    const object = ours[ref.index]!;
    if (object.type !== TypeBaseKind.ObjectType) return false;
    property = object.properties[segment];
    if (!property) return false;
    ref = property.type;
  }
  return Boolean(property?.description);
}

test('route hop types without a next hop address are official hop types in every declared version', () => {
  for (const version of declaredApiVersions('Microsoft.Network/routeTables/routes')) {
    const hopTypes =
      enumValues('Microsoft.Network/routeTables/routes', version, 'properties.nextHopType')?.values ?? [];
    for (const hop of [...hopTypesWithoutNextHopIpAddress, nextHopIpAddressHopType])
      assert.ok(hopTypes.includes(hop), `${hop}@${version}`);
  }
});
