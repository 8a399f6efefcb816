import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { copyOfTestData } from '../support/test-data.js';

/** A copy of the test data in a temporary folder, removed when the test ends; `settings` is added to settings.yaml. */
export async function dataCopy(settings = ''): Promise<string> {
  const dir = await copyOfTestData('gsef-live-data-');
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  if (settings) await appendFile(path.join(dir, 'settings.yaml'), `\n${settings}\n`);
  return dir;
}

/** Rewrites a file of the copy: `edit` gets its text and returns the new one, which must differ. */
export async function editFile(dir: string, name: string, edit: (text: string) => string): Promise<void> {
  const file = path.join(dir, name);
  const before = await readFile(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${name} changed nothing`);
  await writeFile(file, after);
}

/** The Africa Policy Dialogue's id and dates in events.yaml, as the seed writes them. */
export const AFRICA_DIALOGUE_WHEN = 'id: africa-policy-dialogue-2019\n    when: "2019-05-13/2019-05-17"';

/** The dates of the Africa Policy Dialogue moved a week later. */
export const AFRICA_DIALOGUE_MOVED = 'id: africa-policy-dialogue-2019\n    when: "2019-05-20/2019-05-24"';

/** A day that does not exist, on the line of the Africa Policy Dialogue's dates. */
export const AFRICA_DIALOGUE_BROKEN = 'id: africa-policy-dialogue-2019\n    when: "2019-05-33/2019-05-17"';

/** The line number of the Africa Policy Dialogue's dates in the copy's events.yaml. */
export async function africaDialogueWhenLine(dir: string): Promise<number> {
  const text = await readFile(path.join(dir, 'events.yaml'), 'utf8');
  return text.slice(0, text.indexOf('id: africa-policy-dialogue-2019')).split('\n').length + 1;
}
