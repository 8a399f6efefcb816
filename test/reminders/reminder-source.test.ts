import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import { livePlan } from '../../src/reminders/reminder-source.js';
import { realKnowledgeBase } from '../support/test-bot.js';
import { copyOfTestData } from '../support/test-data.js';

describe('livePlan', () => {
  it('plans from the version of the data current at each pass', async () => {
    const dir = await copyOfTestData('gsef-live-');
    const meetings = path.join(dir, 'meetings.yaml');
    const original = await readFile(meetings, 'utf8');
    await writeFile(meetings, original.replace('"2019-04-25/2019-04-26"', '"2019-04-29/2019-04-30"'));
    const moved = new KnowledgeBase(await loadCatalog(dir));

    let current = await realKnowledgeBase();
    const plan = livePlan(
      { current: () => current },
      [{ platform: 'console', channel: 'c', languages: ['en'] }],
      'Asia/Seoul',
    );
    const window = [
      DateTime.fromISO('2019-04-01', { zone: 'Asia/Seoul' }),
      DateTime.fromISO('2019-05-01', { zone: 'Asia/Seoul' }),
    ] as const;
    expect((await plan(...window)).map((r) => r.meetingStart)).toEqual(['2019-04-25', '2019-04-25', '2019-04-25']);
    current = moved;
    expect((await plan(...window)).map((r) => r.meetingStart)).toEqual(['2019-04-29', '2019-04-29', '2019-04-29']);
  });
});
