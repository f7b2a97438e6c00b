// The network model as JSON, the shape the `model` command, the server's vnetLens/model request
// and the topology view share.
import type { ModelJson } from '../protocol';

export function emptyModel(): ModelJson {
  return { entities: [], references: [] };
}
