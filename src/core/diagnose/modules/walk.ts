// Walking a module's route() the way the go command's TryProxies does, asking each proxy source in turn. A
// "direct" source is never contacted here: the walk stops and says that the go command would go to the VCS host.
import type { Route, RouteSource } from '../../goenv/route';
import type { SourceAnswer } from './source';

export interface Attempt {
  source: RouteSource;
  answer: SourceAnswer;
}

export type WalkResult =
  /** A proxy answered. */
  | { kind: 'ok'; source: RouteSource; answer: SourceAnswer & { kind: 'ok' }; tried: Attempt[] }
  /** Every proxy asked said "not found" and nothing follows (or "off" follows). */
  | { kind: 'not-found'; tried: Attempt[]; off: boolean }
  /** The walk stopped on an error (a "," after it), or every source failed and one failure was an error. */
  | { kind: 'error'; source: RouteSource; answer: SourceAnswer & { kind: 'error' }; tried: Attempt[] }
  /** The go command would fetch directly from the VCS host (after `tried`, all of which said "not found"). */
  | { kind: 'direct'; source: RouteSource; tried: Attempt[] }
  /** Every lookup fails before contacting anything (invalid GOPROXY, -mod=vendor). */
  | { kind: 'disabled'; error: string; tried: Attempt[] };

/** Runs `ask` on each proxy source until one answers, following the "," / "|" fallback rules. */
export async function walkRoute(r: Route, ask: (proxyUrl: string) => Promise<SourceAnswer>, cancelled: () => boolean = () => false): Promise<WalkResult> {
  if (r.error) return { kind: 'disabled', error: r.error, tried: [] };
  const tried: Attempt[] = [];
  let firstError: Attempt | undefined;
  for (const s of r.sources) {
    if (s.kind === 'direct') {
      // A "direct" reached after an error (through "|") is where go ends; we report the earlier error only if
      // nothing else remains to be said: go would try the VCS host, which decides.
      return { kind: 'direct', source: s, tried };
    }
    if (s.kind === 'off') break;
    if (cancelled()) break;
    const answer = await ask(s.url!);
    tried.push({ source: s, answer });
    if (answer.kind === 'ok') return { kind: 'ok', source: s, answer, tried };
    if (answer.kind === 'error') {
      firstError ??= { source: s, answer };
      if (s.fallback !== 'any-error') return { kind: 'error', source: s, answer, tried };
    }
  }
  if (firstError) return { kind: 'error', source: firstError.source, answer: firstError.answer as SourceAnswer & { kind: 'error' }, tried };
  // GOPROXY=off (or nothing to ask): the go command uses only the module cache, which the env rules speak about.
  if (tried.length === 0) return { kind: 'disabled', error: 'module lookup disabled by GOPROXY=off', tried };
  return { kind: 'not-found', tried, off: r.sources.some((s) => s.kind === 'off') };
}
