/**
 * The command line of each tool of `gsef`, apart from the tools themselves: `gsef --help` lists
 * them all without loading any tool (each is loaded when its name is typed, see main.ts).
 */
export const EXPORT_USAGE = 'gsef export events [--csv] [--data DIR]   (CSV on stdout: > events.csv)';
export const IMPORT_USAGE =
  'gsef import events FILE.csv|FILE.xlsx [--write] [--data DIR] [--year YYYY] [--lang fr|en|es] [--add-places]';
export const REMINDERS_USAGE = 'gsef reminders --from YYYY-MM-DD --to YYYY-MM-DD [--json] | --status';
export const SLACK_MANIFEST_USAGE = 'gsef slack-manifest [--socket | --url https://YOUR-HOST]';
export const STORE_USAGE = 'gsef store copy --to URL   (from GSEF_STORE_URL into an empty store; stop the bot first)';
