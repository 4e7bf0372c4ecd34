// Network probes of GOPROXY entries and checksum databases (DESIGN.md §4). Entry points: runProbes for a whole
// configuration, probeOneProxy / probeOneSumdb for a single target, HttpClient for bounded GETs.
export { runProbes, probeOneProxy, probeOneSumdb, recommend } from './probe';
export type { ProbeConfig, ProbeReport, ProbeSummary, Recommendation, RankedProxy } from './probe';
export { HttpClient } from './client';
export type { GetOptions } from './client';
export { probeProxy } from './goproxyProbe';
export type { ProxyProbeResult, ProxyProbeInput, RequestRecord, SupportedAnswer } from './goproxyProbe';
export { probeSumdb } from './sumdbProbe';
export type { SumdbProbeResult, SumdbProbeInput } from './sumdbProbe';
export { verifierFromKey, openNote, parseTree, parseLookup, NoteError } from './note';
export type { Verifier, TreeHead, LookupRecord } from './note';
export { proxyEnvFrom, proxyForUrl, useProxy, parseProxyValue } from './httpProxyEnv';
export type { ProxyEnv, ForwardProxy } from './httpProxyEnv';
export { parseNetrc, Credentials, displayUrl, goauthUsesNetrc, netrcPath } from './credentials';
export { trustedCas } from './trust';
export { systemLookup, isInvalidName } from './connect';
export { FIX_IDS, fixesFor, failureFinding, failureMessage } from './findings';
export { KNOWN_PUBLIC_MIRRORS, DEFAULT_PROBE_MODULE, DEFAULT_SUMDB_LOOKUP, sameProxy } from './mirrors';
export { mapBounded } from './pool';
export type { Stage, Failure, FailureKind, NetOptions, HttpExchange, ConnectTrace, CertInfo, LookupFn } from './types';
export { DEFAULTS } from './types';
