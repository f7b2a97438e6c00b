// Rewritings of a fixture's Bicep files or ARM templates that Azure deploys as the original: the same
// resources with the same values, written another way (some drop a dependency Bicep derived from a
// symbol, so the order may differ: rules-metamorphic.test.ts says which). A rule judges what deploys,
// so its findings (rule, kind and message; not their ranges) must not change under any of them. Each
// returns the fixture unchanged where it does not apply.
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { outlineBicep } from '../../server/src/syntax/bicep';

export type Rewriting = (files: ReadonlyMap<string, string>) => Map<string, string>;

const eachBicepFile =
  (rewrite: (text: string) => string): Rewriting =>
  (files) =>
    new Map([...files].map(([uri, text]) => [uri, uri.endsWith('.bicep') ? rewrite(text) : text]));

/** `resource x '…' = {` and `module m '…' = {` made `= if (true) {`. */
export const alwaysTrueCondition = eachBicepFile((text) =>
  text.replace(/^(\s*(?:resource|module)\s+\w+\s+'[^']*'\s*=\s*)\{/gm, (whole, head: string) =>
    /\bexisting\b/.test(head) ? whole : `${head}if (true) {`,
  ),
);

/** Each one-line string literal value in a resource or module body moved into a variable. */
export const literalsInVariables = eachBicepFile((text) =>
  literalsDeclared(text, (name, literal) => [`var ${name} = ${literal}`, name]),
);

/**
 * Each one-line string literal value (but a name) in a resource or module body replaced by the
 * reference `declare` gives, with the declaration it gives appended to the file.
 */
function literalsDeclared(text: string, declare: (name: string, literal: string) => [string, string]): string {
  const declared: string[] = [];
  const rewritten = mapBodyLines(text, (line) => {
    const match = /^(\s+)(\w+): ('[^'$\\\r\n]*')(\r?)$/.exec(line);
    if (!match || match[2] === 'name') return line;
    const [declaration, reference] = declare(`rewrittenLiteral${declared.length}`, match[3]);
    declared.push(declaration);
    return `${match[1]}${match[2]}: ${reference}${match[4]}`;
  });
  return declared.length === 0 ? text : `${rewritten}\n${declared.join('\n')}\n`;
}

/**
 * Each top-level resource's multi-line `properties: {…}` moved into a variable declared right after the
 * resource, so that what is written keeps its order in the file (rules that report the later of two
 * things go by it).
 */
export const propertiesInVariables = eachBicepFile((text) => {
  const lines = text.split('\n');
  const kept: string[] = [];
  let declared = 0;
  let pending: string | undefined;
  let inResource = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (/^resource \w+ '[^']*' (existing )?= (if \(.*\) )?\{\s*$/.test(line)) inResource = true;
    const close = inResource && line === '  properties: {' ? lines.indexOf('  }', index + 1) : -1;
    if (close >= 0) {
      const name = `rewrittenProperties${declared++}`;
      const body = lines.slice(index + 1, close).map((inner) => inner.slice(2));
      pending = `var ${name} = {\n${body.join('\n')}\n}`;
      kept.push(`  properties: ${name}`);
      index = close;
      continue;
    }
    kept.push(line);
    if (inResource && line === '}') {
      inResource = false;
      if (pending !== undefined) kept.push(pending);
      pending = undefined;
    }
  }
  return declared === 0 ? text : kept.join('\n');
});

/** Top-level resources that nothing names made a loop over one item. */
export const loopsOfOne = eachBicepFile((text) => {
  const lines = text.split('\n');
  let open = false;
  return lines
    .map((line) => {
      const bare = line.replace(/\r$/, '');
      const header = /^resource (\w+) ('[^']*') = \{$/.exec(bare);
      if (header && (text.match(new RegExp(`\\b${header[1]}\\b`, 'g')) ?? []).length === 1) {
        open = true;
        return `resource ${header[1]} ${header[2]} = [for rewrittenItem in ['only']: {${line.slice(bare.length)}`;
      }
      if (open && bare === '}') {
        open = false;
        return `}]${line.slice(bare.length)}`;
      }
      return line;
    })
    .join('\n');
});

/**
 * /main.bicep moved to /wrapped.bicep and called from a new /main.bicep as a module, which declares
 * the same parameters (defaults included) and passes each on. Not for a main that sets its target
 * scope, declares types, functions or imports, nor when another file names main.bicep.
 */
export const wrappedInModule: Rewriting = (files) => wrapped(files, '');

