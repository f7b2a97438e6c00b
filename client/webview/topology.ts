// The topology page (browser code, bundled apart from the engine). It receives the model as JSON
// through postMessage, draws it, and posts back what the user does: reveal a declaration, switch the
// scope, export the drawing. It never imports engine code.
// Invariant: names from user files reach the page only as text (textContent, SVG text nodes).
import type { TopologyExportFormat, TopologyFromPage, TopologyScope, TopologyToPage } from '@vnet-lens/protocol';
import { toPng, toSvg } from './export-svg';
import { describeDrawing } from './describe';
import { buildGraph, type Graph } from './graph';
import { warmUpElk } from './layout';
import { renderOutline } from './outline';
import { renderResolutions } from './resolution-panel';
import { pageCss } from './styles';
import { TopologyView } from './view';

interface VsCodeApi {
  postMessage(message: TopologyFromPage): void;
  getState(): PageState | undefined;
  setState(state: PageState): void;
}
interface PageState {
  scope?: TopologyScope;
  outline?: boolean;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
const state: PageState = { ...vscode.getState() };

function styleElement(text: string, id?: string): HTMLStyleElement {
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  if (id) style.id = id;
  style.textContent = text;
  return style;
}
document.head.append(styleElement(pageCss));

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children);
  return element;
}

const scopeButtons = (['file', 'workspace'] as const).map((scope) => {
  const button = el('button', {
    type: 'button',
    textContent: scope === 'file' ? 'Current file' : 'Workspace',
    title:
      scope === 'file'
        ? 'The current file with what it pulls in (modules, parameter files)'
        : 'Every Bicep and ARM file of the workspace',
  });
  button.dataset.scope = scope;
  button.addEventListener('click', () => {
    setScope(scope);
    vscode.postMessage({ type: 'scope', scope });
  });
  return button;
});
const title = el('span', { className: 'title' });
const status = el('span', { className: 'status', role: 'status' });
const fitButton = el('button', { type: 'button', textContent: 'Fit', title: 'Fit the drawing to the view' });
const outlineButton = el('button', { type: 'button', textContent: 'List', title: 'Show the resources as a list' });
const exportButtons = (['svg', 'png'] as const).map((format) => {
  const button = el('button', {
    type: 'button',
    textContent: `Export ${format.toUpperCase()}`,
    title: `Save the drawing as a ${format.toUpperCase()} file`,
  });
  button.dataset.export = format;
  button.addEventListener('click', () => void exportDrawing(format));
  return button;
});
const legend = el(
  'span',
  { className: 'legend', ariaHidden: 'true' },
  el('span', {}, el('span', { className: 'swatch peering' }), 'peering'),
  el('span', {}, el('span', { className: 'swatch broken' }), 'one-way'),
  el('span', {}, el('span', { className: 'swatch dns' }), 'DNS'),
);
const toolbar = el(
  'header',
  { className: 'toolbar', role: 'toolbar', ariaLabel: 'Topology' },
  el('span', { className: 'group', role: 'group', ariaLabel: 'Scope' }, ...scopeButtons),
  title,
  status,
  legend,
  fitButton,
  outlineButton,
  ...exportButtons,
);
const graphRoot = el('div', { id: 'graph', ariaLabel: 'Network topology drawing', role: 'img' });
const empty = el('div', { className: 'empty', hidden: true });
const resolutionPanel = el('aside', {
  className: 'resolution',
  id: 'resolution',
  ariaLabel: 'Name resolution',
  hidden: true,
});
resolutionPanel.setAttribute('aria-live', 'polite');
const outline = el('nav', {
  className: 'outline',
  id: 'outline',
  ariaLabel: 'Resources',
  hidden: state.outline !== true,
});
const app = document.getElementById('topology') ?? document.body;
app.replaceChildren();
if (app !== document.body) app.remove();
document.body.append(
  toolbar,
  el('main', {}, el('div', { id: 'graph-area', className: 'graph-area' }, graphRoot, empty, resolutionPanel), outline),
);

const reveal = (file: string, line: number) => vscode.postMessage({ type: 'reveal', file, line });
let selectionFrame = 0;
const view = new TopologyView(graphRoot, {
  reveal,
  selectionChanged: () => {
    cancelAnimationFrame(selectionFrame);
    selectionFrame = requestAnimationFrame(() => showSelectedResolutions(true));
  },
});
let graph: Graph | undefined;
let shownScope: TopologyScope | undefined;

/**
 * A selected VNet or target shows how names resolve through it (issue 17): the path drawn, the steps
 * beside it. Read from the selection after each change, so a redraw keeps what is shown; only a new
 * selection pans the drawing to its path (a redraw keeps the user's pan and zoom).
 */
