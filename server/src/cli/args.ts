// The command line's grammar (DESIGN §7): subcommands, their options and what is valid.
// Invariant: every mistake in the arguments becomes a UsageError with a message, never a throw
// that escapes to the user.
import { parseArgs } from 'node:util';
import { clouds, type Cloud } from '../facts';

export type OutputFormat = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'none';

export interface CheckCommand {
  command: 'check';
  paths: string[];
  format: OutputFormat;
  fix: boolean;
  dryRun: boolean;
  cloud: Cloud;
  /** Whether --cloud was given (it then wins over vnetlens.json). */
  cloudGiven: boolean;
  config: string | undefined;
  failOn: FailOn;
  /** --baseline FILE: report only findings not recorded in it (or whose entry expired). */
  baseline: string | undefined;
  /** --write-baseline FILE: record the current findings there. */
  writeBaseline: string | undefined;
  /** Read referenced files outside the paths given (off: they are unknown, with a note). */
  allowOutside: boolean;
}

export interface ParseCommand {
  command: 'parse' | 'model';
  paths: string[];
  format: 'text' | 'json';
  /** `model --format text --ids`: print resource ids too. */
  ids: boolean;
  allowOutside: boolean;
}

/** `resolve <target> --from <vnet> [paths]`: how the target's name resolves from the VNet. */
export interface ResolveCommand {
  command: 'resolve';
  /** A resource name, or `<name>.<service suffix>` (an FQDN). */
  target: string;
  from: string;
  paths: string[];
  format: 'text' | 'json';
  cloud: Cloud;
  allowOutside: boolean;
}

export type CliCommand = CheckCommand | ParseCommand | ResolveCommand | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const usage = `Usage: vnet-lens <command> <file|dir>... [options]
       vnet-lens resolve <resource-name|fqdn> --from <vnet> [<file|dir>...] [options]

Commands:
  check   report private-networking problems
  parse   report each file's language and syntax errors
  model   print the network model the templates describe
  resolve explain how a private-link target's name resolves from a virtual network
          (paths default to the current folder)

Options for check:
  --format text|json|sarif   output format (default: text)
  --fix                      apply the preferred quick fixes in place
  --dry-run                  with --fix: print the changes as a unified diff, write nothing
  --cloud NAME               AzureCloud (default), AzureUSGovernment or AzureChinaCloud
  --config FILE              a vnetlens.json with rule levels (default: the nearest one)
  --fail-on error|warning|none
                             exit 1 when a finding at or above this level exists (default: error)
  --baseline FILE            report only findings not recorded in FILE (default: the
                             "baseline" named in vnetlens.json, if any)
  --write-baseline FILE      record the current findings in FILE (then exit 0)
Options for resolve:
  --from VNET                the virtual network the query comes from (name or id)
  --format text|json         output format (default: text)
  --cloud NAME               as for check
Options for parse and model:
  --format json|text         output format (default: json)
  --ids                      model --format text: print resource ids too
Options for all:
  --allow-outside            read modules and templates outside the paths given
                             (by default they are not read: what they declare is unknown)

  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error.`;

const formats = ['text', 'json', 'sarif'] as const;
const failOnLevels = ['error', 'warning', 'none'] as const;

export function parseCommandLine(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        fix: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        cloud: { type: 'string' },
        config: { type: 'string' },
        'fail-on': { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        ids: { type: 'boolean' },
        from: { type: 'string' },
        'allow-outside': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(parserMessage(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };

  const [first, ...rest] = positionals;
  if (first === undefined) throw new UsageError('No command given.');
  let command: string = first;
  let paths = rest;
  if (command === 'help') return { command: 'help' };
  if (command === 'resolve') return resolveCommand(rest, values);
  if (values.from !== undefined) throw new UsageError("--from applies to 'resolve' only.");
  if (command !== 'check' && command !== 'parse' && command !== 'model')
    throw new UsageError(`Unknown command '${command}'.`);
  if (paths.length === 0) throw new UsageError(`'${command}' needs at least one file or folder.`);
  if (values.ids && command !== 'model') throw new UsageError("--ids applies to 'model' only.");

  if (command !== 'parse' && command !== 'model') {
    const format = oneOf(values.format ?? 'text', formats, '--format');
    if (values['dry-run'] && !values.fix) throw new UsageError('--dry-run only goes with --fix.');
    if (values.baseline !== undefined && values['write-baseline'] !== undefined)
      throw new UsageError('--baseline and --write-baseline do not go together.');
    return {
      command: 'check',
      paths,
      format,
      fix: values.fix ?? false,
      dryRun: values['dry-run'] ?? false,
      cloud: oneOf(values.cloud ?? 'AzureCloud', clouds, '--cloud'),
      cloudGiven: values.cloud !== undefined,
      config: values.config,
      failOn: oneOf(values['fail-on'] ?? 'error', failOnLevels, '--fail-on'),
      baseline: values.baseline,
      writeBaseline: values['write-baseline'],
      allowOutside: values['allow-outside'] ?? false,
    };
  }
  for (const option of ['fix', 'dry-run', 'cloud', 'config', 'fail-on', 'baseline', 'write-baseline'] as const) {
    if (values[option] !== undefined) throw new UsageError(`--${option} applies to 'check' only.`);
  }
  return {
    command,
    paths,
    format: oneOf(values.format ?? 'json', ['json', 'text'] as const, '--format'),
    ids: values.ids ?? false,
    allowOutside: values['allow-outside'] ?? false,
  };
}

function resolveCommand(
  positionals: readonly string[],
  values: Record<string, string | boolean | undefined>,
): ResolveCommand {
  const [target, ...paths] = positionals;
  if (target === undefined || target.trim() === '')
    throw new UsageError("'resolve' needs a target: a resource name or an FQDN.");
  if (typeof values.from !== 'string' || values.from.trim() === '')
    throw new UsageError("'resolve' needs --from <vnet>.");
  for (const option of ['fix', 'dry-run', 'config', 'fail-on', 'baseline', 'write-baseline', 'ids'] as const) {
    if (values[option] !== undefined) throw new UsageError(`--${option} does not apply to 'resolve'.`);
  }
  return {
    command: 'resolve',
    target,
    from: values.from,
    paths: paths.length > 0 ? [...paths] : ['.'],
    format: oneOf(typeof values.format === 'string' ? values.format : 'text', ['text', 'json'] as const, '--format'),
    cloud: oneOf(typeof values.cloud === 'string' ? values.cloud : 'AzureCloud', clouds, '--cloud'),
    allowOutside: values['allow-outside'] === true,
  };
}

/** Node's parser explains how to pass a positional that starts with '-'; users need one line. */
function parserMessage(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `Unknown option '${option}'.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /does not take/.test(message) ? `${option} takes no value.` : `${option} needs a value.`;
  }
  return message.split('\n')[0];
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got '${value}').`);
}
