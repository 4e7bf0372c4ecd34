// The Go environment engine: effective values with provenance, GOPROXY/GOSUMDB/pattern semantics, route(),
// lint, and env writes with a journal and undo. See docs/env.md.
export { MODULE_VARIABLES, MODULE_VARIABLE_NAMES, GO_REPORTED_VARIABLES, KNOWN_GO_ENV, isKnownGoName, suggestGoName } from './vars';
export type { VarSpec, VarScope } from './vars';
export { parseEnvFile, envFileLocation, userConfigDir, userCacheDir } from './envfile';
export type { ParsedEnvFile, EnvFileLine, EnvFileLocation } from './envfile';
export { resolveEnv, combinedOsEnv, gorootForGoEnv, LAYERS } from './resolve';
export type { Layer, LayerValue, ResolvedVar, ResolvedEnv, EnvSnapshot, VarNote } from './resolve';
export { loadEnvSnapshot, loadEffectiveEnv, gorootFromBinary, workSearchChain } from './load';
export type { LoadEnvOptions } from './load';
export { parseGoproxy, proxyList, checkProxyUrl, formatGoproxy, proxyHost, NO_ENTRIES_ERROR } from './goproxy';
export type { ProxyEntry, ParsedGoproxy } from './goproxy';
export { parseGosumdb, parseVerifierKey, KNOWN_SUMDB_KEYS, SUMDB_CN_ALIAS } from './gosumdb';
export type { SumdbConfig } from './gosumdb';
export { pathMatch, matchPrefixPatterns, matchingPattern, splitPatterns } from './patterns';
export { route, routeEnvOf, simulateFetch, simulateSumdb, simulateDownload, walkSources, joinUrl } from './route';
export type { Route, RouteEnv, RouteSource, SumdbRoute, SumdbProbe, Fallback, AttemptResult, Walk, DownloadSimulation } from './route';
export { lintEnv, makeFix, ENV_FINDING_CODES, PUBLIC_PROXY_HOSTS, DEFAULT_GOPROXY, CN_GOPROXY, DEFAULT_GOSUMDB } from './lint';
export { formatFixId, parseFixId } from './fixid';
export type { EnvFix, EnvChange, WriteLayer } from './fixid';
export { planEnvWrite, planFromSnapshot, applyEnvWrite, undoLastWrite, describePlan, shellLines, validateEnvFileChange, applyToEnvFileText } from './write';
export type { WriteContext, WritePlan, PlannedChange, WriteResult, UndoResult, WriteStatus } from './write';
export { readJournal, writeJournal, withLock, defaultStateDir, atomicWriteFile, journalFile, lockFile, JournalError, LockTimeoutError } from './journal';
export type { Journal, JournalEntry, JournalChange } from './journal';
export { JsonSettingsFileTarget, EditorSettingsError, readGoExtensionSettings, TOOLS_ENV_KEY, terminalEnvKey } from './editor';
export type { EditorSettingsTarget, GoExtensionSettings } from './editor';
export { envToJson, renderEnvTable, renderFindingsList, renderRoute } from './report';
export type { EnvJson, EnvJsonVar } from './report';
