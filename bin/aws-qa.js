#!/usr/bin/env node
'use strict';
// The `aws-qa` command: runs the built CLI (npm run build, which `npm ci` runs through `prepare`).
require('../dist/adapters/cli/main.js')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`aws-qa: ${err && err.message ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
