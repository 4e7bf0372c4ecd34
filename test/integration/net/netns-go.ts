// Runs a command inside a fresh network namespace (started as `unshare -n -- node netns-go.js <cmd> <args…>`)
// where the only interface is loopback and the resolvers of /etc/resolv.conf are loopback addresses answered by
// a tiny DNS responder that says NXDOMAIN to everything. The go command's DNS lookups then fail the way they fail
// for an unresolvable name, and no packet can leave the machine.
import { execFileSync, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

/** A DNS answer with the question echoed, no records, and RCODE 3 (name error). */
export function nxdomain(query: Buffer): Buffer | undefined {
  if (query.length < 12) return undefined;
  const out = Buffer.from(query);
  const flags = query.readUInt16BE(2);
  const rd = flags & 0x0100;
  out.writeUInt16BE(0x8000 | (flags & 0x7800) | 0x0400 | rd | 0x0080 | 3, 2); // QR, opcode, AA, RD, RA, NXDOMAIN
  out.writeUInt16BE(0, 6);
  out.writeUInt16BE(0, 8);
  out.writeUInt16BE(0, 10);
  // Drop any additional records (EDNS OPT) the query carried: keep the header and the question only.
  let i = 12;
  for (let q = 0; q < query.readUInt16BE(4); q++) {
    while (i < query.length && query[i] !== 0) i += query[i] + 1;
    i += 5;
  }
  return out.subarray(0, Math.min(i, out.length));
}

function main(): void {
  const [cmd, ...args] = process.argv.slice(2);
  execFileSync('ip', ['link', 'set', 'lo', 'up']);
  const servers = readFileSync('/etc/resolv.conf', 'utf8')
    .split('\n')
    .map((l) => /^\s*nameserver\s+(\S+)/.exec(l)?.[1])
    .filter((a): a is string => !!a && isIP(a) !== 0);
  for (const ns of servers) {
    if (!/^127\./.test(ns) && ns !== '::1') {
      execFileSync('ip', isIP(ns) === 6 ? ['-6', 'addr', 'add', `${ns}/128`, 'dev', 'lo'] : ['addr', 'add', `${ns}/32`, 'dev', 'lo']);
    }
    const sock = createSocket(isIP(ns) === 6 ? 'udp6' : 'udp4');
    sock.on('message', (msg, rinfo) => {
      const a = nxdomain(msg);
      if (a) sock.send(a, rinfo.port, rinfo.address);
    });
    sock.bind(53, ns);
    sock.unref();
  }
  const child = spawn(cmd, args, { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
  child.on('error', () => process.exit(127));
}

if (require.main === module) main();
