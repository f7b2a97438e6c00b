// Issue 16 item 2's proof: a workspace analysed again after each of a seeded sequence of edits
// (incremental: kept evaluations, models and findings) must answer exactly what a fresh workspace
// given the same texts answers — findings (with their fixes), notices and every deployment's model.
import assert from 'node:assert/strict';
import { analyzeWorkspace, deploymentModelsOf, modelJson } from '../../server/src/engine/analyze';
import { fixKindOf } from '../../server/src/engine/fixes';
import { defaultLimits } from '../../server/src/engine/limits';
import type { AnalysisOptions } from '../../server/src/engine/types';
import { Workspace } from '../../server/src/engine/workspace';

const options: AnalysisOptions = { cloud: 'AzureCloud', ruleLevels: {} };
/** No time limit: a deployment stopped in one run and not in the other would differ for the clock's sake. */
const limits = { ...defaultLimits, evaluationMs: Number.POSITIVE_INFINITY };

/** A small seeded generator (mulberry32): the same seed gives the same edits on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Files = Map<string, string>;
/** One edit: changes `files` in place and says what it did (for the failure message). */
export type Edit = (files: Files, random: () => number) => string;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)];

/**
 * Fresh unknowns (`utcNow()`, `newGuid()`, a `filter` result, a missing property: evaluate/value.ts
 * `freshUnknown`) are numbered `#n` by a process-wide counter so that no two are ever equal: two
 * evaluations of one text number them differently. Numbered in order of appearance instead, equal
 * answers compare equal (a renumbering keeps which unknowns are one and the same).
 */
function canonical(text: string): string {
  const numbers = new Map<string, number>();
  return text.replace(/#(\d+)\b/g, (_, counter: string) => {
    if (!numbers.has(counter)) numbers.set(counter, numbers.size);
    return `#fresh${numbers.get(counter)}`;
  });
}

/** Everything an analysis answers, as comparable text. */
async function answer(
  workspace: Workspace,
  uris: readonly string[],
): Promise<{ findings: string; notices: string; models: string[] }> {
  const result = await analyzeWorkspace(workspace, uris, options);
  // Asked again with nothing changed, the kept models are exactly the ones the rules judged.
  const models = deploymentModelsOf(workspace).models(await workspace.evaluate());
  return {
    findings: canonical(
      JSON.stringify(
        result.findings.map((finding) => ({ ...finding, fix: fixKindOf(finding) })),
        null,
        1,
      ),
    ),
    notices: canonical(JSON.stringify(result.notices, null, 1)),
    models: models.map((model) => canonical(JSON.stringify(modelJson(workspace, model)))),
  };
}

/**
 * Applies `count` edits drawn from `edits` to `initial`, analysing one workspace incrementally
 * after each, and asserts it answers what a fresh workspace answers. Returns the edits made.
 */
export async function assertIncrementalEqualsFresh(
  initial: Files,
  edits: readonly Edit[],
  count: number,
  seed: number,
): Promise<string[]> {
  const random = seededRandom(seed);
  const files = new Map(initial);
  const incremental = new Workspace({ readFile: async (uri) => files.get(uri) }, limits);
  const sync = () => {
    for (const uri of incremental.uris()) if (!files.has(uri)) incremental.removeFile(uri);
    for (const [uri, text] of files) incremental.setFile(uri, text);
  };
  sync();
  await analyzeWorkspace(incremental, [...files.keys()], options);
  const done: string[] = [];
  for (let step = 0; step < count; step++) {
    done.push(pick(edits, random)(files, random));
    sync();
    const kept = await answer(incremental, [...files.keys()]);
    const fresh = new Workspace({ readFile: async (uri) => files.get(uri) }, limits);
    for (const [uri, text] of files) fresh.setFile(uri, text);
    const expected = await answer(fresh, [...files.keys()]);
    const context = `seed ${seed}, after edits:\n  ${done.join('\n  ')}`;
    assert.ok(
      kept.findings === expected.findings,
      `findings differ; ${context}\n${firstDifference(kept.findings, expected.findings)}`,
    );
    assert.ok(
      kept.notices === expected.notices,
      `notices differ; ${context}\n${firstDifference(kept.notices, expected.notices)}`,
    );
    assert.equal(kept.models.length, expected.models.length, `deployments differ; ${context}`);
    kept.models.forEach((model, index) =>
      assert.ok(
        model === expected.models[index],
        `model ${index} differs; ${context}\n${firstDifference(model, expected.models[index])}`,
      ),
    );
  }
  return done;
}

/** Where two texts first differ, with a little context of each (whole models are too long to read). */
function firstDifference(actual: string, expected: string): string {
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  const window = (text: string) => text.slice(Math.max(0, at - 300), at + 300);
  return `incremental: …${window(actual)}…\nfresh:       …${window(expected)}…`;
}

const shortName = (uri: string) => uri.replace(/^.*\//, '');

/** Inserts a few characters (letters, quotes, braces, spaces, newlines) somewhere in a file. */
export const insertCharacters: Edit = (files, random) => {
  const uri = pick([...files.keys()], random);
  const text = files.get(uri)!;
  const at = Math.floor(random() * (text.length + 1));
  const typed = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick([..."ab1-' {}[]:\n/"], random)).join(
    '',
  );
  files.set(uri, text.slice(0, at) + typed + text.slice(at));
  return `insert ${JSON.stringify(typed)} at ${at} of ${shortName(uri)}`;
};

