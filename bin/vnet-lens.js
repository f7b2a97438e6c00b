#!/usr/bin/env node
// Runs the bundled CLI. The bundle is built by `npm ci` (the prepare script) or `npm run build`.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('vnet-lens: the CLI is not built yet; run `npm run build` in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
}
require(bundle);
