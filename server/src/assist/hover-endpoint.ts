// Hover text for private endpoints and private DNS zones: target, group ids, the zones the configured cloud
// needs, the zone group and what it points at, the subnet and VNet; a zone's links and the zone groups
// using it. Invariants: every verdict comes from the facts (classifyZone); unknown parts are said to be
// unknown, never filled in.
import { classifyZone, type Cloud } from '../facts';
import { asWritten, type NetworkModel, type PrivateDnsZone, type PrivateEndpoint } from '../model';
import { connectionTargetType, endpointNeeds, knownGroupIds, nameOf, shorten, zoneNameOfConfig } from './lookup';
import { bullet, code, codeList, symbolNote } from './markdown';
import { subnetSummary } from './hover-network';
import { recommendedFor } from './zones';

export function endpointHover(endpoint: PrivateEndpoint, cloud: Cloud): string {
  const shown = nameOf(endpoint);
  const lines = [`**Private endpoint** ${code(shown)}${symbolNote(endpoint, shown)}`, ''];
  if (endpoint.connections.length === 0) lines.push(bullet('Target', 'no connection is known'));
  for (const connection of endpoint.connections) {
    const type = connectionTargetType(connection);
    const target = connection.target?.resolved
      ? code(nameOf(connection.target.target))
      : code(shorten(asWritten(connection.targetId)));
    const groupIds = knownGroupIds(connection);
    lines.push(
      bullet(
        connection.manual ? 'Target (manual approval)' : 'Target',
        `${target}${type ? ` (${code(type)})` : ''}, group id ${groupIds.length > 0 ? codeList(groupIds) : 'not known'}`,
      ),
    );
  }
  const needs = endpointNeeds(endpoint.connections, cloud);
  const zoneLines = needs.map((need) => {
    const zones = need.expectation?.zones.filter((zone) => !zone.record).map((zone) => zone.name) ?? [];
    return zones.length > 0 ? `${codeList(zones)} (${code(need.groupId)})` : `none known for ${code(need.groupId)}`;
  });
  lines.push(
    bullet(
      `Expected zone(s) in ${cloud}`,
      zoneLines.length > 0 ? zoneLines.join('; ') : 'not known (the target type or group id is not known)',
    ),
  );
  lines.push(bullet('DNS zone group', zoneGroupText(endpoint, needs)));
  lines.push(bullet('Subnet', subnetText(endpoint)));
  return lines.join('\n');
}

function zoneGroupText(endpoint: PrivateEndpoint, needs: ReturnType<typeof endpointNeeds>): string {
  if (endpoint.zoneGroups.length === 0) {
    return 'none in the analysed files: no A record is written, so clients resolve the public address (unless Azure Policy adds one)';
  }
  return endpoint.zoneGroups
    .map((group) => {
      if (group.configs.length === 0) return `${code(nameOf(group))} with no zone configs`;
      const configs = group.configs.map((config) => {
        const name = zoneNameOfConfig(config);
        if (name === undefined) return `${code(shorten(asWritten(config.zoneId)))} (zone not known)`;
        const verdicts = needs
          .filter((need) => need.expectation)
          .map((need) => classifyZone(need.expectation!, name).kind);
        const verdict = verdicts.includes('recommended')
          ? '✓ recommended'
          : verdicts.includes('legacy')
            ? 'legacy name'
            : verdicts.length > 0
              ? '✗ not a zone this endpoint needs'
              : 'not checked';
        return `${code(name)} (${verdict})`;
      });
      return `${code(nameOf(group))} → ${configs.join(', ')}`;
    })
    .join('; ');
}

function subnetText(endpoint: PrivateEndpoint): string {
  const subnet = endpoint.subnet;
  if (!subnet) return 'not set';
  if (!subnet.resolved) return `${code(shorten(asWritten(subnet.value)))} (not declared in the analysed files)`;
  return subnetSummary(subnet.target);
}

export function zoneHover(model: NetworkModel, zone: PrivateDnsZone, cloud: Cloud): string {
  const name = nameOf(zone);
  const lines = [
    `**Private DNS zone** ${code(name)}${zone.existing ? ' (existing)' : ''}${symbolNote(zone, name)}`,
    '',
  ];
  const recommended = typeof zone.name === 'string' ? recommendedFor(cloud, zone.name) : undefined;
  if (recommended) lines.push(recommended, '');
  const links = zone.links.map((link) => {
    const vnet = link.vnet?.resolved ? nameOf(link.vnet.target) : link.vnet ? shorten(asWritten(link.vnet.value)) : '?';
    return `${code(vnet)}${link.registrationEnabled === true ? ' (auto-registration)' : ''}`;
  });
  lines.push(
    bullet(`Linked VNets (${zone.links.length})`, links.length > 0 ? links.join(', ') : 'none in the analysed files'),
  );
  const groups = model.zoneGroups.filter((group) =>
    group.configs.some((config) => config.zone?.resolved && config.zone.target === zone),
  );
  const users = groups.map((group) => {
    const endpoint = group.endpoint?.resolved ? ` of ${code(nameOf(group.endpoint.target))}` : '';
    return `${code(nameOf(group))}${endpoint}`;
  });
  lines.push(
    bullet(
      `Used by zone groups (${groups.length})`,
      users.length > 0 ? users.join(', ') : 'none in the analysed files',
    ),
  );
  return lines.join('\n');
}
