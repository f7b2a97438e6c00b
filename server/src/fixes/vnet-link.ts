// add-vnet-link (dns-zone-unlinked, dns-zone-vnet-link-missing): a `global` VNet link from the zone
// to each VNet that must resolve through it, without auto-registration (FACTS §5.2), right after
// the zone's declaration. Invariants: the zone is a single declared instance of the analysed set;
// every VNet must be reachable from the zone's file, or no link is added at all.
import type { Builder } from './types';
import { linkChanges, vnetLabel } from './zone-resources';

export const addVnetLink: Builder<'add-vnet-link'> = (docs, { vnets }, anchor) => {
  const changes = linkChanges(docs, anchor.decl, vnets);
  return changes
    ? [{ title: `Link the zone to ${vnets.map((v) => `'${vnetLabel(v)}'`).join(', ')}`, isPreferred: true, changes }]
    : [];
};
