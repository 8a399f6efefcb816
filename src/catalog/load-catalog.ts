import { stat } from 'node:fs/promises';
import path from 'node:path';
import { shownPath } from '../shown-path.js';
import type { z } from 'zod';
import { LANGS, type Lang } from '../domain/vocabulary.js';
import { DataError, type DataProblem } from '../errors.js';
import { checkReferences } from './check-references.js';
import { withFrenchSpacing } from './french-spacing.js';
import { plainSchemaMessage } from './schema-messages.js';
import { flattenLocale, localeTree, placeholdersOf } from './locale-schema.js';
import {
  eventsFile,
  meetingsFile,
  membersFile,
  placesFile,
  programmesFile,
  settingsFile,
  type EventsFile,
  type MeetingsFile,
  type MembersFile,
  type PlacesFile,
  type ProgrammesFile,
  type Settings,
} from './schema.js';
import { localeFile, PART_FILES, readCatalogFiles, type CatalogFiles } from './data-files.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

/** Everything under `data/`, parsed and validated. */
export interface Catalog {
  places: PlacesFile;
  events: EventsFile;
  members: MembersFile;
  meetings: MeetingsFile;
  programmes: ProgrammesFile;
  settings: Settings;
  /** Each language's messages, by flattened key (`commands.agenda.summary`). */
  locales: Record<Lang, Messages>;
}

/** One language's messages, by flattened key. */
export type Messages = Map<string, string | string[]>;

/**
 * Parts of the catalog already known from the same bytes under the same program (the cache, for
 * the files not changed since): taken as they are, not parsed and validated again.
 */
export interface KnownParts {
  parts: Partial<Omit<Catalog, 'locales'>>;
  locales: Partial<Record<Lang, Messages>>;
}

const FILES = {
  places: [PART_FILES.places, placesFile],
  events: [PART_FILES.events, eventsFile],
  members: [PART_FILES.members, membersFile],
  meetings: [PART_FILES.meetings, meetingsFile],
  programmes: [PART_FILES.programmes, programmesFile],
  settings: [PART_FILES.settings, settingsFile],
} as const;

/**
 * Reads and validates the data folder. Throws a {@link DataError} listing every problem found,
 * each with its file, line and field, so that one run shows everything there is to fix. `files`
 * are the folder's files when the caller has already read them (the cache keys on those bytes);
 * the parts `known` from those bytes are not parsed again, but what spans files is checked anew.
 */
