// Precedence, ternaries, member access forms, calls, lambdas, strings and loops.
var precedence = a ?? b || c && d == e < f + g * h
var ternary = isProd
  ? 'prod'
  : 'dev-${suffix}'
var access = vnet.properties.?subnets[?0]!.id
var fromEnd = items[^1]
var child = vnet::subnet.id
var call = az.resourceGroup().location
var lambda = map(filter(items, x => x.enabled), (item, i) => '${i}-${item.name}')
var nested = '${'${a}'}-${b}'
var multi = '''
verbatim ${not} \n
'''
var interpolatedMulti = $'''
Hello ${name}!
'''
var spread = {
  ...defaults
  tags: { env: 'dev', owner: owner }
}
var loop = [for (subnet, i) in subnets: {
  name: subnet.name
  prefix: cidrSubnet('10.0.0.0/16', 24, i)
}]
