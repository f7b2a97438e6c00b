// Editing assistance for private networking, in editor terms but without LSP: completion of group ids,
// privatelink zone names, subnet policy values and peering flags, and hovers on private endpoints,
// subnets, peerings, private DNS zones and VNets. The language server adapts these to LSP (lsp/).
//
// API Boundary: `completionsAt` and `hoverAt` take the engine's Workspace and a 0-based offset and return
// plain data with offsets. The model comes from `modelOf` (the language server passes the last finished
// analysis's, so a request never waits for a running one); by default the workspace is evaluated now. Invariants: nothing here imports vscode-languageserver; no I/O beyond what the
// workspace's Host does for modules; a file that does not parse or evaluate gives no items, never a throw
// to the caller that is not the workspace's own.
import { workspaceModel, type Workspace } from '../engine';
import type { NetworkModel } from '../model';
import { completionsFor } from './complete';
import { armCursor } from './cursor-arm';
import { bicepCursor } from './cursor-bicep';
import { hoverFor } from './hover';
import type { AssistCompletion, AssistHover, AssistOptions, CursorContext } from './types';

export type * from './types';

/** The network model of the deployments that read a document. */
export type ModelSource = (uri: string) => Promise<NetworkModel>;

const evaluatedNow =
  (workspace: Workspace): ModelSource =>
  (uri) =>
    workspaceModel(workspace, uri);

/** Where the cursor is, for a file the workspace holds (Bicep or ARM template). */
export function cursorAt(workspace: Workspace, uri: string, offset: number): CursorContext | undefined {
  const file = workspace.file(uri);
  if (!file) return undefined;
  if (file.language === 'bicep') {
    const tree = workspace.bicepTree(uri);
    return tree ? bicepCursor(tree, file.text, offset) : undefined;
  }
  return file.language === 'arm-template' ? armCursor(file.text, offset) : undefined;
}

export async function completionsAt(
  workspace: Workspace,
  uri: string,
  offset: number,
  options: AssistOptions,
  modelOf: ModelSource = evaluatedNow(workspace),
): Promise<AssistCompletion[]> {
  const context = cursorAt(workspace, uri, offset);
  if (!context) return [];
  const model = await modelOf(uri);
  return completionsFor({ context, model, cloud: options.cloud, uri });
}

export async function hoverAt(
  workspace: Workspace,
  uri: string,
  offset: number,
  options: AssistOptions,
  modelOf: ModelSource = evaluatedNow(workspace),
): Promise<AssistHover | undefined> {
  const file = workspace.file(uri);
  if (!file || (file.language !== 'bicep' && file.language !== 'arm-template')) return undefined;
  const model = await modelOf(uri);
  return hoverFor(model, uri, offset, options.cloud);
}
