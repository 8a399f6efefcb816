import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import { silentLogger } from '../../src/logger.js';
import { livePlan } from '../../src/reminders/reminder-source.js';
import { copyOfTestData } from '../support/test-data.js';

describe('livePlan', () => {
  it('follows a meeting moved in meetings.yaml without a restart, and keeps the last good data when the file breaks', async () => {
    const dir = await copyOfTestData('gsef-live-');
    const plan = livePlan(
      dir,
      new KnowledgeBase(await loadCatalog(dir)),
      [{ platform: 'console', channel: 'c', languages: ['en'] }],
      'Asia/Seoul',
      silentLogger,
    );
    const window = [
      DateTime.fromISO('2019-04-01', { zone: 'Asia/Seoul' }),
      DateTime.fromISO('2019-05-01', { zone: 'Asia/Seoul' }),
    ] as const;
    expect((await plan(...window)).map((r) => r.meetingStart)).toEqual(['2019-04-25', '2019-04-25', '2019-04-25']);

    const meetings = path.join(dir, 'meetings.yaml');
    const original = await readFile(meetings, 'utf8');
    await writeFile(meetings, original.replace('"2019-04-25/2019-04-26"', '"2019-04-29/2019-04-30"'));
    expect((await plan(...window)).map((r) => r.meetingStart)).toEqual(['2019-04-29', '2019-04-29', '2019-04-29']);

    await writeFile(meetings, `${original}\n  broken: [`);
    expect((await plan(...window)).map((r) => r.meetingStart)).toEqual(['2019-04-29', '2019-04-29', '2019-04-29']);
  });
});
