using './main.bicep'

extends './base.bicepparam'

param hubName = 'hub-${environment}'
param subnets = [
  { name: 'pe', prefix: '10.0.1.0/24' }
]
var environment = readEnvironmentVariable('ENV', 'dev')
