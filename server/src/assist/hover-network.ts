// Hover text for subnets, peerings and virtual networks: address ranges with the usable addresses Azure
// leaves (size − 5, FACTS §7), the private endpoints in a subnet, a peering's remote VNet, its reverse and
// the flags on both sides.
// Invariants: arithmetic only on prefixes known as text; usable addresses only for IPv4 (FACTS §7 states
// the reserved five for IPv4 subnets); a flag that is not written is "not set", one not known is shown as is.
import { peeringFlags, reservedAddressesPerSubnet, reversePeeringFlag, usableIpv4Addresses } from '../facts';
import { formatIp, lastAddress, parseCidr, size } from '../evaluate/cidr';
import {
  at,
  asWritten,
  isObject,
  type NetworkModel,
  type Peering,
  type Subnet,
  type Value,
  type VirtualNetwork,
} from '../model';
import { localVnet, nameOf, reversePeerings, shorten } from './lookup';
import { bullet, code, codeList, plural, symbolNote } from './markdown';

/** `name` in VNet `vnet` (prefix), for other hovers. */
export function subnetSummary(subnet: Subnet): string {
  const prefixes = subnet.prefixes.map((prefix) => code(shorten(asWritten(prefix))));
  return `${code(nameOf(subnet))}${subnet.vnet ? ` in VNet ${code(nameOf(subnet.vnet))}` : ''}${prefixes.length > 0 ? ` (${prefixes.join(', ')})` : ''}`;
}

/** What a prefix spans and what Azure leaves usable in it. */
export function prefixLines(prefix: Value): string[] {
  if (typeof prefix !== 'string') return [bullet('Address range', `${code(shorten(asWritten(prefix)))} (not known)`)];
  const cidr = parseCidr(prefix);
  if (!cidr) return [bullet('Address range', `${code(prefix)} (not a valid CIDR prefix)`)];
  const first = formatIp(cidr.version, cidr.network);
  const last = formatIp(cidr.version, lastAddress(cidr));
  const range = bullet(
    'Address range',
    `${code(prefix)}: ${code(first)} to ${code(last)} (${size(cidr).toLocaleString('en-US')} addresses)`,
  );
  if (cidr.version === 6) return [range];
  const usable = usableIpv4Addresses(cidr.prefix);
  if (usable === 0)
    return [range, bullet('Usable', `none (Azure reserves ${reservedAddressesPerSubnet} addresses per subnet)`)];
  // FACTS §7: the first four addresses (network, gateway, two for DNS) and the last (broadcast) are reserved.
  const firstUsable = formatIp(4, cidr.network + 4n);
  const lastUsable = formatIp(4, lastAddress(cidr) - 1n);
  return [
    range,
    bullet(
      'Usable',
      `${code(firstUsable)} to ${code(lastUsable)}: ${plural(usable, 'address', 'addresses')} (Azure reserves ${reservedAddressesPerSubnet})`,
    ),
  ];
}

export function subnetHover(subnet: Subnet): string {
  const shown = nameOf(subnet);
  const lines = [
    `**Subnet** ${code(shown)}${subnet.vnet ? ` in VNet ${code(nameOf(subnet.vnet))}` : ''}${symbolNote(subnet, shown)}`,
    '',
  ];
  if (subnet.prefixes.length === 0)
    lines.push(bullet('Address range', isObject(subnet.properties) ? 'not set' : 'not known'));
  for (const prefix of subnet.prefixes) lines.push(...prefixLines(prefix));
  const endpoints = subnet.privateEndpoints.map((endpoint) => nameOf(endpoint));
  lines.push(
    bullet(
      `Private endpoints (${endpoints.length})`,
      endpoints.length > 0 ? codeList(endpoints) : 'none in the analysed files',
    ),
  );
  const attached = [
    subnet.nsg
      ? `NSG ${subnet.nsg.resolved ? code(nameOf(subnet.nsg.target)) : code(shorten(asWritten(subnet.nsg.value)))}`
      : '',
    subnet.routeTable
      ? `route table ${subnet.routeTable.resolved ? code(nameOf(subnet.routeTable.target)) : code(shorten(asWritten(subnet.routeTable.value)))}`
      : '',
  ].filter(Boolean);
  if (attached.length > 0) lines.push(bullet('Attached', attached.join(', ')));
  for (const policy of ['privateEndpointNetworkPolicies', 'privateLinkServiceNetworkPolicies']) {
    const value = at(subnet.properties, policy);
    if (value !== undefined) lines.push(bullet(policy, code(shorten(asWritten(value)))));
  }
  return lines.join('\n');
}

