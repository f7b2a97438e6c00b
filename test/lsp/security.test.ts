// What the server reads (the security issue, DESIGN §10), over stdio as an editor runs it: a module
// outside the workspace folder is read only with vnetLens.allowFilesOutsideWorkspace (directly, or
// through a symbolic link inside the folder), turning the setting on or off takes effect without a
// restart, and a file that is not Bicep or ARM (notes.txt, /etc/passwd) is never read.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../support/lsp-client';

const zone = (name: string, location: string) => `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${name}'
  location: '${location}'
}
`;

// The workspace folder is root/workspace; everything else under root is outside it.
const files: Record<string, string> = {
  'workspace/main.bicep': `param location string = 'westeurope'

resource vnetHub 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
  }
}

module spoke '../outside/spoke.bicep' = {
  name: 'spoke'
  params: {
    location: location
  }
}

// Only the hub side: peering-reverse-missing, if the spoke VNet (declared outside) is known.
resource peerHubToSpoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnetHub
  name: 'peer-hub-to-spoke'
  properties: {
    remoteVirtualNetwork: {
      id: spoke.outputs.vnetId
    }
    allowVirtualNetworkAccess: true
  }
}

module linked 'linked.bicep' = {
  name: 'linked'
}

module notes '../notes.txt' = {
  name: 'notes'
}

module passwd '../../../../../../../../../../../../etc/passwd' = {
  name: 'passwd'
}
`,
  'outside/spoke.bicep': `param location string

resource vnetSpoke 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
      ]
    }
  }
}

${zone('privatelink.blob.core.windows.net', 'westeurope')}
output vnetId string = vnetSpoke.id
`,
  'outside/linked-target.bicep': zone('privatelink.vaultcore.azure.net', 'eastus'),
  // Valid Bicep with a finding: if it were ever read as a template, the finding would show.
  'notes.txt': zone('privatelink.file.core.windows.net', 'northeurope'),
};

let root: string;
const uriOf = (relative: string) => pathToFileURL(path.join(root, relative)).href;

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-security-'));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  // A link inside the folder to a file outside it: the real path decides.
  fs.symlinkSync(path.join(root, 'outside/linked-target.bicep'), path.join(root, 'workspace/linked.bicep'));
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

interface Observed {
  session: LspSession;
  settings: { allowFilesOutsideWorkspace?: boolean };
  /** The latest diagnostics' codes per URI. */
  codes: Map<string, string[]>;
  logs: string[];
  /** Resolves once main.bicep has diagnostics of `version`, plus a moment for the other files'. */
  settled(version: number): Promise<void>;
}

async function serve(allowFilesOutsideWorkspace: boolean | undefined): Promise<Observed> {
  const settings = allowFilesOutsideWorkspace === undefined ? {} : { allowFilesOutsideWorkspace };
  const session = await startServer(uriOf('workspace'), settings);
  const codes = new Map<string, string[]>();
  const versions = new Map<string, number | undefined>();
  const logs: string[] = [];
  session.connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  session.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    codes.set(
      params.uri,
      params.diagnostics.map((diagnostic) => String(diagnostic.code)),
    );
    versions.set(params.uri, params.version);
  });
  void session.connection.sendNotification('textDocument/didOpen', {
    textDocument: {
      uri: uriOf('workspace/main.bicep'),
      languageId: 'bicep',
      version: 1,
      text: files['workspace/main.bicep'],
    },
  });
  const settled = async (version: number) => {
    for (let waited = 0; versions.get(uriOf('workspace/main.bicep')) !== version; waited += 25) {
      if (waited > 15_000) throw new Error(`main.bicep got no diagnostics for version ${version}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  };
  await settled(1);
  return { session, settings, codes, logs, settled };
}

/** Re-analysis after a setting change: the client tells the server, which pulls the settings again. */
async function changeSetting(observed: Observed, allow: boolean, version: number): Promise<void> {
  observed.settings.allowFilesOutsideWorkspace = allow;
  void observed.session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await new Promise((resolve) => setTimeout(resolve, 100));
  // An edit makes the server answer for main.bicep again, after the new settings are in.
  void observed.session.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: uriOf('workspace/main.bicep'), version },
    contentChanges: [{ text: `${files['workspace/main.bicep']}\n// edit ${version}\n` }],
  });
  await observed.settled(version);
}