/** As wrappedInModule, the call naming its resource group as Bicep would by default: `scope: resourceGroup()`. */
export const wrappedInScopedModule: Rewriting = (files) => wrapped(files, '  scope: resourceGroup()');

function wrapped(files: ReadonlyMap<string, string>, scope: string): Map<string, string> {
  const mainUri = [...files.keys()].find((uri) => uri.endsWith('/main.bicep'));
  const text = mainUri === undefined ? undefined : files.get(mainUri);
  if (mainUri === undefined || text === undefined || [...files.values()].some((file) => file.includes('main.bicep')))
    return new Map(files);
  const entries = outlineBicep(text, 'bicep').entries;
  if (entries.some((entry) => ['targetScope', 'import', 'type', 'func', 'extension'].includes(entry.keyword)))
    return new Map(files);
  const params = entries.filter((entry) => entry.keyword === 'param' && entry.name !== undefined);
  const passed = params.map((entry) => `    ${entry.name}: ${entry.name}`).join('\n');
  const main = [
    ...params.map((entry) => text.slice(entry.start, entry.end)),
    `module wrapped 'wrapped.bicep' = {`,
    `  name: 'wrapped'`,
    ...(scope ? [scope] : []),
    ...(params.length > 0 ? [`  params: {\n${passed}\n  }`] : []),
    `}`,
    '',
  ].join('\n');
  const rewritten = new Map(files);
  rewritten.set(mainUri.replace(/main\.bicep$/, 'wrapped.bicep'), text);
  rewritten.set(mainUri, main);
  return rewritten;
}

/** `text` with `rewrite` applied to each line inside a top-level resource or module declaration. */
function mapBodyLines(text: string, rewrite: (line: string) => string): string {
  const bodies = outlineBicep(text, 'bicep')
    .entries.filter((entry) => entry.keyword === 'resource' || entry.keyword === 'module')
    .map((entry) => [entry.start, entry.end]);
  let offset = 0;
  return text
    .split('\n')
    .map((line) => {
      const inside = bodies.some(([start, end]) => offset > start && offset < end);
      offset += line.length + 1;
      return inside ? rewrite(line) : line;
    })
    .join('\n');
}

/** A top-level resource of the text: its symbol, type (no API version), literal name, and whether it names a scope. */
interface Declared {
  symbol: string;
  type: string;
  name: string | undefined;
  scoped: boolean;
  parent: string | undefined;
}

function topLevelResources(text: string): Map<string, Declared> {
  const found = new Map<string, Declared>();
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  for (let index = 0; index < lines.length; index++) {
    const header = /^resource (\w+) '([^'@]+)@[^']*' (?:existing )?= (?:if \(.*\) )?\{$/.exec(lines[index]);
    if (!header) continue;
    const body: string[] = [];
    for (let inner = index + 1; inner < lines.length && lines[inner] !== '}'; inner++) body.push(lines[inner]);
    const name = body.map((line) => /^ {2}name: '([^'$\\]*)'$/.exec(line)?.[1]).find((value) => value !== undefined);
    const parent = body.map((line) => /^ {2}parent: (\w+)$/.exec(line)?.[1]).find((value) => value !== undefined);
    found.set(header[1], {
      symbol: header[1],
      type: header[2],
      name,
      scoped: body.some((line) => /^ {2}scope: /.test(line)),
      parent,
    });
  }
  return found;
}

/**
 * A child resource written with `parent: p` and a literal name, whose parent is a top-level resource
 * with a literal name, written instead with its full name `'parent/child'` and no `parent`.
 */
export const childrenByFullName = eachBicepFile((text) => {
  const resources = topLevelResources(text);
  const lines = text.split('\n');
  let child: Declared | undefined;
  return lines
    .flatMap((line) => {
      const bare = line.replace(/\r$/, '');
      const header = /^resource (\w+) '/.exec(bare);
      if (header) {
        const declared = resources.get(header[1]);
        const parent = declared?.parent === undefined ? undefined : resources.get(declared.parent);
        child = declared?.name !== undefined && parent?.name !== undefined && !parent.scoped ? declared : undefined;
        return [line];
      }
      if (bare === '}') child = undefined;
      if (child && /^ {2}parent: \w+$/.test(bare)) return [];
      if (child && /^ {2}name: '/.test(bare)) {
        const parentName = resources.get(child.parent!)!.name!;
        return [`  name: '${parentName}/${child.name}'${line.slice(bare.length)}`];
      }
      return [line];
    })
    .join('\n');
});

