import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** What the data files look like on disk: cheap to read, and different whenever one of them changes. */
export interface DataFingerprint {
  /** Names, sizes and modification times of every `.yaml` file under the folder. */
  key: string;
  /** The latest modification time among them (epoch ms): which of two versions was written last. */
  newestMs: number;
}

export async function dataFingerprint(dir: string): Promise<DataFingerprint> {
  const entries = await readdir(dir, { recursive: true });
  const files = entries.filter((name) => name.endsWith('.yaml')).sort();
  const stats = await Promise.all(files.map(async (name) => ({ name, ...(await stat(path.join(dir, name))) })));
  return {
    key: stats.map(({ name, size, mtimeMs }) => `${name}:${size}:${mtimeMs}`).join('|'),
    newestMs: Math.max(0, ...stats.map((s) => s.mtimeMs)),
  };
}
