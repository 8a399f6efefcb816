// One line per test layer (vitest project) at the end of a run: how many files and tests, how
// they ended, how long it took. `npm test` runs the layers one after the other and repeats these
// lines at the very end (test/run-layers.js), so both counts are seen together.
import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/** What one layer's run came to. */
interface LayerSummary {
  layer: string;
  files: number;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}

export default class LayerSummaryReporter implements Reporter {
  private started = performance.now();

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const seconds = (performance.now() - this.started) / 1000;
    for (const summary of summarize(testModules, seconds)) {
      const line = describeLayer(summary);
      console.log(`\n${line}`);
      // The file test/run-layers.js reads back for its recap.
      const file = process.env.GSEF_LAYER_SUMMARY;
      if (file) appendFileSync(file, `${line}\n`);
    }
  }
}

function summarize(testModules: ReadonlyArray<TestModule>, seconds: number): LayerSummary[] {
  const layers = new Map<string, LayerSummary>();
  for (const testModule of testModules) {
    const layer = testModule.project.name || 'tests';
    const summary = layers.get(layer) ?? { layer, files: 0, passed: 0, failed: 0, skipped: 0, seconds };
    layers.set(layer, summary);
    summary.files += 1;
    // A file that failed to load has no tests to count, but it did fail.
    if (testModule.state() === 'failed' && testModule.children.size === 0) summary.failed += 1;
    for (const test of testModule.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') summary.passed += 1;
      else if (state === 'failed') summary.failed += 1;
      else summary.skipped += 1;
    }
  }
  return [...layers.values()];
}

/** e.g. "unit layer: 59 files, 655 tests passed, 0 failed (41.3 s)". */
function describeLayer({ layer, files, passed, failed, skipped, seconds }: LayerSummary): string {
  const skippedPart = skipped > 0 ? `, ${skipped} skipped` : '';
  return `${layer} layer: ${files} files, ${passed} tests passed, ${failed} failed${skippedPart} (${seconds.toFixed(1)} s)`;
}
