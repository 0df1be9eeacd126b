import fs from 'node:fs';
import path from 'node:path';

/**
 * An exclusive lock on the PGlite data directory. Two processes opening the same directory
 * corrupt it, so the second one must fail fast. The lock file holds the owner's pid: a lock
 * whose process no longer exists (killed, crashed) is stale and is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(
      `Polku's data directory ${dir} is already in use by process ${pid}. ` +
        'Stop that process first (a second process would corrupt the embedded database), ' +
        'or start with another POLKU_DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'polku.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // 'wx' is atomic create-or-fail: of two racing processes exactly one wins.
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
        throw new DataDirLockedError(dir, owner);
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
