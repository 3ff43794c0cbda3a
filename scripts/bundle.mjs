// Bundles the compiled CLI (dist/src/cli/main.js) into dist/bundle/ with esbuild: one entry file
// plus a chunk per on-demand command, so start-up resolves and reads a handful of files instead of
// hundreds. Run by `npm ci` (the `prepare` script), `npm run build` and `npm test`.
// Kept outside: the native PNG renderer (@resvg/resvg-js), the font packages (read from disk at
// run time) and React's devtools hook, which Ink imports only when DEV is set.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: join(root, 'dist', 'src', 'cli', 'main.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // dist/bundle/*.js sits two folders below the package root, like dist/src/paths.js.
  external: ['@resvg/resvg-js', '@expo-google-fonts/*', 'react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: "import { createRequire as __nkCreateRequire } from 'node:module'; const require = __nkCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
