// Every snippet of snippets/bicep.json and snippets/arm.json (DESIGN §5), expanded as the editor leaves it
// after tabbing through: it parses without errors, the whole rule catalog finds nothing, its API versions are
// the newest stable ones from the facts, and every zone it writes is the one its group id needs. Each
// option of each choice is tried too (one at a time), with the service targets declared so the DNS rules
// engage.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { workspaceModel } from '../../server/src/engine/analyze';
import { runRules } from '../../server/src/engine/run-rules';
import { Workspace } from '../../server/src/engine/workspace';
import { bicepZoneNameExpression, classifyZone, expectedZones, latestStableApiVersion } from '../../server/src/facts';
import { placeAvmModule } from '../../server/src/evaluate/registry/avm-catalog';
import { displayValue, type NetworkModel } from '../../server/src/model';
import { readArmFile } from '../../server/src/syntax/arm';
import { parseBicep } from '../../server/src/syntax/bicep';
import { repoRoot } from '../support/paths';
import { expandSnippet, snippetChoices, type ExpandOptions } from '../support/snippet-expander';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

type Language = 'bicep' | 'arm';

const files: Record<Language, string> = { bicep: 'snippets/bicep.json', arm: 'snippets/arm.json' };
const readSnippets = (language: Language): [string, Snippet][] =>
  Object.entries(JSON.parse(fs.readFileSync(path.join(repoRoot, files[language]), 'utf8')) as Record<string, Snippet>);

/** Targets the service snippets point at by symbol; declared `existing` so the DNS rules see their types. */
const bicepTargets: Record<string, string> = {
  storageAccount: 'Microsoft.Storage/storageAccounts',
  keyVault: 'Microsoft.KeyVault/vaults',
  sqlServer: 'Microsoft.Sql/servers',
  cosmosAccount: 'Microsoft.DocumentDB/databaseAccounts',
  webApp: 'Microsoft.Web/sites',
  containerRegistry: 'Microsoft.ContainerRegistry/registries',
};

/** The target type a group id of the generic snippet stands for (FACTS §1a). */
const typeOfGroupId: Record<string, string> = {
  blob: 'Microsoft.Storage/storageAccounts',
  file: 'Microsoft.Storage/storageAccounts',
  queue: 'Microsoft.Storage/storageAccounts',
  table: 'Microsoft.Storage/storageAccounts',
  dfs: 'Microsoft.Storage/storageAccounts',
  web: 'Microsoft.Storage/storageAccounts',
  vault: 'Microsoft.KeyVault/vaults',
  sqlServer: 'Microsoft.Sql/servers',
  sites: 'Microsoft.Web/sites',
  registry: 'Microsoft.ContainerRegistry/registries',
  namespace: 'Microsoft.ServiceBus/namespaces',
  Sql: 'Microsoft.DocumentDB/databaseAccounts',
  MongoDB: 'Microsoft.DocumentDB/databaseAccounts',
  Cassandra: 'Microsoft.DocumentDB/databaseAccounts',
  Gremlin: 'Microsoft.DocumentDB/databaseAccounts',
  Table: 'Microsoft.DocumentDB/databaseAccounts',
  Analytical: 'Microsoft.DocumentDB/databaseAccounts',
};

const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** An ARM snippet placed in a template's `resources` array, indented as the editor would. */
export function inTemplate(expansion: string): string {
  const indented = expansion
    .split('\n')
    .map((line) => (line === '' ? line : `    ${line}`))
    .join('\n');
  return `{\n  "$schema": "${schema}",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n${indented}\n  ]\n}\n`;
}

/** The file a snippet expansion is checked in; Bicep gets `existing` declarations of the service targets. */
function documentFor(language: Language, expansion: string, withTargets: boolean): { uri: string; text: string } {
  if (language === 'arm') return { uri: 'file:///snippets/template.json', text: inTemplate(expansion) };
  const declared = new Set([...expansion.matchAll(/^resource (\w+) /gm)].map((match) => match[1]));
  const targets = withTargets
    ? Object.entries(bicepTargets)
        .filter(([symbol]) => !declared.has(symbol) && new RegExp(`\\b${symbol}\\.id\\b`).test(expansion))
        .map(
          ([symbol, type]) =>
            `\nresource ${symbol} '${type}@${latestStableApiVersion(type)}' existing = {\n  name: 'target'\n}\n`,
        )
    : [];
  return { uri: 'file:///snippets/main.bicep', text: expansion + '\n' + targets.join('') };
}

