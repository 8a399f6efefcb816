/**
 * The baseline of the Socket Mode path: a bare Bolt app in Socket Mode, same Bolt version as the
 * bot, that acknowledges `/gsef` with a constant. Connects through SLACK_API_URL's
 * apps.connections.open, as the bot does.
 *
 * The constant is "ok", or with BENCH_SLACK_ANSWER (the acknowledgement's `payload`, as JSON) that
 * answer: the benchmark gives it the bot's own, so that this app sends an answer of the same size.
 */
import { App, type RespondArguments } from '@slack/bolt';

const clientOptions = { slackApiUrl: process.env.SLACK_API_URL, retryConfig: { retries: 0 } };
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  appToken: process.env.SLACK_APP_TOKEN,
  socketMode: true,
  clientOptions,
  installerOptions: { clientOptions },
});
const answer: string | RespondArguments =
  process.env.BENCH_SLACK_ANSWER === undefined
    ? 'ok'
    : (JSON.parse(process.env.BENCH_SLACK_ANSWER) as RespondArguments);
app.command('/gsef', async ({ ack }) => {
  await ack(answer);
});
await app.start();
