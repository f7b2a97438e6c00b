// A workspace folder over the index's file limit (DESIGN §10): the server indexes up to the limit and
// says so once, with an information message, instead of leaving the rest unchecked without a word.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { indexLimits } from '../../server/src/lsp/workspace-files';
import { startServer } from '../support/lsp-client';

test(
  'a folder with more files than the index takes is cut off with one information message',
  { timeout: 120_000 },
  async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-index-limit-')));
    after(() => fs.rmSync(root, { recursive: true, force: true }));
    // JSON files that are no templates: cheap to classify, and each counts against the limit.
    for (let index = 0; index <= indexLimits.maxFiles; index++)
      fs.writeFileSync(path.join(root, `data-${index}.json`), '{}');
    const session = await startServer(pathToFileURL(root).href);
    const messages: { type: number; message: string }[] = [];
    session.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      messages.push(params);
    });
    const statuses: string[] = [];
    session.connection.onNotification('vnetLens/status', (status: { state: string }) => {
      statuses.push(status.state);
    });
    try {
      for (let waited = 0; !statuses.includes('idle'); waited += 50) {
        if (waited > 90_000) throw new Error('the server did not finish indexing');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.deepEqual(
        messages.map((message) => [message.type, message.message.replace(root, '<folder>')]),
        [
          [
            3,
            `VNet Lens indexed the first 20,000 template files of ${pathToFileURL(root).href.replace(root, '<folder>')} and no more: the others are analysed when opened, or when a file that is analysed refers to them.`,
          ],
        ],
      );
    } finally {
      assert.equal(await session.close(), 0);
    }
  },
);
