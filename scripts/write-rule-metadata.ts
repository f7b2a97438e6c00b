// Writes what follows from the rules' own metadata (issue 19), so a rule is added in three files (its
// rule file, its test, its doc page) and this script:
//   - server/src/rules/index.ts          the list of rules: keeps its order and group comments, drops a
//                                        rule whose file is gone, adds a new rule file at the end
//   - schemas/vnetlens.schema.json       `rules`: one level entry per rule id, in list order
//   - package.json                       the `vnetLens.rules` setting: the same entries
//   - docs/rules/<id>.md                 the front matter: id, level, fixable, description
//   - README.md                          the table of rules: id and page, default level, fix, description
// and then, when it wrote the schema, the validators compiled from it (scripts/write-validators.ts).
// Everything else in those files is kept as it is.
//
//   node --import tsx scripts/write-rule-metadata.ts           write the files (npm run rules:metadata)
//   node --import tsx scripts/write-rule-metadata.ts --check   exit 1 and name each stale file
import fs from 'node:fs';
import path from 'node:path';
import type { RuleDefinition } from '../server/src/rules/support/rule';
import type { RuleMeta } from '../server/src/rules/support/rule-meta';
import { validatorSources } from './write-validators';

const root = path.resolve(__dirname, '..');
const rulesFolder = path.join(root, 'server', 'src', 'rules');
const listFile = path.join(rulesFolder, 'index.ts');
const schemaFile = path.join(root, 'schemas', 'vnetlens.schema.json');
const manifestFile = path.join(root, 'package.json');
const readmeFile = path.join(root, 'README.md');
const read = (file: string) => fs.readFileSync(file, 'utf8');
export const writeCommand = 'node --import tsx scripts/write-rule-metadata.ts';

export interface GeneratedFile {
  file: string;
  text: string;
}

export interface RuleMetadataOutputs {
  files: GeneratedFile[];
  /** What the script cannot write: a doc page to write by hand, a rule file that is not a rule. */
  problems: string[];
}

/** A group of the list: its comment and its rules' ids, in order. */
export interface Group {
  comment: string;
  ids: string[];
}

/** Every generated file's path and text, from the rule files on disk. */
export function ruleMetadataOutputs(): RuleMetadataOutputs {
  const problems: string[] = [];
  const loaded = new Map<string, RuleDefinition>();
  for (const id of ruleFileIds()) {
    const rule = loadRule(id, problems);
    if (rule) loaded.set(id, rule);
  }
  const groups = listedGroups(fs.existsSync(listFile) ? read(listFile) : '', [...loaded.keys()]);
  const known = groups.flatMap((group) => group.ids).map((id) => loaded.get(id)!);
  const files = [
    { file: listFile, text: listText(groups) },
    { file: schemaFile, text: withSchemaRules(read(schemaFile), known) },
    { file: manifestFile, text: withSettingRules(read(manifestFile), known, read(schemaFile)) },
    { file: readmeFile, text: withReadmeTable(read(readmeFile), known) },
    ...known.flatMap((rule) => docOutput(rule, problems)),
  ];
  return { files, problems };
}

/** The ids of the rule files: every `.ts` file of the rules folder but the list itself. */
function ruleFileIds(): string[] {
  return fs
    .readdirSync(rulesFolder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && entry.name !== 'index.ts')
    .map((entry) => entry.name.slice(0, -'.ts'.length))
    .sort();
}

/** The list's groups as the list file's text holds them, without rules whose file is gone, new rules added last. */
export function listedGroups(text: string, fileIds: readonly string[]): Group[] {
  const byName = new Map(fileIds.map((id) => [identifierOf(id), id]));
  const groups: Group[] = [];
  const body = /export const allRules[^=]*= \[\n([\s\S]*?)\n\];/.exec(text)?.[1] ?? '';
  for (const line of body.split('\n')) {
    const comment = /^\s*\/\/ (.*)$/.exec(line)?.[1];
    if (comment !== undefined) groups.push({ comment, ids: [] });
    const id = byName.get(/^\s*(\w+),$/.exec(line)?.[1] ?? '');
    if (id !== undefined && !groups.some((group) => group.ids.includes(id))) {
      if (groups.length === 0) groups.push({ comment: 'Rules', ids: [] });
      groups.at(-1)!.ids.push(id);
    }
  }
  const listed = new Set(groups.flatMap((group) => group.ids));
  const added = fileIds.filter((id) => !listed.has(id));
  if (added.length > 0) {
    if (groups.length === 0) groups.push({ comment: 'Rules', ids: [] });
    groups.at(-1)!.ids.push(...added);
  }
  return groups.filter((group) => group.ids.length > 0);
}

