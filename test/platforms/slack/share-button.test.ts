import { describe, expect, it } from 'vitest';
import { waitFor } from '../../support/wait-for.js';
import { postSigned, shareClickBody, slackPlainText, useTestSlack } from './slack-test-kit.js';

const env = useTestSlack((fake) => {
  fake.locales.set('UFR', 'fr-FR');
  fake.closedChannels.add('CCLOSED');
});

describe('"Share in channel"', () => {
  it('posts the answer publicly, recomputed in the clicker language and signed with their name, then removes the private copy', async () => {
    const response = await postSigned(env.slack.url, shareClickBody(env.fake, 'next-event africa', 'UFR', 'share-fr'));
    expect(response.status).toBe(200);
    const [shared, deleted] = await waitFor(
      () => env.fake.responses('share-fr').length >= 2 && env.fake.responses('share-fr'),
      'the public post and the deletion',
    );
    expect(shared).toMatchObject({
      response_type: 'in_channel',
      replace_original: false,
      text: 'Prochain événement du GSEF',
    });
    const shown = slackPlainText(shared!.blocks);
    expect(shown).toContain('Dialogue Politique Afrique');
    expect(shown).toContain('Partagé par <@UFR>');
    expect(JSON.stringify(shared!.blocks)).not.toContain('gsef_share');
    expect(deleted).toEqual({ delete_original: true });
  });

  it('shares the .ics file of `calendar` in the channel', async () => {
    await postSigned(env.slack.url, shareClickBody(env.fake, 'calendar africa', 'U1', 'share-ics', 'CICS'));
    await waitFor(
      () => env.fake.succeeded('files.completeUploadExternal').find((c) => c.body.channel_id === 'CICS'),
      'the upload in the channel',
    );
    expect(env.fake.responses('share-ics')[0]).toMatchObject({ response_type: 'in_channel' });
  });

  it('tells the clicker privately when the file cannot go to a channel the bot is not in', async () => {
    await postSigned(env.slack.url, shareClickBody(env.fake, 'calendar', 'U1', 'share-closed', 'CCLOSED'));
    const note = await waitFor(
      () => env.fake.responses('share-closed').find((r) => r.response_type === 'ephemeral'),
      'the private note',
    );
    expect(String(note.text)).toContain('/invite @GSEF');
  });

  it('never shares what had no button, such as a language choice', async () => {
    await postSigned(env.slack.url, shareClickBody(env.fake, 'lang fr', 'ULANG', 'share-lang'));
    await postSigned(env.slack.url, shareClickBody(env.fake, 'help', 'U1', 'share-after'));
    await waitFor(() => env.fake.responses('share-after')[0], 'the next share');
    expect(env.fake.responses('share-lang')).toEqual([]);
    expect(await env.slack.bot.languageOf({ platform: 'slack', id: 'ULANG', isEditor: false })).toBe('en');
  });

  it('never runs a news submission again for whoever clicks a forged Share button', async () => {
    await postSigned(
      env.slack.url,
      shareClickBody(
        env.fake,
        'news A cooperative opened in our city this month, with twelve members.',
        'UNEWS',
        'share-news',
      ),
    );
    await postSigned(env.slack.url, shareClickBody(env.fake, 'help', 'U1', 'share-after-news'));
    await waitFor(() => env.fake.responses('share-after-news')[0], 'the next share');
    expect(env.fake.responses('share-news')).toEqual([]);
    expect(await env.slack.bot.services.news.list()).toEqual([]);
  });
});
