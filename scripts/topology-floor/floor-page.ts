// The cytoscape floor: the same bundle contents (cytoscape, ELK built at load and warmed up as the
// page does), the same stylesheet, icons and options, given the finished elements (positions and
// container boxes known). A model message adds them in one batch, fits (mode=fit, as the page: every
// element's bounds) or sets the page's viewport (mode=preset: the first frame computes the bounds),
// and says it drew. What is left is what cytoscape costs for this drawing whatever the page does.
import cytoscape from 'cytoscape';
import { loadIcons } from '../../client/webview/icons';
import { warmUpElk } from '../../client/webview/layout';
import { cytoscapeContainerRule, cytoscapeStylesheetId } from '../../client/webview/styles';
import { iconUrls, readableZoom, readTheme, stylesheet } from '../../client/webview/theme';
import { drawingArea, drawn } from './drawn';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();
const style = document.createElement('style');
style.nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
style.id = cytoscapeStylesheetId;
style.textContent = cytoscapeContainerRule;
document.head.append(style);
const theme = readTheme();
loadIcons(iconUrls(theme));
const cy = cytoscape({
  container: drawingArea(),
  style: stylesheet(theme),
  minZoom: readableZoom(theme),
  maxZoom: 4,
  boxSelectionEnabled: false,
  userZoomingEnabled: false,
});
const fit = new URLSearchParams(location.search).get('mode') !== 'preset';

window.addEventListener('message', (event: MessageEvent<{ seq: number }>) => {
  const start = performance.now();
  cy.add(structuredClone(drawn.elements));
  performance.measure('topology:add', { start });
  const fitStart = performance.now();
  if (fit) {
    cy.fit(undefined, 24);
    cy.elements().boundingBox({});
  }
  cy.viewport({ zoom: drawn.zoom, pan: drawn.pan });
  performance.measure('topology:fit', { start: fitStart });
  vscode.postMessage({ type: 'rendered', seq: event.data.seq, nodes: cy.nodes().length });
});
vscode.postMessage({ type: 'ready' });
warmUpElk();
