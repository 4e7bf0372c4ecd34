// Path, go.mod and query shapes (§7.4): path mismatches, bad versions, queries and packages, bad zips, go.mod itself.
import { fileLine } from './common';
import type { Shape } from './types';

export const PATH_QUERY_SHAPES: Shape[] = [
  // ---------- paths, go.mod and queries (§7.4) ----------
  {
    id: 'path-mismatch',
    re: /module declares its path as: (\S+)\s+but was required as: (\S+)/,
    build: (m, ctx) => ({ code: 'module.path-mismatch', message: 'x.module.path-mismatch', fix: 'x.fix.module.path-mismatch', module: m[2], version: ctx.version, args: { declared: m[1], required: m[2] } }),
  },
  {
    id: 'path-malformed',
    re: /malformed (module|import) path "([^"]*)": ([^\n]+)/,
    build: (m) => ({ code: 'module.path-invalid', message: 'x.module.path-invalid', fix: 'x.fix.module.path-invalid', module: m[2], args: { kind: m[1], reason: m[3] } }),
  },
  {
    id: 'unknown-revision',
    re: /unknown revision (\S+)/,
    build: (m, ctx) => ({ code: 'module.unknown-revision', message: 'x.module.unknown-revision', fix: 'x.fix.module.unknown-revision', module: ctx.module, version: ctx.version, args: { revision: m[1] } }),
  },
  {
    id: 'gomod-major',
    re: /(\S*go\.(?:mod|work)):(\d+)(?::\d+)?: (?:\w+ )?(\S+): version "([^"]+)" invalid: should be (v\d+(?: or v1)?), not (v\d+)/,
    build: (m) => ({ code: 'gomod.major-mismatch', message: 'x.gomod.major-mismatch', fix: 'x.fix.gomod.major-mismatch', ...fileLine(m[1], m[2]), module: m[3], version: m[4], args: { want: m[5], got: m[6] } }),
  },
  {
    id: 'gomod-go-version',
    re: /(\S*go\.(?:mod|work)):(\d+)(?::\d+)?: invalid (go|toolchain) version '([^']*)'/,
    build: (m) => ({ code: 'gomod.version-invalid', message: 'x.gomod.go-version-invalid', fix: 'x.fix.gomod.go-version-invalid', ...fileLine(m[1], m[2]), args: { what: m[3], value: m[4] } }),
  },
  {
    id: 'invalid-version',
    re: /(?:invalid (?:pseudo-)?version|version "[^"]+" invalid): ([^\n]+)/,
    build: (m, ctx) => ({ code: 'module.invalid-version', message: 'x.module.invalid-version', fix: 'x.fix.module.invalid-version', module: ctx.module, version: ctx.version, args: { reason: m[1] } }),
  },
  {
    id: 'no-matching-versions',
    re: /no matching versions for query "([^"]+)"(?: \(current version is (\S+)\))?/,
    build: (m, ctx) => ({ code: 'module.no-matching-versions', message: 'x.module.no-matching-versions', fix: 'x.fix.module.no-matching-versions', module: ctx.module, args: { query: m[1] }, evidence: { current: m[2] } }),
  },
  {
    id: 'package-missing',
    re: /module (\S+?)@(\S+) found(?: \((\S+)\))?, but does not contain package(?:s matching)? (\S+)/,
    build: (m) => ({ code: 'module.package-missing', message: 'x.module.package-missing', fix: 'x.fix.module.package-missing', module: m[1], version: m[3] ?? m[2], args: { package: m[4] } }),
  },
  {
    id: 'no-required-module',
    re: /no required module provides package (\S+?)(?:;|$)/m,
    build: (m) => ({ code: 'module.missing-requirement', message: 'x.module.missing-requirement', fix: 'x.fix.module.missing-requirement', args: { package: m[1] }, fixId: `go:get ${m[1]}`, key: m[1] }),
  },
  {
    id: 'cannot-find-module',
    re: /cannot find module providing package (\S+?)(?::|$)/m,
    build: (m) => ({ code: 'module.package-not-found', message: 'x.module.package-not-found', fix: 'x.fix.module.package-not-found', args: { package: m[1] }, key: m[1] }),
  },
  {
    id: 'main-module-version',
    re: /can't request version "([^"]+)" of (?:the main module|pattern)[^\n]*|is in the main module, so can't request version (\S+)/,
    build: (m) => ({ code: 'module.main-module-version', message: 'x.module.main-module-version', fix: 'x.fix.module.main-module-version', args: { query: m[1] ?? m[2] } }),
  },
  {
    id: 'bad-zip',
    re: /zip for (\S+?)@(\S+) has unexpected file (\S+)|downloaded zip file too large|module source tree too large|zip: not a valid zip file|malformed file path "[^"]*": /,
    build: (m, ctx) => ({ code: 'module.bad-zip', message: 'x.module.bad-zip', fix: 'x.fix.module.bad-zip', module: m[1] ?? ctx.module, version: m[2] ?? ctx.version, fixId: m[1] ? `cache:clear-version:${m[1]}@${m[2]}` : undefined, args: { detail: m[0] } }),
  },
];

export const GOMOD_FILE_SHAPES: Shape[] = [
  // ---------- go.mod itself ----------
  {
    id: 'gomod-missing',
    re: /go\.mod file not found in current directory or any parent directory|cannot find main module/,
    build: () => ({ code: 'gomod.missing', message: 'x.gomod.missing', fix: 'x.fix.gomod.missing' }),
  },
  {
    id: 'gomod-syntax',
    re: /(\S*go\.(?:mod|work)):(\d+)(?::\d+)?: ([^\n]+)/,
    build: (m) => ({ code: 'gomod.syntax', message: 'x.gomod.syntax', fix: 'x.fix.gomod.syntax', ...fileLine(m[1], m[2]), args: { detail: m[3] } }),
  },
];
