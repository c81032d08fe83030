// Bundles src/index.ts and livekit-client into one IIFE, sofia-widget.js. The output directory is
// SOFIA_WIDGET_OUT (the Maven build points it at the clinic's static resources), else dist/.
import { build } from 'esbuild';
import { resolve } from 'node:path';

const outdir = resolve(process.env.SOFIA_WIDGET_OUT || 'dist');

await build({
  entryPoints: ['src/index.ts'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
  minify: true,
  sourcemap: false,
  legalComments: 'eof',
  outfile: resolve(outdir, 'sofia-widget.js'),
  logLevel: 'warning',
});
console.log(`sofia-widget.js -> ${outdir}`);
