// esbuild's options for a Node bundle, shared by the build, the bench and the outline A/B so that what
// is measured is bundled as it ships.
// `module` first: jsonc-parser's UMD build requires its own files at run time, which a bundle lacks.
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  mainFields: ['module', 'main'],
};
