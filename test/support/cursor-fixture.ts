// Cursor fixtures for completion and hover tests (STYLE §10): `//- /path` splits files, `$0` marks the
// cursor in one of them. The real engine runs on the files from memory.
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/engine/workspace';
import { completionsAt, hoverAt, type AssistCompletion, type AssistHover } from '../../server/src/assist';
import type { Cloud } from '../../server/src/facts';
import { fixtureHost, splitFixture } from './fixture';

export interface CursorFixture {
  files: Map<string, string>;
  uri: string;
  offset: number;
  workspace: Workspace;
}

export function cursorFixture(fixture: string, cloud: Cloud = 'AzureCloud'): CursorFixture {
  const files = splitFixture(fixture);
  let cursor: { uri: string; offset: number } | undefined;
  for (const [uri, text] of files) {
    const at = text.indexOf('$0');
    if (at < 0) continue;
    assert.equal(cursor, undefined, 'one $0 cursor per fixture');
    cursor = { uri, offset: at };
    files.set(uri, text.slice(0, at) + text.slice(at + 2));
  }
  assert.ok(cursor, 'the fixture marks the cursor with $0');
  const workspace = new Workspace(fixtureHost(files));
  workspace.setCloud(cloud);
  for (const [uri, text] of files) workspace.setFile(uri, text);
  return { files, ...cursor, workspace };
}

export async function complete(
  fixture: string,
  cloud: Cloud = 'AzureCloud',
): Promise<{ items: AssistCompletion[]; text: string; offset: number }> {
  const f = cursorFixture(fixture, cloud);
  return {
    items: await completionsAt(f.workspace, f.uri, f.offset, { cloud }),
    text: f.files.get(f.uri)!,
    offset: f.offset,
  };
}

export async function hover(
  fixture: string,
  cloud: Cloud = 'AzureCloud',
): Promise<{ hover: AssistHover | undefined; text: string }> {
  const f = cursorFixture(fixture, cloud);
  return { hover: await hoverAt(f.workspace, f.uri, f.offset, { cloud }), text: f.files.get(f.uri)! };
}

/** The text after applying a completion item (its plain text; snippet syntax left as is). */
export function applied(text: string, item: AssistCompletion): string {
  return text.slice(0, item.range.start) + item.insertText + text.slice(item.range.end);
}

export const armSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** An ARM template file holding the given resource objects (JSON text, joined by commas). */
export function armTemplate(...resources: string[]): string {
  return `{\n  "$schema": "${armSchema}",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n${resources.join(',\n')}\n  ]\n}\n`;
}
