// The variables the environment engine explains, and what the go command knows about variable names.

/** Where a variable's value can come from. */
export type VarScope =
  /** read through cmd/go's cfg.Getenv: OS environment, then the `go env -w` file, then $GOROOT/go.env */
  | 'go'
  /** read only from the OS environment (the go command never looks in its env file for these) */
  | 'os';

export interface VarSpec {
  name: string;
  scope: VarScope;
  /** Lower-case twin that Go also reads (HTTP_PROXY → http_proxy); the upper-case name wins when non-empty. */
  lowerCaseTwin?: string;
}

/** The module-relevant variables, in the order the `env` table shows them. */
export const MODULE_VARIABLES: readonly VarSpec[] = [
  { name: 'GO111MODULE', scope: 'go' },
  { name: 'GOPROXY', scope: 'go' },
  { name: 'GONOPROXY', scope: 'go' },
  { name: 'GOPRIVATE', scope: 'go' },
  { name: 'GONOSUMDB', scope: 'go' },
  { name: 'GOSUMDB', scope: 'go' },
  { name: 'GOINSECURE', scope: 'go' },
  { name: 'GOFLAGS', scope: 'go' },
  { name: 'GOTOOLCHAIN', scope: 'go' },
  { name: 'GOAUTH', scope: 'go' },
  { name: 'GOVCS', scope: 'go' },
  { name: 'GOMODCACHE', scope: 'go' },
  { name: 'GOCACHE', scope: 'go' },
  { name: 'GOPATH', scope: 'go' },
  { name: 'GOENV', scope: 'os' },
  { name: 'GOROOT', scope: 'go' },
  { name: 'GOWORK', scope: 'go' },
  { name: 'HTTP_PROXY', scope: 'os', lowerCaseTwin: 'http_proxy' },
  { name: 'HTTPS_PROXY', scope: 'os', lowerCaseTwin: 'https_proxy' },
  { name: 'NO_PROXY', scope: 'os', lowerCaseTwin: 'no_proxy' },
  { name: 'GIT_TERMINAL_PROMPT', scope: 'os' },
];

export const MODULE_VARIABLE_NAMES: readonly string[] = MODULE_VARIABLES.map((v) => v.name);

/** Variables `go env -json NAME...` reports, i.e. the ones the differential test can compare with go. */
export const GO_REPORTED_VARIABLES: readonly string[] = MODULE_VARIABLES.filter(
  (v) => v.scope === 'go' || v.name === 'GOENV',
).map((v) => v.name);

/** cmd/go's internal/cfg.KnownEnv: names `go env -w` accepts (plus any name already in the env file). */
export const KNOWN_GO_ENV: ReadonlySet<string> = new Set([
  'AR', 'CC', 'CGO_CFLAGS', 'CGO_CFLAGS_ALLOW', 'CGO_CFLAGS_DISALLOW', 'CGO_CPPFLAGS', 'CGO_CPPFLAGS_ALLOW',
  'CGO_CPPFLAGS_DISALLOW', 'CGO_CXXFLAGS', 'CGO_CXXFLAGS_ALLOW', 'CGO_CXXFLAGS_DISALLOW', 'CGO_ENABLED',
  'CGO_FFLAGS', 'CGO_FFLAGS_ALLOW', 'CGO_FFLAGS_DISALLOW', 'CGO_LDFLAGS', 'CGO_LDFLAGS_ALLOW',
  'CGO_LDFLAGS_DISALLOW', 'CXX', 'FC', 'GCCGO', 'GO111MODULE', 'GO386', 'GOAMD64', 'GOARCH', 'GOARM', 'GOARM64',
  'GOAUTH', 'GOBIN', 'GOCACHE', 'GOCACHEPROG', 'GOENV', 'GOEXE', 'GOEXPERIMENT', 'GOFIPS140', 'GOFLAGS',
  'GOGCCFLAGS', 'GOHOSTARCH', 'GOHOSTOS', 'GOINSECURE', 'GOMIPS', 'GOMIPS64', 'GOMODCACHE', 'GONOPROXY',
  'GONOSUMDB', 'GOOS', 'GOPATH', 'GOPPC64', 'GOPRIVATE', 'GOPROXY', 'GORISCV64', 'GOROOT', 'GOSUMDB', 'GOTMPDIR',
  'GOTOOLCHAIN', 'GOTOOLDIR', 'GOVCS', 'GOWASM', 'GOWORK', 'GO_EXTLINK_ENABLED', 'PKG_CONFIG',
]);

