import { describe, expect, it } from 'vitest';
import { checkDataCli } from '../../src/cli/check-data.js';
import { remindersCli } from '../../src/cli/reminders-cli.js';
import { printSlackManifest } from '../../src/cli/slack-manifest.js';
import { storeCli } from '../../src/cli/store-cli.js';
import type { Tool } from '../../src/cli/tool.js';

/** A tool run in-process: its exit code, and what it printed on stdout and stderr. */
async function run(tool: Tool, args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await tool(
    args,
    env,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out, err };
}

describe("the tools' failures, through the one mapping", () => {
  it.each([
    ['reminders', remindersCli, 'usage: gsef reminders --from YYYY-MM-DD --to YYYY-MM-DD [--json] | --status'],
    ['slack-manifest', printSlackManifest, 'usage: gsef slack-manifest [--socket | --url https://YOUR-HOST]'],
    [
      'store',
      storeCli,
      'usage: gsef store copy --to URL   (from GSEF_STORE_URL into an empty store; stop the bot first)',
    ],
  ])('gsef %s with an unknown flag: exit 2, the reason in one line, then the usage', async (name, tool, usage) => {
    expect(await run(tool, ['--bogus'])).toEqual({
      code: 2,
      out: [],
      // parseArgs's reason (a tool that takes words says how to pass one starting with '-').
      err: [expect.stringMatching(new RegExp(`^gsef ${name}: Unknown option '--bogus'`)), usage],
    });
  });

  it('a refusal node writes over several lines (a value that looks like a flag) is one line, then the usage', async () => {
    const refused = await run(remindersCli, ['--from', '-x']);
    expect(refused.code).toBe(2);
    expect(refused.err).toHaveLength(2);
    expect(refused.err[0]).toMatch(/^gsef reminders: Option '--from' argument is ambiguous\. Did you forget/);
    expect(refused.err[0]).not.toMatch(/\\n|\n/);
  });

  it('a bad setting is exit 2 and one line naming it, before anything is read', async () => {
    expect(await run(checkDataCli, [], { GSEF_DATA_DIR: '' })).toEqual({
      code: 2,
      out: [],
      err: [expect.stringMatching(/^gsef check-data: GSEF_DATA_DIR: /)],
    });
  });

  it('check-data reads GSEF_DATA_DIR through the settings, and leads its report with the folder', async () => {
    const { code, err } = await run(checkDataCli, [], { GSEF_DATA_DIR: '/nonexistent-gsef-data' });
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^\/nonexistent-gsef-data: \S*nonexistent-gsef-data: does not exist/)]);
  });
});