function syntaxErrors(language: Language, text: string): string[] {
  const errors = language === 'bicep' ? parseBicep(text).errors : readArmFile(text).errors;
  return errors.map(
    (error) => `${error.message} at ${error.start}: ${JSON.stringify(text.slice(error.start, error.start + 30))}`,
  );
}

async function analyse(document: { uri: string; text: string }): Promise<{ model: NetworkModel; findings: string[] }> {
  const workspace = new Workspace({ readFile: async () => undefined });
  workspace.setFile(document.uri, document.text);
  const model = await workspaceModel(workspace, undefined);
  assert.deepEqual([...workspace.failures.values()], [], 'the evaluation itself must not fail');
  const findings = runRules(model, workspace, { cloud: 'AzureCloud', ruleLevels: {} });
  return { model, findings: findings.map((f) => `${f.ruleId}: ${f.message} '${document.text.slice(f.start, f.end)}'`) };
}

/** Resource types and API versions a snippet declares. */
function apiVersions(language: Language, text: string): { type: string; apiVersion: string | undefined }[] {
  if (language === 'bicep') {
    return [...text.matchAll(/^resource \w+ '([^'@]+)@([^']+)'/gm)]
      .filter((match) => !/\bexisting\b/.test(text.slice(match.index, text.indexOf('\n', match.index))))
      .map((match) => ({ type: match[1]!, apiVersion: match[2] }));
  }
  const template = readArmFile(text).template;
  return (template?.resources ?? []).map((resource) => ({
    type: resource.fullType ?? '?',
    apiVersion: typeof resource.apiVersion?.value === 'string' ? resource.apiVersion.value : undefined,
  }));
}

