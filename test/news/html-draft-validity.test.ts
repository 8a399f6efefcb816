import { HtmlValidate, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import type { NewsItem } from '../../src/news/news-item.js';
import { newsletterDraft } from '../../src/news/newsletter-draft.js';
import { botAt } from '../support/test-bot.js';
import { approvedItem } from './rendered-draft.js';

/**
 * The HTML draft is a document a validator passes: html-validate's recommended and document rules
 * (bundled with the package, so the check runs offline), with one rule off: `no-inline-style`,
 * because inline styles are the only ones email clients keep.
 */
const validator = new HtmlValidate({
  root: true,
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: { 'no-inline-style': 'off' },
});

const secretariat: Asker = { platform: 'console', id: 'secretariat', displayName: 'secretariat', isEditor: true };

async function draftIn(lang: Lang, items: NewsItem[]): Promise<string> {
  const ctx = (await botAt('2026-11-10')).context(secretariat, lang);
  return newsletterDraft(ctx, '2026-11', items).html;
}

/** Each message the validator gives, as a line a failing test shows. */
async function validationErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html, 'newsletter-draft.html');
  return report.results.flatMap((result) =>
    result.messages.map((m: Message) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}

let nextId = 1;
function item(lang: Lang, text: string, overrides: Partial<NewsItem> = {}): NewsItem {
  return approvedItem(nextId++, text, { lang, ...overrides });
}

const threeLanguages = (): NewsItem[] => [
  item('en', 'Cooperatives gather in Bamako.\nSee https://gsef-net.org/news?a=1&b=2 for more.', {
    member: 'city-of-seoul',
  }),
  item('fr', 'Les coopératives se réunissent à Montréal.\n\nDeuxième paragraphe : « programme ».', {
    member: 'city-of-montreal',
  }),
  item('es', 'Las cooperativas se reúnen en la Ciudad de México.', { member: 'city-of-mexico' }),
  item('es', 'Una noticia sin miembro.'),
];

const hostile = (): NewsItem[] => [
  item('en', '<script>alert(1)</script> <img src=x onerror=alert(1)> <!-- hidden "quoted" \'single\' & more', {
    author: { platform: 'discord', userId: '1', displayName: '<b>@everyone</b> "Ana" & <@123>' },
    member: '<img src=x onerror=alert(1)>',
  }),
  item('fr', 'Bonjour @here et <!channel>, <@U123> et <@&456>. ]]> </section></html> <title>x</title>', {
    source: { platform: 'slack', permalink: 'https://gsef.slack.com/archives/C1/p2?x="><script>alert(1)</script>' },
  }),
  item('es', '[click](javascript:alert(1)) <style>body{display:none}</style> <a href="https://x.example">x</a>', {
    source: { platform: 'slack', permalink: 'javascript:alert(document.cookie)' },
  }),
];

describe('the HTML newsletter draft, as a validator reads it', () => {
  it.each(['en', 'fr', 'es'] as const)(
    'has no error with items in three languages, for an editor in %s',
    async (lang) => {
      expect(await validationErrors(await draftIn(lang, threeLanguages()))).toEqual([]);
    },
  );

  it('has no error with hostile text: markup, mentions, quotes, forged links and member ids', async () => {
    expect(await validationErrors(await draftIn('en', hostile()))).toEqual([]);
  });

  it('has no error for an empty edition', async () => {
    expect(await validationErrors(await draftIn('fr', []))).toEqual([]);
  });

  it('finds the errors it is there for: the same document cut short does not pass', async () => {
    const html = await draftIn('en', threeLanguages());
    expect(await validationErrors(html.replace('</section>', ''))).not.toEqual([]);
  });
});
