// Reads a deployment template object into an `ArmTemplate` view: parameters, variables (and variable copy
// loops), user functions, definitions, resources, outputs, and every expression evaluated in it.
// Invariants: sections of the wrong shape are skipped whole, declarations of the wrong shape one by one;
// inline templates of nested deployments are read as templates of their own (resource-reader.ts), and their
// expressions belong to them, not to this template.
import type { Node } from 'jsonc-parser';
import { defineKeywords, jsonString, keywordValue, keywordValues, membersOf, none } from './json-nodes';
import {
  acceptPart,
  acceptedMembers,
  collectExpressions,
  namedFrom,
  rejectedKeywords,
  skip,
  type ReadContext,
} from './read-context';
import { readCopy, readResource } from './resource-reader';
import type {
  ArmExpressionSite,
  ArmNestedDeployment,
  ArmOutput,
  ArmParameter,
  ArmResource,
  ArmTemplate,
  ArmUserFunction,
  ArmVariable,
} from './template-types';

const templateKeywords = defineKeywords(() => ({
  languageversion: none,
  parameters: none,
  variables: none,
  functions: none,
  definitions: none,
  resources: none,
  outputs: none,
}));
const parameterKeywords = defineKeywords(() => ({ type: none, defaultvalue: none, allowedvalues: none }));
const outputKeywords = defineKeywords(() => ({ type: none, value: none, condition: none, copy: none }));

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };

/** Reads the template object `node`; `deployment` is set for an inline template of a nested deployment. */
export function readTemplate(
  context: ReadContext,
  node: Node,
  deployment: ArmNestedDeployment | undefined,
): ArmTemplate {
  const rejected = rejectedKeywords(context, 'template', node);
  const sections = keywordValues(node, templateKeywords);
  for (const keyword of rejected) sections[keyword as keyof typeof sections] = undefined;
  const template: Mutable<ArmTemplate> = {
    node,
    languageVersion: jsonString(sections.languageversion),
    parameters: readParameters(context, sections.parameters),
    variables: readVariables(context, sections.variables),
    functions: readFunctions(context, sections.functions),
    definitions: membersOf(sections.definitions).map(namedFrom),
    resources: [],
    symbolicNames: sections.resources?.type === 'object',
    outputs: readOutputs(context, sections.outputs),
    deployment,
    expressions: [],
  };
  readResources(context, template, sections.resources);
  if (context.parseExpressions) collectTemplateExpressions(context, template);
  return template;
}

function readParameters(context: ReadContext, section: Node | undefined): ArmParameter[] {
  const parameters: ArmParameter[] = [];
  for (const member of acceptedMembers(context, section, 'parameter')) {
    const keywords = keywordValues(member.value, parameterKeywords);
    parameters.push({
      name: member.name,
      nameNode: member.nameNode,
      node: member.value,
      type: keywords.type,
      typeName: jsonString(keywords.type),
      defaultValue: keywords.defaultvalue,
      allowedValues: keywords.allowedvalues,
    });
  }
  return parameters;
}

/** Variables in file order; a `copy` array among them declares one variable per entry. */
function readVariables(context: ReadContext, section: Node | undefined): ArmVariable[] {
  const variables: ArmVariable[] = [];
  for (const member of membersOf(section)) {
    if (member.name.toLowerCase() !== 'copy') {
      variables.push({
        kind: 'value',
        name: member.name,
        nameNode: member.nameNode,
        node: member.value,
        value: member.value,
      });
    } else if (member.value.type !== 'array') {
      skip(context, member.value, "variables 'copy' must be an array of copy loops");
    } else {
      for (const entry of member.value.children ?? []) {
        if (!acceptPart(context, 'variableCopy', entry)) continue;
        const nameNode = keywordValue(entry, 'name')!;
        variables.push({
          kind: 'copy',
          name: String(nameNode.value),
          nameNode,
          node: entry,
          count: keywordValue(entry, 'count'),
          input: keywordValue(entry, 'input'),
        });
      }
    }
  }
  return variables;
}

