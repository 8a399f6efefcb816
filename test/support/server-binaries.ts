// The Redis and PostgreSQL programs the integration tests start their servers from. A fresh
// machine often has neither: when the user may install packages (root, or sudo without a
// password), they are installed by test/support/install-servers.sh, once; otherwise the run stops
// with one line that says what to install.
import { execFile } from 'node:child_process';
import { access, constants, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

export interface Binaries {
  redisServer: string;
  initdb: string;
  postgres: string;
  /** util-linux's setpriv, when present, makes a server die with this process even if it is killed. */
  setpriv: string | undefined;
}

const INSTALL_SCRIPT = path.resolve(import.meta.dirname, 'install-servers.sh');
const HOW_TO_INSTALL =
  'install them (Debian/Ubuntu: sudo apt-get install redis-server postgresql) and run npm test again';

/** How much of the installer's output a failure shows: its last lines say what went wrong. */
const OUTPUT_TAIL = 4000;

const execFileAsync = promisify(execFile);

/** The binaries, installed first if they are missing and this user may install packages. */
export async function provideServerBinaries(): Promise<Binaries> {
  const found = await findBinaries();
  if ('redisServer' in found) return found;
  const missing = found.missing.join(' and ');
  if (!(await mayInstallPackages())) {
    throw new ServersUnavailable(
      `The integration tests start their own Redis and PostgreSQL servers, but ${missing} could not be found (on the PATH, or in /usr/lib/postgresql/*/bin), and this user may not install packages (not root, no password-less sudo): ${HOW_TO_INSTALL}.`,
    );
  }
  console.log(`integration: ${missing} not found; installing redis-server and postgresql with ${INSTALL_SCRIPT}`);
  try {
    await execFileAsync(INSTALL_SCRIPT, [], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${INSTALL_SCRIPT} failed; ${HOW_TO_INSTALL}. Its output ended with:\n${`${stdout}${stderr}`.slice(-OUTPUT_TAIL)}`,
    );
  }
  const installed = await findBinaries();
  if ('redisServer' in installed) return installed;
  throw new ServersUnavailable(
    `${INSTALL_SCRIPT} ran, but ${installed.missing.join(' and ')} still could not be found: ${HOW_TO_INSTALL}.`,
  );
}

async function findBinaries(): Promise<Binaries | { missing: string[] }> {
  const [redisServer, postgres, setpriv] = await Promise.all([
    onPath('redis-server'),
    findPostgres(),
    onPath('setpriv'),
  ]);
  if (redisServer && postgres) return { redisServer, ...postgres, setpriv };
  return {
    missing: [redisServer ? [] : ['redis-server'], postgres ? [] : ["PostgreSQL's initdb and postgres"]].flat(),
  };
}

/** initdb and postgres from the PATH, else from the newest Debian /usr/lib/postgresql/<version>/bin, which is not on it. */
async function findPostgres(): Promise<{ initdb: string; postgres: string } | undefined> {
  const [initdb, postgres] = await Promise.all([onPath('initdb'), onPath('postgres')]);
  if (initdb && postgres) return { initdb, postgres };
  const versions = await readdir('/usr/lib/postgresql').catch(() => []);
  versions.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  for (const version of versions) {
    const bin = path.join('/usr/lib/postgresql', version, 'bin');
    const found = { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') };
    if ((await isExecutable(found.initdb)) && (await isExecutable(found.postgres))) return found;
  }
  return undefined;
}

/** Root, or sudo that will not stop to ask for a password. */
async function mayInstallPackages(): Promise<boolean> {
  if (process.getuid?.() === 0) return true;
  return execFileAsync('sudo', ['-n', 'true']).then(
    () => true,
    () => false,
  );
}

async function onPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    if (await isExecutable(file)) return file;
  }
  return undefined;
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** The servers' programs are missing and cannot be installed here: the message says what to do. */
export class ServersUnavailable extends Error {
  override name = 'ServersUnavailable';
}