export async function loadCatalog(dataDir: string, files?: CatalogFiles, known?: KnownParts): Promise<Catalog> {
  const problems: DataProblem[] = [];
  const shownDir = shownPath(dataDir);
  const shown = (name: string) => shownPath(path.join(dataDir, name));
  const folder = await stat(dataDir).catch(() => undefined);
  if (!folder?.isDirectory()) {
    throw new DataError([
      {
        file: shownDir,
        message: `${folder ? 'is a file' : 'does not exist'}: the data folder (GSEF_DATA_DIR) must be a folder holding places.yaml, events.yaml…`,
      },
    ]);
  }

  const contents = files ?? (await readCatalogFiles(dataDir));
  const parse = (name: string) => parseYamlSource(contents.get(name) ?? 'the file is missing', shown(name));
  /**
   * The source of a file whose part was known: parsed only to locate a problem that a check
   * across files finds in it. (It parsed when its part was made: the fallback, a problem without
   * a line, is for the impossible.)
   */
  const parsedWhenAsked = (name: string): YamlSource => {
    let parsed: YamlSource | undefined;
    const source = () =>
      (parsed ??= parse(name).source ?? {
        file: shown(name),
        value: undefined,
        problemAt: (_at, message) => ({ file: shown(name), message }),
      });
    return {
      file: shown(name),
      get value() {
        return source().value;
      },
      problemAt: (at, message) => source().problemAt(at, message),
    };
  };

  function load<S extends z.ZodType>(
    name: string,
    schema: S,
    knownValue: z.infer<S> | undefined,
  ): { value?: z.infer<S>; source?: YamlSource } {
    if (knownValue !== undefined) return { value: knownValue, source: parsedWhenAsked(name) };
    const read = parse(name);
    problems.push(...read.problems);
    if (!read.source) return {};
    const parsed = schema.safeParse(read.source.value, { error: plainSchemaMessage });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(read.source.problemAt(issue.path, issue.message));
      return { source: read.source };
    }
    return { value: withFrenchSpacing(parsed.data), source: read.source };
  }

  const places = load(...FILES.places, known?.parts.places);
  const events = load(...FILES.events, known?.parts.events);
  const members = load(...FILES.members, known?.parts.members);
  const meetings = load(...FILES.meetings, known?.parts.meetings);
  const programmes = load(...FILES.programmes, known?.parts.programmes);
  const settings = load(...FILES.settings, known?.parts.settings);
  const locales = loadLocales(problems, { parse, parsedWhenAsked, known: known?.locales });

  if (places.value && events.value && members.value && meetings.value && programmes.value && settings.value) {
    problems.push(
      ...checkReferences(
        {
          places: places.value,
          events: events.value,
          members: members.value,
          meetings: meetings.value,
          programmes: programmes.value,
          settings: settings.value,
        },
        {
          places: places.source!,
          events: events.source!,
          members: members.source!,
          meetings: meetings.source!,
          programmes: programmes.source!,
          settings: settings.source!,
        },
      ),
    );
  }
  if (
    problems.length > 0 ||
    !places.value ||
    !events.value ||
    !members.value ||
    !meetings.value ||
    !programmes.value ||
    !settings.value ||
    !locales
  ) {
    throw new DataError(problems);
  }
  return {
    places: places.value,
    events: events.value,
    members: members.value,
    meetings: meetings.value,
    programmes: programmes.value,
    settings: settings.value,
    locales,
  };
}

function loadLocales(
  problems: DataProblem[],
  files: {
    parse: (name: string) => ReturnType<typeof parseYamlSource>;
    parsedWhenAsked: (name: string) => YamlSource;
    known: KnownParts['locales'] | undefined;
  },
): Record<Lang, Messages> | undefined {
  const flat = {} as Record<Lang, Messages>;
  const sources = {} as Record<Lang, YamlSource>;
  for (const lang of LANGS) {
    const known = files.known?.[lang];
    if (known) {
      flat[lang] = known;
      sources[lang] = files.parsedWhenAsked(localeFile(lang));
      continue;
    }
    const read = files.parse(localeFile(lang));
    problems.push(...read.problems);
    if (!read.source) return undefined;
    const parsed = localeTree.safeParse(read.source.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(read.source.problemAt(issue.path, issue.message));
      return undefined;
    }
    flat[lang] = flattenLocale(parsed.data);
    sources[lang] = read.source;
  }
  // Every language must say everything English says, with the same placeholders.
  for (const lang of LANGS) {
    for (const [key, english] of flat.en) {
      const translated = flat[lang].get(key);
      const at = key.split('.');
      if (translated === undefined) {
        problems.push(sources[lang].problemAt(at, `missing: en.yaml has this key, ${lang}.yaml must translate it`));
      } else if (typeof english === 'string' && typeof translated === 'string') {
        if (placeholdersOf(english).join() !== placeholdersOf(translated).join()) {
          problems.push(
            sources[lang].problemAt(
              at,
              `placeholders differ from en.yaml (${placeholdersOf(english).join(', ') || 'none'})`,
            ),
          );
        }
      } else if (typeof english !== typeof translated) {
        problems.push(sources[lang].problemAt(at, 'must be the same kind (text or list) as in en.yaml'));
      }
    }
    for (const key of flat[lang].keys()) {
      if (!flat.en.has(key))
        problems.push(sources[lang].problemAt(key.split('.'), 'not in en.yaml: remove it or add it there'));
    }
  }
  return flat;
}