function showSelectedResolutions(bringIntoView: boolean): void {
  const selected = [...view.selected]
    .flatMap((id) => view.nodes.get(id) ?? [])
    .filter((candidate) => candidate.kind === 'vnet' || candidate.kind === 'target');
  const node = selected.length === 1 ? selected[0] : undefined;
  const shown =
    node && graph
      ? graph.resolutions.filter((resolution) => resolution.fromNode === node.id || resolution.targetNode === node.id)
      : [];
  view.showPath(
    shown.flatMap((resolution) => resolution.nodes),
    shown.flatMap((resolution) => resolution.edges),
    bringIntoView,
  );
  renderResolutions(
    resolutionPanel,
    node ? { kind: node.kind as 'vnet' | 'target', name: node.name } : undefined,
    shown,
  );
}
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && view.selected.size > 0) view.select(undefined);
});
const selectNode = (id: string) => view.select(id);

function setScope(scope: TopologyScope): void {
  state.scope = scope;
  vscode.setState(state);
  for (const button of scopeButtons) button.setAttribute('aria-pressed', String(button.dataset.scope === scope));
}
setScope(state.scope ?? 'file');
outlineButton.setAttribute('aria-expanded', String(!outline.hidden));
/** The list of the drawn graph; while the list is closed, it is built when it opens (issue 16). */
let outlineOf: Graph | undefined;
function showOutline(): void {
  if (outline.hidden || !graph || outlineOf === graph) return;
  outlineOf = graph;
  renderOutline(outline, graph, reveal, selectNode);
}
outlineButton.addEventListener('click', () => {
  outline.hidden = !outline.hidden;
  showOutline();
  outlineButton.setAttribute('aria-expanded', String(!outline.hidden));
  state.outline = !outline.hidden;
  vscode.setState(state);
});
fitButton.addEventListener('click', () => view.fit());

async function exportDrawing(format: TopologyExportFormat, requestId?: number): Promise<void> {
  try {
    if (view.nodes.size === 0) throw new Error('There is nothing to export: the view is empty.');
    vscode.postMessage({
      type: 'exported',
      format,
      data: format === 'svg' ? toSvg(view) : await toPng(view),
      ...(requestId !== undefined ? { requestId } : {}),
    });
  } catch (error) {
    vscode.postMessage({
      type: 'exportFailed',
      message: error instanceof Error ? error.message : String(error),
      ...(requestId !== undefined ? { requestId } : {}),
    });
  }
}

let drawing: Promise<void> = Promise.resolve();

async function drawModel(message: Extract<TopologyToPage, { type: 'model' }>): Promise<void> {
  setScope(message.scope);
  title.textContent = message.title;
  const graphStart = performance.now();
  graph = buildGraph(message.model);
  performance.measure('topology:graph', { start: graphStart });
  const ms = await view.render(graph, shownScope !== message.scope);
  shownScope = message.scope;
  const findings =
    graph.nodes.reduce((sum, node) => sum + node.findings.length, 0) +
    graph.edges.reduce((sum, edge) => sum + edge.findings.length, 0);
  status.className = 'status';
  status.textContent = `${graph.nodes.length} resources · ${graph.edges.length} relations${findings + graph.unplaced.length ? ` · ${findings + graph.unplaced.length} findings` : ''}`;
  empty.hidden = graph.nodes.length > 0;
  empty.textContent =
    message.scope === 'file'
      ? 'No network resources in this file or what it pulls in. Switch to Workspace, or open a Bicep or ARM file.'
      : 'No network resources in the workspace.';
  const outlineStart = performance.now();
  showOutline();
  showSelectedResolutions(false);
  performance.measure('topology:outline', { start: outlineStart });
  vscode.postMessage({
    type: 'rendered',
    seq: message.seq,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    ms: Math.round(ms),
  });
}

window.addEventListener('message', (event: MessageEvent<TopologyToPage>) => {
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  switch (message.type) {
    case 'model':
      // The layout runs asynchronously: models are drawn one after another, in the order they came.
      drawing = drawing
        .then(() => drawModel(message))
        .catch((error: unknown) => {
          status.className = 'status error';
          status.textContent = `The drawing failed: ${error instanceof Error ? error.message : String(error)}`;
        });
      break;
    case 'error':
      status.className = 'status error';
      status.textContent = message.message;
      break;
    case 'export':
      void exportDrawing(message.format, message.requestId);
      break;
  }
});

// VS Code changes the theme by swapping the body class and the variables on <html>: restyle then.
let themeFrame = 0;
const themeChanged = () => {
  cancelAnimationFrame(themeFrame);
  themeFrame = requestAnimationFrame(() => view.applyTheme());
};
new MutationObserver(themeChanged).observe(document.body, { attributes: true, attributeFilter: ['class'] });
new MutationObserver(themeChanged).observe(document.documentElement, {
  attributes: true,
  attributeFilter: ['style', 'class'],
});

/** Read-only view of what is drawn, for the tests (in a browser and in VS Code) and for debugging. */
(window as unknown as { vnetLensTopology: unknown }).vnetLensTopology = { describe: () => describeDrawing(view) };

vscode.postMessage({ type: 'ready' });
warmUpElk();
