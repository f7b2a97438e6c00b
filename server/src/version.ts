// The product's name and version, from package.json (bundled in at build time).
import packageJson from '../../package.json';

export const toolName = 'VNet Lens';
export const toolVersion: string = packageJson.version;
/** package.json `homepage`, if any (SARIF links to rule pages only from a public one). */
export const toolHomepage: string | undefined = (packageJson as { homepage?: string }).homepage;
