#!/usr/bin/env node
/**
 * `npm run graph`: the layers of bin/layers.js and which ones each actually imports, drawn from
 * the code (every relative import of src/ and commands/). README "How it is built" holds the same
 * text between its `layers:begin` and `layers:end` marks, and a unit test keeps the two equal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importedFile, LAYERS, layerOf } from './layers.js';

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(folder) {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const file = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** For each layer, the other layers its files import, from the code. */
export function layerGraph() {
  const uses = new Map(LAYERS.map((layer) => [layer.name, new Set()]));
  for (const file of [...sourceFiles('src'), ...sourceFiles('commands')]) {
    const from = layerOf(file);
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
      const to = layerOf(importedFile(root, file, specifier) ?? '');
      if (from && to && to !== from) uses.get(from.name).add(to.name);
    }
  }
  return uses;
}

/** The graph as README shows it: one line per layer, top down, with what it is and what it imports. */
export function drawLayers() {
  const graph = layerGraph();
  const width = Math.max(...LAYERS.map((layer) => layer.name.length));
  return LAYERS.map((layer) => {
    const used = LAYERS.filter((other) => graph.get(layer.name).has(other.name)).map((other) => other.name);
    const arrow = used.length > 0 ? ` → ${used.join(', ')}` : '';
    return `${layer.name.padEnd(width)}  ${layer.paths.join(' ')}${arrow}\n${' '.repeat(width)}  (${layer.what})`;
  }).join('\n');
}

if (process.argv[1] === import.meta.filename) process.stdout.write(`${drawLayers()}\n`);
