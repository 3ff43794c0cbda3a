#!/usr/bin/env node
// Entry point. `npm ci` / `npm install` compile the TypeScript to dist/ and bundle the CLI into
// dist/bundle/ (the package's `prepare` script), so there is no separate build step to remember.
// The bundle starts faster (a few files to resolve instead of hundreds); dist/src is the fallback.
import { existsSync } from 'node:fs';

// React's production build: the development build is several times larger to load.
process.env.NODE_ENV ??= 'production';

const bundle = new URL('../dist/bundle/main.js', import.meta.url);
const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
const main = existsSync(bundle) ? bundle : compiled;
if (!existsSync(main)) {
  process.stderr.write('nk20x10: dist/ is missing; run `npm install` (or `npm run build`) in the package folder first.\n');
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
