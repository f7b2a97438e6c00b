// A template's declarations by lower-cased name (ARM names match case-insensitively), indexed once per
// template of a loaded file and kept with it: a cached registry module is evaluated on every call of
// every analysis, and each evaluation indexed its parameters, variables and functions anew (about 2 MB
// of maps a round of the registry bench). Held by the file, not in a WeakMap keyed by the template.
import type { ArmTemplate } from '../../syntax/arm';
import type { LoadedArmFile, TemplateNames } from './input';

/** The names of `template`, one of `file`'s (its own or an inline one). */
export function templateNames(file: LoadedArmFile, template: ArmTemplate): TemplateNames {
  let names = file.templateNames.get(template);
  if (!names) file.templateNames.set(template, (names = indexNames(template)));
  return names;
}

function indexNames(template: ArmTemplate): TemplateNames {
  return {
    parameters: new Map(template.parameters.map((parameter) => [parameter.name.toLowerCase(), parameter])),
    variables: new Map(template.variables.map((variable) => [variable.name.toLowerCase(), variable])),
    functions: new Map(template.functions.map((fn) => [`${fn.namespace}.${fn.name}`.toLowerCase(), fn])),
  };
}