/**
 * `x.id` of a top-level resource with a literal name, no parent and no scope of its own written as
 * `resourceId('type', 'name')`, which names the same resource in the file's own resource group.
 */
export const idsByResourceId = eachBicepFile((text) => {
  const resources = topLevelResources(text);
  return text.replace(/\b(\w+)\.id\b/g, (whole, symbol: string) => {
    const declared = resources.get(symbol);
    if (!declared || declared.name === undefined || declared.parent !== undefined || declared.scoped) return whole;
    return `resourceId('${declared.type}', '${declared.name}')`;
  });
});

const eachArmTemplate =
  (rewrite: (text: string) => string): Rewriting =>
  (files) =>
    new Map(
      [...files].map(([uri, text]) => [
        uri,
        uri.endsWith('.json') && text.includes('deploymentTemplate.json#') ? rewrite(text) : text,
      ]),
    );

/** The keys whose string values say what a resource is, not what it is configured with. */
const armIdentityKeys = new Set(['type', 'apiVersion', 'name', 'dependsOn', 'condition', '$schema', 'contentVersion']);

/**
 * ARM: each literal string value inside `resources` (not an expression, nor a key that says what the
 * resource is) written as `[variables('…')]`, its value in the template's `variables`.
 */
export const armLiteralsInVariables = eachArmTemplate((text) => {
  const root = parseTree(text);
  const resources = root && findNodeAtLocation(root, ['resources']);
  if (!root || resources?.type !== 'array') return text;
  const literals: { node: JsonNode; name: string }[] = [];
  const visit = (node: JsonNode) => {
    if (node.type === 'property') {
      const [key, value] = node.children ?? [];
      if (armIdentityKeys.has(String(key?.value))) return;
      if (value) visit(value);
    } else if (node.type === 'string') {
      if (typeof node.value === 'string' && !node.value.startsWith('['))
        literals.push({ node, name: `rewritten${literals.length}` });
    } else for (const child of node.children ?? []) visit(child);
  };
  visit(resources);
  if (literals.length === 0 || findNodeAtLocation(root, ['variables'])) return text;
  let rewritten = text;
  for (const { node, name } of [...literals].reverse())
    rewritten = `${rewritten.slice(0, node.offset)}"[variables('${name}')]"${rewritten.slice(node.offset + node.length)}`;
  const variables = literals.map(({ node, name }) => `"${name}": ${JSON.stringify(node.value)}`).join(', ');
  // Before the `resources` property, which comes after every literal replaced (they are inside it).
  const at = resources.parent!.offset;
  return `${rewritten.slice(0, at)}"variables": { ${variables} }, ${rewritten.slice(at)}`;
});

/**
 * ARM: a template without parameters deployed as the inline template of a nested deployment with
 * `inner` scope (its expressions evaluated in it, as in the original) in the same resource group.
 */