/** Deletes one to five characters somewhere in a file. */
export const deleteCharacters: Edit = (files, random) => {
  const uri = pick([...files.keys()], random);
  const text = files.get(uri)!;
  const at = Math.floor(random() * text.length);
  const length = 1 + Math.floor(random() * 5);
  files.set(uri, text.slice(0, at) + text.slice(at + length));
  return `delete ${length} at ${at} of ${shortName(uri)}`;
};

/** Types into a name, where most keystrokes land in practice (the model changes, the syntax holds). */
export const typeIntoName: Edit = (files, random) => {
  const sites = [...files].flatMap(([uri, text]) =>
    [...text.matchAll(/name["']?\s*:\s*["']/g)].map((match) => ({ uri, at: match.index + match[0].length })),
  );
  if (sites.length === 0) return insertCharacters(files, random);
  const { uri, at } = pick(sites, random);
  const text = files.get(uri)!;
  files.set(uri, text.slice(0, at) + 'x' + text.slice(at));
  return `type into a name at ${at} of ${shortName(uri)}`;
};

/** Adds a comment line or blank lines: nothing the model holds changes but offsets. */
export const addComment: Edit = (files, random) => {
  const uri = pick([...files.keys()], random);
  const text = files.get(uri)!;
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
  const at = pick(lineStarts, random);
  const inserted = random() < 0.5 ? '// a note\n' : '\n\n';
  files.set(uri, text.slice(0, at) + inserted + text.slice(at));
  return `add ${JSON.stringify(inserted)} at ${at} of ${shortName(uri)}`;
};

/** Sets an address prefix (Bicep or JSON) to another CIDR, which may overlap or be too small. */
export const changePrefix: Edit = (files, random) => {
  const sites = [...files].flatMap(([uri, text]) =>
    [...text.matchAll(/(addressPrefix(?:es)?["']?\s*:\s*\[?\s*["'])([0-9./]+)(["'])/g)].map((match) => ({
      uri,
      at: match.index + match[1].length,
      length: match[2].length,
    })),
  );
  if (sites.length === 0) return insertCharacters(files, random);
  const { uri, at, length } = pick(sites, random);
  const prefix = `10.${Math.floor(random() * 3)}.${Math.floor(random() * 4)}.0/${pick([16, 24, 26, 27, 29], random)}`;
  const text = files.get(uri)!;
  files.set(uri, text.slice(0, at) + prefix + text.slice(at + length));
  return `prefix ${prefix} at ${at} of ${shortName(uri)}`;
};

/** Deletes a Bicep resource or module declaration, up to the next top-level declaration. */
export const deleteDeclaration: Edit = (files, random) => {
  const sites = [...files]
    .filter(([uri]) => uri.endsWith('.bicep'))
    .flatMap(([uri, text]) => [...text.matchAll(/^(resource|module) /gm)].map((match) => ({ uri, at: match.index })));
  if (sites.length === 0) return deleteCharacters(files, random);
  const { uri, at } = pick(sites, random);
  const text = files.get(uri)!;
  const next = text.slice(at + 1).search(/^(resource|module|param|var|output) /m);
  const end = next < 0 ? text.length : at + 1 + next;
  files.set(uri, text.slice(0, at) + text.slice(end));
  return `delete the declaration at ${at} of ${shortName(uri)}`;
};

/** Adds a module call from one Bicep file to another: the callee stops being a root of its own. */
export const addModuleCall: Edit = (files, random) => {
  const bicep = [...files.keys()].filter((uri) => uri.endsWith('.bicep'));
  if (bicep.length < 2) return insertCharacters(files, random);
  const caller = pick(bicep, random);
  const callee = pick(
    bicep.filter((uri) => uri !== caller),
    random,
  );
  const relative = relativePath(caller, callee);
  const name = `added${Math.floor(random() * 1000)}`;
  files.set(caller, `${files.get(caller)!}\nmodule ${name} '${relative}' = {\n  name: '${name}'\n}\n`);
  return `call ${shortName(callee)} from ${shortName(caller)}`;
};

/** Adds a call of a registry module nothing models: the workspace's registry notice must follow. */
export const addRegistryCall: Edit = (files, random) => {
  const bicep = [...files.keys()].filter((uri) => uri.endsWith('.bicep'));
  if (bicep.length === 0) return insertCharacters(files, random);
  const caller = pick(bicep, random);
  const name = `registry${Math.floor(random() * 1000)}`;
  files.set(
    caller,
    `${files.get(caller)!}\nmodule ${name} 'br/public:avm/res/unmodelled/thing-${name}:0.1.0' = {\n  name: '${name}'\n}\n`,
  );
  return `call a registry module from ${shortName(caller)}`;
};

/** Breaks the syntax of a file and mends it again within the same edit's next step. */
export function breakAndFix(): Edit {
  let broken: { uri: string; text: string } | undefined;
  return (files, random) => {
    if (broken && files.has(broken.uri)) {
      files.set(broken.uri, broken.text);
      const mended = shortName(broken.uri);
      broken = undefined;
      return `mend ${mended}`;
    }
    const uri = pick([...files.keys()], random);
    const text = files.get(uri)!;
    broken = { uri, text };
    const at = Math.floor(random() * text.length);
    files.set(uri, `${text.slice(0, at)}{ = '${text.slice(at)}`);
    return `break ${shortName(uri)} at ${at}`;
  };
}

function relativePath(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let shared = 0;
  while (shared < fromParts.length && fromParts[shared] === toParts[shared]) shared++;
  return [...fromParts.slice(shared).map(() => '..'), ...toParts.slice(shared)].join('/');
}
