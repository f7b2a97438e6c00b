// service-endpoint-with-private-link: Container Registry and App Service do not support service-endpoint
// rules beside a private endpoint (FACTS §9.3: S38 "does not support enabling both private link and
// service endpoint features"; S37 "Access restriction rules based on service endpoints are not
// supported on apps that have private endpoint configured"). Present and wrong, so judged as written:
// the resource and a private endpoint connecting to it are certainly deployed, and a rule names a subnet.
// Anchor: the first such rule's subnet reference, once per resource.
import { serviceEndpointFacts, servicesWithoutEndpointsBesidePrivateLink } from '../facts';
import { serviceNetworkRules } from '../model';
import { certainlyCreated, certainlyDeployed, label } from './support/certain';
import { endpointsConnectingTo } from './support/endpoint-common';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'service-endpoint-with-private-link',
  level: 'error',
  fixable: false,
  startsFrom: ['targets'],
  description: 'A Container Registry or App Service with a private endpoint has no service-endpoint network rules.',
  messages: {
    both: "{{service}} '{{resource}}' has {{count}} service-endpoint network rule(s) and private endpoint '{{endpoint}}'{{others}}: {{service}} does not support both. Remove the subnet rules and reach it through the private endpoint.",
  },
  check({ model, cloud, report }: RuleContext) {
    for (const rules of serviceNetworkRules(model)) {
      if (!servicesWithoutEndpointsBesidePrivateLink.includes(rules.service)) continue;
      const resource = rules.resource;
      if (!resource || !certainlyCreated(rules.decl) || !certainlyCreated(resource.decl)) continue;
      const facts = serviceEndpointFacts(rules.service);
      if (facts.publicCloudOnly && cloud !== 'AzureCloud') continue;
      const subnetRules = rules.vnetRules.flatMap((list) => list.rules);
      const [first] = subnetRules;
      if (!first) continue;
      const endpoints = endpointsConnectingTo(model, resource).filter((endpoint) => certainlyDeployed(endpoint.decl));
      const [endpoint] = endpoints;
      if (!endpoint) continue;
      report({
        messageId: 'both',
        data: {
          service: facts.label,
          resource: label(resource),
          count: subnetRules.length,
          endpoint: label(endpoint),
          others: endpoints.length > 1 ? ` (and ${endpoints.length - 1} more)` : '',
        },
        at: { decl: rules.decl, path: first.path },
        related: endpoints.map((pe) => ({
          decl: pe.decl,
          message: `private endpoint '${label(pe)}' connects to '${label(resource)}'`,
        })),
      });
    }
  },
});