export const armNestedDeployment = eachArmTemplate((text) => {
  const root = parseTree(text);
  if (!root || findNodeAtLocation(root, ['parameters'])) return text;
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "rewritten",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "template": ${text.trim()}
      }
    }
  ]
}
`;
});

/**
 * Each top-level VNet of /main.bicep with a literal name and a self-contained body (it names no other
 * symbol) declared instead in /network.bicep, which main calls, and referred to in main as `existing`
 * by that name: the ids and names main reads are the same. Only for VNets main reads no more of than
 * `.id` and `.name` (an existing resource's properties are Azure's to say).
 */
export const vnetsInModule: Rewriting = (files) =>
  vnetsMoved(files, (main, moved) => {
    let rewritten = main;
    for (const { entry, name } of [...moved].reverse())
      rewritten = `${rewritten.slice(0, entry.start)}resource ${entry.name} '${entry.literal}' existing = {\n  name: ${name}\n}${rewritten.slice(entry.end)}`;
    return { main: rewritten, outputs: '' };
  });

/**
 * The same VNets declared in /network.bicep, and main reading their ids and names from its outputs
 * (`network.outputs.hubId`), which also makes what uses them wait for the module.
 */
export const vnetsThroughOutputs: Rewriting = (files) =>
  vnetsMoved(files, (main, moved) => {
    let rewritten = main;
    for (const { entry } of [...moved].reverse())
      rewritten = rewritten.slice(0, entry.start) + rewritten.slice(entry.end);
    for (const { entry } of moved)
      rewritten = rewritten.replace(
        new RegExp(`\\b${entry.name}\\.(id|name)\\b`, 'g'),
        (_, field: string) => `network.outputs.${entry.name}${field === 'id' ? 'Id' : 'Name'}`,
      );
    const outputs = moved
      .map(
        ({ entry }) =>
          `output ${entry.name}Id string = ${entry.name}.id\noutput ${entry.name}Name string = ${entry.name}.name\n`,
      )
      .join('');
    return { main: rewritten, outputs };
  });

/** The VNets vnetsInModule can move, moved to /network.bicep, main rewritten by `rewrite`. */
function vnetsMoved(
  files: ReadonlyMap<string, string>,
  rewrite: (
    main: string,
    moved: { entry: ReturnType<typeof outlineBicep>['entries'][number]; name: string }[],
  ) => { main: string; outputs: string },
): Map<string, string> {
  const mainUri = [...files.keys()].find((uri) => uri.endsWith('/main.bicep'));
  const text = mainUri === undefined ? undefined : files.get(mainUri);
  if (mainUri === undefined || text === undefined || [...files.keys()].some((uri) => uri.endsWith('/network.bicep')))
    return new Map(files);
  const entries = outlineBicep(text, 'bicep').entries;
  if (entries.some((entry) => entry.keyword === 'targetScope')) return new Map(files);
  const symbols = entries.flatMap((entry) => (entry.name === undefined ? [] : [entry.name]));
  const moved = entries.flatMap((entry) => {
    if (entry.keyword !== 'resource' || entry.name === undefined || entry.existing) return [];
    if (!/^Microsoft\.Network\/virtualNetworks@/i.test(entry.literal ?? '')) return [];
    const declaration = text.slice(entry.start, entry.end);
    const name = /\n {2}name: ('[^'$\\]*')\r?\n/.exec(declaration)?.[1];
    if (name === undefined || /= \[for /.test(declaration)) return [];
    const body = declaration.slice(declaration.indexOf('{'));
    if (symbols.some((symbol) => symbol !== entry.name && new RegExp(`\\b${symbol}\\b`).test(body))) return [];
    const rest = text.slice(0, entry.start) + text.slice(entry.end);
    if (new RegExp(`\\b${entry.name}(?!\\.(?:id|name)\\b)\\b(?!\\s*'|\\s*=)`).test(rest)) return [];
    return [{ entry, name }];
  });
  if (moved.length === 0) return new Map(files);
  const { main, outputs } = rewrite(text, moved);
  const rewritten = new Map(files);
  rewritten.set(mainUri, `${main}\nmodule network 'network.bicep' = {\n  name: 'network'\n}\n`);
  rewritten.set(
    mainUri.replace(/main\.bicep$/, 'network.bicep'),
    moved.map(({ entry }) => text.slice(entry.start, entry.end)).join('\n') + '\n' + outputs,
  );
  return rewritten;
}

/** Each one-line string literal value in a resource or module body returned by a function of its own. */
export const literalsFromFunctions = eachBicepFile((text) =>
  literalsDeclared(text, (name, literal) => [`func ${name}() string => ${literal}`, `${name}()`]),
);

/**
 * A top-level child resource written with `parent: p` (and a literal name) that nothing names, declared
 * instead inside its parent's body with its short type, when the parent is a top-level resource of
 * the same file with a plain body.
 */
export const childrenNested = eachBicepFile((text) => {
  if (text.includes('\r')) return text;
  const lines = text.split('\n');
  const blocks: { symbol: string; start: number; end: number }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const header = /^resource (\w+) '[^']*' (?:existing )?= \{$/.exec(lines[index]);
    const end = header ? lines.indexOf('}', index + 1) : -1;
    if (header && end > index) blocks.push({ symbol: header[1], start: index, end });
  }
  const inserts = new Map<number, string[]>();
  const removed = new Set<number>();
  for (const child of blocks) {
    const header = /^resource (\w+) '([^'@]+)\/(\w+)@([^']*)' = \{$/.exec(lines[child.start]);
    if (!header || (text.match(new RegExp(`\\b${child.symbol}\\b`, 'g')) ?? []).length !== 1) continue;
    const body = lines.slice(child.start + 1, child.end);
    const parentLine = body.findIndex((line) => /^ {2}parent: \w+$/.test(line));
    const parent = parentLine < 0 ? undefined : blocks.find((block) => block.symbol === body[parentLine].slice(10));
    if (!parent || parent === child || inserts.has(parent.end) || removed.has(parent.start)) continue;
    const nested = [
      `  resource ${child.symbol} '${header[3]}@${header[4]}' = {`,
      ...body.filter((_, index) => index !== parentLine).map((line) => `  ${line}`),
      '  }',
    ];
    inserts.set(parent.end, nested);
    for (let index = child.start; index <= child.end; index++) removed.add(index);
  }
  if (inserts.size === 0) return text;
  return lines.flatMap((line, index) => (removed.has(index) ? [] : [...(inserts.get(index) ?? []), line])).join('\n');
});

