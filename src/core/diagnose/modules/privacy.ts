// Which module paths look private, which proxies are public, and the smallest GOPRIVATE pattern that covers a path.
import { proxyHost } from '../../goenv/goproxy';
import { PUBLIC_PROXY_HOSTS } from '../../goenv/lint';
import { KNOWN_PUBLIC_MIRRORS } from '../../net/mirrors';

/** Public code hosts where both public and private repositories live under host/owner/repo. */
const OWNER_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'gitee.com', 'codeberg.org', 'git.sr.ht', 'dev.azure.com']);

/** Hosts that serve only public modules (or are the public side of a forge); never "self-hosted". */
const PUBLIC_HOSTS = new Set([
  ...OWNER_HOSTS, 'golang.org', 'google.golang.org', 'gopkg.in', 'go.googlesource.com', 'cloud.google.com', 'k8s.io', 'sigs.k8s.io',
  'go.uber.org', 'go.opentelemetry.io', 'honnef.co', 'rsc.io', 'gotest.tools', 'go.etcd.io', 'gorm.io', 'go.mongodb.org',
  'gitlab.gnome.org', 'salsa.debian.org', 'code.gitea.io', 'gitea.com',
]);

const PRIVATE_TLDS = new Set(['internal', 'local', 'corp', 'lan', 'intranet', 'intra', 'home', 'localdomain', 'private', 'priv', 'localhost']);
const FORGE_PREFIX = /^(git|gitlab|gitea|gogs|gerrit|scm|code|source|src|repo|repos|vcs|svn|hg|bitbucket|stash|devops|tfs|forge)[.-]/;

/**
 * A module path on what looks like a self-hosted or corporate server: an IP address, a private top-level domain
 * (corp, internal, lan…), or a forge-like host name (git., gitlab., gitea.…) that is not a public forge.
 */
export function looksSelfHosted(modulePath: string): boolean {
  const host = modulePath.split('/')[0].toLowerCase().replace(/:\d+$/, '');
  if (PUBLIC_HOSTS.has(host)) return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return true;
  const labels = host.split('.');
  if (PRIVATE_TLDS.has(labels[labels.length - 1])) return true;
  return FORGE_PREFIX.test(host) && labels.length >= 3;
}

/** A proxy URL whose host is a public mirror: module paths sent there become known to a third party. */
export function isPublicProxyUrl(url: string): boolean {
  const host = proxyHost(url)?.replace(/:\d+$/, '');
  if (!host) return false;
  if (KNOWN_PUBLIC_MIRRORS.some((m) => proxyHost(m) === host)) return true;
  return PUBLIC_PROXY_HOSTS.some((h) => host === h || host.endsWith('.' + h));
}

/** The smallest pattern worth adding to GOPRIVATE: host/owner on public forges, else the host. */
export function privatePattern(modulePath: string): string {
  const parts = modulePath.split('/');
  const host = parts[0].toLowerCase();
  if (OWNER_HOSTS.has(host) && parts.length >= 2) return `${parts[0]}/${parts[1]}`;
  return parts[0];
}

/** Appends a pattern to a comma-separated list, unless it is already there. */
export function appendPattern(list: string, pattern: string): string {
  const items = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.includes(pattern)) return items.join(',');
  return [...items, pattern].join(',');
}
