// peering-self: a VNet peered to itself. Certain case: a certainly deployed peering (not `existing`) whose
// remote VNet is certainly its own VNet (same entity, or ids that compare equal). A VNet's address space
// always overlaps itself, and peered VNets must not overlap (FACTS §4.2 [VERIFIED S7]). This finding
// silences vnet-address-overlap and peering-reverse-missing for the same peering (DESIGN §3).
import { entityAnchor } from './support/entity-placement';
import { certainlyCreatedAmong, label } from './support/certain';
import { isSelfPeering } from './support/peering-relations';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'peering-self',
  level: 'error',
  fixable: false,
  startsFrom: ['peerings'],
  description: 'A virtual network is not peered to itself.',
  messages: {
    self: "Peering '{{peering}}' points back at its own VNet '{{vnet}}': a VNet cannot be peered to itself, so Azure rejects the peering.",
  },
  check({ model, report }: RuleContext) {
    for (const peering of certainlyCreatedAmong(model.peerings)) {
      if (isSelfPeering(peering) !== true) continue;
      const vnet = peering.local ? label(peering.local) : label(peering).split('/')[0];
      report({
        messageId: 'self',
        data: { peering: label(peering), vnet },
        at: entityAnchor(peering),
        related: [
          {
            decl: peering.decl,
            path: `${peering.propertiesPath}.remoteVirtualNetwork`,
            message: `The remote VNet is '${vnet}' itself.`,
          },
        ],
      });
    }
  },
});
