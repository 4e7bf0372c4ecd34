// The input, options and result of diagnoseModules, and ModuleReport (what the hover of a require line shows).
import type { Finding, Range } from '../../finding';
import type { ResolvedEnv } from '../../goenv/resolve';
import type { Route } from '../../goenv/route';
import type { ModuleSourceClient } from './source';
import type { WalkResult } from './walk';

export interface ModuleCheckInput {
  /** Absolute path of the go.mod or go.work. */
  file: string;
  kind: 'go.mod' | 'go.work';
  text: string;
  /** go.sum texts that hold this module's checksums (go.sum, go.work.sum); read from disk next to `file` when absent. */
  sums?: string[];
}

export interface ModuleCheckOptions {
  /** Effective values (ResolvedEnv.values): GOPROXY, GONOPROXY, GONOSUMDB, GOSUMDB, GOPRIVATE, GOFLAGS, GOINSECURE. */
  env: Record<string, string | undefined>;
  /** The resolved environment, so env fixes go to the layer where they take effect. */
  resolved?: ResolvedEnv;
  client: ModuleSourceClient;
  /** Mirrors offered by "Switch GOPROXY to …", measured first; default KNOWN_PUBLIC_MIRRORS. */
  mirrors?: readonly string[];
  /** An answer slower than this (first byte) is module.slow. Default 2000 ms. */
  slowMs?: number;
  signal?: AbortSignal;
  onFinding?: (f: Finding) => void;
  onReport?: (r: ModuleReport) => void;
  /** Whether a proxy URL is public (module paths that look private are not sent there). */
  isPublicProxy?: (url: string) => boolean;
  platform?: NodeJS.Platform;
}

/** What is known about one required module version: the hover's content. */
export interface ModuleReport {
  file: string;
  module: string;
  version: string;
  /** The require (or replace) line. */
  range: Range;
  route: Route;
  result: { kind: WalkResult['kind'] | 'skipped'; source?: string; ms?: number; stage?: string; detail?: string; status?: number; sources?: string[] };
  newest?: string;
  retracted?: { rationale: string };
  deprecated?: string;
  upgrade?: string;
}

export interface ModuleCheckResult {
  findings: Finding[];
  reports: ModuleReport[];
}
