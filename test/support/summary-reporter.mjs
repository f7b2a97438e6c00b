// A node:test reporter that prints one closing line, "<suite>: N passed, N failed", counting leaf
// tests only (suites are containers). scripts/test.mjs reads that line to add up the run.
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) skipped++;
    else if (event.type === 'test:pass') passed++;
    else failed++;
  }
  const label = process.env.VNET_LENS_SUITE ?? 'tests';
  yield `${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
}
