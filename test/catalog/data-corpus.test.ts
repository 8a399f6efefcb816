import { describe, expect, it } from 'vitest';
import { DataError, formatProblem } from '../../src/errors.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { DATA_CASES, dataFolderFor } from '../corpus/data/cases.js';

describe('the data-file corpus, through loadCatalog', () => {
  it.each(DATA_CASES.map((c) => [c.name, c] as const))('%s', async (_, dataCase) => {
    const dir = await dataFolderFor(dataCase);
    // Some inputs took minutes before: the test's timeout is the limit, generous for a busy machine.
    const outcome = await loadCatalog(dir).then(
      () => 'loaded',
      (error: unknown) => error,
    );
    if (!dataCase.at) {
      expect(outcome).toBe('loaded');
      return;
    }
    expect(outcome).toBeInstanceOf(DataError);
    const problems = (outcome as DataError).problems;
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(dataCase.at)]);
  });
});
