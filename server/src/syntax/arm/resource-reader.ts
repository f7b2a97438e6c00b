// Reads resource objects into `ArmResource` views: keywords, copy loops, nested child resources (type and
// name composed with the parent's) and nested deployments (inline templates read recursively).
// Invariants: a resource of the wrong shape (e.g. no string `type`) is skipped with its children; a child's
// full type and name are composed structurally (`typeChain`, `nameChain`) and as strings only when every
// part is a literal; recursion follows the JSON nesting, which json-tree.ts bounds.
import type { Node } from 'jsonc-parser';
import { armLiteralString } from './expression';
import { defineKeywords, keywordValue, keywordValues, none } from './json-nodes';
import { acceptedMembers, acceptPart, rejectedKeywords, type ReadContext } from './read-context';
import type { ArmCopy, ArmNestedDeployment, ArmParameterValue, ArmResource, ArmTemplate } from './template-types';

const resourceKeywords = defineKeywords(() => ({
  type: none,
  name: none,
  apiversion: none,
  location: none,
  condition: none,
  dependson: none,
  existing: none,
  scope: none,
  properties: none,
  copy: none,
  resources: none,
}));
const copyKeywords = defineKeywords(() => ({ name: none, count: none, mode: none, batchsize: none, input: none }));
const deploymentKeywords = defineKeywords(() => ({
  template: none,
  parameters: none,
  expressionevaluationoptions: none,
  templatelink: none,
  mode: none,
}));
const deploymentType = 'microsoft.resources/deployments';

type MutableResource = { -readonly [K in keyof ArmResource]: K extends 'children' ? ArmResource[] : ArmResource[K] };

/** Reads a resource object; `undefined` (and a skip) when it lacks the shape of a resource. */
export function readResource(
  context: ReadContext,
  template: ArmTemplate,
  node: Node,
  parent: ArmResource | undefined,
  symbolicNameNode: Node | undefined,
): ArmResource | undefined {
  if (!acceptPart(context, 'resource', node)) return undefined;
  const keywords = keywordValues(node, resourceKeywords);
  const type = keywords.type!;
  const ownType = armLiteralString(type);
  // A relative type (`subnets`, `blobServices/containers`) has no provider namespace (`Microsoft.Network`).
  const relative = parent !== undefined && !(ownType ?? '').split('/')[0].includes('.');
  const typeChain = relative ? [...parent.typeChain, type] : [type];
  const name = keywords.name;
  const nameChain =
    name === undefined ? undefined : relative ? parent.nameChain && [...parent.nameChain, name] : [name];
  const resource: MutableResource = {
    node,
    template,
    parent,
    symbolicName: symbolicNameNode === undefined ? undefined : String(symbolicNameNode.value),
    symbolicNameNode,
    type,
    name,
    fullType: joinLiterals(typeChain),
    typeChain,
    nameChain,
    fullName: nameChain && joinLiterals(nameChain),
    apiVersion: keywords.apiversion,
    location: keywords.location,
    condition: keywords.condition,
    dependsOn: keywords.dependson,
    existing: keywords.existing,
    scope: keywords.scope,
    properties: keywords.properties,
    copy: readCopy(keywords.copy),
    children: [],
    deployment: undefined,
  };
  for (const child of keywords.resources?.children ?? []) {
    const read = readResource(context, template, child, resource, undefined);
    if (read !== undefined) resource.children.push(read);
  }
  if (resource.fullType?.toLowerCase() === deploymentType && keywords.properties?.type === 'object') {
    resource.deployment = readDeployment(context, resource, keywords.properties);
  }
  return resource;
}

/** The values of literal string nodes joined by `/`, or `undefined` when one is not a literal. */
function joinLiterals(nodes: readonly Node[]): string | undefined {
  let joined: string | undefined;
  for (const node of nodes) {
    const literal = armLiteralString(node);
    if (literal === undefined) return undefined;
    joined = joined === undefined ? literal : `${joined}/${literal}`;
  }
  return joined;
}

export function readCopy(node: Node | undefined): ArmCopy | undefined {
  if (node === undefined || node.type !== 'object') return undefined;
  const keywords = keywordValues(node, copyKeywords);
  return {
    node,
    name: keywords.name,
    count: keywords.count,
    mode: keywords.mode,
    batchSize: keywords.batchsize,
    input: keywords.input,
  };
}

function readDeployment(context: ReadContext, resource: ArmResource, properties: Node): ArmNestedDeployment {
  const rejected = rejectedKeywords(context, 'deploymentProperties', properties);
  const keywords = keywordValues(properties, deploymentKeywords);
  for (const keyword of rejected) keywords[keyword as keyof typeof keywords] = undefined;
  const scopeNode = keywordValue(keywords.expressionevaluationoptions, 'scope');
  const deployment: { -readonly [K in keyof ArmNestedDeployment]: ArmNestedDeployment[K] } = {
    resource,
    properties,
    scope: armLiteralString(scopeNode)?.toLowerCase() === 'inner' ? 'inner' : 'outer',
    scopeNode,
    template: undefined,
    templateNode: keywords.template,
    parameters: readParameterValues(context, keywords.parameters, 'deploymentParameterValue'),
    parametersNode: keywords.parameters,
    templateLink: keywords.templatelink,
    relativePath: keywordValue(keywords.templatelink, 'relativepath'),
    mode: keywords.mode,
  };
  if (keywords.template?.type === 'object')
    deployment.template = context.readTemplate(context, keywords.template, deployment);
  return deployment;
}

/** The members of a `parameters` object of values: a parameter file's, or a nested deployment's. */
export function readParameterValues(
  context: ReadContext,
  section: Node | undefined,
  part: 'parameterValue' | 'deploymentParameterValue',
): ArmParameterValue[] {
  const values: ArmParameterValue[] = [];
  for (const member of acceptedMembers(context, section, part)) {
    values.push({
      name: member.name,
      nameNode: member.nameNode,
      node: member.value,
      value: keywordValue(member.value, 'value'),
      reference: keywordValue(member.value, 'reference'),
    });
  }
  return values;
}