/** `dns-zone-location` → `dnsZoneLocation`. */
function identifierOf(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

export function listText(groups: readonly Group[]): string {
  const ids = groups.flatMap((group) => group.ids);
  return [
    "// Every rule, in DESIGN §3 order and grouped as there; the engine, the CLI's SARIF and the tests read it.",
    `// Written by scripts/write-rule-metadata.ts: it keeps this order and these comments, adds a new rule file`,
    '// at the end (move its line into its group), and drops a rule whose file is gone.',
    ...ids.map((id) => `import ${identifierOf(id)} from './${id}';`),
    "import type { RuleDefinition } from './support/rule';",
    '',
    'export const allRules: readonly RuleDefinition[] = [',
    ...groups.flatMap((group) => [`  // ${group.comment}`, ...group.ids.map((id) => `  ${identifierOf(id)},`)]),
    '];',
    '',
  ].join('\n');
}

/** The rule a rule file exports by default; a problem when it is not one or its id is not its file's name. */
function loadRule(id: string, problems: string[]): RuleDefinition | undefined {
  const file = path.join(rulesFolder, `${id}.ts`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a rule file named only at run time
  const rule = (require(file) as { default?: Partial<RuleDefinition> }).default;
  if (!rule || typeof rule.check !== 'function' || typeof rule.id !== 'string') {
    problems.push(
      `server/src/rules/${id}.ts does not export a rule by default (export default defineRule({...})); only rules belong in server/src/rules (shared code goes in rules/support/)`,
    );
    return undefined;
  }
  if (rule.id !== id) {
    problems.push(`server/src/rules/${id}.ts defines the rule '${rule.id}': name the file after its id`);
    return undefined;
  }
  return rule as RuleDefinition;
}

/** `schemas/vnetlens.schema.json` with `rules.properties` listing every rule, in list order. */
export function withSchemaRules(schemaText: string, rules: readonly RuleMeta[]): string {
  const schema = JSON.parse(schemaText) as { properties: { rules: { properties: Record<string, unknown> } } };
  schema.properties.rules.properties = Object.fromEntries(
    rules.map((rule) => [rule.id, { $ref: '#/definitions/level' }]),
  );
  return jsonText(schema);
}

/** `package.json` with the `vnetLens.rules` setting listing every rule, its levels those of the schema. */
export function withSettingRules(manifestText: string, rules: readonly RuleMeta[], schemaText: string): string {
  const manifest = JSON.parse(manifestText) as {
    contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } };
  };
  const levels = (JSON.parse(schemaText) as { definitions: { level: { enum: string[] } } }).definitions.level.enum;
  manifest.contributes.configuration.properties['vnetLens.rules'].properties = Object.fromEntries(
    rules.map((rule) => [rule.id, { type: 'string', enum: levels }]),
  );
  return jsonText(manifest);
}

const readmeHeader = '| rule | default | quick fix | what |\n|---|---|---|---|\n';

/** README.md with its table of rules (under the header row) listing every rule, in list order. */
export function withReadmeTable(readmeText: string, rules: readonly RuleMeta[]): string {
  const start = readmeText.indexOf(readmeHeader);
  if (start < 0) throw new Error(`README.md has no table of rules starting '${readmeHeader.split('\n')[0]}'`);
  const rowsStart = start + readmeHeader.length;
  let rowsEnd = rowsStart;
  while (readmeText.startsWith('|', rowsEnd)) rowsEnd = readmeText.indexOf('\n', rowsEnd) + 1 || readmeText.length;
  const rows = rules.map(
    (rule) =>
      `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.level} | ${rule.fixable ? 'yes' : ''} | ${rule.description} |\n`,
  );
  return readmeText.slice(0, rowsStart) + rows.join('') + readmeText.slice(rowsEnd);
}

/** A rule page with its front matter (id, level, fixable, description) written from the rule, the rest kept. */
export function withFrontMatter(page: string, rule: RuleMeta): string {
  const frontMatter = [
    '---',
    `id: ${rule.id}`,
    `level: ${rule.level}`,
    `fixable: ${rule.fixable}`,
    `description: ${JSON.stringify(rule.description)}`,
    '---',
    '',
  ].join('\n');
  const close = page.startsWith('---\n') ? page.indexOf('\n---\n', 3) : -1;
  return frontMatter + (close >= 0 ? page.slice(close + '\n---\n'.length) : `\n${page}`);
}

/** The rule's doc page with its front matter written; a problem when there is no page. */
function docOutput(rule: RuleMeta, problems: string[]): GeneratedFile[] {
  const file = path.join(root, 'docs', 'rules', `${rule.id}.md`);
  if (!fs.existsSync(file)) {
    problems.push(
      `docs/rules/${rule.id}.md is missing: write the rule's page (What, Why, Bad, Good, Fix, When not to worry), then run ${writeCommand}`,
    );
    return [];
  }
  return [{ file, text: withFrontMatter(fs.readFileSync(file, 'utf8'), rule) }];
}

/** JSON as the project writes it: two spaces, a final newline. */
function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

if (require.main === module) {
  const { files, problems } = ruleMetadataOutputs();
  const check = process.argv.includes('--check');
  let stale = false;
  for (const { file, text } of files) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === text) continue;
    const shown = path.relative(process.cwd(), file);
    if (check) {
      console.error(`${shown} is stale: run ${writeCommand}`);
      stale = true;
    } else {
      fs.writeFileSync(file, text);
      console.log(`wrote ${shown}`);
    }
  }
  // The engine validates vnetlens.json with code compiled from the schema: compiled again once it changed.
  if (!check) {
    for (const { file, text } of validatorSources()) {
      if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
  for (const problem of problems) console.error(problem);
  if (stale || problems.length > 0) process.exit(1);
}
