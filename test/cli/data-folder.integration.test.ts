import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/project-root.js';
import { copyOfTestData } from '../support/test-data.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/gsef.js');
const run = promisify(execFile);

/** `gsef ARGS` run from `cwd`, with GSEF_DATA_DIR as given (unset when undefined). */
async function gsefIn(cwd: string, args: string[], dataDir?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, GSEF_STORE_URL: 'memory://' };
  delete env.GSEF_DATA_DIR;
  if (dataDir !== undefined) env.GSEF_DATA_DIR = dataDir;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('the data folder, wherever the command runs', { timeout: 120_000 }, () => {
  it("is the project's data/ by default, not a data/ under the working directory", async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'gsef-cwd-'));
    // The default is the folder named data beside the project's package.json…
    expect(path.dirname(DEFAULT_DATA_DIR)).toBe(ROOT);
    expect(path.basename(DEFAULT_DATA_DIR)).toBe('data');
    // …and it is the one checked from elsewhere (whatever it holds: npm test checks its contents).
    const { output } = await gsefIn(elsewhere, ['check-data']);
    expect(output.startsWith(`${DEFAULT_DATA_DIR}: `), output).toBe(true);
    expect(output).not.toContain('is missing');
  });

  it('is named once, relative to where the command runs, and its problems are shown from there in plain words', async () => {
    const copy = await copyOfTestData();
    const events = path.join(copy, 'events.yaml');
    const text = await readFile(events, 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => /^ +en: Meeting with the OECD$/.test(l)) + 1;
    expect(line).toBeGreaterThan(0);
    lines[line - 1] = lines[line - 1]!.replace('Meeting with', 'Meeting:');
    await writeFile(events, lines.join('\n'));

    const fromInside = await gsefIn(copy, ['check-data'], '.');
    expect(fromInside.code).toBe(1);
    expect(fromInside.output).toMatch(
      new RegExp(
        `^\\.: events\\.yaml:${line}:\\d+: YAML syntax error: this value contains a colon followed by a space.*put the whole value in double quotes`,
      ),
    );
    const fromParent = await gsefIn(path.dirname(copy), ['check-data', path.basename(copy)]);
    expect(
      fromParent.output.startsWith(`${path.basename(copy)}: ${path.basename(copy)}/events.yaml:${line}:`),
      fromParent.output,
    ).toBe(true);
  });
});
