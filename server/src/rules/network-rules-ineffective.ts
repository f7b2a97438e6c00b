// network-rules-ineffective: virtual network or IP rules that grant nothing, because a setting beside
// them overrides them (FACTS §9.3): public network access 'Disabled' (Storage, Key Vault, Cosmos DB,
// Event Hubs, Service Bus; SQL virtual network rules), or defaultAction 'Allow' (Storage, Event Hubs,
// Service Bus). Present and wrong, so judged as written (defaults included): the rule-holding
// declaration and the one that writes the setting are certainly deployed and ours, the setting is a
// known value facts name, and at least one rule is certainly written. Anchor: the rules (the first
// non-empty rule list), once per declaration.
import { ineffectiveSettings, makesRulesIneffective, serviceEndpointFacts } from '../facts';
import { serviceNetworkRules, type ServiceNetworkRules, type ServiceRuleSetting } from '../model';
import { certainlyCreated, certainlyCreatedAmong, label } from './support/certain';
import { defineRule, type RuleContext } from './support/rule';

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

/** The rules certainly written: virtual network rules (any item) and IP rules, with where they start. */
function writtenRules(rules: ServiceNetworkRules): { vnet: number; ip: number; vnetPath?: string; ipPath?: string } {
  const lists = rules.vnetRules.filter((list) => (list.count ?? 0) > 0);
  const vnet = lists.reduce((sum, list) => sum + (list.count ?? 0), 0);
  const first = lists[0];
  const vnetPath = rules.service === 'sql' ? first?.rules[0]?.path : first?.path;
  const ip = rules.ipRules?.count ?? 0;
  return { vnet, ip, vnetPath, ipPath: rules.ipRules?.path };
}

export default defineRule({
  id: 'network-rules-ineffective',
  level: 'warning',
  fixable: false,
  startsFrom: ['targets'],
  description:
    "Virtual network and IP rules are not overridden by the resource's public network access or default action.",
  messages: {
    overridden:
      "{{service}} '{{resource}}' writes {{rules}} that {{grant}} nothing: {{setting}} is '{{value}}', and {{effect}}. Remove the rules, or change {{setting}} if they are meant to apply.",
  },
  check({ model, report }: RuleContext) {
    for (const rules of certainlyCreatedAmong(serviceNetworkRules(model))) {
      const written = writtenRules(rules);
      for (const setting of ineffectiveSettings(rules.service)) {
        const candidates = (
          setting.setting === 'defaultAction' ? [rules.defaultAction] : rules.publicNetworkAccess
        ).filter((candidate): candidate is ServiceRuleSetting => candidate !== undefined);
        // A Bicep child nested without `@version` takes its parent's API version.
        const overrides = (candidate: ServiceRuleSetting) =>
          certainlyCreated(candidate.decl) &&
          typeof candidate.value === 'string' &&
          makesRulesIneffective(setting, candidate.value, candidate.decl.apiVersion ?? rules.resource?.decl.apiVersion);
        // Where a rule set and its namespace both write public access, FACTS §9.3 does not say which wins: both must agree.
        const [governing] = candidates;
        if (!governing || !candidates.every(overrides)) continue;
        const ip = setting.rules === 'vnet-and-ip' ? written.ip : 0;
        if (written.vnet === 0 && ip === 0) continue;
        const path = written.vnet > 0 ? written.vnetPath : written.ipPath;
        const described = [
          written.vnet > 0 ? plural(written.vnet, 'virtual network rule') : '',
          ip > 0 ? plural(ip, 'IP rule') : '',
        ]
          .filter(Boolean)
          .join(' and ');
        report({
          messageId: 'overridden',
          data: {
            service: serviceEndpointFacts(rules.service).label,
            resource: label(rules.resource ?? rules.owner),
            rules: described,
            grant: written.vnet + ip === 1 ? 'grants' : 'grant',
            setting: setting.setting,
            value: String(governing.value),
            effect: setting.effect,
          },
          at: { decl: rules.decl, ...(path ? { path } : {}) },
          related: [
            {
              decl: governing.decl,
              path: governing.path,
              message: `${setting.setting} is '${String(governing.value)}' here`,
            },
          ],
        });
        break;
      }
    }
  },
});
