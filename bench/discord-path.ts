/**
 * The Discord interaction path: the fake gateway is the load generator. It keeps N `/gsef
 * next-event` application commands (INTERACTION_CREATE, shaped as the tests shape them) in flight
 * on the app's gateway session and times each until its interaction callback
 * (`POST /interactions/{id}/{token}/callback`) arrives at the fake REST API.
 *
 * Two bare discord.js clients (bench/bare-discord.ts): one answers every interaction with "ok", the
 * other with the bot's own answer (three embeds: a callback of about 600 bytes against 70), captured from the bot's
 * first callback and checked byte for byte on the bare client's. The target (bot/bare >= 95 %) is
 * judged against the second: it measures what the bot adds to the library for the same message;
 * the first ratio, reported beside it, also counts what sending a larger message costs discord.js.
 */
import type { FakeDiscord } from '../test/platforms/discord/fake-discord.js';
import { sendCommand } from '../test/platforms/discord/discord-payloads.js';
import { measurePath, waitUntil, type PathLevel, type PathOptions } from './platform-path.js';

/** Discord's "reply with a message" interaction callback. */
const CHANNEL_MESSAGE_WITH_SOURCE = 4;

/** The `data` (JSON) of the first interaction callback each fake received. */
const firstAnswers = new WeakMap<FakeDiscord, string>();

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
          const body = request.body as { type?: unknown; data?: unknown } | undefined;
          if (!firstAnswers.has(discord)) firstAnswers.set(discord, JSON.stringify(body?.data));
          answered(body?.type === CHANNEL_MESSAGE_WITH_SOURCE);
        });
        return (answered) => {
          const { id } = sendCommand(discord, 'next-event');
          pending.set(id, answered);
        };
      },
      sameAnswer: {
        firstAnswer: ({ discord }) => firstAnswers.get(discord),
        env: (answer) => ({ BENCH_DISCORD_ANSWER: answer }),
      },
    },
    options,
  );
}
