// A rule's public metadata (DESIGN §3): id, default level, description, whether it has a fix. Kept
// apart from the catalog so that rule.ts, which every rule imports, does not import the catalog back.
/** How serious a finding is; `off` in configuration turns a rule off. */
export type Level = 'error' | 'warning' | 'info';

export interface RuleMeta {
  /** Public contract: settings, suppressions, SARIF and docs use it. Kebab-case. */
  id: string;
  level: Level;
  description: string;
  fixable: boolean;
}
