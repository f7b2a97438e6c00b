// What a rule is: metadata (the public contract of DESIGN §3) plus a `check` over the network
// model that reports findings by message id. Invariants: rules never touch text (they point at
// declarations and property paths; the engine turns those into ranges); a rule reports only what
// is certain — on an unknown value or a maybe-deployed resource it stays silent.
import type { FixAnchor, FixRequest, NetworkModel } from '../../model';
import type { Cloud } from '../../facts';
import type { Level, RuleMeta } from './rule-meta';

/** Where a finding points: a declaration, optionally a property path inside it. */
export type Anchor = FixAnchor;

export interface RelatedAnchor extends Anchor {
  message: string;
}

export interface RuleReport {
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  at: Anchor;
  related?: readonly RelatedAnchor[];
  /** A level other than the rule's default, where DESIGN §3 names one (e.g. a smaller case as warning). */
  level?: Level;
  /** The fix the finding allows: what the rule decided, one variant per builder (model/fix-contract.ts). */
  fix?: FixRequest;
}

/**
 * Who creates private endpoints' DNS zone groups (configuration `privateDns`): the templates, or an Azure
 * Policy DeployIfNotExists assignment (FACTS §15) that covers `policyGroupIds` (absent: the ALZ initiative's).
 */
export interface PrivateDnsSettings {
  zoneGroups: 'template' | 'policy';
  policyGroupIds?: readonly string[];
}

export interface RuleContext {
  readonly model: NetworkModel;
  readonly cloud: Cloud;
  /** Absent: zone groups come from the templates. */
  readonly privateDns?: PrivateDnsSettings;
  /**
   * Reports a finding. Report every instance that is one: the engine keeps one finding per rule, site,
   * kind of message and resources involved (report-key.ts), the one dedup policy.
   */
  readonly report: (report: RuleReport) => void;
}

/** The model's collections of entities, by name. */
export type EntityCollection = Exclude<keyof NetworkModel, 'declarations'>;

export interface RuleDefinition extends RuleMeta {
  /**
   * Whether the FACTS the rule rests on hold (e.g. `peeringRules.reverseRequired`, FACTS §4.2): when false the
   * engine runs no check, so the rule says once, beside its metadata, which facts it needs. Absent: always.
   */
  appliesWhen?: boolean;
  /**
   * The model collections the rule's findings start from: when every one is empty the engine runs no
   * check. Most models lack most kinds of entity (a module of DNS records, a VNet alone), and each check
   * has a fixed cost (issue 16). Absent: the check always runs.
   */
  startsFrom?: readonly EntityCollection[];
  /**
   * The rule's findings are about two entities of its `startsFrom` collections (a duplicate of another,
   * an overlap between two peers): the engine runs no check when those hold fewer than two in all. A
   * lone peering or VNet link (every child module of a registry) cannot be a duplicate, and the check's
   * setup cost more than the rest of its module's rules (issue 16).
   */
  pairwise?: true;
  /** Message templates by id; `{{name}}` is replaced from the report's data. */
  messages: Readonly<Record<string, string>>;
  check(context: RuleContext): void;
}

export function defineRule(definition: RuleDefinition): RuleDefinition {
  return definition;
}

/** Fills `{{name}}` placeholders; a missing value stays visible rather than vanishing. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