/** Every private endpoint's zone configs name a zone its group ids need (FACTS §1), in AzureCloud. */
function zonesMatchGroupIds(model: NetworkModel): string[] {
  const problems: string[] = [];
  for (const endpoint of model.privateEndpoints) {
    const groupIds = endpoint.connections
      .flatMap((c) => (Array.isArray(c.groupIds) ? c.groupIds : []))
      .filter((id): id is string => typeof id === 'string');
    const zoneNames = endpoint.zoneGroups.flatMap((group) =>
      group.configs.map((config) =>
        config.zone?.resolved
          ? displayValue(config.zone.target.name)
          : displayValue(config.zoneId).replace(/^.*\/privateDnsZones\//i, ''),
      ),
    );
    for (const groupId of groupIds) {
      const type = typeOfGroupId[groupId];
      assert.ok(type, `group id ${groupId} has a type in this test`);
      const expectation = expectedZones('AzureCloud', type, groupId);
      assert.ok(expectation, `FACTS name zones for ${type} ${groupId}`);
      if (zoneNames.length === 0) problems.push(`${groupId}: no zone config`);
      for (const name of zoneNames) {
        if (classifyZone(expectation, name).kind !== 'recommended')
          problems.push(`${groupId}: zone ${name} is not recommended`);
      }
    }
  }
  return problems;
}

/**
 * Zone names a Bicep expansion writes as literals that fixes would write over `environment()` (DESIGN §4,
 * Bicep's no-hardcoded-env-urls): a snippet must not leave the warning a fix would avoid.
 */
function literalZonesWrittenOtherwise(expansion: string): string[] {
  return [...expansion.matchAll(/'(privatelink\.[a-z0-9.-]+)'/g)]
    .map((match) => match[1]!)
    .filter((zone) => bicepZoneNameExpression('AzureCloud', zone) !== `'${zone}'`);
}

for (const language of ['bicep', 'arm'] as const) {
  describe(`${files[language]}`, () => {
    const snippets = readSnippets(language);

    test('holds the snippets DESIGN §5 and issue 8 ask for, each with a vnl- prefix and a description', () => {
      const prefixes = snippets.map(([, snippet]) => snippet.prefix).sort();
      assert.deepEqual(prefixes, [
        // Azure Verified Modules are Bicep modules (issue 15): their snippets are Bicep only.
        ...(language === 'bicep' ? ['vnl-avm-hub-spoke', 'vnl-avm-private-dns-zone', 'vnl-avm-private-endpoint'] : []),
        'vnl-dns-zone-group',
        'vnl-hub-spoke',
        'vnl-nsg',
        'vnl-peering-pair',
        'vnl-private-dns-zone',
        'vnl-private-endpoint',
        'vnl-private-endpoint-acr',
        'vnl-private-endpoint-cosmos',
        'vnl-private-endpoint-keyvault',
        'vnl-private-endpoint-sql',
        'vnl-private-endpoint-storage',
        'vnl-private-endpoint-webapp',
        'vnl-private-link-service',
        'vnl-route-table',
        'vnl-subnet-pe',
        'vnl-vnet-link',
      ]);
      for (const [name, snippet] of snippets) assert.match(snippet.description, /^[A-Z].*\.$/, `${name}: a sentence`);
    });

    for (const [name, snippet] of snippets) {
      describe(snippet.prefix, () => {
        test('expands with its defaults into an empty file without syntax errors or findings', async () => {
          const document = documentFor(language, expandSnippet(snippet.body), false);
          assert.deepEqual(syntaxErrors(language, document.text), [], document.text);
          const { findings } = await analyse(document);
          assert.deepEqual(findings, [], `${name}\n${document.text}`);
        });

        test('uses the newest stable API version of each type (FACTS §8.1)', () => {
          const document = documentFor(language, expandSnippet(snippet.body), false);
          const versions = apiVersions(language, document.text);
          const modules = [...document.text.matchAll(/^module \w+ 'br\/public:(avm\/[^:']+):([^']+)'/gm)];
          // An Azure Verified Module snippet declares no resource itself: each module's version is one
          // whose interface VNet Lens models (issue 15), so the snippet is checked without a cache too.
          for (const [, module, tag] of modules)
            assert.ok(placeAvmModule(module, tag)?.version, `${module}:${tag} is modelled`);
          assert.ok(versions.length > 0 || modules.length > 0, 'declares resources or modules');
          for (const { type, apiVersion } of versions) {
            const latest = latestStableApiVersion(type);
            assert.ok(latest, `FACTS know ${type}`);
            assert.equal(apiVersion, latest, type);
          }
        });

        test('keeps every option of every choice free of findings, with zones that fit the group ids', async () => {
          const choices = snippetChoices(snippet.body);
          const variants: ExpandOptions[] = [{}];
          for (const [index, options] of choices)
            options.forEach((_, option) => variants.push({ choices: { [index]: option } }));
          for (const variant of variants) {
            const expansion = expandSnippet(snippet.body, variant);
            const document = documentFor(language, expansion, true);
            assert.deepEqual(syntaxErrors(language, document.text), [], document.text);
            const { model, findings } = await analyse(document);
            const label = `${name} ${JSON.stringify(variant.choices ?? {})}`;
            assert.deepEqual(findings, [], `${label}\n${document.text}`);
            assert.deepEqual(zonesMatchGroupIds(model), [], `${label}\n${document.text}`);
            if (language === 'bicep') assert.deepEqual(literalZonesWrittenOtherwise(expansion), [], label);
          }
        });
      });
    }
  });
}

/** What the in-editor suite expects VS Code to leave after tabbing through each snippet (it cannot run the expander). */
const expansionsFile = path.join(repoRoot, 'test/vscode/snippet-expansions.json');

test('the expansions the in-editor suite compares with VS Code are current (UPDATE_BASELINES=1 rewrites them)', () => {
  const expected: Record<Language, Record<string, string>> = { bicep: {}, arm: {} };
  for (const language of ['bicep', 'arm'] as const) {
    for (const [, snippet] of readSnippets(language)) expected[language][snippet.prefix] = expandSnippet(snippet.body);
  }
  const text = JSON.stringify(expected, null, 2) + '\n';
  if (process.env.UPDATE_BASELINES === '1') fs.writeFileSync(expansionsFile, text);
  assert.equal(fs.existsSync(expansionsFile) ? fs.readFileSync(expansionsFile, 'utf8') : '', text);
});

describe('snippet expander', () => {
  test('follows VS Code snippet syntax: defaults, choices, mirrors, transforms, variables and escapes', () => {
    assert.equal(expandSnippet('a ${1:x} $1 ${2|p,q|} ${2} $0'), 'a x x p p ');
    assert.equal(expandSnippet('${1|p,q|} ${1/(p)|(q)/${1:+P}${2:+Q}/}', { choices: { 1: 1 } }), 'q Q');
    assert.equal(expandSnippet('${1:a${2:b}} $2'), 'ab b');
    assert.equal(expandSnippet("'\\${x}' \\\\ \\} $TM_FILENAME_BASE ${UNKNOWN:dflt}"), "'${x}' \\ } main dflt");
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
    assert.equal(expandSnippet('${1:blob} ${1/(blob)/${1:+x.\\${env\\}}/}'), 'blob x.${env}');
    assert.equal(expandSnippet('${1:ab} ${1/(a)(b)/$2${1:/upcase}/}'), 'ab bA');
  });
});
