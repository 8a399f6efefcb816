import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAZY_REQUIRES, makeRequiresLazy } from '../../bin/lazy-requires.js';

const MODULES = path.resolve(import.meta.dirname, '../../node_modules');

/**
 * Runs `code` as the CommonJS module `file` would run, its require() recording each name it is
 * asked for before requiring it as the file's own would; gives the module's exports and the names.
 */
function runAsModule(file: string, code: string) {
  const required: string[] = [];
  const ownRequire = createRequire(file);
  const recordingRequire = (name: string): unknown => {
    required.push(name);
    return ownRequire(name);
  };
  const module = { exports: {} as Record<string, unknown> };
  new Function('exports', 'require', 'module', '__filename', '__dirname', code).call(
    module.exports,
    module.exports,
    recordingRequire,
    module,
    file,
    path.dirname(file),
  );
  return { exports: module.exports, required };
}

describe("the bundle's lazy requires (bin/lazy-requires.js)", () => {
  it.each(LAZY_REQUIRES)('$file still holds the statement made lazy', ({ file, statement }) => {
    // An upgrade that words it otherwise leaves it eager (the build warns): the list needs updating.
    expect(readFileSync(path.join(MODULES, file), 'utf8')).toContain(statement);
  });

  it("loads Bolt's Socket Mode receiver only when the App reads it, and gives the same class", () => {
    const file = path.join(MODULES, '@slack/bolt/dist/App.js');
    const statements = LAZY_REQUIRES.filter((lazy) => lazy.file === '@slack/bolt/dist/App.js').map((l) => l.statement);
    const { code, missing } = makeRequiresLazy(readFileSync(file, 'utf8'), statements);
    expect(missing).toEqual([]);
    const { exports, required } = runAsModule(file, code);
    expect(typeof exports.default).toBe('function'); // the App class, built without the receiver
    expect(required).toContain('./receivers/HTTPReceiver');
    expect(required).not.toContain('./receivers/SocketModeReceiver');

    // An App in Socket Mode given no receiver builds Bolt's own: the class is read, and loaded then.
    const App = exports.default as new (options: Record<string, unknown>) => { receiver: unknown };
    const app = new App({ token: 'xoxb-test', appToken: 'xapp-test', socketMode: true, deferInitialization: true });
    const SocketModeReceiver = (
      createRequire(file)('./receivers/SocketModeReceiver') as { default: new (...args: never[]) => unknown }
    ).default;
    expect(app.receiver).toBeInstanceOf(SocketModeReceiver);
    expect(required.filter((name) => name === './receivers/SocketModeReceiver')).toHaveLength(1);
  });

  it("loads @slack/oauth in Bolt's HTTP receiver only for the OAuth install flow", () => {
    const file = path.join(MODULES, '@slack/bolt/dist/receivers/HTTPReceiver.js');
    const statements = LAZY_REQUIRES.filter((l) => l.file.endsWith('HTTPReceiver.js')).map((l) => l.statement);
    const { code } = makeRequiresLazy(readFileSync(file, 'utf8'), statements);
    const { exports, required } = runAsModule(file, code);
    const HTTPReceiver = exports.default as new (options: Record<string, unknown>) => { installer?: unknown };
    new HTTPReceiver({ signingSecret: 'secret' });
    expect(required).not.toContain('@slack/oauth');
    const withOAuth = new HTTPReceiver({
      signingSecret: 'secret',
      clientId: 'client',
      clientSecret: 'client-secret',
      stateSecret: 'state-secret',
      scopes: ['commands'],
    });
    const { InstallProvider } = createRequire(file)('@slack/oauth') as { InstallProvider: new () => unknown };
    expect(withOAuth.installer).toBeInstanceOf(InstallProvider);
    expect(required).toContain('@slack/oauth');
  });

  it('leaves code without the statement as it is, and names the statement', () => {
    const statement = 'const x_1 = require("x");';
    expect(makeRequiresLazy('const y = require("y");\n', [statement])).toEqual({
      code: 'const y = require("y");\n',
      missing: [statement],
    });
  });

  it('reads the module once, however many properties are read, and gives each as the module has it', () => {
    const statement = 'const counter_1 = require("counter");';
    const { code } = makeRequiresLazy(`${statement}\nmodule.exports = () => [counter_1.a, counter_1.b];`, [statement]);
    let loads = 0;
    const module = { exports: {} as unknown };
    new Function('require', 'module', code)(() => ({ a: ++loads, b: 'b' }), module);
    expect(loads).toBe(0);
    const read = module.exports as () => unknown[];
    expect(read()).toEqual([1, 'b']);
    expect(read()).toEqual([1, 'b']);
    expect(loads).toBe(1);
  });

  it('refuses a statement that is not `const NAME = require(…);`', () => {
    expect(() => makeRequiresLazy('', ['require("x");'])).toThrow(/not a `const NAME = require/);
  });
});
