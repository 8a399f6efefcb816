/**
 * The baseline: a bare Bolt app, same Bolt version as the bot, checking signatures as Bolt does by
 * default (the bot checks them with its own function: src/platforms/slack/slack-signature.ts), that
 * acknowledges `/gsef` with a constant string. Listens on PORT (127.0.0.1).
 */
import { App } from '@slack/bolt';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL, retryConfig: { retries: 0 } },
  customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => res.writeHead(200).end('ok') }],
});
app.command('/gsef', async ({ ack }) => {
  await ack('ok');
});
await app.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
