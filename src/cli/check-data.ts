import path from 'node:path';
import { loadCatalog } from '../catalog/load-catalog.js';
import { readCoreConfig } from '../config.js';
import { runTool, type Print, type Tool } from './tool.js';

/**
 * `gsef check-data [DIR]`: validates a data folder alone (GSEF_DATA_DIR's by default). Exit 0 when
 * clean, 1 with every problem listed, each line led by the folder checked, as the OK line is.
 */
export const checkDataCli: Tool = (args, env, out, err) =>
  runTool('gsef check-data: ', env, err, async () => {
    const dir = args[0] ?? readCoreConfig(env).dataDir;
    return runTool(`${dir}: `, env, err, () => checkData(dir, out));
  });

async function checkData(dir: string, out: Print): Promise<number> {
  const catalog = await loadCatalog(path.resolve(dir));
  out(
    `${dir}: OK: ${catalog.events.events.length} events, ${catalog.members.members.length} members, ` +
      `${catalog.programmes.programmes.length} programmes, ${Object.keys(catalog.places.cities).length} cities`,
  );
  return 0;
}
