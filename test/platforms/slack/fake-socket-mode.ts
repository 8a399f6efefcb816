import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { announceChange } from '../../support/wait-for.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { startTestSlack, type TestSlack } from './slack-test-kit.js';

const HELLO = {
  type: 'hello',
  num_connections: 1,
  debug_info: { host: 'fake' },
  connection_info: { app_id: 'A0GSEF' },
};

/**
 * A loopback stand-in for Slack's Socket Mode WebSocket server: it greets every connection with
 * `hello` as Slack does, records every frame the app sends back (its acknowledgements), announcing
 * each frame and connection to waitFor, and lets a test send envelopes on the latest connection or
 * drop it.
 */
export class FakeSocketMode {
  /** Every frame the app sent, parsed, across all connections. */
  readonly received: Record<string, unknown>[] = [];
  /** How many times the app has connected. */
  connections = 0;
  private latest: WebSocket | undefined;
  private readonly frameListeners: ((frame: Record<string, unknown>) => void)[] = [];

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (connection) => {
      this.latest = connection;
      this.connections += 1;
      connection.on('message', (data) => {
        const frame = JSON.parse(String(data)) as Record<string, unknown>;
        this.received.push(frame);
        for (const listener of this.frameListeners) listener(frame);
        announceChange();
      });
      connection.send(JSON.stringify(HELLO));
      announceChange();
    });
  }

  /** Listens on a free loopback port and makes `api` hand out its URL from apps.connections.open. */
  static async start(api: FakeSlackApi): Promise<FakeSocketMode> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    api.socketUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link/?ticket=test`;
    return new FakeSocketMode(server);
  }

  /** Calls `listener` with each frame the app sends from now on: the benchmark times acknowledgements by it. */
  onFrame(listener: (frame: Record<string, unknown>) => void): void {
    this.frameListeners.push(listener);
  }

  /** The app's latest connection: `send` delivers a frame to the app, `close` drops the connection as Slack does. */
  get socket(): WebSocket {
    if (!this.latest) throw new Error('the app has not connected to Socket Mode');
    return this.latest;
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

export interface SocketModeSlackEnv {
  fake: FakeSlackApi;
  socketMode: FakeSocketMode;
  slack: TestSlack;
}

/** A fake Slack API, a `FakeSocketMode` and the real app connected over Socket Mode, for the tests of a file. */
export function useSocketModeSlack(): SocketModeSlackEnv {
  const env = {} as SocketModeSlackEnv;
  beforeAll(async () => {
    env.fake = await FakeSlackApi.start();
    env.socketMode = await FakeSocketMode.start(env.fake);
    env.slack = await startTestSlack(env.fake, '2019-05-10', { kind: 'socket', appToken: 'xapp-test' });
  });
  afterAll(async () => {
    await env.slack?.platform.stop();
    await env.socketMode?.close();
    await env.fake?.close();
  });
  return env;
}
