// Helpers of several shape families: the finding family of a URL role, the record's subject, GOPRIVATE patterns, file:line.
import type { UrlRole } from '../urls';
import type { ShapeContext } from './types';

/** The finding family of a URL role: where the request was going decides which layer is broken. */
export function family(role: UrlRole | undefined): 'proxy' | 'sumdb' | 'module' {
  return role === 'sumdb' ? 'sumdb' : role === 'direct' ? 'module' : 'proxy';
}

export function subjectArgs(ctx: ShapeContext, module = ctx.url?.module ?? ctx.module, version = ctx.url?.version ?? ctx.version) {
  return { module, version };
}

/**
 * The GOPRIVATE pattern to suggest for a module: its first two path elements for the big code hosts
 * (github.com/org), else its first element (git.corp.example). Glob characters are kept out.
 */
export function privatePattern(module: string | undefined): string {
  if (!module) return '<module path prefix>';
  const parts = module.split('/');
  const hosts = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'gitee.com', 'dev.azure.com', 'codeberg.org']);
  return hosts.has(parts[0]) && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0];
}

export function fileLine(file: string, line: string): { file: string; line: number } {
  return { file, line: Number(line) };
}
