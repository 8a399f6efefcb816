import { describe, expect, it } from 'vitest';
import { StepwiseBuild } from '../../src/domain/search/stepwise-build.js';

/** A build of the list [1, 2, 3], a number a step, that counts the steps it ran and the builds it began. */
function counted(failAtFirst = false) {
  const counts = { steps: 0, builds: 0 };
  const build = new StepwiseBuild(function* () {
    counts.builds += 1;
    const list: number[] = [];
    for (const n of [1, 2, 3]) {
      if (failAtFirst && counts.builds === 1 && n === 2) throw new Error('failed');
      list.push(n);
      counts.steps += 1;
      yield;
    }
    return list;
  });
  return { build, counts };
}

describe('StepwiseBuild', () => {
  it('builds a step at a time, and says when it is built', () => {
    const { build, counts } = counted();
    expect(counts.builds).toBe(0);
    expect([build.step(), build.step(), build.step()]).toEqual([false, false, false]);
    expect(counts.steps).toBe(3);
    expect(build.isBuilt).toBe(false);
    expect(build.step()).toBe(true);
    expect(build.isBuilt).toBe(true);
    expect(build.value).toEqual([1, 2, 3]);
    expect(build.step()).toBe(true);
    expect(counts).toEqual({ steps: 3, builds: 1 });
  });

  it('read at any step of its build, finishes the build at once: the whole value, built once', () => {
    for (const taken of [0, 1, 2, 3]) {
      const { build, counts } = counted();
      for (let i = 0; i < taken; i++) build.step();
      expect(build.value).toEqual([1, 2, 3]);
      expect(build.value).toBe(build.value);
      expect(build.step()).toBe(true);
      expect(counts).toEqual({ steps: 3, builds: 1 });
    }
  });

  it('after a step that threw, builds again from the start when read', () => {
    const { build, counts } = counted(true);
    build.step();
    expect(() => build.step()).toThrow('failed');
    expect(build.value).toEqual([1, 2, 3]);
    expect(counts.builds).toBe(2);
  });
});
