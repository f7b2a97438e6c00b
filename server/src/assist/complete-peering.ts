// Completion of peering flags (FACTS §4): the flag names inside a peering's `properties`, and true/false
// for a flag, preselecting the value that mirrors the reverse peering when the model knows it.
// Invariants: only the four flags DESIGN §3 mirrors; a mirror is offered only from a known boolean.
import { peeringFlags, reversePeeringFlag, type PeeringFlag } from '../facts';
import { at, type Peering } from '../model';
import { item, type CompletionInput } from './complete-common';
import { declarationsAt, inlinePath, nameOf, reversePeerings } from './lookup';
import type { AssistCompletion } from './types';

/** What each flag does (FACTS §4.1). */
const flagDocs: Readonly<Record<PeeringFlag, string>> = {
  allowVirtualNetworkAccess:
    'The two VNets can reach each other: the `VirtualNetwork` service tag spans both (false only narrows that tag; NSG rules can still allow traffic).',
  allowForwardedTraffic: 'Accepts traffic that did not start in the peered VNet, as a hub firewall or NVA forwards it.',
  allowGatewayTransit:
    "Lets the peered VNet use this VNet's VPN or ExpressRoute gateway (or Route Server); set on the side that owns the gateway.",
  useRemoteGateways:
    "Uses the remote VNet's gateway. The reverse peering must set `allowGatewayTransit: true`, the remote VNet must have a gateway, this VNet must have none, and only one peering of a VNet may set it.",
};

/** The defaults offered first: access on, everything else off. */
const usualValue: Readonly<Record<PeeringFlag, boolean>> = {
  allowVirtualNetworkAccess: true,
  allowForwardedTraffic: false,
  allowGatewayTransit: false,
  useRemoteGateways: false,
};

/** The peering entity at the cursor: a peering resource, or the inline peering `index` of a VNet. */
function peeringAt(input: CompletionInput, inline: number | undefined): Peering | undefined {
  const { model, context } = input;
  if (!model) return undefined;
  const decls = declarationsAt(model, input.uri, context.anchor);
  const path = inline === undefined ? '' : inlinePath('virtualNetworkPeerings', inline);
  return model.peerings.find((p) => decls.includes(p.decl) && p.path === path);
}

/** The value the reverse peering implies for `flag` on this side (access mirrors, gateway flags swap). */
function mirrored(
  input: CompletionInput,
  peering: Peering | undefined,
  flag: PeeringFlag,
): { value: boolean; from: string } | undefined {
  if (!peering || !input.model) return undefined;
  const reverse = reversePeerings(input.model, peering);
  if (reverse.kind !== 'found' || reverse.peerings.length !== 1) return undefined;
  const other = reverse.peerings[0]!;
  const value = at(other.properties, reversePeeringFlag(flag));
  return typeof value === 'boolean' ? { value, from: nameOf(other) } : undefined;
}

export function peeringFlagValueItems(
  input: CompletionInput,
  flag: PeeringFlag,
  inline: number | undefined,
): AssistCompletion[] {
  const { context } = input;
  const mirror = mirrored(input, peeringAt(input, inline), flag);
  const preferred = mirror?.value ?? usualValue[flag];
  const lead = context.afterColon ? ' ' : '';
  return [preferred, !preferred].map((value, order) =>
    item(context, {
      index: order,
      label: String(value),
      kind: 'constant',
      insertText: `${lead}${value}`,
      filterText: String(value),
      detail: mirror && mirror.value === value ? `mirrors the reverse peering ${mirror.from}` : flag,
      documentation: flagDocs[flag],
      ...(order === 0 ? { preselect: true } : {}),
    }),
  );
}

export function peeringFlagKeyItems(input: CompletionInput): AssistCompletion[] {
  const { context } = input;
  const present = new Set(context.siblingKeys.map((key) => key.toLowerCase()));
  return peeringFlags
    .filter((flag) => !present.has(flag.toLowerCase()))
    .map((flag, order) => {
      const choices = usualValue[flag] ? 'true,false' : 'false,true';
      const insertText = context.language === 'bicep' ? `${flag}: \${1|${choices}|}` : `"${flag}": \${1|${choices}|}`;
      return item(context, {
        index: order,
        label: flag,
        kind: 'property',
        insertText,
        snippet: true,
        filterText: context.language === 'bicep' ? flag : `"${flag}"`,
        detail: 'peering flag (bool)',
        documentation: flagDocs[flag],
      });
    });
}
