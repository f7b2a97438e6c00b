// service-endpoint-missing: a PaaS resource's virtual network rule names a subnet whose serviceEndpoints
// lack the endpoint that serves it (FACTS §9.1–§9.2), and the rule sets no bypass flag: the rule does
// not apply to that subnet's traffic (Storage and Key Vault deployments are reported to fail with
// SubnetsHaveNoServiceEndpointsConfigured). Absence is judged over what the subnet may have: every
// analysed subnet with that id (inline and child twins) must be certainly deployed, ours, with a fully
// known endpoint list that lacks the service. A bypass flag that is true or unknown, a subnet outside
// the analysed files or Container Registry outside the public cloud stay silent. So does a Container
// Registry or App Service that a private endpoint may connect to: there the subnet rules are not
// supported at all (FACTS §9.3), service-endpoint-with-private-link says so, and adding the endpoint
// would complete the combination that is not supported.
// Anchor: the rule's subnet reference.
import { endpointServes, serviceEndpointFacts, servicesWithoutEndpointsBesidePrivateLink } from '../facts';
import {
  serviceNetworkRules,
  subnetServiceEndpoints,
  type NetworkModel,
  type ServiceNetworkRules,
  type VnetRuleEntry,
} from '../model';
import { certainlyCreated, certainlyCreatedAmong, label } from './support/certain';
import { endpointsConnectingTo, subnetAnchor, subnetLabel } from './support/endpoint-common';
import { defineRule, type RuleContext } from './support/rule';

/** The subnet the rule names lacks the endpoint for certain. */
function lacksEndpoint(rules: ServiceNetworkRules, rule: VnetRuleEntry): boolean {
  // FACTS §9.2: the flag skips the check; true or unknown may be deliberate (the endpoint comes later).
  if (rule.bypass && rule.bypass.value !== false) return false;
  if (rule.subnets.length === 0 || !rule.subnets.every((subnet) => certainlyCreated(subnet.decl))) return false;
  return rule.subnets.every((subnet) => {
    const names = subnetServiceEndpoints(subnet);
    return names !== undefined && !names.some((name) => endpointServes(rules.service, name));
  });
}

/** A service that takes no subnet rules beside a private endpoint, with an endpoint that may connect to it. */
function subnetRulesUnsupported(model: NetworkModel, rules: ServiceNetworkRules): boolean {
  const resource = rules.resource;
  if (!resource || !servicesWithoutEndpointsBesidePrivateLink.includes(rules.service)) return false;
  return endpointsConnectingTo(model, resource).length > 0;
}

export default defineRule({
  id: 'service-endpoint-missing',
  level: 'error',
  fixable: true,
  startsFrom: ['targets'],
  description:
    "A subnet that a service's virtual network rule names has that service's endpoint in its serviceEndpoints.",
  messages: {
    missing:
      "{{service}} '{{resource}}' has a virtual network rule for subnet {{subnet}}, whose serviceEndpoints lack '{{endpoint}}': without that endpoint the rule never matches the subnet's traffic. Add '{{endpoint}}' to the subnet's serviceEndpoints.",
  },
  check({ model, cloud, report }: RuleContext) {
    for (const rules of certainlyCreatedAmong(serviceNetworkRules(model))) {
      const facts = serviceEndpointFacts(rules.service);
      if (facts.publicCloudOnly && cloud !== 'AzureCloud') continue;
      if (subnetRulesUnsupported(model, rules)) continue;
      for (const list of rules.vnetRules) {
        for (const rule of list.rules) {
          if (!lacksEndpoint(rules, rule)) continue;
          const [subnet] = rule.subnets;
          const endpoint = facts.endpoints[0];
          report({
            messageId: 'missing',
            data: {
              service: facts.label,
              resource: label(rules.resource ?? rules.owner),
              subnet: subnetLabel(subnet),
              endpoint,
            },
            at: { decl: rules.decl, path: rule.path },
            related: rule.subnets.map((twin) => ({
              ...subnetAnchor(twin),
              message: `subnet ${subnetLabel(twin)} has no '${endpoint}' service endpoint`,
            })),
            // One subnet to change: twins (inline and child) would need the same edit twice. (A subnet
            // written once for several VNets, a module called twice, keeps no fix either: run-rules.ts
            // withholds a fix whose edit reaches instances without the finding, FACTS §9.1.)
            ...(rule.subnets.length === 1
              ? {
                  fix: {
                    kind: 'add-service-endpoint',
                    service: endpoint,
                    subnet: { decl: subnet.decl, path: subnet.propertiesPath },
                  },
                }
              : {}),
          });
        }
      }
    }
  },
});
