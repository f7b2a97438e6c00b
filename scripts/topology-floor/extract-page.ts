// Draws the model as the topology page does (TopologyView, the same drawing area under the same
// toolbar CSS) and keeps what cytoscape holds afterwards in `window.__drawn` for topology-floor.mjs.
import { buildGraph } from '../../client/webview/graph';
import { cytoscapeContainerRule, cytoscapeStylesheetId, pageCss } from '../../client/webview/styles';
import { TopologyView } from '../../client/webview/view';
import type { Drawn } from './drawn';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();
// The page's styles, and cytoscape's container rule ahead of cytoscape (which would add it inline).
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
for (const [id, text] of [
  [cytoscapeStylesheetId, cytoscapeContainerRule],
  ['', pageCss],
]) {
  const style = Object.assign(document.createElement('style'), { nonce, textContent: text });
  if (id) style.id = id;
  document.head.append(style);
}
const toolbar = document.createElement('header');
toolbar.className = 'toolbar';
toolbar.append(Object.assign(document.createElement('button'), { textContent: 'Fit' }));
const area = Object.assign(document.createElement('div'), { id: 'graph' });
const main = document.createElement('main');
main.append(Object.assign(document.createElement('div'), { className: 'graph-area' }));
main.firstElementChild?.append(area);
document.body.replaceChildren(toolbar, main);
const view = new TopologyView(area, { reveal: () => undefined });

window.addEventListener('message', (event: MessageEvent<{ model: never; seq: number }>) => {
  void view.render(buildGraph(event.data.model), true).then(() => {
    const rect = area.getBoundingClientRect();
    const drawn: Drawn = {
      elements: (view.cy.json() as { elements: Drawn['elements'] }).elements,
      zoom: view.cy.zoom(),
      pan: view.cy.pan(),
      area: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
    };
    (window as unknown as { __drawn: Drawn }).__drawn = drawn;
    vscode.postMessage({ type: 'rendered', seq: event.data.seq, nodes: view.cy.nodes().length });
  });
});
vscode.postMessage({ type: 'ready' });
