import type { Entry } from './entry';

// Messages of the language server's health model (src/server/health*.ts, cacheJobs.ts, download.ts, envRequests.ts):
// the overall state line of the panel and the status bar, and the answers to the panel's requests.
export const healthMessages = {
  // ---- overall state, one line ----
  'health.reason.checking': { en: 'Checking Go modules…', zh: '正在检查 Go 模块…' },
  'health.reason.checking-progress': { en: 'Checking Go modules… ({done}/{total})', zh: '正在检查 Go 模块…（{done}/{total}）' },
  'health.reason.healthy': { en: 'All {count} required modules can be fetched', zh: '全部 {count} 个依赖模块都可以获取' },
  'health.reason.healthy-network': { en: 'Module proxy and checksum database reachable', zh: '模块代理和校验和数据库均可访问' },
  'health.reason.idle': { en: 'No go.mod or go.work is open', zh: '没有打开 go.mod 或 go.work' },
  'health.reason.untrusted': { en: 'Restricted mode: only parsing runs until the workspace is trusted', zh: '受限模式：信任此工作区之前只进行解析' },
  'health.reason.host-unreachable': { en: '{host} unreachable: {count} module(s) cannot be fetched', zh: '{host} 无法访问：{count} 个模块无法获取' },
  'health.reason.not-found': { en: '{count} module(s) not found', zh: '{count} 个模块找不到' },
  'health.reason.modules-failing': { en: '{count} module(s) have errors', zh: '{count} 个模块有错误' },
  'health.reason.modules-warning': { en: '{count} module(s) with warnings', zh: '{count} 个模块有警告' },
  'health.reason.host-failing': { en: '{host} unreachable', zh: '{host} 无法访问' },
  'health.reason.host-slow': { en: '{host} is slow', zh: '{host} 响应缓慢' },

  // ---- refusals ----
  'health.untrusted': {
    en: 'This workspace is not trusted: Go Mod Doctor runs no go command, touches no network and changes no settings here. Trust the workspace to enable it.',
    zh: '此工作区不受信任：Go Mod Doctor 不会在此运行 go 命令、访问网络或修改设置。信任此工作区即可启用。',
  },

  // ---- env fix preview and fix ids for the pickers ----
  'health.preview.target': { en: 'Written to {target}', zh: '写入位置：{target}' },
  'health.preview.noop': { en: 'Nothing changes: the values are already in place.', zh: '无需更改：这些值已经生效。' },
  'health.preview.not-env-fix': { en: '{id} is not an environment fix.', zh: '{id} 不是环境修复。' },
  'health.envfix.unsupported': {
    en: '{name} cannot be set here; only GOPROXY, GOSUMDB, GOPRIVATE, GONOPROXY and GONOSUMDB can.',
    zh: '这里不能设置 {name}；只能设置 GOPROXY、GOSUMDB、GOPRIVATE、GONOPROXY 和 GONOSUMDB。',
  },
  'health.envfix.not-pattern-list': {
    en: 'Patterns can be added to GOPRIVATE, GONOPROXY or GONOSUMDB, not to {name}.',
    zh: '模式只能添加到 GOPRIVATE、GONOPROXY 或 GONOSUMDB，不能添加到 {name}。',
  },
  'health.envfix.empty': { en: 'Enter a value.', zh: '请输入一个值。' },
  'health.envfix.bad-pattern': { en: '"{pattern}" is not a module path pattern: {reason}.', zh: '“{pattern}”不是模块路径模式：{reason}。' },
  'health.envfix.reason.space': { en: 'it contains white space', zh: '其中包含空白字符' },
  'health.envfix.reason.comma': { en: 'add one pattern at a time, without commas', zh: '一次只能添加一个模式，不要使用逗号' },
  'health.envfix.reason.url': {
    en: 'write a module path prefix such as git.corp.example.com/team, not a URL',
    zh: '请填写模块路径前缀（例如 git.corp.example.com/team），而不是 URL',
  },
  'health.envfix.reason.syntax': { en: 'a [ ] class or a \\ escape is malformed', zh: '[ ] 字符类或 \\ 转义的写法有误' },
  'health.envfix.bad-gosumdb': { en: 'GOSUMDB "{value}" is not valid: {reason}.', zh: 'GOSUMDB“{value}”无效：{reason}。' },
  'health.envfix.bad-goproxy': { en: 'GOPROXY "{value}" is not valid: {reason}.', zh: 'GOPROXY“{value}”无效：{reason}。' },
  'health.envfix.credential': {
    en: 'A fix must not carry credentials: put them in ~/.netrc (or GOAUTH) and enter the URL without them.',
    zh: '修复中不能包含凭据：请把凭据放进 ~/.netrc（或 GOAUTH），输入不带凭据的 URL。',
  },

  // ---- cache jobs ----
  'health.cache.plan-clean': { en: 'Remove {size} ({files} files) in {path}?', zh: '删除 {path} 中的 {size}（{files} 个文件）？' },
  'health.cache.plan-clean-partial': {
    en: 'Remove at least {size} ({files} files counted before the time ran out) in {path}?',
    zh: '删除 {path} 中至少 {size}（计时结束前已统计 {files} 个文件）？',
  },
  'health.cache.plan-prune': {
    en: 'Remove {count} module version(s) ({size}) from {path} that nothing in {dirs} references? {kept} stay.',
    zh: '从 {path} 删除 {count} 个在 {dirs} 中没有被引用的模块版本（{size}）？保留 {kept} 个。',
  },
  'health.cache.plan-empty': { en: 'Nothing to remove in {path}.', zh: '{path} 中没有可删除的内容。' },
  'health.cache.plan-unreadable': {
    en: 'Cannot prune: these module files could not be read, so the versions they use are unknown: {files}',
    zh: '无法清理：以下模块文件无法读取，因此不知道它们使用哪些版本：{files}',
  },
  'health.cache.plan-failed': { en: 'Could not plan the clean of {variable}: {reason}', zh: '无法为 {variable} 制定清理计划：{reason}' },
  'health.cache.done': { en: 'Freed {size} in {path}.', zh: '已在 {path} 释放 {size}。' },
  'health.cache.partial': { en: 'Freed {size} in {path}, but not everything could be removed: {detail}', zh: '已在 {path} 释放 {size}，但有些内容无法删除：{detail}' },
  'health.cache.cancelled': { en: 'Cancelled after freeing {size} in {path}.', zh: '已取消；此前已在 {path} 释放 {size}。' },
  'health.cache.failed': { en: 'Cleaning {path} failed: {reason}', zh: '清理 {path} 失败：{reason}' },
  'health.cache.expired': { en: 'That plan has expired or was already run; measure the cache again.', zh: '该计划已过期或已经执行过；请重新测量缓存。' },
  'health.cache.skipped': { en: '{count} version(s) in use were skipped: {reason}', zh: '跳过了 {count} 个正在使用的版本：{reason}' },

  // ---- go mod download under the watchdog ----
  'health.download.done': { en: 'go mod download finished in {dir}.', zh: 'go mod download 已在 {dir} 完成。' },
  'health.download.failed': { en: 'go mod download failed in {dir}: {detail}', zh: '在 {dir} 中运行 go mod download 失败：{detail}' },
  'health.download.stalled': { en: 'go mod download stalled in {dir} and was stopped: {detail}', zh: '在 {dir} 中运行 go mod download 停滞，已被终止：{detail}' },
  'health.download.cancelled': { en: 'go mod download in {dir} was cancelled.', zh: '已取消在 {dir} 中运行的 go mod download。' },
  'health.download.no-gomod': { en: 'There is no go.mod in {dir}.', zh: '{dir} 中没有 go.mod。' },
  'health.download.no-go': { en: 'The go command could not be started: {detail}', zh: '无法启动 go 命令：{detail}' },

  // ---- the report's module section ----
  'health.md.modules': { en: 'Modules', zh: '模块' },
  'health.md.modules-none': { en: 'No go.mod or go.work was open.', zh: '没有打开 go.mod 或 go.work。' },
} satisfies Record<string, Entry>;
