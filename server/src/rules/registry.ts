// The rule catalog as data: every rule's id, default level and description. Rules themselves
// arrive one file each (DESIGN §3); the CLI's SARIF and the settings schema read this list.
/** How serious a finding is; `off` in configuration turns a rule off. */
export type Level = 'error' | 'warning' | 'info';

export interface RuleMeta {
  /** Public contract: settings, suppressions, SARIF and docs use it. Kebab-case. */
  id: string;
  level: Level;
  description: string;
  fixable: boolean;
}

export { rules as allRules } from './catalog';
