// The topology page (browser code, bundled apart from the engine). It receives the model as JSON
// through postMessage and never imports engine code. The drawing arrives with the topology issue;
// until then the page lists what the model holds, as text.
import type { ModelJson } from '../../server/src/protocol';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('topology');

window.addEventListener('message', (event: MessageEvent<{ type: string; model?: ModelJson }>) => {
  if (event.data.type !== 'model' || !event.data.model || !root) return;
  root.textContent = `${event.data.model.entities.length} resources, ${event.data.model.references.length} references`;
});

vscode.postMessage({ type: 'ready' });
