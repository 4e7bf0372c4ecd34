import type { Entry } from './entry';

// Help texts never contain a word in braces: t() would take it for a placeholder.
export const cliMessages = {
  'cli.help-hint': { en: "Run 'gomod-doctor {command} --help' for its options and examples.", zh: "运行 'gomod-doctor {command} --help' 查看其选项和示例。" },
  'cli.unknown-help-topic': { en: 'no help for "{command}": not a command', zh: '没有 "{command}" 的帮助：不是一个命令' },

  'cli.unknown-command': { en: 'unknown command "{command}"', zh: '未知命令 "{command}"' },
  'cli.unknown-option': { en: 'unknown option "{option}"', zh: '未知选项 "{option}"' },
  'cli.missing-value': { en: 'option {option} needs a value', zh: '选项 {option} 需要一个值' },
  'cli.bad-number': { en: '{option} needs a positive whole number, not "{value}"', zh: '{option} 需要一个正整数，而不是 "{value}"' },
  'cli.bad-format': { en: 'unknown format "{format}" (expected {allowed})', zh: '未知格式 "{format}"（应为 {allowed}）' },
  'cli.bad-lang': { en: 'unknown language "{lang}" (expected en or zh-cn)', zh: '未知语言 "{lang}"（应为 en 或 zh-cn）' },
  'cli.parse-needs-file': {
    en: 'parse needs a go.mod or go.work file: gomod-doctor parse path/to/go.mod --json',
    zh: 'parse 需要一个 go.mod 或 go.work 文件：gomod-doctor parse path/to/go.mod --json',
  },
  'cli.parse-unknown-kind': {
    en: '{file} is neither a go.mod nor a go.work file',
    zh: '{file} 既不是 go.mod 也不是 go.work 文件',
  },
  'cli.cannot-read': { en: 'cannot read {file}: {reason}', zh: '无法读取 {file}：{reason}' },
  'cli.not-a-directory': { en: '{dir} is not a directory', zh: '{dir} 不是目录' },
  'cli.lsp-needs-stdio': { en: 'lsp needs --stdio', zh: 'lsp 需要 --stdio 参数' },
  'cli.summary': {
    en: '{errors} error(s), {warnings} warning(s), {others} other finding(s) in {files} file(s)',
    zh: '{files} 个文件中有 {errors} 个错误、{warnings} 个警告、{others} 个其他问题',
  },
  'cli.summary-nofiles': {
    en: '{errors} error(s), {warnings} warning(s), {others} other finding(s)',
    zh: '{errors} 个错误、{warnings} 个警告、{others} 个其他问题',
  },
  'cli.no-files': { en: 'no go.mod, go.work or go.sum found below {dir}', zh: '{dir} 下没有找到 go.mod、go.work 或 go.sum' },
  'cli.internal-error': {
    en: 'internal error: {message} (run with --debug for details)',
    zh: '内部错误：{message}（使用 --debug 查看详情）',
  },

  // ---- text report ----
  'cli.fix': { en: 'fix', zh: '修复' },
  'cli.group.env': { en: 'Go environment', zh: 'Go 环境' },
  'cli.group.host': { en: 'host {host}', zh: '主机 {host}' },
  'cli.group.cache': { en: 'caches', zh: '缓存' },
  'cli.group.other': { en: 'other', zh: '其他' },

  // ---- progress line (stderr, terminals only) ----
  'cli.progress.env': { en: 'reading the Go environment…', zh: '正在读取 Go 环境…' },
  'cli.progress.probes': { en: 'probing {count} proxies and checksum databases…', zh: '正在探测 {count} 个代理和校验和数据库…' },
  'cli.progress.cache': { en: 'inspecting the caches…', zh: '正在检查缓存…' },
  'cli.progress.file': { en: 'checking {file} ({n}/{total})…', zh: '正在检查 {file}（{n}/{total}）…' },

  // ---- markdown report ----
  'cli.md.findings': { en: 'Findings', zh: '问题' },
  'cli.md.none': { en: 'None.', zh: '无。' },
  'cli.md.none-short': { en: 'none', zh: '无' },
  'cli.md.checked': { en: 'checked: {files} module file(s) in {ms} ms', zh: '已检查：{files} 个模块文件，用时 {ms} 毫秒' },
  'cli.md.env': { en: 'Go environment', zh: 'Go 环境' },
  'cli.md.env-file': { en: 'go env -w file: {file}', zh: 'go env -w 文件：{file}' },
  'cli.md.probes': { en: 'Probes', zh: '探测' },
  'cli.md.probes-offline': { en: 'Not run (--offline).', zh: '未运行（--offline）。' },
  'cli.md.probes-none': { en: 'Nothing to probe (no proxy or checksum database is used).', zh: '没有可探测的对象（未使用任何代理或校验和数据库）。' },
  'cli.md.cache': { en: 'Caches', zh: '缓存' },
  'cli.md.cache-unknown': { en: 'Not inspected (the go command could not be run).', zh: '未检查（无法运行 go 命令）。' },
  'cli.md.modcache': {
    en: 'Module cache: {versions} module version(s), {partials} partial download(s), {readOnly} read-only dir(s), {locks} lock(s) held{complete}.',
    zh: '模块缓存：{versions} 个模块版本，{partials} 个未完成的下载，{readOnly} 个只读目录，{locks} 个被持有的锁{complete}。',
  },
  'cli.md.incomplete': { en: ' (partly read: the time budget ran out)', zh: '（仅读取了一部分：时间预算已用完）' },
} satisfies Record<string, Entry>;
