/**
 * Builds the playground page with esbuild: `adapters/web/client/main.ts` (TypeScript, with the
 * `adaptivecards` and `markdown-it` packages bundled in, nothing loaded from a CDN) becomes
 * `playground.js`; `adapters/web/static/` (`index.html`, `playground.css`) is copied beside it.
 *
 * Run after `tsc` as part of `npm run build`: `node dist/adapters/web/build-client.js [outDir]`
 * (default `dist/web`, which the playground handler serves). esbuild is a dev dependency, so the
 * page is built where the dev dependencies are installed; the handler only reads the output.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from './static-assets';

export interface BuildClientOptions {
  /** Output directory. Default: `<repo>/dist/web`. */
  outDir?: string;
  /** Minify the bundle. Default: `true`. */
  minify?: boolean;
}

export interface BuildClientResult {
  outDir: string;
  /** Names of the files written. */
  files: string[];
}

/** Builds the page into `outDir`; throws with esbuild's messages when the client does not compile. */
export async function buildClient(options: BuildClientOptions = {}): Promise<BuildClientResult> {
  const root = packageRoot();
  const outDir = resolve(options.outDir ?? join(root, 'dist', 'web'));
  const staticDir = join(root, 'adapters', 'web', 'static');
  mkdirSync(outDir, { recursive: true });
  // Loaded here, not at the top: only the build needs esbuild (a dev dependency).
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { playground: join(root, 'adapters', 'web', 'client', 'main.ts') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: options.minify ?? true,
    sourcemap: 'linked',
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const files = readdirSync(staticDir);
  for (const name of files) copyFileSync(join(staticDir, name), join(outDir, name));
  return { outDir, files: readdirSync(outDir).sort() };
}

if (require.main === module) {
  buildClient({ outDir: process.argv[2] })
    .then(({ outDir, files }) => console.log(`playground built in ${outDir}: ${files.join(', ')}`))
    .catch((error: unknown) => {
      console.error(`playground build failed: ${(error as Error).message}`);
      process.exitCode = 1;
    });
}
