// Multi-file fixtures (STYLE §10): `//- /path` lines split one string into files, served from
// memory under file:///fixture/ so tests run the real engine without touching the disk.
export const fixtureRoot = 'file:///fixture/';

export function splitFixture(text: string): Map<string, string> {
  const files = new Map<string, string>();
  let current: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current !== undefined) files.set(new URL(current.replace(/^\//, ''), fixtureRoot).href, lines.join('\n'));
  };
  for (const line of text.split('\n')) {
    const header = /^\/\/- (\S+)\s*$/.exec(line);
    if (header) {
      flush();
      current = header[1];
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  if (files.size === 0) files.set(`${fixtureRoot}main.bicep`, text);
  return files;
}

export function fixtureSource(files: ReadonlyMap<string, string>) {
  return { read: async (uri: string) => files.get(uri) };
}

export function fixtureHost(files: ReadonlyMap<string, string>) {
  return { readFile: async (uri: string) => files.get(uri) };
}