function flagText(properties: Value | undefined, flag: string): string {
  if (!isObject(properties)) return 'not known';
  const value = at(properties, flag);
  if (value === undefined) return 'not set';
  return typeof value === 'boolean' ? String(value) : code(shorten(asWritten(value)));
}

export function peeringHover(model: NetworkModel, peering: Peering): string {
  const shown = nameOf(peering);
  const local = localVnet(model, peering);
  const remote = peering.remote?.resolved
    ? code(nameOf(peering.remote.target))
    : peering.remote
      ? `${code(shorten(asWritten(peering.remote.value)))} (not declared in the analysed files)`
      : 'not set';
  const lines = [`**VNet peering** ${code(shown)}${symbolNote(peering, shown)}`, ''];
  lines.push(bullet('From → to', `${local ? code(nameOf(local)) : 'its VNet'} → ${remote}`));
  const reverse = reversePeerings(model, peering);
  let other: Peering | undefined;
  if (reverse.kind === 'found') {
    other = reverse.peerings[0];
    lines.push(bullet('Reverse peering', `✓ ${codeList(reverse.peerings.map((p) => nameOf(p)))}`));
  } else if (reverse.kind === 'missing') {
    lines.push(
      bullet(
        'Reverse peering',
        `✗ none: ${code(nameOf(reverse.remote))} has no peering back, so this one stays *Initiated* and no traffic flows`,
      ),
    );
  } else {
    lines.push(bullet('Reverse peering', `cannot tell: ${reverse.reason}`));
  }
  lines.push('', `| Flag | This side | Reverse side |`, `|---|---|---|`);
  for (const flag of peeringFlags) {
    lines.push(
      `| \`${flag}\` | ${flagText(peering.properties, flag)} | ${other ? flagText(other.properties, flag) : '—'} |`,
    );
  }
  if (other)
    lines.push(
      '',
      `The reverse side mirrors \`allowVirtualNetworkAccess\` and \`allowForwardedTraffic\`; \`allowGatewayTransit\` pairs with \`${reversePeeringFlag('allowGatewayTransit')}\` on the other side.`,
    );
  return lines.join('\n');
}

export function vnetHover(vnet: VirtualNetwork): string {
  const shown = nameOf(vnet);
  const lines = [
    `**Virtual network** ${code(shown)}${vnet.decl.existing ? ' (existing)' : ''}${symbolNote(vnet, shown)}`,
    '',
  ];
  const space = vnet.addressPrefixes;
  const prefixes = Array.isArray(space)
    ? space.map((p: Value) => shorten(asWritten(p)))
    : space === undefined
      ? []
      : [shorten(asWritten(space))];
  lines.push(bullet('Address space', prefixes.length > 0 ? codeList(prefixes) : 'not known'));
  lines.push(
    bullet(
      `Subnets (${vnet.subnets.length})`,
      vnet.subnets.length > 0 ? vnet.subnets.map(subnetSummary).join(', ') : 'none in the analysed files',
    ),
  );
  const peerings = vnet.peerings.map((p) =>
    p.remote?.resolved ? `→ ${code(nameOf(p.remote.target))}` : `${code(nameOf(p))}`,
  );
  if (peerings.length > 0) lines.push(bullet(`Peerings (${peerings.length})`, peerings.join(', ')));
  lines.push(
    bullet(
      'DNS',
      vnet.dnsServers === undefined
        ? 'Azure-provided (linked private DNS zones answer)'
        : `custom servers ${code(shorten(asWritten(vnet.dnsServers)))}`,
    ),
  );
  return lines.join('\n');
}
