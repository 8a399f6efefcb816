import { describe, expect, it } from 'vitest';
import { settingsFile } from '../../src/catalog/schema.js';
import { PLATFORM_NAMES, unknownPlatformNames } from '../../src/platforms/platform-names.js';
import { realCatalog } from '../support/test-bot.js';

describe('platform names in settings.yaml', () => {
  it('are the console and every registered platform', () => {
    expect([...PLATFORM_NAMES].sort()).toEqual(['console', 'discord', 'slack']);
  });

  it("in the seed's data are all known", async () => {
    expect(unknownPlatformNames((await realCatalog()).settings)).toEqual([]);
  });

  it('that no platform has are each named with where they are', () => {
    const settings = settingsFile.parse({
      timeZone: 'Asia/Seoul',
      defaultLanguage: 'en',
      reminders: { targets: [{ platform: 'slak', channel: 'C1' }] },
      newsletter: {
        editorialChannels: { discord: '123', teams: 'T1' },
        newsChannels: { slack: ['C2'], mastodon: ['M1'] },
        authors: [{ platform: 'email', user: 'ana', member: 'seoul' }],
      },
    });
    expect(unknownPlatformNames(settings)).toEqual([
      'reminders.targets[0].platform: slak',
      'newsletter.editorialChannels.teams: teams',
      'newsletter.newsChannels.mastodon: mastodon',
      'newsletter.authors[0].platform: email',
    ]);
    expect(unknownPlatformNames(settings, [...PLATFORM_NAMES, 'slak', 'teams', 'mastodon', 'email'])).toEqual([]);
  });
});
