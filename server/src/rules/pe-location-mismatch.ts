// pe-location-mismatch: a private endpoint must sit in the region of its VNet (FACTS §2.3, S4).
// Certain cases only: the endpoint's subnet resolves to a subnet of a declared VNet, both locations
// are known, non-blank strings, and they differ even ignoring case and spaces. FACTS does not say how
// Azure compares region names, so a case- or space-only difference ('West Europe' vs 'westeurope') and
// any unknown location stay silent. Anchor: the endpoint's `location`.
import { isGlobalLocation, privateEndpointPlacement, regionKey } from '../facts';
import { remembered } from '../model';
import { certainlyCreatedAmong, certainlyDeployed, knownText, label } from './support/certain';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'pe-location-mismatch',
  level: 'error',
  fixable: true,
  startsFrom: ['privateEndpoints'],
  description: 'A private endpoint is deployed in the same region as its virtual network.',
  appliesWhen: privateEndpointPlacement.sameRegionAsVnet,
  messages: {
    mismatch:
      "Private endpoint '{{endpoint}}' is in '{{location}}' but its VNet '{{vnet}}' is in '{{vnetLocation}}'; a private endpoint must be in its VNet's region, so the deployment fails. Use the VNet's location.",
  },
  check({ model, report }: RuleContext) {
    for (const endpoint of certainlyCreatedAmong(model.privateEndpoints)) {
      if (!endpoint.subnet?.resolved) continue;
      const subnet = endpoint.subnet.target;
      const vnet = subnet.vnet;
      // A maybe-deployed VNet or subnet might be replaced by another one of the same id elsewhere.
      if (!vnet || !certainlyDeployed(vnet.decl) || !certainlyDeployed(subnet.decl)) continue;
      const location = knownText(endpoint.location);
      const vnetLocation = knownText(vnet.location);
      // A VNet in 'global' names no region: that VNet fails on its own, and moving the endpoint there is no fix.
      if (location === undefined || vnetLocation === undefined || isGlobalLocation(vnetLocation)) continue;
      if (normalised(location) === normalised(vnetLocation)) continue;
      report({
        messageId: 'mismatch',
        data: { endpoint: label(endpoint), location, vnet: label(vnet), vnetLocation },
        at: { decl: endpoint.decl, path: 'location' },
        related: [{ decl: vnet.decl, path: 'location', message: `VNet '${label(vnet)}' is in '${vnetLocation}'` }],
        fix: { kind: 'use-vnet-location', vnet: vnet.decl, value: vnetLocation },
      });
    }
  },
});

/** Names that differ after this differ for certain; names equal after it may be spellings of one region. */
function normalised(region: string): string {
  // A model names few regions, each asked of every endpoint and its VNet: normalised once each (issue 16).
  return remembered(normalisedRegions, region, regionKey);
}

const normalisedRegions = new Map<string, string>();
