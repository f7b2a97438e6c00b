import { subnetConfig } from './types.bicep'

@export()
@discriminator('kind')
type endpoint = { kind: 'blob', account: string } | { kind: 'vault', vault: string }

type subnet = {
  @minLength(1)
  name: string
  prefix: string?
  delegations: string[]
  *: string
}

type pair = [string, int]
type level = 'low' | 'high' | -1
type vnetProps = resourceInput<'Microsoft.Network/virtualNetworks@2024-05-01'>.properties

param vnet resource 'Microsoft.Network/virtualNetworks@2024-05-01'

func subnetName(prefix string, index int) string => '${prefix}-${index}'
