// Small generated reproducers of hostile input (issue 20), shared by the unit tests and the fuzzer:
// templates a few kilobytes long whose values grow exponentially or quadratically when evaluated,
// and deeply nested texts. Each names the expression the size notice must point at.
const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

export interface HostileTemplate {
  /** File name → text. */
  files: Record<string, string>;
  /** Text of the expression whose value must be cut off (as the notice quotes it), if one must. */
  cutAt?: string;
}

/** A virtual network whose name is `nameExpression`, so demand-driven evaluation needs its value. */
const bicepVnet = (nameExpression: string) =>
  `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: ${nameExpression}\n  location: 'westeurope'\n` +
  "  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }\n}\n";

/** ARM: each variable `concat`s the previous one twice (issue 20: 60 of them took 3.9 GB, then V8 died). */
export function armConcatDoubling(count: number): HostileTemplate {
  const variables: Record<string, string> = { v0: 'ab' };
  for (let i = 1; i < count; i++) variables[`v${i}`] = `[concat(variables('v${i - 1}'), variables('v${i - 1}'))]`;
  const template = {
    $schema: schema,
    contentVersion: '1.0.0.0',
    variables,
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2024-05-01',
        name: `[variables('v${count - 1}')]`,
        location: 'westeurope',
        properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } },
      },
    ],
  };
  return { files: { 'main.json': JSON.stringify(template, null, 1) }, cutAt: 'concat(variables(' };
}

/** Bicep: each variable interpolates the previous one twice; `unknownSeed` starts from a parameter without default. */
export function bicepInterpolationDoubling(count: number, unknownSeed = false): HostileTemplate {
  const lines = [unknownSeed ? 'param v0 string' : "var v0 = 'ab'"];
  for (let i = 1; i < count; i++) lines.push(`var v${i} = '\${v${i - 1}}\${v${i - 1}}'`);
  return { files: { 'main.bicep': `${lines.join('\n')}\n${bicepVnet(`v${count - 1}`)}` }, cutAt: "'${v" };
}

/** Bicep: objects that hold the previous one twice (shared, so cheap to build but exponential to walk). */
export function bicepObjectDoubling(count: number): HostileTemplate {
  const lines = ['var o0 = { a: 1 }'];
  for (let i = 1; i < count; i++) lines.push(`var o${i} = { a: o${i - 1}, b: o${i - 1} }`);
  return { files: { 'main.bicep': `${lines.join('\n')}\n${bicepVnet(`string(o${count - 1})`)}` }, cutAt: '{ a: o' };
}

/** Bicep: arrays concatenated with themselves. */
export function bicepArrayDoubling(count: number): HostileTemplate {
  const lines = ['var a0 = [ 1 ]'];
  for (let i = 1; i < count; i++) lines.push(`var a${i} = concat(a${i - 1}, a${i - 1})`);
  return {
    files: { 'main.bicep': `${lines.join('\n')}\n${bicepVnet(`'x\${length(a${count - 1})}'`)}` },
    cutAt: 'concat(a',
  };
}

/** Bicep: a loop of loops, `outer × inner` strings of about `width` characters (each step is cheap, the whole is not). */
export function bicepLoopSquare(outer: number, inner: number, width = 10): HostileTemplate {
  const text =
    `var pad = '${'x'.repeat(width)}'\nvar grid = [for i in range(0, ${outer}): [for j in range(0, ${inner}): '\${pad}-\${i}-\${j}']]\n` +
    bicepVnet("'x${length(grid)}'");
  return { files: { 'main.bicep': text }, cutAt: '[for ' };
}

/** Bicep: `map` whose lambda builds a large array for every item. */
export function bicepMapSquare(outer: number, inner: number): HostileTemplate {
  const text = `var grid = map(range(0, ${outer}), i => range(0, ${inner}))\n${bicepVnet("'x${length(grid)}'")}`;
  return { files: { 'main.bicep': text }, cutAt: 'map(range(0,' };
}

/** Bicep: calls whose unknown keys would double with every level (`uniqueString(k, k)` on an unknown). */
export function bicepKeyDoubling(count: number): HostileTemplate {
  const lines = ['param k0 string'];
  for (let i = 1; i < count; i++) lines.push(`var k${i} = uniqueString(k${i - 1}, k${i - 1})`);
  return { files: { 'main.bicep': `${lines.join('\n')}\n${bicepVnet(`k${count - 1}`)}` } };
}

/** Text nested `depth` levels deep: Bicep arrays, or JSON arrays and objects. */
export function deeplyNested(kind: 'bicep' | 'json', depth: number): string {
  if (kind === 'bicep') return `var deep = ${'['.repeat(depth)}${']'.repeat(depth)}\n${bicepVnet('deep')}`;
  return `{"$schema": "${schema}", "contentVersion": "1.0.0.0", "variables": {"deep": ${'[{"a":'.repeat(depth)}1${'}]'.repeat(depth)}}, "resources": []}`;
}

/** One of the classes above with sizes drawn from `next` (0 ≤ next() < 1), kept small enough to check in about a tenth of a second. */
export function randomHostile(next: () => number): { label: string; files: Record<string, string> } {
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const classes: [string, () => HostileTemplate][] = [
    ['arm-concat-doubling', () => armConcatDoubling(int(1, 40))],
    ['bicep-interpolation-doubling', () => bicepInterpolationDoubling(int(1, 40), next() < 0.5)],
    ['bicep-object-doubling', () => bicepObjectDoubling(int(1, 40))],
    ['bicep-array-doubling', () => bicepArrayDoubling(int(1, 40))],
    ['bicep-loop-square', () => bicepLoopSquare(int(0, 200), int(0, 200), int(1, 3000))],
    ['bicep-map-square', () => bicepMapSquare(int(0, 300), int(0, 20_000))],
    ['bicep-key-doubling', () => bicepKeyDoubling(int(1, 80))],
    ['bicep-deep', () => ({ files: { 'main.bicep': deeplyNested('bicep', int(1, 5_000)) } })],
    ['json-deep', () => ({ files: { 'main.json': deeplyNested('json', int(1, 20_000)) } })],
  ];
  const [label, make] = classes[int(0, classes.length - 1)];
  return { label, files: make().files };
}
