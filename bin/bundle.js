// `node bin/bundle.js` (the last step of `npm run build`): bundles the compiled program of dist/src/
// into dist/bundle/, the one-shot CLI and the server each as one file plus the chunks their tools
// load on demand. Node.js resolves, reads and links each ES module on its own: loading the ~200
// modules of a one-shot answer took about 100 ms, which a bundle saves. The bundle is made from
// tsc's output, so it is the same code; packages stay outside it, imported from node_modules.
// bin/gsef.js and bin/start.js run it only while it is newer than every file it was made from
// (bin/build-freshness.js), so a `tsc` alone never leaves them running yesterday's program.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, BUNDLE_INPUTS, BUNDLED_ENTRIES, COMPILED, ROOT } from './build-freshness.js';

rmSync(BUNDLE, { recursive: true, force: true });
// Each program bundled on its own: chunks shared by the CLI and the server would split the CLI's
// code into dozens of files, each loaded separately.
const inputs = new Set();
for (const entry of BUNDLED_ENTRIES) {
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(COMPILED, entry)],
    outbase: COMPILED,
    outdir: BUNDLE,
    bundle: true,
    // What a program imports on demand (a tool, a store) becomes a chunk named after it, loaded when used.
    splitting: true,
    chunkNames: '[name]-[hash]',
    format: 'esm',
    platform: 'node',
    // The oldest Node.js of package.json's engines.
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  for (const input of Object.keys(metafile.inputs)) inputs.add(input);
}
// Written last: its time is the bundle's, which every input must be older than.
writeFileSync(BUNDLE_INPUTS, JSON.stringify([...inputs], null, 1));
