// Helpers the endpoint, policy and routing rules share: subnet names and anchors, properties that may
// be unknown, and whether a subnet certainly attaches an NSG or route table.
// Invariants: every question answers "certain" or "cannot tell"; a caller reports only on certain.
import {
  isObject,
  PartialString,
  type NetworkModel,
  type PrivateEndpoint,
  type ResourceDecl,
  type Subnet,
  type Target,
  type Value,
} from '../../model';
import { label } from './certain';
import type { Anchor } from './rule';

/** A property read from a value that may not be known: `undefined` = cannot tell (unknown container). */
export type Lookup = { present: false } | { present: true; value: Value };

export function lookup(container: Value | undefined, path: string): Lookup | undefined {
  const steps = path.split('.');
  let current: Value | undefined = container;
  for (const step of steps) {
    if (!isObject(current)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, step)) return { present: false };
    current = current[step];
  }
  return { present: true, value: current as Value };
}

/**
 * A subnet's own name: the inline `name`, or the last segment of a child resource's `vnet/subnet`
 * name (known when the text after the last unknown part holds a '/').
 */
export function subnetName(subnet: Subnet): string | undefined {
  if (subnet.inline) return typeof subnet.name === 'string' ? subnet.name : undefined;
  return lastSegment(subnet.name);
}

/** The text after the last '/', when the value's final literal part contains one. */
export function lastSegment(value: Value | undefined): string | undefined {
  const tail = typeof value === 'string' ? value : value instanceof PartialString ? value.parts.at(-1) : undefined;
  if (typeof tail !== 'string') return undefined;
  const cut = tail.lastIndexOf('/');
  if (cut < 0) return typeof value === 'string' && value !== '' ? value : undefined;
  const segment = tail.slice(cut + 1);
  return segment === '' ? undefined : segment;
}

/** The subnet name a subnet id certainly ends with (`…/subnets/<name>`), or undefined. */
export function subnetNameFromId(id: Value | undefined): string | undefined {
  const tail = typeof id === 'string' ? id : id instanceof PartialString ? id.parts.at(-1) : undefined;
  if (typeof tail !== 'string') return undefined;
  return /\/subnets\/([^/]+)$/i.exec(tail)?.[1];
}

/** How messages name a subnet: `'snet-pe' in VNet 'vnet-spoke'` when both are known. */
export function subnetLabel(subnet: Subnet): string {
  const name = subnetName(subnet) ?? label(subnet);
  return subnet.vnet ? `'${name}' in VNet '${label(subnet.vnet)}'` : `'${name}'`;
}

/**
 * Where a subnet finding points (DESIGN §3 "subnet"): a child subnet resource's declaration, or the
 * `name` of an inline subnet inside its VNet (a short range that still says which subnet).
 */
export function subnetAnchor(subnet: Subnet): Anchor {
  return subnet.inline ? { decl: subnet.decl, path: `${subnet.path}.name` } : { decl: subnet.decl };
}

/** The path of a property of the subnet relative to its declaration. */
export function subnetPropertyPath(subnet: Subnet, property: string): string {
  return subnet.propertiesPath ? `${subnet.propertiesPath}.${property}` : property;
}

/**
 * Whether the subnet certainly attaches an NSG or a route table: true for a reference to a declared
 * resource or an id that is certainly a non-empty string; false when the property is absent or null;
 * 'unknown' when the properties or the id are not known (a conditional `null` stays possible).
 */
export function attaches(subnet: Subnet, property: 'networkSecurityGroup' | 'routeTable'): boolean | 'unknown' {
  const found = lookup(subnet.properties, property);
  if (!found) return 'unknown';
  if (!found.present || found.value === null) return false;
  const reference = property === 'networkSecurityGroup' ? subnet.nsg : subnet.routeTable;
  if (reference?.resolved) return true;
  if (!isObject(found.value)) return 'unknown';
  const id = found.value.id;
  if (typeof id === 'string') return id.trim() === '' ? 'unknown' : true;
  return id instanceof PartialString ? true : 'unknown';
}

/** The declaration of the attached NSG or route table, when it resolves to one in the set. */
export function attachedDecl(
  subnet: Subnet,
  property: 'networkSecurityGroup' | 'routeTable',
): { decl: ResourceDecl; name: string } | undefined {
  const reference = property === 'networkSecurityGroup' ? subnet.nsg : subnet.routeTable;
  return reference?.resolved ? { decl: reference.target.decl, name: label(reference.target) } : undefined;
}

/** The model's private endpoints with a connection that resolves to `target`, whatever their condition. */
export function endpointsConnectingTo(model: NetworkModel, target: Target): PrivateEndpoint[] {
  return model.privateEndpoints.filter((endpoint) =>
    endpoint.connections.some((connection) => connection.target?.resolved && connection.target.target === target),
  );
}
