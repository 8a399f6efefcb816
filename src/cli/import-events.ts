import path from 'node:path';
import { planEventsImport, writeImport, type ImportPlan } from '../catalog/import/import-events.js';
import { DEFAULT_CATEGORY, type Outcome } from '../catalog/import/plan-import.js';
import { readCoreConfig } from '../config.js';
import { isLang } from '../domain/vocabulary.js';
import { UsageError } from '../errors.js';
import { IMPORT_USAGE } from './tool-usage.js';
import { parseToolArgs, runTool, type Print, type Tool } from './tool.js';

/**
 * `gsef import events FILE`: reads a calendar spreadsheet and shows what it would add, change
 * and leave alone in events.yaml; writes only with --write, and nothing when a row has a problem.
 */
export const importCli: Tool = (args, env, out, err) =>
  runTool('gsef import: ', env, err, async () => {
    const { values, positionals } = parseToolArgs(
      {
        args: [...args],
        options: {
          write: { type: 'boolean' },
          data: { type: 'string' },
          year: { type: 'string' },
          lang: { type: 'string' },
          'add-places': { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
        allowPositionals: true,
      },
      `usage: ${IMPORT_USAGE}`,
    );
    if (values.help) {
      out(`usage: ${IMPORT_USAGE}`);
      return 0;
    }
    const [what, file, ...rest] = positionals;
    if (what !== 'events' || file === undefined || rest.length > 0)
      throw new UsageError('give what to import (events) and one file', `usage: ${IMPORT_USAGE}`);
    if (values.year !== undefined && !/^\d{4}$/.test(values.year))
      throw new UsageError(`--year ${values.year} is not a year such as 2027`, `usage: ${IMPORT_USAGE}`);
    const titleLang = values.lang ?? 'fr';
    if (!isLang(titleLang)) throw new UsageError(`--lang ${titleLang} is not en, fr or es`, `usage: ${IMPORT_USAGE}`);

    const dataDir = path.resolve(values.data ?? readCoreConfig(env).dataDir);
    const plan = await planEventsImport({
      file,
      dataDir,
      ...(values.year === undefined ? {} : { year: Number(values.year) }),
      titleLang,
      addPlaces: values['add-places'] === true,
    });
    report(plan, out);
    if (plan.files.length === 0) out('Nothing to write: the data already says what the file says.');
    else if (values.write) {
      await writeImport(plan);
      for (const written of plan.files) out(`Wrote ${path.relative(process.cwd(), written.path) || written.path}.`);
      out('Check it: gsef check-data');
    } else out(`Dry run: nothing written. Run again with --write to write ${shownFiles(plan)}.`);
    return 0;
  });

function report(plan: ImportPlan, out: Print): void {
  for (const outcome of plan.outcomes) for (const line of outcomeLines(outcome)) out(line);
  for (const city of plan.newCities)
    out(`NEW PLACE  ${city.id} (${city.name}, ${city.country}): its names in places.yaml are to translate`);
  const count = (kind: Outcome['kind']) => plan.outcomes.filter((outcome) => outcome.kind === kind).length;
  out(
    `${count('added')} added, ${count('changed')} changed, ${count('left-alone')} left alone` +
      (plan.untouched > 0 ? `; ${plan.untouched} event(s) of events.yaml not in the file, kept as they are` : '') +
      '.',
  );
}

function outcomeLines(outcome: Outcome): string[] {
  const row = `row ${outcome.row}`.padEnd(8);
  const { entry } = outcome;
  switch (outcome.kind) {
    case 'left-alone':
      return [`LEFT ALONE ${row} ${entry.id}`];
    case 'changed':
      return [
        `CHANGED    ${row} ${entry.id}`,
        ...outcome.changes.map((change) => `             ${change.field}: ${change.before} -> ${change.after}`),
      ];
    case 'added': {
      const notes = [];
      if (outcome.copiedTitles.length > 0) {
        notes.push(
          `             title ${outcome.copiedTitles.join(', ')}: copied from ${outcome.titleFrom}, to translate (marked "# to translate" in events.yaml)`,
        );
      }
      if (outcome.sameDate.length > 0)
        notes.push(
          `             same date as ${outcome.sameDate.join(', ')}: if it is the same event, give its id in an id column to change it`,
        );
      if (outcome.category === 'default')
        notes.push(`             category: ${DEFAULT_CATEGORY}, as no category was given: check it`);
      return [`ADDED      ${row} ${entry.id}  ${entry.when}  ${entry.title[outcome.titleFrom]}`, ...notes];
    }
  }
}

function shownFiles(plan: ImportPlan): string {
  return plan.files.map((file) => path.relative(process.cwd(), file.path) || file.path).join(' and ');
}
