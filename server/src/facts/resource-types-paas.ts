// Declared shapes of the public-access properties of private-endpoint targets (FACTS §6), at the API
// versions whose official data the tests read, for the build-time `types.json`.
// Invariants: each declaration mirrors one FACTS §6 row; enum values are the public-access facts' own
// values; free-string properties carry the official description sentence their `enabling` value rests on.
import { publicAccessFacts } from './public-access';
import { object, openEnum, type PropSpec, type ResourceDecl, type Shape } from './type-builder';

/** The enum of a public-access string setting: its enabling values, then its disabling values. */
function accessEnum(resourceType: string, path: string): Shape {
  const setting = publicAccessFacts(resourceType)?.settings.find((s) => s.path === path);
  const values = [...(setting?.enabling ?? []), ...(setting?.disabling ?? [])].filter(
    (v): v is string => typeof v === 'string',
  );
  return openEnum(values);
}

/** `properties.<name>` as the declared body shape. */
function properties(name: string, spec: Shape | PropSpec): ResourceDecl['props'] {
  return { properties: object('Properties', { [name]: spec }) };
}

const pna = 'publicNetworkAccess';
const enumDecl = (type: string, apiVersion: string): ResourceDecl => ({
  type,
  apiVersion,
  props: properties(pna, accessEnum(type, `properties.${pna}`)),
});

export const paasResourceDecls: readonly ResourceDecl[] = [
  enumDecl('Microsoft.Storage/storageAccounts', '2026-04-01'),
  enumDecl('Microsoft.Sql/servers', '2025-01-01'),
  {
    type: 'Microsoft.Sql/managedInstances',
    apiVersion: '2025-01-01',
    props: properties('publicDataEndpointEnabled', 'bool'),
  },
  {
    type: 'Microsoft.KeyVault/vaults',
    apiVersion: '2026-02-01',
    props: properties(pna, {
      shape: 'string',
      description:
        "If set to 'disabled' all traffic except private endpoint traffic and that that originates from trusted services will be blocked.",
    }),
  },
  enumDecl('Microsoft.KeyVault/managedHSMs', '2026-02-01'),
  enumDecl('Microsoft.DocumentDB/databaseAccounts', '2026-03-15'),
  {
    type: 'Microsoft.Web/sites',
    apiVersion: '2025-03-01',
    props: properties(pna, {
      shape: 'string',
      description: "Allowed Values: 'Enabled', 'Disabled' or an empty string.",
    }),
  },
  {
    type: 'Microsoft.Web/staticSites',
    apiVersion: '2025-03-01',
    props: properties(pna, {
      shape: 'string',
      description: "Allowed Values: 'Enabled', 'Disabled' or an empty string.",
    }),
  },
  enumDecl('Microsoft.ContainerRegistry/registries', '2025-11-01'),
  enumDecl('Microsoft.Search/searchServices', '2025-05-01'),
  enumDecl('Microsoft.CognitiveServices/accounts', '2026-07-01'),
  enumDecl('Microsoft.EventHub/namespaces', '2026-01-01'),
  enumDecl('Microsoft.ServiceBus/namespaces', '2026-01-01'),
];
