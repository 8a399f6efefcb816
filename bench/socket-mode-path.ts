/**
 * The Slack Socket Mode path: the fake Socket Mode server is the load generator. It keeps N
 * `/gsef next-event` slash-command envelopes in flight on the app's connection and times each
 * from its sending to its acknowledgement, which carries the answer (`payload`) as Slack expects.
 *
 * Two bare Bolt apps in Socket Mode (bench/bare-socket-bolt.ts): one acknowledges `/gsef` with
 * "ok", the other with the bot's own answer (its blocks: an acknowledgement of about 2 KB against
 * a few bytes), captured from the bot's first acknowledgement and checked byte for byte on the bare
 * app's. As on the Discord path, the target is judged against the second: what the bot adds to
 * Bolt for the same answer; the first ratio, reported beside it, also counts what a larger answer
 * costs Bolt, the WebSocket and the load generator that reads it (both share the machine's cores).
 */
import type { PlatformFakes } from './platform-fakes.js';
import { measurePath, waitUntil, type PathLevel, type PathOptions } from './platform-path.js';
import { slashCommandFields } from './slack-path.js';

/** The `payload` (JSON) of the first acknowledgement each fake Socket Mode server received. */
const firstAnswers = new WeakMap<PlatformFakes['socketMode'], string>();

export async function measureSocketModePath(options: PathOptions = {}): Promise<PathLevel[]> {
  return measurePath(
    {
      bareScript: 'bare-socket-bolt.js',
      async connect({ slackApi, socketMode }) {
        await waitUntil(() => socketMode.connections > 0, 'Socket Mode connection');
        const pending = new Map<string, (ok: boolean) => void>();
        socketMode.onFrame((frame) => {
          const id = frame.envelope_id;
          const answered = typeof id === 'string' ? pending.get(id) : undefined;
          if (!answered) return;
          pending.delete(id as string);
          // An empty acknowledgement (`payload: {}`) means the answer went, or will go, through the response URL.
          const { payload } = frame;
          if (!firstAnswers.has(socketMode)) firstAnswers.set(socketMode, JSON.stringify(payload));
          answered(typeof payload === 'object' && payload !== null && Object.keys(payload).length > 0);
        });
        // The same command each time from the same person, as in the HTTP path: only the envelope id changes.
        const payload = JSON.stringify(slashCommandFields('next-event', slackApi.responseUrl('bench')));
        let sequence = 0;
        return (answered) => {
          const id = `env-${++sequence}`;
          pending.set(id, answered);
          socketMode.socket.send(
            `{"envelope_id":"${id}","type":"slash_commands","accepts_response_payload":true,"payload":${payload}}`,
          );
        };
      },
      sameAnswer: {
        firstAnswer: ({ socketMode }) => firstAnswers.get(socketMode),
        env: (answer) => ({ BENCH_SLACK_ANSWER: answer }),
      },
    },
    options,
  );
}
