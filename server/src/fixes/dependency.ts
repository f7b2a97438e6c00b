// Adds a deployment dependency: the finding's resource waits for another of the same template
// (peering-remote-gateway-order: the peering on the remote VNet's gateway). Bicep gets the symbol in
// `dependsOn`; ARM the symbolic name (languageVersion 2.0), the copy loop's name, or a `resourceId()`
// of the resource's own name expression. Invariant: only within one evaluation of one template (the
// same file through the same module calls), only where the entry names exactly that resource where it
// is deployed, and only where that resource does not already wait for this one; else no fix.
import { orderedBefore, type ResourceDecl } from '../model';
import type { FixDocuments } from './documents';
import { arr, expr, type Gen } from './gen';
import { editorFor, single } from './property-fixes';
import type { Builder } from './types';

export const addDependency: Builder<'add-dependency'> = (docs, { dependency }, anchor) => {
  const decl = anchor.decl;
  if (!decl.order || dependency.order?.frame !== decl.order.frame) return [];
  // A dependency that waits for the resource already would close a cycle, which ARM rejects before
  // deploying anything: a gateway on a hub VNet that depends on the spoke carrying the peering. (An
  // order not known, through a resource not analysed such as the gateway's public IP, is no cycle.)
  if (orderedBefore(decl, dependency) === true) return [];
  const entry = decl.language === 'bicep' ? dependency.symbol && expr(dependency.symbol) : armEntry(docs, dependency);
  const editor = editorFor(docs, decl);
  if (!entry || !editor) return [];
  const present = editor.has('dependsOn');
  if (present === undefined) return [];
  const edits = present ? editor.append('dependsOn', [entry]) : editor.set('dependsOn', arr(entry));
  const named = dependency.symbol ?? (typeof dependency.name === 'string' ? dependency.name : 'the gateway');
  return single(decl, `Add a dependency on '${named}'`, edits);
};

/** How an ARM `dependsOn` names the resource where the template deploys it. */
function armEntry(docs: FixDocuments, dependency: ResourceDecl): Gen | undefined {
  if (dependency.symbol) return dependency.symbol;
  const editor = editorFor(docs, dependency);
  if (!editor) return undefined;
  // Another resource group or subscription would need its scope in the id: no fix.
  if (editor.has('resourceGroup') !== false || editor.has('subscriptionId') !== false || editor.has('scope') !== false)
    return undefined;
  const loop = editor.valueAt('copy.name');
  if (loop) return loop.literal ? jsonString(loop.text) : undefined;
  const name = editor.valueAt('name');
  if (!name || dependency.type.split('/').length !== 2) return undefined;
  const text = jsonString(name.text);
  if (text === undefined) return undefined;
  const nameExpression = name.literal
    ? `'${text.replace(/'/g, "''")}'`
    : text.startsWith('[') && text.endsWith(']')
      ? text.slice(1, -1)
      : undefined;
  return nameExpression && expr(`resourceId('${dependency.type}', ${nameExpression})`);
}

function jsonString(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
