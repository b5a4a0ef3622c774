/**
 * `node -r ./test/server/helpers/ts-register.js adapters/server/main.ts`: runs the TypeScript
 * sources in a child process without a build, compiling each `.ts` file to CommonJS with swc
 * (the same transform jest uses). Test-only.
 */
'use strict';
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
