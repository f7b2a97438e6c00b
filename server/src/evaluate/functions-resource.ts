// Deployment and resource functions: resourceId and its scope variants, subscription(),
// resourceGroup(), deployment(), environment(), reference(), and the CIDR functions. Resource ids
// come out as (partly known) strings in canonical form, so ids built different ways compare equal.
import { describeCidr, hostAt, parseCidr, subnetAt } from './cidr';
import type { FunctionContext } from './functions';
import { asInteger, asString, unknownCall } from './functions-support';
import { concatStrings, fromJson, makeObject, Unknown, type Value } from './value';

type Fn = (args: readonly Value[], context: FunctionContext) => Value;

/** How many name segments a resource type needs: one per type segment after the namespace. */
function nameCountOf(type: string): number | undefined {
  const segments = type.split('/');
  if (segments.length < 2 || !segments[0].includes('.') || segments.some((segment) => segment === '')) return undefined;
  return segments.length - 1;
}

/** A resource type argument as ARM reads it: a trailing '/' (`'Microsoft.Network/virtualNetworks/'`) is accepted. */
function typeArgument(value: Value | undefined): string | undefined {
  return asString(value)?.replace(/\/+$/, '');
}

/** `{ns}/{t1}/{n1}/{t2}/{n2}` from a type and its names. */
function providerPath(type: string, names: readonly Value[]): Value[] {
  const [namespace, ...types] = type.split('/');
  const parts: Value[] = [namespace];
  types.forEach((segment, index) => parts.push(`/${segment}/`, names[index] ?? ''));
  return parts;
}

/**
 * Finds the resource type argument: the one whose name count matches the arguments after it.
 * Returns its index, or undefined when the call is not a well-formed resourceId.
 */
function typeIndex(args: readonly Value[], maxPrefix: number): number | undefined {
  for (let index = 0; index <= Math.min(maxPrefix, args.length - 1); index++) {
    const type = typeArgument(args[index]);
    const count = type === undefined ? undefined : nameCountOf(type);
    if (count !== undefined && args.length - 1 - index === count) return index;
  }
  return undefined;
}

const resourceId: Fn = (args, { scope }) => {
  const index = typeIndex(args, 2);
  if (index === undefined) return unknownCall('resourceId', args);
  const subscription = index === 2 ? args[0] : scope.subscriptionId;
  const group = index >= 1 ? args[index - 1] : scope.resourceGroupName;
  return concatStrings([
    '/subscriptions/',
    subscription,
    '/resourceGroups/',
    group,
    '/providers/',
    ...providerPath(typeArgument(args[index])!, args.slice(index + 1)),
  ]);
};

const subscriptionResourceId: Fn = (args, { scope }) => {
  const index = typeIndex(args, 1);
  if (index === undefined) return unknownCall('subscriptionResourceId', args);
  const subscription = index === 1 ? args[0] : scope.subscriptionId;
  return concatStrings([
    '/subscriptions/',
    subscription,
    '/providers/',
    ...providerPath(typeArgument(args[index])!, args.slice(index + 1)),
  ]);
};

const tenantResourceId: Fn = (args) => {
  const index = typeIndex(args, 0);
  if (index === undefined) return unknownCall('tenantResourceId', args);
  return concatStrings(['/providers/', ...providerPath(typeArgument(args[0])!, args.slice(1))]);
};

const extensionResourceId: Fn = (args) => {
  const [base, type, ...names] = args;
  const typeText = typeArgument(type);
  if (typeText === undefined || nameCountOf(typeText) !== names.length) return unknownCall('extensionResourceId', args);
  return concatStrings([base, '/providers/', ...providerPath(typeText, names)]);
};

const subscription: Fn = (_args, { scope }) =>
  makeObject([
    ['id', concatStrings(['/subscriptions/', scope.subscriptionId])],
    ['subscriptionId', scope.subscriptionId],
    ['tenantId', new Unknown('subscription().tenantId')],
    ['displayName', new Unknown('subscription().displayName')],
  ]);

const resourceGroup: Fn = (_args, { scope }) =>
  makeObject([
    ['id', concatStrings(['/subscriptions/', scope.subscriptionId, '/resourceGroups/', scope.resourceGroupName])],
    ['name', scope.resourceGroupName],
    ['location', scope.location],
    ['type', 'Microsoft.Resources/resourceGroups'],
    ['properties', makeObject([['provisioningState', 'Succeeded']])],
    ['tags', new Unknown('resourceGroup().tags')],
    ['managedBy', new Unknown('resourceGroup().managedBy')],
  ]);

const deployment: Fn = (_args, { scope }) =>
  makeObject([
    ['name', scope.deploymentName],
    ['location', scope.location],
    ['properties', new Unknown('deployment().properties')],
  ]);

const environment: Fn = (_args, { scope }) => scope.environment;

function cidrFunction(name: string, fn: (args: readonly Value[]) => Value | undefined): Fn {
  return (args) => fn(args) ?? unknownCall(name, args);
}

export const resourceFunctions: Record<string, Fn> = {
  resourceId,
  subscriptionResourceId,
  tenantResourceId,
  extensionResourceId,
  managementGroupResourceId: (args) => unknownCall('managementGroupResourceId', args),
  subscription,
  resourceGroup,
  deployment,
  environment,
  tenant: () => makeObject([['tenantId', new Unknown('tenant().tenantId')]]),
  managementGroup: (args) => unknownCall('managementGroup', args),
  reference: (args) => unknownCall('reference', args),
  listKeys: (args) => unknownCall('listKeys', args),
  parseCidr: cidrFunction('parseCidr', ([network]) => {
    const cidr = typeof network === 'string' ? parseCidr(network) : undefined;
    return cidr && fromJson(describeCidr(cidr));
  }),
  cidrSubnet: cidrFunction('cidrSubnet', ([network, prefix, index]) => {
    const cidr = typeof network === 'string' ? parseCidr(network) : undefined;
    const newPrefix = asInteger(prefix);
    const position = asInteger(index);
    return cidr && newPrefix !== undefined && position !== undefined ? subnetAt(cidr, newPrefix, position) : undefined;
  }),
  cidrHost: cidrFunction('cidrHost', ([network, index]) => {
    const cidr = typeof network === 'string' ? parseCidr(network) : undefined;
    const position = asInteger(index);
    return cidr && position !== undefined ? hostAt(cidr, position) : undefined;
  }),
};
