// What the DNS rules know about a private endpoint: the zones its connections need (per configured
// cloud), whether pe-group-id-invalid silences it, and the zone names its zone group points at.
// Invariants: a need exists only for a connection whose target type and group id are both certain;
// `complete` is true only when every connection and group id of the endpoint is certain and has a
// zone expectation, so "no zone fits any need" can be said for certain only then.
import {
  expectedZones,
  groupIdValidity,
  nearMissGroupId,
  zoneNameMatches,
  type Cloud,
  type ExpectedZone,
  type ZoneExpectation,
} from '../../facts';
import {
  at,
  connectionTargetType,
  isObject,
  PartialString,
  type NetworkModel,
  type PrivateDnsZone,
  type PrivateEndpoint,
  type PrivateLinkConnection,
  type Value,
  type ZoneConfig,
} from '../../model';
import { knownArray, knownString, label } from './certain';
import { lastSegment } from './endpoint-common';
import { modelMemo } from './model-lookups';

/** One (connection, group id) pair of an endpoint whose private DNS zones the facts name. */
export interface ZoneNeed {
  connection: PrivateLinkConnection;
  targetType: string;
  groupId: string;
  expectation: ZoneExpectation;
  /**
   * How messages name the target: label() when it is declared in the analysed set, else the name its
   * id ends with (an `existing` target named by `resourceId()` is not evaluated, so it is never declared).
   */
  targetLabel?: string;
  targetLocation?: Value;
}

export interface EndpointDns {
  /** pe-group-id-invalid fires for this endpoint: every DNS rule stays silent (DESIGN §3 precedence). */
  groupIdInvalid: boolean;
  needs: ZoneNeed[];
  /** Every connection's target type and group ids are known and each pair has an expectation. */
  complete: boolean;
}

/**
 * The zone needs of an endpoint in `cloud`, worked out once per model: five DNS rules and the zone
 * uses of every zone ask it of each endpoint. The answer is shared: callers only read it.
 */
export function endpointDns(model: NetworkModel, endpoint: PrivateEndpoint, cloud: Cloud): Readonly<EndpointDns> {
  // Properties not known (an `existing` endpoint, as every zone group child module has): no connection,
  // nothing complete, one answer for all, with no memo made for it.
  if (!isObject(endpoint.decl.properties)) return unknownEndpointDns;
  const answers = modelMemo<PrivateEndpoint, EndpointDns>(model, 'endpointDns', cloud);
  let answer = answers.get(endpoint);
  if (!answer) answers.set(endpoint, (answer = readEndpointDns(endpoint, cloud)));
  return answer;
}

/** What readEndpointDns finds of an endpoint whose properties are not known (shared: callers only read). */
const unknownEndpointDns: Readonly<EndpointDns> = Object.freeze({
  groupIdInvalid: false,
  // Frozen too: a caller that pushed into it would change the answer for every such endpoint.
  needs: Object.freeze([]) as unknown as ZoneNeed[],
  complete: false,
});

function readEndpointDns(endpoint: PrivateEndpoint, cloud: Cloud): EndpointDns {
  const result: EndpointDns = { groupIdInvalid: false, needs: [], complete: true };
  const properties = endpoint.decl.properties;
  // The model lists no connection for an unknown connections array: only a known one is complete.
  const arraysKnown =
    isObject(properties) &&
    ['privateLinkServiceConnections', 'manualPrivateLinkServiceConnections'].every(
      (name) => at(properties, name) === undefined || knownArray(at(properties, name)) !== undefined,
    );
  if (!arraysKnown) result.complete = false;
  for (const connection of endpoint.connections) {
    const targetType = connectionTargetType(connection);
    const groupIds = knownArray(connection.groupIds);
    if (targetType === undefined || groupIds === undefined) {
      result.complete = false;
      continue;
    }
    const target = connection.target?.resolved ? connection.target.target : undefined;
    for (const value of groupIds) {
      const groupId = knownString(value);
      if (groupId === undefined) {
        result.complete = false;
        continue;
      }
      // A case-only near miss (`Vault`) may deploy (pe-group-id-invalid says so as a warning): its
      // endpoint keeps its DNS checks, with the zones of the documented id (facts match without case).
      if (groupIdValidity(targetType, groupId) === 'invalid' && !differsOnlyInCase(targetType, groupId))
        result.groupIdInvalid = true;
      const expectation = expectedZones(cloud, targetType, groupId);
      if (!expectation) {
        result.complete = false;
        continue;
      }
      result.needs.push({
        connection,
        targetType,
        groupId,
        expectation,
        ...(target
          ? { targetLabel: label(target), targetLocation: target.decl.location }
          : nameInId(connection.targetId, targetType)),
      });
    }
  }
  if (result.needs.length === 0) result.complete = false;
  return result;
}

/** The name of the zone a config points at: the zone's known name, else the id's last segment. */
export function zoneNameOfConfig(config: ZoneConfig): string | undefined {
  if (config.zone?.resolved) return knownString(config.zone.target.name);
  return zoneNameFromId(config.zoneId);
}

/** `…/providers/Microsoft.Network/privateDnsZones/<name>` → `<name>` when that segment is literal. */
function zoneNameFromId(id: Value | undefined): string | undefined {
  const last = typeof id === 'string' ? id : id instanceof PartialString ? id.parts[id.parts.length - 1] : undefined;
  if (typeof last !== 'string') return undefined;
  const match = /\/providers\/microsoft\.network\/privatednszones\/([^/]+)$/i.exec(last);
  return match?.[1];
}

/** Distinct recommended zone names (record names excluded) of some needs, table order. */
export function neededZoneNames(needs: readonly ZoneNeed[]): string[] {
  const names = needs.flatMap((need) =>
    need.expectation.zones.filter((zone: ExpectedZone) => !zone.record).map((zone) => zone.name),
  );
  return [...new Set(names)];
}

/** Zones of the analysed set whose known name fits a zone name (templates allowed), for fixes. */
export function zonesNamed(model: NetworkModel, template: string): PrivateDnsZone[] {
  return model.dnsZones.filter((zone) => {
    const name = knownString(zone.name);
    return name !== undefined && zoneNameMatches(template, name);
  });
}

/** The name a target's id certainly ends with, for a top-level type (a child's last segment is not its whole name). */
function nameInId(id: Value | undefined, targetType: string): { targetLabel?: string } {
  const name = targetType.split('/').length === 2 ? lastSegment(id) : undefined;
  return name === undefined ? {} : { targetLabel: name };
}

/** How messages name an endpoint's target: its name in quotes, or a plain phrase when unknown. */
export function targetText(need: ZoneNeed): string {
  if (need.targetLabel !== undefined) return `'${need.targetLabel}'`;
  return `its ${need.expectation.zones[0]?.service ?? 'target'}`;
}

/** Whether `groupId` is a documented id of the type spelt in another case (`Vault` for `vault`). */
function differsOnlyInCase(targetType: string, groupId: string): boolean {
  return nearMissGroupId(targetType, groupId)?.toLowerCase() === groupId.toLowerCase();
}
