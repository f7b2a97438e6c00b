param broken = = =
var ok = 1
var unclosed = {
  a: 1

resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe'
  properties: {
    subnet: { id: subnetId }
  }
}
var string = 'not closed
output o string = concat('a' 'b')
