import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogCacheKey, PROGRAM_MODULES, PROGRAM_PACKAGES } from '../../src/catalog/catalog-cache-key.js';
import { readCatalogFiles } from '../../src/catalog/data-files.js';
import { copyOfTestData } from '../support/test-data.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** The modules a source file imports for their values (not `import type`), statically or with import(). */
function importsOf(file: string, withDynamic: boolean): string[] {
  const text = readFileSync(file, 'utf8');
  const statics = [...text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)];
  const dynamics = withDynamic ? [...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)] : [];
  return [...statics, ...dynamics].map(([, specifier]) => specifier!);
}

/** Every module reached from `entries` (relative to src/, without extension), and the packages they import. */
function closure(entries: readonly string[], withDynamic: boolean): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (module: string) => {
    if (modules.has(module)) return;
    modules.add(module);
    const file = path.join(SRC, `${module}.ts`);
    for (const specifier of importsOf(file, withDynamic)) {
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(file), specifier).replace(/\.js$/, '');
        visit(path.relative(SRC, target).split(path.sep).join('/'));
      } else if (!isBuiltin(specifier)) packages.add(specifier.split('/')[0]!);
    }
  };
  entries.forEach(visit);
  return { modules, packages };
}

describe("the catalog cache's key", () => {
  it('covers every module and package the loader and the cache import (add what this names to PROGRAM_MODULES / PROGRAM_PACKAGES)', () => {
    const { modules, packages } = closure(['catalog/catalog-cache'], true);
    expect(modules).toContain('catalog/load-catalog');
    expect([...modules].filter((module) => !(PROGRAM_MODULES as readonly string[]).includes(module))).toEqual([]);
    expect([...packages].filter((name) => !(PROGRAM_PACKAGES as readonly string[]).includes(name))).toEqual([]);
  });

  it('names only modules that exist', () => {
    for (const module of PROGRAM_MODULES) expect(() => readFileSync(path.join(SRC, `${module}.ts`))).not.toThrow();
  });

  it('leaves the parser, the schemas and their libraries out of what a hit loads', () => {
    const { modules, packages } = closure(['catalog/catalog-cache'], false);
    expect([...packages].sort()).toEqual([]);
    for (const parsing of ['catalog/load-catalog', 'catalog/schema', 'catalog/locale-schema', 'catalog/yaml-source'])
      expect(modules).not.toContain(parsing);
  });

  it('follows every byte of every data file, and the files alone', async () => {
    const data = await copyOfTestData();
    const files = new Map(await readCatalogFiles(data));
    const key = (await catalogCacheKey(files))!;
    expect(key.key).toMatch(/^[0-9a-f]{64}$/);
    expect(await catalogCacheKey(new Map(await readCatalogFiles(data)))).toEqual(key);
    const events = files.get('events.yaml') as Buffer;
    const edited = Buffer.from(events);
    edited[0] = edited[0]! ^ 1;
    const afterEdit = (await catalogCacheKey(new Map([...files, ['events.yaml', edited]])))!;
    expect(afterEdit.key).not.toBe(key.key);
    // Each file's digest follows its bytes alone; the program's part follows no data file.
    expect(afterEdit.files['events.yaml']).not.toBe(key.files['events.yaml']);
    expect({ ...afterEdit.files, 'events.yaml': undefined }).toEqual({ ...key.files, 'events.yaml': undefined });
    expect(afterEdit.program).toBe(key.program);
    // The same bytes under another name are another data folder's files.
    const swapped = await catalogCacheKey(
      new Map([...files, ['events.yaml', files.get('places.yaml')!], ['places.yaml', events]]),
    );
    expect(swapped?.key).not.toBe(key.key);
    expect(await catalogCacheKey(new Map([...files, ['events.yaml', 'the file is missing']]))).toBeUndefined();
  });
});