/** Other GO* names that are real but not settable in the env file (read-only or OS-only). */
export const OTHER_GO_NAMES: ReadonlySet<string> = new Set([
  'GODEBUG', 'GOTELEMETRY', 'GOTELEMETRYDIR', 'GOVERSION', 'GOMOD', 'GOMAXPROCS', 'GOGC', 'GOMEMLIMIT',
  'GOTRACEBACK', 'GORACE', 'GOCOVERDIR', 'GOTOOLCHAIN_TRACE',
]);

/** `go env -w` refuses these: "KEY cannot be modified". */
export const READ_ONLY_GO_VARS: ReadonlySet<string> = new Set([
  'GOEXE', 'GOGCCFLAGS', 'GOHOSTARCH', 'GOHOSTOS', 'GOMOD', 'GOWORK', 'GOTOOLDIR', 'GOVERSION', 'GOTELEMETRY',
  'GOTELEMETRYDIR',
]);

/** `go env -w` refuses these: "KEY can only be set using the OS environment". */
export const OS_ONLY_GO_VARS: ReadonlySet<string> = new Set(['GOENV', 'GODEBUG']);

/** Names the go command reads only from the OS environment although people put them in the env file. */
export const OS_ONLY_TOOL_VARS: ReadonlySet<string> = new Set([
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'GIT_TERMINAL_PROMPT',
  'GIT_ALLOW_PROTOCOL', 'GIT_SSH', 'GIT_SSH_COMMAND', 'NETRC', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'GCM_INTERACTIVE',
  'GOENV', 'GODEBUG',
]);

/**
 * Names seen in the field that look like Go variables but do nothing, with the variable that was meant.
 * (GONOSUMCHECK appears in build scripts and READMEs; it is not a Go variable.)
 */
export const MISSPELLED_NAMES: Readonly<Record<string, string>> = {
  GONOSUMCHECK: 'GONOSUMDB',
  GONOSUMCHECKS: 'GONOSUMDB',
  GOSUMCHECK: 'GOSUMDB',
  GONOSUM: 'GONOSUMDB',
  GONOSUMDBS: 'GONOSUMDB',
  GO_PROXY: 'GOPROXY',
  GOPROXIES: 'GOPROXY',
  GOPRIVATES: 'GOPRIVATE',
  GO_PRIVATE: 'GOPRIVATE',
  GOPRIVATE_PATTERNS: 'GOPRIVATE',
  GOSUMDB_URL: 'GOSUMDB',
  GO_SUMDB: 'GOSUMDB',
  GOINSECURES: 'GOINSECURE',
  GO_INSECURE: 'GOINSECURE',
  GONOPROXYS: 'GONOPROXY',
  GOMODULE: 'GO111MODULE',
  GO11MODULE: 'GO111MODULE',
  GO111MODULES: 'GO111MODULE',
  GOMODCACHEDIR: 'GOMODCACHE',
};

/** Whether the go command treats `name` as one of its variables. */
export function isKnownGoName(name: string): boolean {
  return KNOWN_GO_ENV.has(name) || OTHER_GO_NAMES.has(name);
}

function editDistance(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

/** The known variable an unknown GO* name most likely meant, or undefined when nothing is close. */
export function suggestGoName(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (MISSPELLED_NAMES[upper]) return MISSPELLED_NAMES[upper];
  if (KNOWN_GO_ENV.has(upper)) return upper;
  let best: string | undefined;
  let bestDist = Infinity;
  for (const k of KNOWN_GO_ENV) {
    if (!k.startsWith('GO')) continue;
    const dist = editDistance(upper, k);
    if (dist < bestDist) {
      best = k;
      bestDist = dist;
    }
  }
  return bestDist <= 2 ? best : undefined;
}
