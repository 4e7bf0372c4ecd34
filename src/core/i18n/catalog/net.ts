import type { Entry } from './entry';

// Messages of the network probes (proxy.* and sumdb.* findings, their fixes, and the `probe` command).
// A finding's message is `net.<kind>` (or `net.<family>.<kind>` when the family needs its own wording) with
// {subject} filled from `net.subject.<family>`. {detail} is the technical cause in English, as Go would print it.
export const netMessages = {
  'net.subject.proxy': { en: 'The GOPROXY entry {target}', zh: 'GOPROXY 条目 {target}' },
  'net.subject.sumdb': { en: 'The checksum database {name} at {target}', zh: '位于 {target} 的校验和数据库 {name}' },

  'net.dns': {
    en: '{subject} cannot be reached: the host name {host} does not resolve ({detail}).',
    zh: '{subject} 无法访问：主机名 {host} 无法解析（{detail}）。',
  },
  'net.refused': {
    en: '{subject} refuses connections: nothing listens at {host} ({detail}).',
    zh: '{subject} 拒绝连接：{host} 上没有服务在监听（{detail}）。',
  },
  'net.unreachable': {
    en: '{subject} cannot be reached: the network has no route to {host} ({detail}).',
    zh: '{subject} 无法访问：网络没有到 {host} 的路由（{detail}）。',
  },
  'net.timeout': {
    en: '{subject} did not answer within {ms} ms at the {stage} stage; the go command would wait with no time limit.',
    zh: '{subject} 在 {stage} 阶段 {ms} 毫秒内没有应答；go 命令会无限期地等待。',
  },
  'net.reset': {
    en: '{subject} closed the connection without an answer ({detail}).',
    zh: '{subject} 未作应答就关闭了连接（{detail}）。',
  },
  'net.proxyconnect': {
    en: 'The HTTP(S) proxy used to reach {target} fails ({detail}).',
    zh: '访问 {target} 时使用的 HTTP(S) 代理出错（{detail}）。',
  },
  'net.tls-unknown-ca': {
    en: '{subject} presents a certificate from an authority the go command does not trust (issuer: {issuer}); this usually means TLS interception by a corporate proxy or security software.',
    zh: '{subject} 出示的证书来自 go 命令不信任的证书颁发机构（签发者：{issuer}）；这通常意味着公司代理或安全软件在拦截 TLS。',
  },
  'net.tls-hostname': {
    en: '{subject} presents a certificate for another host ({names}); a captive portal or a misconfigured proxy is answering instead.',
    zh: '{subject} 出示的是其他主机的证书（{names}）；应答的可能是网络登录页或配置错误的代理。',
  },
  'net.tls-expired': {
    en: '{subject} presents a certificate that is expired or not yet valid (valid {validFrom} to {validTo}); check the system clock.',
    zh: '{subject} 出示的证书已过期或尚未生效（有效期 {validFrom} 至 {validTo}）；请检查系统时钟。',
  },
  'net.tls-handshake': {
    en: 'The TLS handshake with {subject} fails ({detail}).',
    zh: '与 {subject} 的 TLS 握手失败（{detail}）。',
  },
  'net.auth-required': {
    en: '{subject} asks for credentials (HTTP {status}); none were sent or they were refused.',
    zh: '{subject} 要求身份验证（HTTP {status}）；未发送凭据或凭据被拒绝。',
  },
  'net.not-found': {
    en: '{subject} does not have {module} (HTTP {status}); the URL is probably not the proxy\'s root.',
    zh: '{subject} 没有 {module}（HTTP {status}）；该 URL 可能不是代理的根地址。',
  },
  'net.sumdb.not-found': {
    en: '{subject} has no record for {module} (HTTP {status}).',
    zh: '{subject} 没有 {module} 的记录（HTTP {status}）。',
  },
  'net.http-403': {
    en: '{subject} refuses the request (HTTP 403): missing credentials or a policy block; with "," after it the go command does not try the next entry.',
    zh: '{subject} 拒绝了请求（HTTP 403）：缺少凭据或被策略阻止；其后为 "," 时 go 命令不会尝试下一个条目。',
  },
  'net.http-429': {
    en: '{subject} rate-limits this client (HTTP 429).',
    zh: '{subject} 对本机限流（HTTP 429）。',
  },
  'net.http-4xx': {
    en: '{subject} refuses the request with HTTP {status}.',
    zh: '{subject} 以 HTTP {status} 拒绝了请求。',
  },
  'net.http-5xx': {
    en: '{subject} fails with HTTP {status}: the server or its upstream is broken or overloaded.',
    zh: '{subject} 返回 HTTP {status}：服务器或其上游出错或过载。',
  },
  'net.bad-response': {
    en: '{subject} sends a malformed HTTP answer ({detail}).',
    zh: '{subject} 返回了格式错误的 HTTP 应答（{detail}）。',
  },
  'net.empty': {
    en: '{subject} answers 200 OK with an empty body; the go command then fails with a confusing message.',
    zh: '{subject} 返回 200 OK 但内容为空；go 命令随后会以令人困惑的信息失败。',
  },
  'net.html': {
    en: '{subject} answers with an HTML page instead of module data: a captive portal, a login page, or the URL of a web page rather than the proxy.',
    zh: '{subject} 返回的是 HTML 网页而不是模块数据：可能是网络登录页、登录页面，或该 URL 指向网页而非代理。',
  },
  'net.truncated': {
    en: '{subject} cuts the response short ({detail}).',
    zh: '{subject} 的应答被截断（{detail}）。',
  },
  'net.body-too-large': {
    en: '{subject} sends more than {limit} bytes for a small metadata request.',
    zh: '{subject} 对一个很小的元数据请求返回了超过 {limit} 字节的内容。',
  },
  'net.redirect-loop': {
    en: '{subject} redirects in a loop ({detail}).',
    zh: '{subject} 陷入重定向循环（{detail}）。',
  },
  'net.too-many-redirects': {
    en: '{subject} redirects more than {limit} times.',
    zh: '{subject} 重定向超过 {limit} 次。',
  },
  'net.insecure-redirect': {
    en: '{subject} redirects from https to plain http, which the go command refuses.',
    zh: '{subject} 从 https 重定向到明文 http，go 命令会拒绝。',
  },
  'net.bad-json': {
    en: '{subject} returns invalid version metadata for {module} ({detail}).',
    zh: '{subject} 返回的 {module} 版本元数据无效（{detail}）。',
  },
  'net.wrong-version': {
    en: '{subject} returns the metadata of another version than the one asked for ({detail}).',
    zh: '{subject} 返回的元数据不是所请求的版本（{detail}）。',
  },
  'net.bad-list': {
    en: '{subject} returns a version list for {module} without a single valid version.',
    zh: '{subject} 返回的 {module} 版本列表中没有任何有效版本。',
  },
  'net.bad-signature': {
    en: '{subject} returns a note that is not correctly signed by the GOSUMDB key ({detail}): the answer was altered or comes from another server.',
    zh: '{subject} 返回的签名注释没有被 GOSUMDB 密钥正确签名（{detail}）：应答被篡改或来自其他服务器。',
  },
  'net.unknown-key': {
    en: '{subject} signs with a key that GOSUMDB does not name ({keys}): a wrong GOSUMDB key, or a server impersonating the database.',
    zh: '{subject} 使用 GOSUMDB 中未指定的密钥签名（{keys}）：GOSUMDB 密钥有误，或有服务器冒充该数据库。',
  },
  'net.malformed-note': {
    en: '{subject} returns a malformed signed note ({detail}).',
    zh: '{subject} 返回的签名注释格式错误（{detail}）。',
  },
  'net.bad-record': {
    en: '{subject} returns a lookup record without the go.sum lines of {module}.',
    zh: '{subject} 返回的查询记录中没有 {module} 的 go.sum 行。',
  },
  'net.unsupported': {
    en: '{subject} was not probed: {detail}.',
    zh: '未探测 {subject}：{detail}。',
  },
  'net.redirect-other-host': {
    en: '{subject} redirects to another host ({detail}); downloads then also depend on that host.',
    zh: '{subject} 重定向到其他主机（{detail}）；下载因此还依赖该主机。',
  },
  'net.slow': {
    en: '{subject} is slow from here: the first byte came after {ms} ms.',
    zh: '从本机访问 {subject} 很慢：{ms} 毫秒后才收到第一个字节。',
  },
  'net.stale': {
    en: '{subject} offers {module} {version} as newest, older than {newest} from {other}: its copy is behind.',
    zh: '{subject} 提供的 {module} 最新版本为 {version}，比 {other} 的 {newest} 旧：它的缓存落后了。',
  },
  'net.family-unreachable': {
    en: '{subject}: connections over IPv{family} fail ({detail}) while the other address family works.',
    zh: '{subject}：IPv{family} 连接失败（{detail}），另一种地址族可用。',
  },
  'net.sumdb.unavailable': {
    en: 'Checksum lookups will fail: {target} answers /sumdb/{name}/supported with an error ({detail}), and the "," after it stops the go command from trying further.',
    zh: '校验和查询将会失败：{target} 对 /sumdb/{name}/supported 返回错误（{detail}），而其后的 "," 使 go 命令不再继续尝试。',
  },
  'net.sumdb.off-route': {
    en: '{message} The go command does not use this route now ({route} carries the checksum traffic).',
    zh: '{message} go 命令目前不走这条路线（校验和流量经由 {route}）。',
  },
  'net.faster-mirror': {
    en: '{mirror} answers faster from here ({ms} ms) than {current} ({currentMs} ms).',
    zh: '从本机访问 {mirror}（{ms} 毫秒）比 {current}（{currentMs} 毫秒）更快。',
  },
  'net.healthy-mirror': {
    en: 'No configured proxy works from here, but {mirror} does ({ms} ms).',
    zh: '已配置的代理在本机都无法使用，但 {mirror} 可用（{ms} 毫秒）。',
  },

  'net.fix.switch-mirror': { en: 'Use {mirror}: GOPROXY={value}', zh: '改用 {mirror}：GOPROXY={value}' },
  'net.fix.pipe-fallback': { en: 'Fall back to the next entry on any error: GOPROXY={value}', zh: '任何错误时都回退到下一个条目：GOPROXY={value}' },
  'net.fix.set-https-proxy': { en: 'If this network requires an HTTP proxy, set HTTPS_PROXY', zh: '如果当前网络需要 HTTP 代理，请设置 HTTPS_PROXY' },
  'net.fix.fix-https-proxy': {
    en: 'Fix or unset HTTPS_PROXY / HTTP_PROXY, or list the host in NO_PROXY',
    zh: '修正或取消 HTTPS_PROXY / HTTP_PROXY，或把该主机加入 NO_PROXY',
  },
  'net.fix.trust-ca': {
    en: "Trust your organization's CA: add it to the system store, or point SSL_CERT_FILE at a bundle that includes it",
    zh: '信任所在组织的 CA：将其加入系统证书库，或让 SSL_CERT_FILE 指向包含它的证书包',
  },
  'net.fix.check-clock': { en: 'Check the system date and time', zh: '检查系统日期和时间' },
  'net.fix.portal-login': { en: "Log in to the network's captive portal, then probe again", zh: '先登录网络的认证页面，然后重新探测' },
  'net.fix.fix-proxy-url': {
    en: "Check the GOPROXY URL: it must be the proxy's root, such as https://goproxy.cn",
    zh: '检查 GOPROXY 的 URL：必须是代理的根地址，例如 https://goproxy.cn',
  },
  'net.fix.add-credentials': { en: 'Add credentials for {host} to ~/.netrc (or set GOAUTH)', zh: '在 ~/.netrc 中为 {host} 添加凭据（或设置 GOAUTH）' },
  'net.fix.set-goprivate': {
    en: 'Route private modules around proxies and the checksum database: GOPRIVATE=<your module prefixes>',
    zh: '让私有模块绕过代理和校验和数据库：GOPRIVATE=<你的模块前缀>',
  },
  'net.fix.retry-later': { en: 'Retry later, or add a fallback entry', zh: '稍后重试，或添加一个回退条目' },
  'net.fix.set-gosumdb-mirror': { en: 'Use the checksum database mirror: GOSUMDB=sum.golang.google.cn', zh: '使用校验和数据库镜像：GOSUMDB=sum.golang.google.cn' },
  'net.fix.use-sumdb-proxy': {
    en: 'Use a proxy that carries the checksum database: GOPROXY={value}',
    zh: '使用代理校验和数据库的代理：GOPROXY={value}',
  },
  'net.fix.check-gosumdb-key': {
    en: "Check GOSUMDB: the key must be the database's own (name+hash+key)",
    zh: '检查 GOSUMDB：密钥必须是该数据库自己的（名称+哈希+密钥）',
  },
  'net.fix.report-proxy': {
    en: "Report the broken answers to the proxy's operator, or use another mirror",
    zh: '将错误应答报告给代理的运营者，或改用其他镜像',
  },

  'net.cli.usage': {
    en: 'Usage: gomod-doctor probe [--json] [--timeout-ms N] [--overall-ms N] [--concurrency N] [--mirrors URL,...|none] [--module PATH]',
    zh: '用法：gomod-doctor probe [--json] [--timeout-ms N] [--overall-ms N] [--concurrency N] [--mirrors URL,...|none] [--module 路径]',
  },
  'net.cli.bad-number': { en: '{option} needs a positive whole number, not "{value}"', zh: '{option} 需要一个正整数，而不是 "{value}"' },
  'net.cli.header': { en: 'target\tkind\tresult\tstage\tms\tstatus', zh: '目标\t类型\t结果\t阶段\t毫秒\t状态' },
  'net.cli.ok': { en: 'ok', zh: '正常' },
  'net.cli.failed': { en: 'FAILED', zh: '失败' },
  'net.cli.skipped': { en: 'skipped', zh: '已跳过' },
  'net.cli.recommend': {
    en: 'Fastest healthy proxy from here: {mirror} ({ms} ms). To use it: go env -w GOPROXY={value}',
    zh: '从本机访问最快且正常的代理：{mirror}（{ms} 毫秒）。使用方法：go env -w GOPROXY={value}',
  },
  'net.cli.keep': {
    en: 'Your first proxy, {mirror}, is healthy and the fastest measured ({ms} ms).',
    zh: '你的第一个代理 {mirror} 工作正常，且在测得的代理中最快（{ms} 毫秒）。',
  },
  'net.cli.no-healthy': { en: 'No healthy proxy was found from here.', zh: '从本机没有找到可用的代理。' },
  'net.cli.nothing': { en: 'Nothing to probe: GOPROXY has no URL entries and no mirrors were given.', zh: '没有可探测的目标：GOPROXY 中没有 URL 条目，也没有指定镜像。' },
  'net.cli.summary': {
    en: '{errors} error(s), {warnings} warning(s), {others} other finding(s) in {ms} ms',
    zh: '用时 {ms} 毫秒，发现 {errors} 个错误、{warnings} 个警告、{others} 个其他问题',
  },
} satisfies Record<string, Entry>;

