// Facts about the file system under a cache: free space, file-system type (network or local), and whether we
// can create a file there. Every function works on the nearest existing ancestor when the path does not exist yet.
import { constants, promises as fsp, readFileSync } from 'node:fs';
import path from 'node:path';

/** The path itself, or its nearest ancestor that exists (caches are created lazily by the go command). */
export async function nearestExisting(p: string): Promise<string> {
  let cur = path.resolve(p);
  for (;;) {
    try {
      await fsp.lstat(cur);
      return cur;
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return cur;
      cur = parent;
    }
  }
}

export interface DiskSpace {
  freeBytes: number;
  totalBytes: number;
}

/** Space available to this user on the file system holding p (statfs bavail × bsize). */
export async function diskSpace(p: string): Promise<DiskSpace | undefined> {
  try {
    const s = await fsp.statfs(await nearestExisting(p));
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  } catch {
    return undefined;
  }
}

export interface MountInfo {
  mountPoint: string;
  fsType: string;
  source: string;
}

/** Octal escapes in /proc/self/mountinfo (space is \040). */
function unoctal(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/** Parses /proc/self/mountinfo text: "id parent maj:min root mountpoint options [optional…] - fstype source superopts". */
export function parseMountInfo(text: string): MountInfo[] {
  const out: MountInfo[] = [];
  for (const line of text.split('\n')) {
    const sep = line.indexOf(' - ');
    if (sep < 0) continue;
    const left = line.slice(0, sep).split(' ');
    const right = line.slice(sep + 3).split(' ');
    if (left.length < 5 || right.length < 2) continue;
    out.push({ mountPoint: unoctal(left[4]), fsType: right[0], source: unoctal(right[1]) });
  }
  return out;
}

/** The mount that holds an absolute path: the longest mount point that is a prefix of it. */
export function mountFor(p: string, mounts: MountInfo[]): MountInfo | undefined {
  let best: MountInfo | undefined;
  for (const m of mounts) {
    const mp = m.mountPoint.endsWith('/') ? m.mountPoint : m.mountPoint + '/';
    if ((p + '/').startsWith(mp) && (!best || m.mountPoint.length >= best.mountPoint.length)) best = m;
  }
  return best;
}

// File systems reached over a network (or a VM share that behaves like one): slow metadata, unreliable locks.
const NETWORK_FS = /^(nfs4?|cifs|smb3?|smbfs|ncpfs|afs|coda|9p|drvfs|ceph|glusterfs|lustre|gpfs|beegfs|davfs|webdav|fuse\.(sshfs|rclone|s3fs|gcsfuse|glusterfs|ceph|davfs2|goofys|juicefs)|virtiofs|vboxsf|prl_fs|vmhgfs|fuse\.vmhgfs-fuse)$/;

// statfs f_type magic numbers (Linux) of the same, for when /proc is not readable.
const NETWORK_MAGIC: Record<number, string> = {
  0x6969: 'nfs',
  0xff534d42: 'cifs',
  0xfe534d42: 'smb2',
  0x517b: 'smbfs',
  0x01021997: '9p',
  0x00c36400: 'ceph',
  0x5346414f: 'afs',
  0x564c: 'ncpfs',
  0x73757245: 'coda',
};

export function isNetworkFs(fsType: string): boolean {
  return NETWORK_FS.test(fsType);
}

/** The file-system type of a path: from /proc/self/mountinfo on Linux, else from the statfs magic number. */
export async function fileSystemType(p: string, platform: NodeJS.Platform = process.platform): Promise<{ fsType: string; mountPoint?: string; source?: string } | undefined> {
  const existing = await nearestExisting(p);
  let real = existing;
  try {
    real = await fsp.realpath(existing);
  } catch {
    // keep the unresolved path
  }
  if (platform === 'linux') {
    try {
      const m = mountFor(real, parseMountInfo(readFileSync('/proc/self/mountinfo', 'utf8')));
      if (m) return { fsType: m.fsType, mountPoint: m.mountPoint, source: m.source };
    } catch {
      // fall through to statfs
    }
  }
  try {
    const s = await fsp.statfs(real);
    const name = NETWORK_MAGIC[s.type];
    return name ? { fsType: name } : undefined;
  } catch {
    return undefined;
  }
}

export interface WriteProbe {
  ok: boolean;
  /** errno code (EACCES, EROFS, ENOSPC, ENOTDIR…) when it failed. */
  code?: string;
}

/** Creates, writes and removes a probe file in dir: the only reliable "can I write here" test. */
export async function probeWritable(dir: string): Promise<WriteProbe> {
  const name = path.join(dir, `.gomod-doctor-probe-${process.pid}-${Math.random().toString(36).slice(2)}`);
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(name, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    await handle.write('probe\n');
    await handle.close();
    handle = undefined;
    await fsp.unlink(name);
    return { ok: true };
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fsp.unlink(name).catch(() => undefined);
    return { ok: false, code: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
}
