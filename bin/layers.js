/**
 * The layers of gsef-bot and the one direction of their dependencies: the table the ESLint rule
 * `gsef/layers` enforces (eslint.config.js) and `npm run graph` draws the code's import graph from
 * (bin/import-graph.js). README "How it is built" shows the same picture.
 *
 * A file belongs to the first layer with a path that matches it (a folder ends with `/`, and
 * `src/*.ts` is the files directly in src/). A file
 * may import files of its own layer and of the layers listed in `uses`; a platform's files may
 * import their own platform's folder and no other platform's.
 */
import path from 'node:path';

/** The store's interfaces (what the features store and read back, and how they check it): not backends. */
const STORAGE_INTERFACES = [
  'src/store/store.ts',
  'src/store/claims.ts',
  'src/store/counters.ts',
  'src/store/stored-value.ts',
];

export const LAYERS = [
  {
    name: 'composition',
    what: 'npm start, the gsef CLI, settings: they build and wire everything',
    paths: ['src/main.ts', 'src/create-bot.ts', 'src/config.ts', 'src/cli/'],
    uses: ['platforms', 'store', 'conversation', 'features', 'core', 'catalog', 'kernel'],
  },
  {
    name: 'platforms',
    what: 'one adapter per chat platform (console, Slack, Discord) and their registry',
    paths: ['src/platforms/'],
    uses: ['conversation', 'features', 'core', 'catalog', 'kernel'],
  },
  {
    name: 'store',
    what: 'the store backends (memory, SQLite, PostgreSQL, Redis) behind the storage interfaces',
    paths: ['src/store/'],
    except: STORAGE_INTERFACES,
    uses: ['features', 'core', 'catalog', 'kernel'],
  },
  {
    name: 'conversation',
    what: 'the bot, the command dispatcher and the commands',
    paths: ['src/bot.ts', 'src/dispatch/', 'commands/'],
    uses: ['features', 'core', 'catalog', 'kernel'],
  },
  {
    name: 'features',
    what: "the newsletter, reminders, the meeting desk, presenters, messaging, people's choices and roles, the data followed live, and the storage interfaces they need",
    paths: [
      'src/news/',
      'src/meeting-desk/',
      'src/reminders/',
      'src/presenters/',
      'src/messaging/',
      'src/people/',
      'src/live-data/',
      ...STORAGE_INTERFACES,
    ],
    uses: ['core', 'catalog', 'kernel'],
  },
  {
    name: 'core',
    what: 'the domain (events, members, meetings, search), translations, the neutral reply',
    paths: ['src/domain/', 'src/i18n/', 'src/reply/'],
    except: ['src/domain/vocabulary.ts', 'src/domain/asker.ts', 'src/domain/event-date.ts'],
    uses: ['catalog', 'kernel'],
  },
  {
    name: 'catalog',
    what: "the data: data/'s schema, its loader and checks",
    paths: ['src/catalog/'],
    uses: ['kernel'],
  },
  {
    name: 'kernel',
    what: 'words every layer shares (languages, regions, dates as the programme writes them, who asks) and small utilities (log, errors, clock)',
    paths: ['src/domain/vocabulary.ts', 'src/domain/event-date.ts', 'src/domain/asker.ts', 'src/*.ts'],
    uses: [],
  },
];

const matches = (file, paths = []) =>
  paths.some((p) => {
    if (p.endsWith('/')) return file.startsWith(p);
    if (p.endsWith('/*.ts')) return path.posix.dirname(file) === p.slice(0, -'/*.ts'.length) && file.endsWith('.ts');
    return file === p;
  });

/** The layer of a file given relative to the project's root (`src/news/news-service.ts`), or undefined outside them. */
export function layerOf(file) {
  // A layer's `except` sends a file on to the layers below it.
  return LAYERS.find((layer) => matches(file, layer.paths) && !matches(file, layer.except));
}

/** The platform folder a file is in (`slack` for src/platforms/slack/x.ts), or undefined. */
export function platformOf(file) {
  return /^src\/platforms\/([^/]+)\//.exec(file)?.[1];
}

/**
 * Why `from` may not import `to` (both relative to the root, `.ts`), or undefined when it may.
 * Imports of other kinds (packages, Node's modules) are not this rule's business.
 */
export function forbiddenImport(from, to) {
  const source = layerOf(from);
  const target = layerOf(to);
  if (!source || !target) return undefined;
  const [fromPlatform, toPlatform] = [platformOf(from), platformOf(to)];
  if (toPlatform !== undefined && fromPlatform !== undefined && toPlatform !== fromPlatform)
    return `a platform's files import no other platform's (${fromPlatform} imports ${toPlatform})`;
  // Outside src/platforms/, only the registry knows the platforms, through each one's index.ts.
  if (
    toPlatform !== undefined &&
    fromPlatform === undefined &&
    source.name === 'platforms' &&
    !to.endsWith('/index.ts')
  )
    return `the registry reaches a platform through its index.ts only`;
  if (source === target || source.uses.includes(target.name)) return undefined;
  return `${source.name} (${from}) may not import ${target.name} (${to}): dependencies point from ${source.name} to ${source.uses.join(', ') || 'nothing else'}`;
}

/** The file a relative import specifier of `from` names, relative to `root`, with `.js` read as `.ts`. */
export function importedFile(root, from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const absolute = path.resolve(root, path.dirname(from), specifier).replace(/\.js$/, '.ts');
  return path.relative(root, absolute).split(path.sep).join('/');
}
