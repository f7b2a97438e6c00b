// `vnet-lens resolve <target> --from <vnet> [paths]`: how a private-link target's name resolves from
// a VNet, as numbered steps (text) or `{ answer, steps, … }` (JSON). Exit 0 when explained, 2 when the
// files hold no such target or VNet (or on I/O errors). Invariant: template names are escaped.
import { classifyFile, resolveInDocuments, type Resolution } from '../engine';
import type { ResolveCommand } from './args';
import { escapeControls, escapeJsonControls } from './escape';
import { exitCodes, type CliIo } from './io';
import { hostFor, loadFiles } from './run-files';

export async function runResolve(command: ResolveCommand, io: CliIo): Promise<number> {
  const { documents, ioErrors, missing } = loadFiles(command.paths, io);
  if (missing > 0) return exitCodes.usageOrIo;
  const analysable = documents.filter((document) => classifyFile(document.uri, document.text) !== 'other');
  const outcome = await resolveInDocuments(
    analysable,
    hostFor(command, io),
    command.cloud,
    command.target,
    command.from,
  );
  for (const problem of outcome.problems) io.stderr(`vnet-lens: ${escapeControls(problem)}\n`);
  if (outcome.resolutions.length === 0) return exitCodes.usageOrIo;
  if (command.format === 'json') {
    const body =
      outcome.resolutions.length === 1
        ? outcome.resolutions[0]
        : { answer: combined(outcome.resolutions), steps: [], resolutions: outcome.resolutions };
    io.stdout(escapeJsonControls(JSON.stringify(body, null, 2)) + '\n');
  } else {
    io.stdout(outcome.resolutions.map(resolutionText).join('\n'));
  }
  return ioErrors > 0 ? exitCodes.usageOrIo : exitCodes.clean;
}

/** Several deployments (or VNets of one name) that agree give their answer; otherwise unknown. */
function combined(resolutions: readonly Resolution[]): Resolution['answer'] {
  return resolutions.every((resolution) => resolution.answer === resolutions[0].answer)
    ? resolutions[0].answer
    : 'unknown';
}

/** `<target> from <vnet>: <answer>` and the numbered steps; each line escaped. */
export function resolutionText(resolution: Resolution): string {
  const lines = [`${resolution.target} from ${resolution.from}: ${resolution.answer}`];
  resolution.steps.forEach((step, index) => lines.push(`  ${index + 1}. ${step.text}`));
  return lines.map((line) => escapeControls(line)).join('\n') + '\n';
}
