// Module fixtures as a GOPROXY serves them: the .info JSON, the go.mod, and a zip whose every entry starts with
// "<module>@<version>/" (not case-encoded), plus the go.sum h1: hashes of the zip and of the go.mod.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

export interface ModuleFixture {
  path: string;
  version: string;
  /** Files of the module by relative name; go.mod included. */
  files: Record<string, string>;
  /** The commit time the .info reports. */
  time: string;
}

export interface BuiltModule extends ModuleFixture {
  info: string;
  mod: string;
  zip: Buffer;
  /** h1: hash of the zip contents (the "<path> <version> h1:" go.sum line). */
  h1: string;
  /** h1: hash of the go.mod (the "<path> <version>/go.mod h1:" go.sum line). */
  modH1: string;
  /** Both go.sum lines, newline-terminated: the record text a checksum database serves. */
  gosum: string;
}

/** A small module with one Go package, buildable by the go command. */
export function moduleFixture(path: string, version: string, time = '2024-05-06T07:08:09Z'): ModuleFixture {
  const pkg = (path.split('/').pop() ?? 'm').replace(/^v\d+$/, 'm').replace(/[^a-z0-9]/gi, '').toLowerCase() || 'm';
  return {
    path,
    version,
    time,
    files: {
      'go.mod': `module ${path}\n\ngo 1.21\n`,
      [`${pkg}.go`]: `// Package ${pkg} is a test fixture.\npackage ${pkg}\n\n// Version is the fixture's version.\nconst Version = "${version}"\n`,
    },
  };
}

/** Case-encoding of module paths and versions in URLs and cache paths ("!" + lower case for each capital). */
export function escapeCase(s: string): string {
  return s.replace(/[A-Z]/g, (c) => '!' + c.toLowerCase());
}

/** dirhash.Hash1 over (name, data) pairs. */
export function h1(files: Array<{ name: string; data: Buffer }>): string {
  const sorted = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  let summary = '';
  for (const f of sorted) {
    if (f.name.includes('\n')) throw new Error('dirhash: filenames with newlines are not supported');
    summary += `${createHash('sha256').update(f.data).digest('hex')}  ${f.name}\n`;
  }
  return 'h1:' + createHash('sha256').update(summary, 'utf8').digest('base64');
}

/** A zip with stored (uncompressed) entries. */
export function zipStored(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

export function buildModule(m: ModuleFixture): BuiltModule {
  const entries = Object.keys(m.files)
    .sort()
    .map((name) => ({ name: `${m.path}@${m.version}/${name}`, data: Buffer.from(m.files[name], 'utf8') }));
  const mod = m.files['go.mod'] ?? `module ${m.path}\n`;
  const zipHash = h1(entries);
  const modH1 = h1([{ name: 'go.mod', data: Buffer.from(mod, 'utf8') }]);
  return {
    ...m,
    info: JSON.stringify({ Version: m.version, Time: m.time }),
    mod,
    zip: zipStored(entries),
    h1: zipHash,
    modH1,
    gosum: `${m.path} ${m.version} ${zipHash}\n${m.path} ${m.version}/go.mod ${modH1}\n`,
  };
}

/** The newest version of a module among fixtures (semver order for plain vX.Y.Z versions). */
export function newestVersion(mods: BuiltModule[], path: string): string | undefined {
  const num = (v: string) => v.slice(1).split(/[.-]/).slice(0, 3).map(Number);
  return mods
    .filter((m) => m.path === path)
    .map((m) => m.version)
    .sort((a, b) => {
      const x = num(a);
      const y = num(b);
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    })
    .pop();
}
