// The optional workspace configuration file `vnetlens.json` (rule levels, cloud, baseline, privateDns),
// validated with ajv against the JSON Schema the extension ships (schemas/vnetlens.schema.json). Invariant: a bad
// file never stops analysis: it yields errors with ranges in the file, and defaults apply.
// Invariant: no code is generated at run time. The validator is ajv's standalone output, written at
// build time by scripts/write-validators.ts (ajv.compile would call `new Function`).
import type { ErrorObject } from 'ajv';
import {
  createScanner,
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
  type SyntaxKind,
} from 'jsonc-parser';
import generatedValidate from './generated/config-validator';
import type { Cloud } from '../facts';
import type { ConfiguredLevel, PrivateDnsSettings } from './types';

export const configFileName = 'vnetlens.json';

export interface WorkspaceConfig {
  cloud?: Cloud;
  /** The baseline file, relative to the folder of vnetlens.json (engine/baseline.ts). */
  baseline?: string;
  rules: Record<string, ConfiguredLevel>;
  /** `privateDns`: who creates zone groups; each part absent when the file does not say. */
  privateDns?: PrivateDnsConfig;
}

/** The `privateDns` section as written (in vnetlens.json or the `vnetLens.privateDns.*` settings). */
export interface PrivateDnsConfig {
  zoneGroups?: PrivateDnsSettings['zoneGroups'];
  policyGroupIds?: readonly string[];
}

/**
 * The analysis's privateDns from configuration layers, the first that says each part winning; undefined
 * (zone groups come from the templates) unless some layer says 'policy'.
 */
export function effectivePrivateDns(
  ...layers: readonly (PrivateDnsConfig | undefined)[]
): PrivateDnsSettings | undefined {
  const zoneGroups = layers.find((layer) => layer?.zoneGroups !== undefined)?.zoneGroups;
  if (zoneGroups !== 'policy') return undefined;
  const policyGroupIds = layers.find((layer) => layer?.policyGroupIds !== undefined)?.policyGroupIds;
  return { zoneGroups, ...(policyGroupIds ? { policyGroupIds: [...policyGroupIds] } : {}) };
}

export interface ConfigError {
  start: number;
  end: number;
  message: string;
}

const validate = generatedValidate as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Deepest nesting read: the schema needs three levels; a deeper file would only overflow the parser's stack. */
const maxConfigDepth = 32;

export function readConfig(text: string): { config: WorkspaceConfig; errors: ConfigError[] } {
  const tooDeep = nestedPast(text, maxConfigDepth);
  if (tooDeep !== undefined) {
    return {
      config: { rules: {} },
      errors: [
        {
          start: tooDeep,
          end: tooDeep + 1,
          message: `${configFileName} is nested more than ${maxConfigDepth} levels deep; default rule levels apply.`,
        },
      ],
    };
  }
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  if (parseErrors.length > 0 || !root) {
    const first = parseErrors[0];
    return {
      config: { rules: {} },
      errors: [
        {
          start: first?.offset ?? 0,
          end: (first?.offset ?? 0) + (first?.length ?? 0),
          message: `${configFileName} is not valid JSON (${first ? printParseErrorCode(first.error) : 'empty'}); default rule levels apply.`,
        },
      ],
    };
  }
  const value = nodeValue(root);
  if (validate(value)) {
    const data = value as {
      cloud?: Cloud;
      baseline?: string;
      rules?: Record<string, ConfiguredLevel>;
      privateDns?: PrivateDnsConfig;
    };
    return {
      config: {
        ...(data.cloud ? { cloud: data.cloud } : {}),
        ...(data.baseline ? { baseline: data.baseline } : {}),
        rules: { ...(data.rules ?? {}) },
        ...(data.privateDns ? { privateDns: { ...data.privateDns } } : {}),
      },
      errors: [],
    };
  }
  return { config: { rules: {} }, errors: (validate.errors ?? []).map((error) => locate(root, error)) };
}

function locate(root: Node, error: ErrorObject): ConfigError {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra =
    error.keyword === 'additionalProperties'
      ? (error.params as { additionalProperty: string }).additionalProperty
      : undefined;
  const node =
    (extra !== undefined ? findNodeAtLocation(root, [...path, extra])?.parent : undefined) ??
    findNodeAtLocation(root, path) ??
    root;
  const where = extra !== undefined ? `'${extra}'` : path.length > 0 ? `'${path.join('.')}'` : 'the file';
  const detail =
    extra !== undefined
      ? 'is not a known setting or rule id'
      : error.keyword === 'enum'
        ? `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
        : (error.message ?? 'is not valid');
  return {
    start: node.offset,
    end: node.offset + node.length,
    message: `${configFileName}: ${where} ${detail}; default rule levels apply.`,
  };
}

/** The offset of the first bracket nested deeper than `limit`, found by the scanner (no recursion); undefined if none. */
function nestedPast(text: string, limit: number): number | undefined {
  // jsonc-parser's SyntaxKind values (a const enum, which isolated modules cannot read).
  const [openBrace, closeBrace, openBracket, closeBracket, end] = [1, 2, 3, 4, 17] as SyntaxKind[];
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== end; token = scanner.scan()) {
    if (token === openBrace || token === openBracket) {
      if (++depth > limit) return scanner.getTokenOffset();
    } else if (token === closeBrace || token === closeBracket) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).map((property) => [
          property.children?.[0]?.value,
          property.children?.[1] ? nodeValue(property.children[1]) : null,
        ]),
      );
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}