function readFunctions(context: ReadContext, section: Node | undefined): ArmUserFunction[] {
  const functions: ArmUserFunction[] = [];
  for (const namespaceNode of section?.children ?? []) {
    if (!acceptPart(context, 'functionNamespace', namespaceNode)) continue;
    const namespaceName = keywordValue(namespaceNode, 'namespace')!;
    for (const member of acceptedMembers(context, keywordValue(namespaceNode, 'members'), 'functionMember')) {
      const output = keywordValue(member.value, 'output');
      const parameters = (keywordValue(member.value, 'parameters')?.children ?? []).map((parameter) => {
        const nameNode = keywordValue(parameter, 'name')!;
        return { name: String(nameNode.value), nameNode, node: parameter, type: keywordValue(parameter, 'type') };
      });
      functions.push({
        name: member.name,
        nameNode: member.nameNode,
        node: member.value,
        namespace: String(namespaceName.value),
        namespaceNode: namespaceName,
        parameters,
        output,
        outputType: keywordValue(output, 'type'),
        outputValue: keywordValue(output, 'value'),
      });
    }
  }
  return functions;
}

function readResources(context: ReadContext, template: Mutable<ArmTemplate>, section: Node | undefined): void {
  if (section === undefined) return;
  if (section.type === 'array') {
    for (const node of section.children ?? [])
      pushResource(template, readResource(context, template, node, undefined, undefined));
  } else {
    for (const member of membersOf(section)) {
      pushResource(template, readResource(context, template, member.value, undefined, member.nameNode));
    }
  }
}

function pushResource(template: Mutable<ArmTemplate>, resource: ArmResource | undefined): void {
  if (resource !== undefined) template.resources.push(resource);
}

function readOutputs(context: ReadContext, section: Node | undefined): ArmOutput[] {
  const outputs: ArmOutput[] = [];
  for (const member of acceptedMembers(context, section, 'output')) {
    const keywords = keywordValues(member.value, outputKeywords);
    outputs.push({
      name: member.name,
      nameNode: member.nameNode,
      node: member.value,
      type: keywords.type,
      value: keywords.value,
      condition: keywords.condition,
      copy: readCopy(keywords.copy),
    });
  }
  return outputs;
}

/** The places ARM evaluates: default values, variables, function outputs, resources and output values. */
function collectTemplateExpressions(context: ReadContext, template: Mutable<ArmTemplate>): void {
  const sites: ArmExpressionSite[] = template.expressions;
  for (const parameter of template.parameters) collectExpressions(context, template, parameter.defaultValue, sites);
  for (const variable of template.variables) {
    if (variable.kind === 'value') {
      collectExpressions(context, template, variable.value, sites);
    } else {
      collectExpressions(context, template, variable.count, sites);
      collectExpressions(context, template, variable.input, sites);
    }
  }
  for (const fn of template.functions) collectExpressions(context, template, fn.outputValue, sites);
  for (const resource of template.resources) collectResourceExpressions(context, template, resource, sites);
  for (const output of template.outputs) {
    collectExpressions(context, template, output.condition, sites);
    collectExpressions(context, template, output.copy?.node, sites);
    collectExpressions(context, template, output.value, sites);
  }
}

/** A resource's own expressions: its nested children and an inline template are walked on their own. */
function collectResourceExpressions(
  context: ReadContext,
  template: ArmTemplate,
  resource: ArmResource,
  sites: ArmExpressionSite[],
): void {
  const exclude: Node[] = [];
  const children = keywordValue(resource.node, 'resources');
  if (children !== undefined) exclude.push(children);
  // An inline template object is read on its own; even one of the wrong shape is not this template's to
  // evaluate. (A template given as an expression is this template's expression.)
  const inline =
    resource.deployment !== undefined ? keywordValue(resource.deployment.properties, 'template') : undefined;
  if (inline !== undefined && inline.type !== 'string') exclude.push(inline);
  collectExpressions(context, template, resource.node, sites, exclude);
  for (const child of resource.children) collectResourceExpressions(context, template, child, sites);
}
