// The page side of timing the topology's drawing, shared by the bench (topology-render.bench.ts) and
// scripts/topology-ab.mjs so that both measure the same span: from posting the model to the frame
// after the page said it drew, with the page's own `topology:<step>` measures taken meanwhile.
// Page code as text: tsx would wrap named functions in a `__name` helper the page does not have.
export const renderInPage = `async ({ model, seq, title }) => {
  const start = performance.now();
  window.postMessage({ type: 'model', model, scope: 'workspace', title, seq }, '*');
  const rendered = await new Promise((resolve) => {
    const check = () => {
      const message = window.__posted.find((candidate) => candidate.type === 'rendered' && candidate.seq === seq);
      if (message) resolve(message); else setTimeout(check, 1);
    };
    check();
  });
  const drawn = performance.now();
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const end = performance.now();
  const steps = { paint: end - drawn };
  for (const measure of performance.getEntriesByType('measure')) {
    if (measure.name.startsWith('topology:') && measure.startTime >= start) steps[measure.name.slice(9)] = measure.duration;
  }
  return { ms: end - start, nodes: rendered.nodes, edges: rendered.edges, steps };
}`;