/** ARM: each top-level resource without a copy loop made a loop of one (`"copy": { "count": 1 }`). */
export const armCopiesOfOne = eachArmTemplate((text) => {
  const root = parseTree(text);
  const resources = root && findNodeAtLocation(root, ['resources']);
  if (resources?.type !== 'array') return text;
  let rewritten = text;
  const objects = (resources.children ?? []).filter(
    (node) => node.type === 'object' && !findNodeAtLocation(node, ['copy']) && findNodeAtLocation(node, ['type']),
  );
  for (const [index, node] of [...objects.entries()].reverse()) {
    const type = findNodeAtLocation(node, ['type'])!.parent!;
    rewritten = `${rewritten.slice(0, type.offset)}"copy": { "name": "rewritten${index}", "count": 1 }, ${rewritten.slice(type.offset)}`;
  }
  return rewritten;
});

/** Each one-line literal `name: 'x…'` (resources, inline subnets, peerings…) written `name: '${'x'}…'`. */
export const namesInterpolated = eachBicepFile((text) =>
  text.replace(
    /^(\s+name: )'([^'$\\\r\n])([^'$\\\r\n]*)'(\r?)$/gm,
    (_, head: string, first: string, rest: string, cr: string) => `${head}'\${'${first}'}${rest}'${cr}`,
  ),
);

/** ARM: each literal resource name written `[concat('x', '…')]`. */
export const armNamesConcatenated = eachArmTemplate((text) => {
  const root = parseTree(text);
  const resources = root && findNodeAtLocation(root, ['resources']);
  if (resources?.type !== 'array') return text;
  const names: JsonNode[] = [];
  const visit = (list: JsonNode) => {
    for (const resource of list.children ?? []) {
      const name = resource.type === 'object' ? findNodeAtLocation(resource, ['name']) : undefined;
      if (
        name?.type === 'string' &&
        typeof name.value === 'string' &&
        name.value.length > 1 &&
        !name.value.startsWith('[')
      )
        names.push(name);
      const children = resource.type === 'object' ? findNodeAtLocation(resource, ['resources']) : undefined;
      if (children?.type === 'array') visit(children);
    }
  };
  visit(resources);
  let rewritten = text;
  for (const node of [...names].sort((a, b) => b.offset - a.offset)) {
    const value = node.value as string;
    const quoted = (part: string) => `'${part.replace(/'/g, "''")}'`;
    const expression = JSON.stringify(`[concat(${quoted(value.slice(0, 1))}, ${quoted(value.slice(1))})]`);
    rewritten = rewritten.slice(0, node.offset) + expression + rewritten.slice(node.offset + node.length);
  }
  return rewritten;
});

/**
 * ARM: each top-level resource's `properties` object, outside copy loops and without `copyIndex()`,
 * `reference()` or other resource-bound functions, given as `[variables('…')]`.
 */
