// The service-endpoint-missing fix: add `{ service: '<endpoint>' }` to the named subnet's
// `serviceEndpoints` (appended to a written list, or the property added), inline subnet or child subnet
// resource, Bicep or ARM. Declines where the edit would reach more than that subnet (a loop's shared
// source), where the list is not written as a plain array, and on registry-modelled subnets.
import { arr, obj } from './gen';
import { bodyPath, editorFor, single } from './property-fixes';
import type { Builder } from './types';

export const addServiceEndpoint: Builder<'add-service-endpoint'> = (docs, { service, subnet }) => {
  const decl = subnet.decl;
  if (decl.registry) return [];
  if (decl.count !== 1 || decl.instance !== undefined) return [];
  const editor = editorFor(docs, decl);
  if (!editor) return [];
  const path = bodyPath(`${subnet.path}.serviceEndpoints`);
  const entry = obj(['service', service]);
  const edits = editor.valueAt(path) ? editor.append(path, [entry]) : editor.set(path, arr(entry));
  return single(decl, `Add the '${service}' service endpoint to the subnet`, edits);
};
