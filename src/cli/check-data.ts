import path from 'node:path';
import { loadCatalog } from '../catalog/load-catalog.js';
import { readCoreConfig } from '../config.js';
import { shownPath } from '../shown-path.js';
import { PLATFORM_NAMES, unknownPlatformNames } from '../platforms/platform-names.js';
import { runTool, type Print, type Tool } from './tool.js';

/**
 * `gsef check-data [DIR]`: validates a data folder alone (GSEF_DATA_DIR's by default). Exit 0 when
 * clean, 1 with every problem listed, each line led by the folder checked, as the OK line is.
 */
export const checkDataCli: Tool = (args, env, out, err) =>
  runTool('gsef check-data: ', env, err, async () => {
    const dir = shownPath(path.resolve(args[0] ?? readCoreConfig(env).dataDir));
    return runTool(`${dir}: `, env, err, () => checkData(dir, out, err));
  });

async function checkData(dir: string, out: Print, err: Print): Promise<number> {
  const catalog = await loadCatalog(path.resolve(dir));
  const unknown = unknownPlatformNames(catalog.settings);
  for (const place of unknown)
    err(`${dir}: settings.yaml: ${place} is not a platform of this bot (${PLATFORM_NAMES.join(', ')})`);
  if (unknown.length > 0) return 1;
  out(
    `${dir}: OK: ${catalog.events.events.length} events, ${catalog.members.members.length} members, ` +
      `${catalog.programmes.programmes.length} programmes, ${Object.keys(catalog.places.cities).length} cities`,
  );
  return 0;
}
