import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { drawLayers } from '../../bin/import-graph.js';
import { forbiddenImport } from '../../bin/layers.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The messages of the gsef/layers rule for `code` written at `file`. */
async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: root }).lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'gsef/layers').map((m) => m.message);
}

describe('the layers', () => {
  it("README's picture is the import graph drawn from the code (npm run graph)", async () => {
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    const picture = /<!-- layers:begin -->\n+```\n([\s\S]*?)\n```\n+<!-- layers:end -->/.exec(readme)?.[1];
    expect(picture, 'README.md has the layers:begin / layers:end block').toBeDefined();
    expect(picture).toBe(drawLayers());
  });

  it('allow imports downwards and within a layer', () => {
    expect(forbiddenImport('src/platforms/slack/start-slack.ts', 'src/bot.ts')).toBeUndefined();
    expect(forbiddenImport('commands/agenda.ts', 'src/presenters/meeting.ts')).toBeUndefined();
    expect(forbiddenImport('src/news/news-service.ts', 'src/store/store.ts')).toBeUndefined();
    expect(forbiddenImport('src/store/sql/sql-news-repository.ts', 'src/news/news-item.ts')).toBeUndefined();
    expect(forbiddenImport('src/main.ts', 'src/platforms/console/repl.ts')).toBeUndefined();
  });

  it('refuse imports upwards, across platforms and into store backends', () => {
    expect(forbiddenImport('src/news/submit-news.ts', 'src/bot.ts')).toMatch(/features .* may not import conversation/);
    expect(forbiddenImport('src/reply/reply.ts', 'src/platforms/slack/render-slack.ts')).toMatch(/may not import/);
    expect(forbiddenImport('src/platforms/slack/slack-news.ts', 'src/platforms/discord/discord-asker.ts')).toMatch(
      /no other platform's/,
    );
    expect(forbiddenImport('src/news/news-service.ts', 'src/store/sqlite/sqlite-store.ts')).toMatch(/may not import/);
    expect(forbiddenImport('src/platforms/registry.ts', 'src/platforms/slack/start-slack.ts')).toMatch(/index\.ts/);
  });

  it('fail the lint: a wrong import in a source file is an ESLint error naming both ends', async () => {
    const [problem] = await layerProblems(
      'src/news/sneaky.ts',
      "import { Bot } from '../bot.js';\nexport type B = Bot;\n",
    );
    expect(problem).toContain('features (src/news/sneaky.ts) may not import conversation (src/bot.ts)');
    expect(
      await layerProblems('src/news/fine.ts', "import { reply } from '../reply/reply.js';\nexport { reply };\n"),
    ).toEqual([]);
  });

  it('fail the lint for a source folder no layer lists', async () => {
    expect(await layerProblems('src/widgets/gadget.ts', 'export const gadget = 1;\n')).toEqual([
      'src/widgets/gadget.ts is in no layer: add its folder to bin/layers.js',
    ]);
  });
});
