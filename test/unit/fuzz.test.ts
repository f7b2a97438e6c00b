// A bounded, seeded run of the fuzzer (issue 10; `npm run fuzz` runs 100,000 inputs in workers):
// mutated corpus files and generated Bicep/ARM workspaces must pass every check of
// test/support/fuzz.ts — no throw in parse, evaluation, rules or fixes, lossless parsing, no
// evaluation failure, and fixes that add no syntax error. Generated plans go through fast-check so a
// failure shrinks to a small workspace. Reproduce an input with `npm run fuzz -- --seed S --only N`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkInput, fuzzInput, generatedInput, planArbitrary } from '../support/fuzz';

const seed = 20_260_101;

test('300 seeded fuzz inputs (mutations and generated workspaces) pass every check', async () => {
  const failures: string[] = [];
  for (let index = 0; index < 300; index++) {
    const input = fuzzInput(seed, index);
    const problems = await checkInput(input);
    if (problems.length > 0)
      failures.push(
        `#${index} ${input.label} (npm run fuzz -- --seed ${seed} --only ${index}):\n  ${problems.join('\n  ')}`,
      );
  }
  assert.deepEqual(failures, []);
});

for (const arm of [false, true]) {
  test(`generated ${arm ? 'ARM' : 'Bicep'} workspaces pass every check (shrinking on failure)`, async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        const problems = await checkInput(generatedInput(0, plan, arm));
        assert.deepEqual(problems, []);
      }),
      { seed, numRuns: 60 },
    );
  });
}

test('a throw inside the pipeline is reported as a problem, not passed', async () => {
  // The checks themselves: text that is not a string makes the parser throw, which must be caught and named.
  const problems = await checkInput({
    label: 'not a text',
    files: { 'file:///fuzz/self/main.bicep': undefined as unknown as string },
  });
  assert.ok(
    problems.some((problem) => /threw/.test(problem)),
    problems.join('\n'),
  );
});
