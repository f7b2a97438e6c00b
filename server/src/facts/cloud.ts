// Azure clouds VNet Lens analyses for, and the zone names an `environment()` suffix can write (DESIGN §2, §4).
// Invariants: only the three DESIGN §2 cloud names exist; only suffix values DESIGN §4 states are encoded,
// so every other zone name is written as a literal by fixes.

export const clouds = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'] as const;
export type Cloud = (typeof clouds)[number];

/**
 * A region as regions compare: lower case, without spaces ('West Europe' and 'westeurope' may name one
 * region; names that differ after this differ for certain).
 */
export function regionKey(region: string): string {
  return region.toLowerCase().replace(/\s+/g, '');
}

/** The cloud a setting or `--cloud` value names (case-insensitive), or `undefined` for an unknown name. */
export function parseCloud(name: string): Cloud | undefined {
  const lower = name.trim().toLowerCase();
  return clouds.find((cloud) => cloud.toLowerCase() === lower);
}

interface SuffixFact {
  readonly cloud: Cloud;
  /** Property of `environment().suffixes`. */
  readonly suffix: string;
  /** Its value in that cloud. */
  readonly value: string;
}

// DESIGN §4: `'privatelink.blob.${environment().suffixes.storage}'` names the right zone in AzureCloud, so
// the storage suffix there is `core.windows.net`. The SQL server host suffix there is
// `.database.windows.net` (environment.ts: the documented `environment()` output), so
// `'privatelink${environment().suffixes.sqlServerHostname}'` is the SQL zone (FACTS §1), written so because
// Bicep's no-hardcoded-env-urls flags `database.windows.net`. No other suffix value is used for a zone.
const suffixFacts: readonly SuffixFact[] = [
  { cloud: 'AzureCloud', suffix: 'storage', value: 'core.windows.net' },
  { cloud: 'AzureCloud', suffix: 'sqlServerHostname', value: '.database.windows.net' },
];

/**
 * `environment().suffixes` properties that must never build a private DNS zone name.
 * DESIGN §4: keyvaultDns gives the Key Vault host suffix, not the PE zone privatelink.vaultcore.azure.net.
 */
export const suffixesNeverForZoneNames: readonly string[] = ['keyvaultDns'];

/**
 * The Bicep expression (quotes included) a fix writes for `zoneName` in `cloud`: an interpolation over
 * `environment().suffixes` where a stated suffix yields exactly this name, else the quoted literal.
 * Zone names never contain `'`, `\` or `${`, so the literal needs no escaping.
 */
export function bicepZoneNameExpression(cloud: Cloud, zoneName: string): string {
  const lower = zoneName.toLowerCase();
  for (const fact of suffixFacts) {
    // A suffix that starts with its own dot follows the label before it directly.
    const ending = fact.value.startsWith('.') ? fact.value : `.${fact.value}`;
    if (fact.cloud !== cloud || !lower.endsWith(ending)) continue;
    const head = lower.slice(0, lower.length - fact.value.length);
    return `'${head}\${environment().suffixes.${fact.suffix}}'`;
  }
  return `'${lower}'`;
}
