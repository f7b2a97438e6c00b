// CRLF, a byte-order mark and pragmas
#disable-next-line pe-dns-zone-group-missing
resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe' // trailing comment
  /* block */ location: 'westeurope'
}
#disable-diagnostics dns-zone-location
var x = 1
#restore-diagnostics dns-zone-location
