// subnet-policies-value: a subnet's network-policy property holds a value that is not one of the
// property's values, or one the template's API version does not list yet, or the property predates
// that API version (facts checkPolicyValue, FACTS §3.1). Certain cases only: a known string and a
// comparable stable API version. A value that differs from a listed one only in case stays silent:
// FACTS does not say whether Azure compares these values case-sensitively. Anchor: the value.
import { checkPolicyValue, policyProperties, policyValues, type PolicyProperty } from '../facts';
import { certainlyCreatedAmong } from './support/certain';
import { lookup, subnetLabel, subnetPropertyPath } from './support/endpoint-common';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'subnet-policies-value',
  level: 'warning',
  fixable: true,
  startsFrom: ['subnets'],
  description: "A subnet's network-policy values are valid for the property and for the template's API version.",
  messages: {
    invalid:
      "Subnet {{subnet}} sets {{property}} to '{{value}}', which is not a value of that property in any API version ({{valid}}), so what Azure makes of it is undefined. Use '{{closest}}'.",
    invalidNoCloseValue:
      "Subnet {{subnet}} sets {{property}} to '{{value}}', which is not a value of that property in any API version ({{valid}}), so what Azure makes of it is undefined. Use one of those values.",
    newerApi:
      "Subnet {{subnet}} sets {{property}} to '{{value}}', a value the schema of API version {{apiVersion}} does not list (first listed in {{since}}). Use API version {{since}} or later.",
    notInApi:
      'Subnet {{subnet}} sets {{property}}, which API version {{apiVersion}} does not have (it arrived in {{since}}). Use API version {{since}} or later.',
  },
  check({ model, report }: RuleContext) {
    for (const subnet of certainlyCreatedAmong(model.subnets)) {
      // A subnet a registry module declares (an Azure Verified Module's `subnets` entry) has the module's
      // API version, which is not known here: only a value no version has is certain (no fix: the entry is
      // the module's parameter, not the subnet's property).
      const apiVersion = subnet.decl.apiVersion;
      for (const property of policyProperties) {
        const found = lookup(subnet.properties, property);
        if (!found?.present || typeof found.value !== 'string') continue;
        const value = found.value;
        const at = { decl: subnet.decl, path: subnetPropertyPath(subnet, property) };
        if (apiVersion === undefined) {
          if (!policyValues(property).some((listed) => listed.toLowerCase() === value.toLowerCase())) {
            const data = { subnet: subnetLabel(subnet), property, value, valid: validValues(property) };
            report({ messageId: 'invalidNoCloseValue', data, at });
          }
          continue;
        }
        const base = { subnet: subnetLabel(subnet), property, value, apiVersion };
        const result = checkPolicyValue(property, apiVersion, value);
        switch (result.status) {
          case 'invalid': {
            const valid = validValues(property);
            // No near value ('false', 'off'): which policy the author meant is not known, and the nearest
            // by letters could turn on the policies they meant to turn off. Said without a fix.
            if (result.closest === undefined) {
              report({ messageId: 'invalidNoCloseValue', data: { ...base, valid }, at });
              break;
            }
            report({
              messageId: 'invalid',
              data: { ...base, valid, closest: result.closest },
              at,
              fix: { kind: 'set-subnet-policy', property, value: result.closest },
            });
            break;
          }
          case 'newer-api':
            // FACTS §3.1: ARM accepts these values on older versions too; the schema just does not name them.
            // No fix: the remedy is a newer API version, and a listed value would mean something else.
            report({ messageId: 'newerApi', data: { ...base, since: result.since }, at });
            break;
          case 'property-not-in-api':
            report({ messageId: 'notInApi', data: { ...base, since: result.since }, at });
            break;
          default:
            // 'valid'; 'case-differs' (case rules unverified); 'unknown' (preview or malformed version).
            break;
        }
      }
    }
  },
});

const validValues = (property: PolicyProperty) =>
  policyValues(property)
    .map((v) => `'${v}'`)
    .join(', ');
