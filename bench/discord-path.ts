/**
 * The Discord interaction path: the fake gateway is the load generator. It keeps N `/gsef
 * next-event` application commands (INTERACTION_CREATE, shaped as the tests shape them) in flight
 * on the app's gateway session and times each until its interaction callback
 * (`POST /interactions/{id}/{token}/callback`) arrives at the fake REST API.
 * Bare: a discord.js client answering every interaction with a constant (bench/bare-discord.ts).
 */
import { sendCommand } from '../test/platforms/discord/discord-payloads.js';
import { measurePath, waitUntil, type PathLevel, type PathOptions } from './platform-path.js';

/** Discord's "reply with a message" interaction callback. */
const CHANNEL_MESSAGE_WITH_SOURCE = 4;

export async function measureDiscordPath(options: PathOptions = {}): Promise<PathLevel[]> {
  return measurePath(
    {
      bareScript: 'bare-discord.js',
      async connect({ discord }) {
        // IDENTIFY: the fake has dispatched READY and the server; interactions sent from now on are the session's.
        await waitUntil(() => discord.gatewayOps.some((packet) => packet.op === 2), 'Discord gateway session');
        const pending = new Map<string, (ok: boolean) => void>();
        discord.onRequest((request) => {
          const callback = /^\/api\/v10\/interactions\/(\d+)\/[^/]+\/callback$/.exec(request.path);
          const answered = callback ? pending.get(callback[1]!) : undefined;
          if (!answered) return;
          pending.delete(callback![1]!);
          answered((request.body as { type?: unknown } | undefined)?.type === CHANNEL_MESSAGE_WITH_SOURCE);
        });
        return (answered) => {
          const { id } = sendCommand(discord, 'next-event');
          pending.set(id, answered);
        };
      },
    },
    options,
  );
}
