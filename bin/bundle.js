// `node bin/bundle.js` (a step of `npm run build`, after tsc): bundles the compiled program of
// dist/src/ into dist/bundle/: the server (and the data loader's worker) as one ES module each, plus
// the chunks its platforms, stores and tools load on demand, and the one-shot CLI as one CommonJS
// script (run with V8's code cache: bin/code-cache.js). Node.js resolves, reads and links each
// module on its own: loading the ~200 modules of a one-shot answer took about 100 ms, and the chat
// platforms' libraries (hundreds of CommonJS modules each) 350 ms for Bolt and 500-700 ms for
// discord.js, which a bundle roughly halves. The bundle is made from tsc's output, so it is the same
// code; the other packages stay outside it, imported from node_modules. bin/gsef.js and bin/start.js
// run it only while it is newer than every file it was made from (bin/build-freshness.js), so a
// `tsc` alone, or an `npm install` that changed a bundled package, never leaves them running
// yesterday's program.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  BUNDLE,
  BUNDLE_INPUTS,
  BUNDLED_ENTRIES,
  CLI_SCRIPT,
  COMPILED,
  INSTALLED_PACKAGES,
  ROOT,
} from './build-freshness.js';
import { lazyRequiresPlugin } from './lazy-requires.js';

/**
 * The packages bundled with the program, with the packages they use: the chat platforms'
 * libraries (and Bolt's Web API client, which the bot imports as Bolt does); zod, whose `z` loads
 * 95 modules (64 of them its error messages' languages), and yaml (74 modules, 55-70 ms), which
 * Node.js would resolve, read and link one by one (zod at every start, about 50 ms at 1x; yaml
 * whenever the data is parsed); and luxon (260 KB), so that the CLI's code cache holds it. They
 * are pure JavaScript and read no file of their own at run time.
 */
const PLATFORM_PACKAGES = ['@slack/bolt', '@slack/web-api', 'discord.js'];
const BUNDLED_PACKAGES = new Set([...PLATFORM_PACKAGES, 'zod', 'luxon', 'yaml']);
/**
 * Optional native add-ons that the platforms' libraries require inside a try, when installed:
 * never bundled (a compiled .node file cannot be).
 */
const OPTIONAL_NATIVE_PACKAGES = ['bufferutil', 'utf-8-validate', 'zlib-sync'];

/**
 * Packages the CLI's script holds besides (with what they use but Redis's client): a script loads a
 * package with require(), which gives the CommonJS build, and theirs export the class the program
 * imports (keyv's Keyv, @keyv/redis's KeyvRedis) as `default` beside `__esModule`, which an ES
 * module's default import does not see.
 */
const CLI_ALSO_BUNDLED = ['keyv', '@keyv/redis'];
/**
 * Packages the CLI's script leaves out, which a one-shot answer over cached data never runs, and
 * whose source it would read and hash at every run: the chat platforms' libraries (6 MB, for the
 * tools that send: discord-register, reminders), the parser and the schemas (a cold load of the
 * data, check-data). They are required from node_modules when used.
 */
const CLI_LEFT_OUT = [...PLATFORM_PACKAGES, 'zod', 'yaml', '@redis/client'];

const { dependencies } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const external = [
  ...Object.keys(dependencies).filter((name) => !BUNDLED_PACKAGES.has(name)),
  ...OPTIONAL_NATIVE_PACKAGES,
];

rmSync(BUNDLE, { recursive: true, force: true });
/** What every program's bundle shares: its packages and the files it was made from. */
const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  // The oldest Node.js of package.json's engines.
  target: 'node20',
  external,
  // A few top-level requires of Bolt's that load what the bot never runs, made lazy.
  plugins: [lazyRequiresPlugin],
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
};
const metafiles = [];
// Each program bundled on its own: chunks shared by two programs would split each one's code into
// more files, each loaded separately.
for (const entry of BUNDLED_ENTRIES) {
  const { metafile } = await build({
    ...common,
    entryPoints: [path.join(COMPILED, entry)],
    outbase: COMPILED,
    outdir: BUNDLE,
    // What a program imports on demand (a tool, a store, a platform) becomes a chunk named after
    // it, loaded when used.
    splitting: true,
    chunkNames: '[name]-[hash]',
    format: 'esm',
    // The bundled packages are CommonJS: in an ES module, their require() of Node's own modules
    // and of the optional add-ons needs a require function of the module's own.
    banner: {
      js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);",
    },
  });
  metafiles.push(metafile);
}
// The CLI as one script: what it imports on demand (a tool, a store) is in it, each module run
// when first imported; V8 compiles a function only when it is first called, and its code cache
// holds only what ran.
const { metafile: cliMetafile } = await build({
  ...common,
  entryPoints: [path.join(COMPILED, CLI_SCRIPT.entry)],
  outfile: path.join(BUNDLE, CLI_SCRIPT.bundled),
  format: 'cjs',
  external: [...external.filter((name) => !CLI_ALSO_BUNDLED.includes(name)), ...CLI_LEFT_OUT],
  // import() of a package becomes require(): a script compiled by bin/code-cache.js has no module
  // loader of its own for import() (every package the program uses has a CommonJS entry point).
  supported: { 'dynamic-import': false },
  // The program's ES modules ask import.meta where they are: in a script, the script's own file.
  define: {
    'import.meta.url': 'importMetaUrlOfBundle',
    'import.meta.filename': '__filename',
    'import.meta.dirname': '__dirname',
    'import.meta.resolve': 'importMetaResolveOfBundle',
  },
  banner: {
    js: [
      "const importMetaUrlOfBundle = require('node:url').pathToFileURL(__filename).href;",
      "const importMetaResolveOfBundle = (name) => require('node:url').pathToFileURL(require.resolve(name)).href;",
    ].join('\n'),
  },
});
metafiles.push(cliMetafile);

const inputs = new Set();
/** For each file of the bundle that holds packages, their names. */
const packagesByFile = {};
for (const metafile of metafiles) {
  for (const input of Object.keys(metafile.inputs)) inputs.add(input);
  for (const [file, { inputs: parts }] of Object.entries(metafile.outputs)) {
    const packages = new Set(
      Object.keys(parts)
        .map(packageOf)
        .filter((name) => name !== undefined),
    );
    if (packages.size > 0) packagesByFile[path.relative(BUNDLE, file)] = [...packages].sort();
  }
}
// What each file of the bundle holds of node_modules, for the tests that check which packages a
// process loads (test/support/package-recorder-hooks.ts) and for anyone auditing the bundle.
writeFileSync(path.join(BUNDLE, 'bundled-packages.json'), JSON.stringify(packagesByFile, null, 1));
// A bundled package's files keep the time they had in their tarball, not the time npm installed
// them: npm's record of what it installed (rewritten by every install that changes node_modules)
// stands for all of them.
const ownInputs = [...inputs].filter((input) => !input.startsWith('node_modules/'));
const packageInputs = ownInputs.length < inputs.size ? [path.relative(ROOT, INSTALLED_PACKAGES)] : [];
/** `node_modules/@slack/bolt/dist/App.js` -> `@slack/bolt`; the innermost node_modules wins. */
function packageOf(input) {
  return /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(input)?.[1];
}

// Written last: its time is the bundle's, which every input must be older than.
writeFileSync(BUNDLE_INPUTS, JSON.stringify([...ownInputs, ...packageInputs], null, 1));
