// A synthetic model of a given size for the render benchmark and the load test: hub-and-spoke VNets,
// each with subnets holding private endpoints to their own targets, zones linked to every VNet, and
// one-way peerings from the hub. Deterministic: the same size gives the same model.

/** About `nodes` drawn nodes (VNets, subnets, endpoints, targets, zones). */
export function largeModel(nodes = 300) {
  const entities = [];
  const references = [];
  const file = 'file:///ws/large.bicep';
  let line = 1;
  const add = (kind, name, id, properties) => entities.push({ kind, name, id, file, line: line++, properties });
  const zones = ['blob', 'vault', 'sql', 'file', 'queue'].map((service) => `privatelink.${service}.example`);
  for (const zone of zones) add('dnsZone', zone, `/zones/${zone}`, { location: 'global', existing: false, links: 0 });
  // Per VNet: 1 VNet + 4 subnets + 4×2 endpoints + 4×2 targets = 21 nodes.
  const perVnet = 21;
  const vnets = Math.max(1, Math.round((nodes - zones.length) / perVnet));
  for (let v = 0; v < vnets; v++) {
    const vnet = `/vnets/vnet-${v}`;
    add('vnet', `vnet-${v}`, vnet, { location: 'westeurope', addressPrefixes: [`10.${v}.0.0/16`], existing: false });
    if (v > 0) {
      add('peering', `vnet-0/to-${v}`, `/vnets/vnet-0/peerings/to-${v}`, { local: '/vnets/vnet-0', properties: {} });
      references.push({ kind: 'peering.remoteVnet', from: `/vnets/vnet-0/peerings/to-${v}`, to: vnet });
      if (v % 2 === 0) {
        add('peering', `vnet-${v}/to-0`, `${vnet}/peerings/to-0`, { local: vnet, properties: {} });
        references.push({ kind: 'peering.remoteVnet', from: `${vnet}/peerings/to-0`, to: '/vnets/vnet-0' });
      }
    }
    const zone = zones[v % zones.length];
    add('vnetLink', `${zone}/link-${v}`, `/zones/${zone}/links/link-${v}`, {
      location: 'global',
      registrationEnabled: false,
    });
    references.push(
      { kind: 'vnetLink.zone', from: `/zones/${zone}/links/link-${v}`, to: `/zones/${zone}` },
      { kind: 'vnetLink.vnet', from: `/zones/${zone}/links/link-${v}`, to: vnet },
    );
    for (let s = 0; s < 4; s++) {
      const subnet = `${vnet}/subnets/snet-${s}`;
      add('subnet', `snet-${s}`, subnet, { vnet, inline: true, prefixes: [`10.${v}.${s}.0/24`], privateEndpoints: 2 });
      for (let p = 0; p < 2; p++) {
        const target = `/targets/st${v}x${s}x${p}`;
        const endpoint = `/endpoints/pe-${v}-${s}-${p}`;
        add('target', `st${v}x${s}x${p}`, target, { type: 'Microsoft.Storage/storageAccounts' });
        add('privateEndpoint', `pe-${v}-${s}-${p}`, endpoint, {
          location: 'westeurope',
          connections: [{ groupIds: ['blob'], manual: false }],
          zoneGroups: 1,
        });
        references.push(
          { kind: 'privateEndpoint.subnet', from: endpoint, to: subnet },
          { kind: 'privateEndpoint.target', from: endpoint, to: target },
        );
        add('zoneGroup', `pe-${v}-${s}-${p}/default`, `${endpoint}/zoneGroups/default`, { configs: 1 });
        references.push(
          { kind: 'zoneGroup.privateEndpoint', from: `${endpoint}/zoneGroups/default`, to: endpoint },
          { kind: 'zoneConfig.zone', from: `${endpoint}/zoneGroups/default`, to: `/zones/${zones[p]}` },
        );
      }
    }
  }
  return { entities, references, findings: [] };
}

/** The model with one target added (a copy): the edit the render bench redraws and the load test checks. */
export function withTargetAdded(model) {
  const edited = structuredClone(model);
  edited.entities.push({
    ...edited.entities.find((entity) => entity.kind === 'target'),
    name: 'st-added',
    id: '/targets/st-added',
  });
  return edited;
}
