// subnet-size: subnets too small for Azure or for what they hold (FACTS §7). Certain cases, on a valid
// prefix of a certainly deployed subnet: IPv4 smaller than /29; IPv6 other than /64; a dedicated subnet
// (exact name) below its VERIFIED minimum (error) or, for GatewaySubnet, below the VERIFIED recommended
// /27 (warning, DESIGN §3); more certainly deployed private endpoints with certainly distinct ids than the
// usable addresses of its fully known IPv4 prefixes (2^(32−n) − 5 each). Sizes FACTS marks unverified
// (AzureFirewallManagementSubnet, RouteServerSubnet) stay silent. At most one finding per prefix.
import { reservedSubnet, subnetPrefixLimits, usableIpv4Addresses } from '../facts';
import { same, type PrivateEndpoint, type Subnet } from '../model';
import { isCreatedMoreThanOnce } from './support/entity-placement';
import { subnetPrefixes, type PrefixEntry } from './support/address-prefixes';
import { certainlyCreatedAmong, label } from './support/certain';
import { subnetName } from './support/endpoint-common';
import { defineRule, type RuleContext, type RuleReport } from './support/rule';

export default defineRule({
  id: 'subnet-size',
  level: 'error',
  fixable: false,
  startsFrom: ['subnets'],
  description: 'Subnets are large enough for Azure and for the resources they hold.',
  messages: {
    tooSmall:
      "Subnet '{{subnet}}' is a /{{length}} ('{{prefix}}'), smaller than Azure's smallest IPv4 subnet, a /{{limit}}: the deployment fails.",
    ipv6: "Subnet '{{subnet}}' has the IPv6 prefix '{{prefix}}'; Azure IPv6 subnets must be exactly /{{limit}}, so the deployment fails.",
    dedicated:
      "Subnet '{{subnet}}' is a /{{length}} ('{{prefix}}'); {{name}} must be a /{{limit}} or larger, so the service that needs it cannot be deployed into it.",
    recommended:
      "Subnet '{{subnet}}' is a /{{length}} ('{{prefix}}'); Azure recommends a /{{limit}} or larger for {{name}}, so some gateway configurations will not fit and the subnet can only be resized while empty.",
    endpoints:
      "Subnet '{{subnet}}' ('{{prefix}}') has {{usable}} usable addresses (Azure reserves 5 per subnet) but {{count}} private endpoints are placed in it: the endpoints beyond the free addresses fail to deploy.",
  },
  check({ model, report }: RuleContext) {
    for (const subnet of certainlyCreatedAmong(model.subnets)) {
      const prefixes = subnetPrefixes(subnet);
      if (!prefixes) continue;
      // Made at the first report: most subnets have none (issue 16).
      let reported: Set<string> | undefined;
      const emit: Emit = (item, messageId, data, extra = {}) => {
        if (reported?.has(item.path)) return;
        (reported ??= new Set()).add(item.path);
        report({
          messageId,
          data: { subnet: label(subnet), prefix: String(item.value), ...data },
          at: { decl: subnet.decl, path: item.path },
          ...extra,
        });
      };
      for (const item of prefixes.entries) checkPrefix(subnet, item, emit);
      // A subnet declared twice may end with either declaration's prefix.
      if (!isCreatedMoreThanOnce(model.subnets, subnet))
        checkEndpoints(subnet, prefixes.entries, prefixes.complete, emit);
    }
  },
});

type Emit = (
  item: PrefixEntry,
  messageId: string,
  data: Record<string, string | number>,
  extra?: Pick<RuleReport, 'level' | 'related'>,
) => void;

function checkPrefix(subnet: Subnet, item: PrefixEntry, emit: Emit): void {
  const cidr = item.cidr;
  if (!cidr) return;
  if (cidr.version === 6) {
    if (cidr.prefix !== subnetPrefixLimits.ipv6PrefixLength)
      emit(item, 'ipv6', { limit: subnetPrefixLimits.ipv6PrefixLength });
    return;
  }
  if (cidr.prefix > subnetPrefixLimits.ipv4SmallestPrefixLength) {
    emit(item, 'tooSmall', { length: cidr.prefix, limit: subnetPrefixLimits.ipv4SmallestPrefixLength });
    return;
  }
  // The subnet's own name, also when its VNet's part is unknown (`${vnet.outputs.name}/AzureBastionSubnet`).
  const name = subnetName(subnet);
  const dedicated = name === undefined ? undefined : reservedSubnet(name);
  if (!dedicated) return;
  // Only VERIFIED sizes decide (FACTS §7); an unverified minimum stays silent.
  const { minimum, recommended } = dedicated;
  if (minimum.evidence === 'verified' && cidr.prefix > minimum.maxPrefixLength) {
    emit(item, 'dedicated', { length: cidr.prefix, limit: minimum.maxPrefixLength, name: dedicated.name });
  } else if (recommended?.evidence === 'verified' && cidr.prefix > recommended.maxPrefixLength) {
    emit(
      item,
      'recommended',
      { length: cidr.prefix, limit: recommended.maxPrefixLength, name: dedicated.name },
      { level: 'warning' },
    );
  }
}

function checkEndpoints(subnet: Subnet, entries: readonly PrefixEntry[], complete: boolean, emit: Emit): void {
  // A subnet without endpoints has nothing to count against its free addresses: most hold none.
  if (subnet.privateEndpoints.length === 0) return;
  // Private endpoints take IPv4 addresses; every IPv4 prefix must be known to bound the free addresses.
  const ipv4 = entries.filter((item) => item.cidr?.version === 4);
  if (!complete || ipv4.length === 0 || entries.some((item) => item.cidr === undefined)) return;
  const usable = ipv4.reduce((sum, item) => sum + usableIpv4Addresses(item.cidr?.prefix ?? 32), 0);
  // A lower bound on the endpoints: certainly deployed ones whose ids certainly differ from each other
  // (each takes at least one address; a loop's instances have their own ids).
  const distinct: PrivateEndpoint[] = [];
  for (const endpoint of certainlyCreatedAmong(subnet.privateEndpoints)) {
    if (distinct.every((other) => same(other.id, endpoint.id, true) === false)) distinct.push(endpoint);
  }
  if (distinct.length <= usable) return;
  // One related location per declaration (a loop's instances share theirs).
  const related = [
    ...new Map(distinct.map((endpoint) => [`${endpoint.decl.uri}|${endpoint.decl.range.start}`, endpoint])).values(),
  ].map((endpoint) => ({
    decl: endpoint.decl,
    message: `Private endpoint '${label(endpoint)}' is placed in this subnet.`,
  }));
  emit(ipv4[0], 'endpoints', { usable, count: distinct.length }, { related });
}