const outsideFindings = (codes: Map<string, string[]>) => ({
  main: codes.get(uriOf('workspace/main.bicep')) ?? [],
  spoke: codes.get(uriOf('outside/spoke.bicep')) ?? [],
  linked: [
    ...(codes.get(uriOf('workspace/linked.bicep')) ?? []),
    ...(codes.get(uriOf('outside/linked-target.bicep')) ?? []),
  ],
});

test(
  'by default a module outside the workspace folder is not read, and the log says why, once per path',
  { timeout: 60_000 },
  async () => {
    const observed = await serve(undefined);
    try {
      assert.deepEqual(
        outsideFindings(observed.codes),
        { main: [], spoke: [], linked: [] },
        'the spoke VNet, its zone and the linked zone stay unknown: no peering-reverse-missing, no dns-zone-location',
      );
      // Another analysis asks again: still one line per path.
      await changeSetting(observed, false, 2);
      const outside = observed.logs.filter((line) => line.includes('outside the workspace folders'));
      assert.equal(
        outside.filter((line) => line.includes(path.join(root, 'outside/spoke.bicep'))).length,
        1,
        observed.logs.join('\n'),
      );
      assert.equal(
        outside.filter((line) => line.includes(path.join(root, 'workspace/linked.bicep'))).length,
        1,
        'the link is refused by its real path',
      );
      assert.match(outside[0], /vnetLens\.allowFilesOutsideWorkspace/);
    } finally {
      await observed.session.close();
    }
  },
);

test(
  'with vnetLens.allowFilesOutsideWorkspace the outside module is read and its findings appear',
  { timeout: 60_000 },
  async () => {
    const observed = await serve(true);
    try {
      assert.deepEqual(outsideFindings(observed.codes), {
        main: ['peering-reverse-missing'],
        spoke: ['dns-zone-location'],
        linked: ['dns-zone-location'],
      });
      assert.equal(observed.logs.filter((line) => line.includes('outside the workspace folders')).length, 0);
    } finally {
      await observed.session.close();
    }
  },
);

test('turning the setting on and off again takes effect without a restart', { timeout: 60_000 }, async () => {
  const observed = await serve(false);
  try {
    assert.deepEqual(outsideFindings(observed.codes).main, []);
    await changeSetting(observed, true, 2);
    assert.deepEqual(outsideFindings(observed.codes), {
      main: ['peering-reverse-missing'],
      spoke: ['dns-zone-location'],
      linked: ['dns-zone-location'],
    });
    await changeSetting(observed, false, 3);
    assert.deepEqual(
      outsideFindings(observed.codes),
      { main: [], spoke: [], linked: [] },
      'the outside files lose their diagnostics',
    );
  } finally {
    await observed.session.close();
  }
});

test('a file that is not Bicep or ARM is never read, whatever the setting', { timeout: 60_000 }, async () => {
  for (const allow of [false, true]) {
    const observed = await serve(allow);
    try {
      // The refusal is decided on the name before any file system call, and logged.
      assert.equal(observed.codes.has(uriOf('notes.txt')), false);
      const refused = observed.logs.filter((line) =>
        line.includes('only .bicep, .bicepparam, .json and .jsonc files are read'),
      );
      assert.ok(
        refused.some((line) => line.includes(path.join(root, 'notes.txt'))),
        observed.logs.join('\n'),
      );
      assert.ok(
        refused.some((line) => line.includes(`${path.sep}etc${path.sep}passwd`)),
        'the ../../etc/passwd module is refused by name',
      );
      assert.ok(![...observed.codes.keys()].some((uri) => uri.endsWith('/etc/passwd')));
    } finally {
      await observed.session.close();
    }
  }
});
