import type { Entry } from './entry';

// Messages of the per-require network rules (module.* and gosum.* findings on go.mod / go.work lines), their fixes,
// and the hover on a require line. {detail} is technical text in English, as the go command would print it.
export const moduleMessages = {
  'module.unreachable': {
    en: '{module}@{version} cannot be fetched: {host} failed at the {stage} stage ({detail}); the go command stops there.',
    zh: '无法获取 {module}@{version}：{host} 在 {stage} 阶段失败（{detail}）；go 命令会在此停止。',
  },
  'module.unreachable.sumdb': {
    en: '{module}@{version} cannot be verified: the checksum database {host} failed at the {stage} stage ({detail}).',
    zh: '无法校验 {module}@{version}：校验和数据库 {host} 在 {stage} 阶段失败（{detail}）。',
  },
  'module.not-found': {
    en: '{module}@{version} is not found: {sources} answered "not found" ({status}).',
    zh: '找不到 {module}@{version}：{sources} 回答“未找到”（{status}）。',
  },
  'module.unknown-revision': {
    en: '{module} has no version {version}: {source} knows the module (newest {newest}) but not this version.',
    zh: '{module} 没有版本 {version}：{source} 有这个模块（最新为 {newest}），但没有这个版本。',
  },
  'module.invalid-version': {
    en: '{module}@{version} is not a valid version: {detail}',
    zh: '{module}@{version} 不是有效的版本：{detail}',
  },
  'module.private-public.not-found': {
    en: '{module} looks private: {sources} do not know it and no GOPRIVATE/GONOPROXY/GONOSUMDB pattern covers it, so the go command asks public services and fails with "410 Gone" or "terminal prompts disabled".',
    zh: '{module} 看起来是私有模块：{sources} 都没有它，且没有任何 GOPRIVATE/GONOPROXY/GONOSUMDB 模式覆盖它，go 命令会去询问公共服务，并以“410 Gone”或“terminal prompts disabled”失败。',
  },
  'module.private-public.host': {
    en: '{module} is on a self-hosted server ({host}), but no GOPRIVATE/GONOPROXY/GONOSUMDB pattern covers it: the go command would send its path to the public proxy {proxy} and to the checksum database. It was not sent there by this check.',
    zh: '{module} 位于自建服务器（{host}）上，但没有任何 GOPRIVATE/GONOPROXY/GONOSUMDB 模式覆盖它：go 命令会把它的路径发送给公共代理 {proxy} 和校验和数据库。本检查没有向它们发送。',
  },
  'module.private-public.sumdb': {
    en: '{module}@{version} is served by {source}, but the checksum database {sumdb} does not know it ({status}): the go command fails verifying it.',
    zh: '{source} 提供 {module}@{version}，但校验和数据库 {sumdb} 不认识它（{status}）：go 命令校验时会失败。',
  },
  'module.retracted': {
    en: '{module}@{version} is retracted by its author{rationale}.',
    zh: '{module}@{version} 已被作者撤回{rationale}。',
  },
  'module.deprecated': {
    en: '{module} is deprecated: {text}',
    zh: '{module} 已弃用：{text}',
  },
  'module.outdated': {
    en: '{module} {newest} is available (the newest release of {major}).',
    zh: '{module} 有新版本 {newest}（{major} 的最新正式版本）。',
  },
  'module.slow': {
    en: '{module}@{version}: {host} answered only after {ms} ms (threshold {threshold} ms).',
    zh: '{module}@{version}：{host} 在 {ms} 毫秒后才应答（阈值 {threshold} 毫秒）。',
  },
  'gosum.missing': {
    en: 'go.sum has no checksum for {module}@{version}: the go command stops with "missing go.sum entry".',
    zh: 'go.sum 中没有 {module}@{version} 的校验和：go 命令会以“missing go.sum entry”停止。',
  },
  'gosum.mismatch.proxy': {
    en: 'go.sum records {expected} for {module}@{version}/go.mod, but {source} serves a go.mod whose hash is {actual}: the go command will stop with a SECURITY ERROR.',
    zh: 'go.sum 记录的 {module}@{version}/go.mod 哈希为 {expected}，但 {source} 提供的 go.mod 哈希为 {actual}：go 命令会报告 SECURITY ERROR 并停止。',
  },
  'gosum.mismatch.sumdb': {
    en: 'go.sum records {expected} for {module} {version}, but the checksum database {sumdb} records {actual}: the go command will stop with a SECURITY ERROR.',
    zh: 'go.sum 记录的 {module} {version} 哈希为 {expected}，但校验和数据库 {sumdb} 记录的是 {actual}：go 命令会报告 SECURITY ERROR 并停止。',
  },
  'module.rationale': { en: ': "{text}"', zh: '：“{text}”' },
  'module.status.mixed': { en: '404/410', zh: '404/410（未找到）' },

  'module.fix.switch-mirror': { en: 'Switch GOPROXY to {mirror} ({ms} ms){layer}', zh: '将 GOPROXY 切换为 {mirror}（{ms} 毫秒）{layer}' },
  'module.fix.pipe': { en: 'Use "|" instead of "," after {host} in GOPROXY{layer}', zh: '在 GOPROXY 中 {host} 之后用“|”代替“,”{layer}' },
  'module.fix.gosumdb-cn': { en: 'Set GOSUMDB to sum.golang.google.cn{layer}', zh: '将 GOSUMDB 设为 sum.golang.google.cn{layer}' },
  'module.fix.goprivate': { en: 'Add {pattern} to GOPRIVATE{layer}', zh: '将 {pattern} 加入 GOPRIVATE{layer}' },
  'module.fix.gonosumdb': { en: 'Add {pattern} to GONOSUMDB only (the proxy serves it){layer}', zh: '只将 {pattern} 加入 GONOSUMDB（代理可以提供它）{layer}' },
  'module.fix.upgrade': { en: 'Upgrade to {version}', zh: '升级到 {version}' },
  'module.fix.remove-replace': { en: 'Remove this replace', zh: '删除这条 replace' },
  'module.fix.download': { en: 'Add missing go.sum entries (go mod download {module}@{version})', zh: '补全缺少的 go.sum 条目（go mod download {module}@{version}）' },
  'module.fix.layer.editor': { en: ' in VS Code settings (go.toolsEnvVars)', zh: '（写入 VS Code 设置 go.toolsEnvVars）' },

  'module.cmd.env-written': {
    en: 'Go environment changed: {changes}. Run "Go Mod Doctor: Undo Last Go Environment Change" to put it back.',
    zh: 'Go 环境已更改：{changes}。运行“Go Mod Doctor: 撤销上一次 Go 环境更改”可以恢复。',
  },
  'module.cmd.download-done': { en: 'go.sum now holds the checksums of {target}.', zh: 'go.sum 中已有 {target} 的校验和。' },
  'module.cmd.download-failed': { en: 'go mod download {target} failed: {detail}', zh: 'go mod download {target} 失败：{detail}' },
  'module.cmd.untrusted': { en: 'This workspace is not trusted: Go Mod Doctor runs no go command here.', zh: '此工作区不受信任：Go Mod Doctor 不会在此运行任何 go 命令。' },

  'module.hover.route.proxy': { en: 'Fetched from {url}', zh: '从 {url} 获取' },
  'module.hover.route.direct': { en: 'Fetched directly from {host} with its version control system', zh: '通过版本控制系统直接从 {host} 获取' },
  'module.hover.route.off': { en: 'Not fetched: GOPROXY ends in "off"', zh: '不会获取：GOPROXY 以“off”结尾' },
  'module.hover.route.fallback-any': { en: 'then, after any error:', zh: '然后在任何错误之后：' },
  'module.hover.route.fallback-nf': { en: 'then, after "not found":', zh: '然后在“未找到”之后：' },
  'module.hover.why.noproxy': { en: 'because {pattern} in {variable} matches it', zh: '因为 {variable} 中的 {pattern} 匹配它' },
  'module.hover.why.goproxy': { en: 'because GOPROXY={value} ({layer})', zh: '因为 GOPROXY={value}（{layer}）' },
  'module.hover.sumdb.on': { en: 'Checksums: checked against {name}', zh: '校验和：由 {name} 校验' },
  'module.hover.sumdb.off': { en: 'Checksums: not checked against a database ({reason})', zh: '校验和：不经数据库校验（{reason}）' },
  'module.hover.result.ok': { en: 'Last check: {source} answered in {ms} ms', zh: '最近检查：{source} 在 {ms} 毫秒内应答' },
  'module.hover.result.not-found': { en: 'Last check: not found at {sources}', zh: '最近检查：{sources} 上未找到' },
  'module.hover.result.error': { en: 'Last check: {source} failed at the {stage} stage after {ms} ms ({detail})', zh: '最近检查：{source} 在 {ms} 毫秒后于 {stage} 阶段失败（{detail}）' },
  'module.hover.result.direct': { en: 'Last check: not contacted (the go command would use git or another VCS)', zh: '最近检查：未联系（go 命令会使用 git 等版本控制系统）' },
  'module.hover.result.pending': { en: 'Checking…', zh: '正在检查…' },
  'module.hover.newest': { en: 'Newest version: {version}', zh: '最新版本：{version}' },
  'module.hover.retracted': { en: 'Retracted{rationale}', zh: '已撤回{rationale}' },
  'module.hover.deprecated': { en: 'Deprecated: {text}', zh: '已弃用：{text}' },
  'module.hover.layer.process': { en: 'the OS environment', zh: '操作系统环境' },
  'module.hover.layer.envfile': { en: 'go env -w', zh: 'go env -w 文件' },
  'module.hover.layer.goroot': { en: '$GOROOT/go.env', zh: '$GOROOT/go.env 文件' },
  'module.hover.layer.default': { en: "the go command's default", zh: 'go 命令的默认值' },
  'module.hover.layer.editor': { en: 'editor settings', zh: '编辑器设置' },
  'module.hover.sumdb-reason.gosumdb-off': { en: 'GOSUMDB=off', zh: '设置了 GOSUMDB=off' },
  'module.hover.sumdb-reason.vendor': { en: '-mod=vendor', zh: '使用了 -mod=vendor' },
} satisfies Record<string, Entry>;
