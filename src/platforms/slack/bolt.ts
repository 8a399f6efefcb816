/**
 * What the bot uses of Bolt, imported from Bolt's own files rather than from its index: the index
 * also loads the Express and AWS Lambda receivers (express, body-parser, send, mime-db…, 0.6 MB of
 * code the bot never runs), which cost every start with Slack about 50 ms. Bolt's package declares
 * no `exports`, so its files are reachable; if an upgrade moved one, the build would fail here.
 */
import appModule, { LogLevel } from '@slack/bolt/dist/App.js';
import httpReceiverModule from '@slack/bolt/dist/receivers/HTTPReceiver.js';
import type * as bolt from '@slack/bolt';

export { parseHTTPRequestBody } from '@slack/bolt/dist/receivers/HTTPModuleFunctions.js';
/** Bolt's Web API client, its errors and their codes (Bolt depends on this package and re-exports it). */
export * as webApi from '@slack/web-api';
export { LogLevel };

// Each class also under its name as a type, as the index gives them.
export const App = classOf(appModule);
export type App = bolt.App;
export const HTTPReceiver = classOf(httpReceiverModule);
export type HTTPReceiver = bolt.HTTPReceiver;
export type SocketModeReceiver = bolt.SocketModeReceiver;
/**
 * Bolt's Socket Mode receiver, loaded only when the bot connects that way: it brings
 * @slack/socket-mode and undici, which a bot served over HTTP never runs.
 */
export async function loadSocketModeReceiver(): Promise<typeof bolt.SocketModeReceiver> {
  return classOf((await import('@slack/bolt/dist/receivers/SocketModeReceiver.js')).default);
}

/**
 * The class a CommonJS module exports as `exports.default`. Node.js (and the bundle) give such a
 * module's `module.exports` as its default import, Vitest the class itself: this takes either.
 */
function classOf<T>(imported: { default: T }): T {
  return typeof imported === 'object' && 'default' in imported ? imported.default : (imported as T);
}
