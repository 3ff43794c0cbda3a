#!/usr/bin/env node
// Entry point. The TypeScript sources are compiled to dist/ by `npm ci` / `npm install` (the
// package's `prepare` script), so there is no separate build step to remember.
import { existsSync } from 'node:fs';

// React's production build: the development build is several times larger to load.
process.env.NODE_ENV ??= 'production';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('nk20x10: dist/ is missing; run `npm install` (or `npm run build`) in the package folder first.\n');
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
