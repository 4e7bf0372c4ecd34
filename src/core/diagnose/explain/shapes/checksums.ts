// Checksum shapes (§7.5): go.sum mismatches, missing or malformed go.sum lines, checksum database failures.
import { fileLine, privatePattern } from './common';
import type { Shape } from './types';

export const CHECKSUM_SHAPES: Shape[] = [
  // ---------- checksums and go.sum (§7.5) ----------
  {
    id: 'gosum-mismatch',
    re: /verifying (\S+?)@(\S+?)(\/go\.mod)?: checksum mismatch\n\s*downloaded: (h1:\S+)\n\s*(\S*go(?:\.work)?\.sum):\s+(h1:\S+)/,
    build: (m) => ({
      code: 'gosum.mismatch',
      message: 'x.gosum.mismatch',
      fix: 'x.fix.gosum.mismatch',
      module: m[1],
      version: m[2],
      fixId: `cache:clear-version:${m[1]}@${m[2]}`,
      args: { sumfile: m[5] },
      evidence: { downloaded: m[4], recorded: m[6], file: m[5], goMod: m[3] !== undefined },
    }),
  },
  {
    id: 'sumdb-mismatch',
    re: /verifying (module|go\.mod): checksum mismatch\n\s*downloaded: (h1:\S+)\n\s*(\S+): (h1:\S+)/,
    build: (m, ctx) => ({
      code: 'sumdb.mismatch',
      message: 'x.sumdb.mismatch',
      fix: 'x.fix.sumdb.mismatch',
      module: ctx.module,
      version: ctx.version?.replace(/\/go\.mod$/, ''),
      args: { sumdb: m[3], pattern: privatePattern(ctx.module) },
      evidence: { downloaded: m[2], sumdb: m[3], expected: m[4], what: m[1] },
    }),
  },
  {
    id: 'sumdb-missing-record',
    re: /checksum missing from sumdb response|cannot authenticate record data in server response|cannot validate record \d+/,
    build: (_m, ctx) => ({ code: 'sumdb.bad-record', message: 'x.sumdb.bad-record', fix: 'x.fix.sumdb.bad-record', module: ctx.module, version: ctx.version, host: ctx.url?.host || undefined }),
  },
  {
    id: 'sumdb-misbehavior',
    re: /go\.sum database server misbehavior detected|security error: misbehaving server|checking tree#\d+/,
    build: (_m, ctx) => ({ code: 'sumdb.inconsistent', message: 'x.sumdb.inconsistent', fix: 'x.fix.sumdb.inconsistent', host: ctx.url?.host || undefined }),
  },
  {
    id: 'sumdb-note',
    re: /reading tree note: (invalid signature for key (\S+)|note has no verifiable signatures|malformed note|unknown key)/,
    build: (m, ctx) => {
      const unknown = /no verifiable signatures|unknown key/.test(m[1]);
      return {
        code: unknown ? 'sumdb.unknown-key' : 'sumdb.bad-signature',
        message: unknown ? 'x.sumdb.unknown-key' : 'x.sumdb.bad-signature',
        fix: 'x.fix.sumdb.signature',
        module: ctx.module,
        version: ctx.version?.replace(/\/go\.mod$/, ''),
        host: ctx.url?.host || undefined,
        evidence: { detail: m[1] },
      };
    },
  },
  {
    id: 'gosum-unknown-hash',
    re: /verifying (\S+?)@(\S+?): unknown hashes in go\.sum/,
    build: (m) => ({ code: 'gosum.unknown-hash', severity: 'warning', message: 'x.gosum.unknown-hash', fix: 'x.fix.gosum.unknown-hash', module: m[1], version: m[2] }),
  },
  {
    id: 'gosum-malformed',
    re: /(\S*go(?:\.work)?\.sum):(\d+): (wrong number of fields \d+|malformed [^\n]+|unknown hash[^\n]*)/,
    build: (m) => ({ code: 'gosum.syntax', message: 'x.gosum.syntax', fix: 'x.fix.gosum.syntax', ...fileLine(m[1], m[2]), args: { detail: m[3] } }),
  },
  {
    id: 'gosum-missing-package',
    re: /missing go\.sum entry for module providing package (\S+)(?: \(imported by (\S+)\))?/,
    build: (m, ctx) => ({
      code: 'gosum.missing',
      message: 'x.gosum.missing.package',
      fix: 'x.fix.gosum.missing',
      args: { package: m[1], command: addCommand(ctx.text) ?? 'go mod tidy' },
      fixId: 'go:mod tidy',
      key: m[1],
      evidence: { package: m[1], importedBy: m[2] },
    }),
  },
  {
    id: 'gosum-missing-gomod',
    re: /(\S+?)@(\S+?): missing go\.sum entry for go\.mod file/,
    build: (m, ctx) => ({
      code: 'gosum.missing',
      message: 'x.gosum.missing.gomod',
      fix: 'x.fix.gosum.missing',
      module: m[1].replace(/^go: /, ''),
      version: m[2],
      args: { command: addCommand(ctx.text) ?? `go mod download ${m[1]}` },
      fixId: 'go:mod tidy',
    }),
  },
  {
    id: 'gosum-missing-verify',
    re: /missing go\.sum entry needed to verify package (\S+)/,
    build: (m, ctx) => ({ code: 'gosum.missing', message: 'x.gosum.missing.verify', fix: 'x.fix.gosum.missing', args: { package: m[1], command: addCommand(ctx.text) ?? 'go mod tidy' }, fixId: 'go:mod tidy', key: m[1] }),
  },
  {
    id: 'gosum-updates-needed',
    re: /updates to go\.sum needed, disabled by -mod=(\w+)/,
    build: (m) => ({ code: 'gosum.missing', message: 'x.gosum.updates-needed', fix: 'x.fix.gosum.missing', args: { mode: m[1], command: 'go mod tidy' }, fixId: 'go:mod tidy' }),
  },
  {
    id: 'gosum-missing-generic',
    re: /missing go\.sum entry(?: for (\S+?))?(?:;|:|$)/m,
    build: (m, ctx) => ({
      code: 'gosum.missing',
      message: 'x.gosum.missing.module',
      fix: 'x.fix.gosum.missing',
      module: m[1]?.split('@')[0] ?? ctx.module,
      version: m[1]?.split('@')[1] ?? ctx.version,
      args: { command: addCommand(ctx.text) ?? 'go mod tidy' },
      fixId: 'go:mod tidy',
    }),
  },
  {
    id: 'gomod-updates-needed',
    re: /updates to go\.mod needed/,
    build: () => ({ code: 'gomod.update-needed', message: 'x.gomod.update-needed', fix: 'x.fix.gomod.update-needed', fixId: 'go:mod tidy' }),
  },
];

/** The `go get …` / `go mod download …` command the go command suggests after "to add:". */
function addCommand(text: string): string | undefined {
  return /to add(?: it)?:\n\s*(go (?:get|mod download|mod tidy)[^\n]*)/.exec(text)?.[1]?.trim();
}
