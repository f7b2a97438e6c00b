// The rule catalog as data: every rule's id, default level and description. Rules themselves
// arrive one file each (DESIGN §3); the CLI's SARIF and the settings schema read this list.
export type { Level, RuleMeta } from './support/rule-meta';
export { rules as allRules } from './catalog';
