// The name-resolution panel over the drawing: for the selected VNet or target, how each private-link
// target's names resolve from each VNet that reaches it (the server's explainer, engine/resolve.ts),
// with the answer first and the numbered steps below. The drawing marks the same paths.
// Invariant: text goes in through textContent only.
import type { GraphResolution } from './graph';

export interface SelectedForResolution {
  kind: 'vnet' | 'target';
  name: string;
}

const answerText = { private: 'private', public: 'public', unknown: 'unknown' } as const;

export function renderResolutions(
  panel: HTMLElement,
  selected: SelectedForResolution | undefined,
  resolutions: readonly GraphResolution[],
): void {
  panel.replaceChildren();
  panel.hidden = selected === undefined;
  if (!selected) return;
  const heading = document.createElement('h2');
  heading.textContent =
    selected.kind === 'vnet' ? `Name resolution from ${selected.name}` : `Name resolution of ${selected.name}`;
  panel.append(heading);
  if (resolutions.length === 0) {
    const none = document.createElement('p');
    none.className = 'none';
    none.textContent =
      selected.kind === 'vnet'
        ? 'No private endpoint shown here is reached from this VNet (its own subnets, or a VNet peered with it both ways).'
        : 'No private endpoint shown here connects to this resource from a known VNet.';
    panel.append(none);
    return;
  }
  for (const resolution of resolutions) {
    const section = document.createElement('section');
    section.className = `resolution-item ${resolution.answer}`;
    const title = document.createElement('h3');
    const answer = document.createElement('span');
    answer.className = 'verdict';
    answer.textContent = answerText[resolution.answer];
    title.append(`${resolution.targetName} from ${resolution.fromName}: `, answer);
    const steps = document.createElement('ol');
    for (const step of resolution.steps) {
      const item = document.createElement('li');
      item.className = `step ${step.step}`;
      item.textContent = step.text;
      steps.append(item);
    }
    section.append(title, steps);
    panel.append(section);
  }
}
