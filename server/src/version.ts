// The product's name and version, from package.json (bundled in at build time).
import packageJson from '../../package.json';

export const toolName = 'VNet Lens';
export const toolVersion: string = packageJson.version;
