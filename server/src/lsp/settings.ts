// The server's view of the `vnetLens.*` settings, with defaults for anything unset or invalid.
import { clouds, type Cloud } from '../facts';
import type { ConfiguredLevel } from '../engine';
import type { PrivateDnsConfig } from '../engine/config';

export interface ServerSettings {
  cloud: Cloud;
  rules: Record<string, ConfiguredLevel>;
  /** 'workspace': every file of the folders; 'file': open files with what they pull in. */
  analysisScope: 'file' | 'workspace';
  /** Read modules and other referenced files outside the workspace folders (off unless exactly true). */
  allowFilesOutsideWorkspace: boolean;
  /** `vnetLens.privateDns.*`: who creates zone groups; a part is absent when the user leaves it unset. */
  privateDns: PrivateDnsConfig;
}

export const defaultSettings: ServerSettings = {
  cloud: 'AzureCloud',
  rules: {},
  analysisScope: 'workspace',
  allowFilesOutsideWorkspace: false,
  privateDns: {},
};

const levels = new Set(['off', 'info', 'warning', 'error']);

export function readSettings(raw: unknown): ServerSettings {
  if (typeof raw !== 'object' || raw === null) return defaultSettings;
  const section = raw as {
    cloud?: unknown;
    rules?: unknown;
    analysisScope?: unknown;
    allowFilesOutsideWorkspace?: unknown;
    privateDns?: unknown;
  };
  const cloud = clouds.find((name) => name === section.cloud) ?? defaultSettings.cloud;
  const rules: Record<string, ConfiguredLevel> = {};
  if (typeof section.rules === 'object' && section.rules !== null) {
    for (const [id, level] of Object.entries(section.rules)) {
      if (typeof level === 'string' && levels.has(level)) rules[id] = level as ConfiguredLevel;
    }
  }
  const analysisScope = section.analysisScope === 'file' ? 'file' : 'workspace';
  return {
    cloud,
    rules,
    analysisScope,
    allowFilesOutsideWorkspace: section.allowFilesOutsideWorkspace === true,
    privateDns: readPrivateDns(section.privateDns),
  };
}

/** `vnetLens.privateDns.zoneGroups` and `.policyGroupIds`, each kept only when valid. */
function readPrivateDns(raw: unknown): PrivateDnsConfig {
  if (typeof raw !== 'object' || raw === null) return {};
  const section = raw as { zoneGroups?: unknown; policyGroupIds?: unknown };
  const zoneGroups =
    section.zoneGroups === 'policy' || section.zoneGroups === 'template' ? section.zoneGroups : undefined;
  const ids =
    Array.isArray(section.policyGroupIds) && section.policyGroupIds.every((id) => typeof id === 'string' && id !== '')
      ? (section.policyGroupIds as string[])
      : undefined;
  return { ...(zoneGroups ? { zoneGroups } : {}), ...(ids ? { policyGroupIds: [...ids] } : {}) };
}
