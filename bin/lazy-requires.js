// The bundle's lazy requires (bin/bundle.js): a few top-level require() calls of the chat
// platforms' libraries that load, at every start, code the bot never runs. In the bundle each
// becomes a stand-in that requires the module when something is first read from it, so a start
// pays only for what it uses. Each statement is matched exactly: if an upgrade of the library
// words it otherwise, it stays as it is (slower to start, never wrong) and the build says so.
import { readFile } from 'node:fs/promises';

/** The statements made lazy, in the file of the package that holds each. */
export const LAZY_REQUIRES = [
  {
    // Bolt's App: its Socket Mode receiver brings @slack/socket-mode and undici (1 MB). The App
    // reads the class only with `socketMode: true`; over HTTP it never does.
    file: '@slack/bolt/dist/App.js',
    statement: 'const SocketModeReceiver_1 = __importDefault(require("./receivers/SocketModeReceiver"));',
  },
  {
    // Bolt's HTTP receiver: @slack/oauth (jsonwebtoken, semver…) serves the OAuth install flow,
    // set up only when a client ID and secret are given; the bot installs with a bot token.
    file: '@slack/bolt/dist/receivers/HTTPReceiver.js',
    statement: 'const oauth_1 = require("@slack/oauth");',
  },
];

const STATEMENT = /^const (\w+) = (.*require\("[^"]+"\).*);$/;

/**
 * `code` with each of `statements` (`const NAME = …require("…")…;`) replaced by a stand-in that
 * evaluates the right-hand side when one of its properties is first read, and gives that
 * property of the result; and the statements not found.
 */
export function makeRequiresLazy(code, statements) {
  const missing = [];
  let lazy = code;
  for (const statement of statements) {
    const match = STATEMENT.exec(statement);
    if (!match) throw new Error(`not a \`const NAME = require(…);\` statement: ${statement}`);
    if (!lazy.includes(statement)) {
      missing.push(statement);
      continue;
    }
    const [, name, value] = match;
    const stand = `let ${name}_loaded; const ${name} = new Proxy({}, { get: (_, key) => (${name}_loaded ??= ${value})[key] });`;
    lazy = lazy.replace(statement, () => stand);
  }
  return { code: lazy, missing };
}

/** The esbuild plugin applying LAZY_REQUIRES to the files they name. */
export const lazyRequiresPlugin = {
  name: 'lazy-requires',
  setup(build) {
    for (const { file, statement } of LAZY_REQUIRES) {
      const filter = new RegExp(`/node_modules/${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      build.onLoad({ filter }, async ({ path }) => {
        const { code, missing } = makeRequiresLazy(await readFile(path, 'utf8'), [statement]);
        const warnings = missing.map((text) => ({
          text: `${file} no longer holds \`${text}\`: left as it is (bin/lazy-requires.js)`,
        }));
        return { contents: code, loader: 'js', warnings };
      });
    }
  },
};
