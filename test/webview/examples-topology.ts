// The topology the server sends for examples/ (workspace scope), computed here by the real engine on
// the real files: the model's JSON and the name resolutions (engine/topology-resolutions.ts). File
// names are relative to the repository, as `vnet-lens model` prints them.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isCandidateFileName, modelJson, resolutionsJson, Workspace, workspaceModel } from '../../server/src/engine';
import type { TopologyJson } from '../../server/src/protocol';

export async function examplesTopology(repoRoot: string): Promise<TopologyJson> {
  const root = path.join(repoRoot, 'examples');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (isCandidateFileName(file)) files.push(file);
    }
  };
  walk(root);
  const read = (uri: string) => {
    try {
      return fs.readFileSync(new URL(uri), 'utf8');
    } catch {
      return undefined;
    }
  };
  const workspace = new Workspace({ readFile: async (uri) => read(uri) });
  for (const file of files) workspace.setFile(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
  const model = modelJson(workspace, await workspaceModel(workspace, undefined));
  const relative = (uri: string) => (uri.startsWith('file:') ? path.relative(repoRoot, new URL(uri).pathname) : uri);
  for (const entity of model.entities) entity.file = relative(entity.file);
  return { ...model, resolutions: await resolutionsJson(workspace, undefined, 'AzureCloud') };
}