export const armPropertiesInVariables = eachArmTemplate((text) => {
  const root = parseTree(text);
  const resources = root && findNodeAtLocation(root, ['resources']);
  if (!root || resources?.type !== 'array' || findNodeAtLocation(root, ['variables'])) return text;
  const moved = (resources.children ?? []).flatMap((resource) => {
    const properties = resource.type === 'object' ? findNodeAtLocation(resource, ['properties']) : undefined;
    if (!properties || properties.type !== 'object' || findNodeAtLocation(resource, ['copy'])) return [];
    const written = text.slice(properties.offset, properties.offset + properties.length);
    return /copyIndex|reference\(|list\w*\(|\/\//i.test(written) ? [] : [{ properties, written }];
  });
  if (moved.length === 0) return text;
  let rewritten = text;
  for (const [index, { properties }] of [...moved.entries()].reverse())
    rewritten = `${rewritten.slice(0, properties.offset)}"[variables('rewrittenProperties${index}')]"${rewritten.slice(properties.offset + properties.length)}`;
  const variables = moved.map(({ written }, index) => `"rewrittenProperties${index}": ${written}`).join(', ');
  const at = resources.parent!.offset;
  return `${rewritten.slice(0, at)}"variables": { ${variables} }, ${rewritten.slice(at)}`;
});

/**
 * Each top-level resource of /main.bicep that nothing names (and that is in no loop) moved to a module
 * of its own, `moved<N>.bicep`, which main calls: what the resource read of main's symbols
 * (`vnet.properties.subnets[0].id`, `kv.id`) is passed in as parameters, so it deploys the same.
 */
export const resourcesInOwnModules: Rewriting = (files) => {
  const mainUri = [...files.keys()].find((uri) => uri.endsWith('/main.bicep'));
  const text = mainUri === undefined ? undefined : files.get(mainUri);
  if (mainUri === undefined || text === undefined || [...files.keys()].some((uri) => /\/moved\d+\.bicep$/.test(uri)))
    return new Map(files);
  const entries = outlineBicep(text, 'bicep').entries;
  if (entries.some((entry) => ['targetScope', 'import', 'type', 'func'].includes(entry.keyword))) return new Map(files);
  const symbols = entries.flatMap((entry) => (entry.name === undefined ? [] : [entry.name]));
  const rewritten = new Map(files);
  let main = text;
  let count = 0;
  for (const entry of [...entries].reverse()) {
    if (entry.keyword !== 'resource' || entry.name === undefined || entry.existing) continue;
    const declaration = text.slice(entry.start, entry.end);
    if (!declaration.startsWith('resource') || /= \[for |\r|#disable/.test(declaration)) continue;
    if (codeOf(text).match(new RegExp(`\\b${entry.name}\\b`, 'g'))?.length !== 1) continue;
    // Each reference to another of main's symbols, with what it reads, becomes a parameter.
    const passed = new Map<string, string>();
    const others = symbols.filter((symbol) => symbol !== entry.name).join('|') || '$^';
    const body = mapCode(declaration, (code) =>
      code.replace(new RegExp(`\\b(${others})((?:\\.\\w+|\\[\\d+\\])*)`, 'g'), (expression: string) => {
        if (!passed.has(expression)) passed.set(expression, `moved${passed.size}`);
        return passed.get(expression)!;
      }),
    );
    if ([...passed.keys()].some((expression) => !/[.[]/.test(expression))) continue; // `parent: x`, a bare symbol
    const file = `moved${count++}.bicep`;
    const params = [...passed.values()].map((name) => `param ${name} string\n`).join('');
    rewritten.set(mainUri.replace(/main\.bicep$/, file), `${params}${body}\n`);
    const args = [...passed].map(([expression, name]) => `    ${name}: ${expression}`).join('\n');
    const call = `module ${entry.name} '${file}' = {\n  name: '${entry.name}'${args ? `\n  params: {\n${args}\n  }` : ''}\n}`;
    main = main.slice(0, entry.start) + call + main.slice(entry.end);
  }
  if (count === 0) return new Map(files);
  rewritten.set(mainUri, main);
  return rewritten;
};

/** Plain string literals (no interpolation): symbols named inside them are text, not references. */
const plainString = /'(?:[^'\\$\r\n]|\\.|\$(?!\{))*'/g;

/** `text` with `rewrite` applied to what lies outside its plain string literals. */
function mapCode(text: string, rewrite: (code: string) => string): string {
  let rewritten = '';
  let last = 0;
  for (const match of text.matchAll(plainString)) {
    rewritten += rewrite(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return rewritten + rewrite(text.slice(last));
}

/** `text` with its plain string literals emptied. */
const codeOf = (text: string) => text.replace(plainString, "''");

/**
 * ARM: the template's resources moved into the inline template of a nested deployment with `outer`
 * scope, its parameters and variables left where they are (the nested resources read them there).
 */
export const armResourcesInOuterScopeDeployment = eachArmTemplate((text) => {
  const root = parseTree(text);
  const resources = root && findNodeAtLocation(root, ['resources']);
  if (!root || resources?.type !== 'array' || findNodeAtLocation(root, ['outputs'])) return text;
  const written = text.slice(resources.offset, resources.offset + resources.length);
  const nested = `[
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "rewritten",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "outer" },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": ${written}
        }
      }
    }
  ]`;
  return text.slice(0, resources.offset) + nested + text.slice(resources.offset + resources.length);
});
