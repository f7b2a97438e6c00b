// subnet-cidr-invalid: an address prefix Azure cannot take. Certain cases, on a known string among the
// prefixes of a certainly deployed subnet or VNet address space this set creates: not CIDR notation (or
// an impossible address or length), host bits set (fix: the network address, when it keeps the written
// first octet), or wholly inside a range Azure forbids in a VNet (FACTS §7: multicast, broadcast,
// loopback, link-local, 168.63.129.16).
import { cidrOverlaps, formatCidr, parseCidr, type Cidr, type Subnet, type Value } from '../model';
import { forbiddenRangeOf, subnetPrefixes, vnetPrefixes, type PrefixEntry } from './support/address-prefixes';
import { certainlyCreatedAmong, certainlyDeployed, label } from './support/certain';
import { defineRule, type RuleContext, type RuleReport } from './support/rule';

export default defineRule({
  id: 'subnet-cidr-invalid',
  level: 'error',
  fixable: true,
  startsFrom: ['subnets', 'vnets'],
  description:
    'Subnet and virtual network address prefixes are valid CIDR network prefixes outside the ranges Azure reserves.',
  messages: {
    malformed:
      "{{owner}} '{{name}}' has the address prefix '{{prefix}}', which is not a valid CIDR prefix (address/length): Azure rejects the deployment.",
    hostBits:
      "{{owner}} '{{name}}' has the address prefix '{{prefix}}' with host bits set; the range it names starts at its network address '{{network}}', not at the address written, which is most likely not what was meant.",
    forbidden:
      "{{owner}} '{{name}}' has the address prefix '{{prefix}}', inside {{range}} ({{what}}), which Azure does not allow in a virtual network: the deployment fails.",
  },
  check({ model, report }: RuleContext) {
    for (const vnet of model.vnets) {
      if (!certainlyDeployed(vnet.decl)) continue;
      for (const item of vnetPrefixes(vnet)?.entries ?? [])
        checkPrefix(item, 'VNet', label(vnet), vnet.decl, report, []);
    }
    for (const subnet of certainlyCreatedAmong(model.subnets)) {
      for (const item of subnetPrefixes(subnet)?.entries ?? [])
        checkPrefix(item, 'Subnet', label(subnet), subnet.decl, report, () => siblingRanges(subnet));
    }
  },
});

function checkPrefix(
  item: PrefixEntry,
  owner: string,
  name: string,
  decl: RuleReport['at']['decl'],
  report: (r: RuleReport) => void,
  /** The ranges the network address must not meet (a subnet's siblings), found when a fix is considered. */
  taken: readonly Cidr[] | (() => readonly Cidr[]),
): void {
  // A prefix Azure accepts as written has its CIDR parsed (address-prefixes.ts): nothing to say of it,
  // and nothing to build for it (issue 16: nearly every prefix, on every analysis).
  if (item.cidr) return;
  const text: Value = item.value;
  // An empty prefix is a placeholder (a parameter default of '' that callers fill in), not a prefix
  // anyone meant to deploy: saying it is malformed would judge the placeholder, not the template.
  if (typeof text !== 'string' || text.trim() === '') return;
  const at = { decl, path: item.path };
  const data = { owner, name, prefix: text };
  const cidr = parseCidr(text);
  if (!cidr) {
    report({ messageId: 'malformed', data, at });
    return;
  }
  if (cidr.hostBitsSet) {
    const network = formatCidr(cidr.version, cidr.network, cidr.prefix);
    report({
      messageId: 'hostBits',
      data: { ...data, network },
      at,
      ...(keepsLeadingBlock(cidr) && !meetsAny(cidr, typeof taken === 'function' ? taken() : taken)
        ? { fix: { kind: 'use-network-address' as const, value: network } }
        : {}),
    });
    return;
  }
  const forbidden = forbiddenRangeOf(cidr);
  if (forbidden)
    report({ messageId: 'forbidden', data: { ...data, range: forbidden.cidr, what: forbidden.label }, at });
}

/**
 * The known prefixes of a subnet's siblings in its VNet. A network address that meets one would add a
 * subnet-overlap error ('10.0.1.128/24' beside '10.0.1.0/24' was meant as a /25): the length is then the
 * likelier slip, and the finding stands without a fix.
 */
function siblingRanges(subnet: Subnet): Cidr[] {
  const ranges: Cidr[] = [];
  for (const other of subnet.vnet?.subnets ?? []) {
    if (other === subnet) continue;
    for (const entry of subnetPrefixes(other)?.entries ?? []) if (entry.cidr) ranges.push(entry.cidr);
  }
  return ranges;
}

const meetsAny = (cidr: Cidr, ranges: readonly Cidr[]) => ranges.some((range) => cidrOverlaps(cidr, range));

/**
 * Whether clearing the host bits leaves the address's first octet (IPv6: first group) as written. Then
 * the network address is what the author evidently meant ('10.0.1.10/24' → '10.0.1.0/24'). Otherwise
 * the length is the likelier slip ('10.0.0.0/6' for /16 clears to the public '8.0.0.0/6'), and a fix
 * that moves the range to another block would do harm: the finding stands without one.
 */
function keepsLeadingBlock(cidr: Cidr): boolean {
  const shift = BigInt(cidr.version === 4 ? 24 : 112);
  return cidr.address >> shift === cidr.network >> shift;
}
