// The JSON Schema of the ARM shapes the views rely on (see skeleton-schema.ts), as plain data: read by
// skeleton-schema.ts at run time (to project parts) and by scripts/write-validators.ts at build time,
// which compiles it with ajv into generated/skeleton-validators.ts.
const stringOrExpression = { type: 'string' } as const;
const countValue = { type: ['integer', 'string'] } as const;
const copyLoop = {
  type: 'object',
  required: ['name'],
  properties: { name: stringOrExpression, count: countValue, mode: { type: 'string' }, batchsize: countValue },
} as const;

/** Keys are lower-cased ARM keywords (see `project`). */
export const skeleton = {
  $id: 'vnet-lens:arm-skeleton',
  definitions: {
    template: {
      type: 'object',
      properties: {
        $schema: { type: 'string' },
        contentversion: { type: 'string' },
        languageversion: { type: 'string' },
        parameters: { type: 'object' },
        variables: { type: 'object' },
        functions: { type: 'array' },
        definitions: { type: 'object' },
        resources: { type: ['array', 'object'] },
        outputs: { type: 'object' },
      },
    },
    parameter: {
      type: 'object',
      properties: { type: { type: 'string' }, allowedvalues: { type: 'array' } },
    },
    variableCopy: {
      type: 'object',
      required: ['name', 'count'],
      properties: { name: { type: 'string' }, count: countValue },
    },
    functionNamespace: {
      type: 'object',
      required: ['namespace'],
      properties: { namespace: { type: 'string' }, members: { type: 'object' } },
    },
    functionMember: {
      type: 'object',
      properties: {
        parameters: {
          type: 'array',
          items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
        },
        output: { type: 'object' },
      },
    },
    resource: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { type: 'string', minLength: 1 },
        apiversion: { type: 'string' },
        condition: { type: ['boolean', 'string'] },
        existing: { type: ['boolean', 'string'] },
        dependson: { type: 'array' },
        resources: { type: 'array' },
        copy: copyLoop,
      },
    },
    deploymentProperties: {
      type: 'object',
      properties: {
        // Both may be expressions (Bicep writes `loadJsonContent` templates as a variable).
        template: { type: ['object', 'string'] },
        parameters: { type: ['object', 'string'] },
        expressionevaluationoptions: { type: 'object', properties: { scope: { type: 'string' } } },
        templatelink: {
          type: 'object',
          properties: { relativepath: { type: 'string' }, uri: { type: 'string' }, id: { type: 'string' } },
        },
      },
    },
    output: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        condition: { type: ['boolean', 'string'] },
        copy: { type: 'object', required: ['count'], properties: { count: countValue } },
      },
    },
    parameterFile: {
      type: 'object',
      properties: { $schema: { type: 'string' }, parameters: { type: 'object' } },
    },
    parameterValue: {
      type: 'object',
      properties: { reference: { type: 'object' } },
    },
    // In a nested deployment, an expression may give the whole `{ value }` object.
    deploymentParameterValue: {
      type: ['object', 'string'],
      properties: { reference: { type: 'object' } },
    },
  },
} as const;
