import type { Entry } from './entry';

export const cliMessages = {
  'cli.usage': {
    en: `Usage: gomod-doctor <command> [options]

Commands:
  check [dir]          check every go.mod, go.work and go.sum below dir (default: the current directory)
  env                  each module-related Go variable: effective value, the layer it comes from, what it shadows
  probe                every GOPROXY entry, the public mirrors and the checksum database, stage by stage
  fix <fix-id>         apply an environment fix
  undo                 undo the last environment change made by gomod-doctor
  explain              read a go command's error output on stdin and explain each error
  watch -- go <args>   run a go command under the watchdog: progress, stalls, timeout (exit 124)
  cache <action>       inspect, clean-modcache, clean-build, prune, clear <module@version>
  parse <file>         print a go.mod or go.work as JSON, in the shape of 'go mod edit -json'
  lsp --stdio          run the language server for any LSP editor

Common options:
  --format FORMAT      text, json, markdown or sarif (default text)
  --json               same as --format json
  --offline            no network (check: skip the probes)
  --timeout-ms N       per network wait (default 5000)
  --mirrors URL,..|none  public mirrors to compare with (default: the known ones)
  --lang en|zh-cn      language of messages (default: from LANG)
  --go PATH            the go binary to use
  --version, --help

Exit status: 0 no error findings, 1 error findings, 2 usage or internal error.`,
    zh: `用法：gomod-doctor <命令> [选项]

命令：
  check [目录]         检查目录（默认当前目录）下的每个 go.mod、go.work 和 go.sum
  env                  每个与模块有关的 Go 变量：生效值、来源层级、被它遮蔽的值
  probe                逐阶段探测每个 GOPROXY 条目、公共镜像和校验和数据库
  fix <修复 ID>        应用一项环境修复
  undo                 撤销 gomod-doctor 最近一次对环境的修改
  explain              从标准输入读取 go 命令的错误输出并逐条解释
  watch -- go <参数>   在看门狗下运行 go 命令：进度、卡住检测、超时（退出码 124）
  cache <操作>         inspect、clean-modcache、clean-build、prune、clear <模块@版本>
  parse <文件>         以 'go mod edit -json' 的格式输出 go.mod 或 go.work 的 JSON
  lsp --stdio          为任意支持 LSP 的编辑器运行语言服务器

通用选项：
  --format FORMAT      text、json、markdown 或 sarif（默认 text）
  --json               等同于 --format json
  --offline            不访问网络（check：跳过探测）
  --timeout-ms N       每次网络等待的超时（默认 5000）
  --mirrors URL,..|none  用于比较的公共镜像（默认：已知镜像）
  --lang en|zh-cn      消息语言（默认取自 LANG）
  --go PATH            要使用的 go 可执行文件
  --version, --help

退出码：0 没有错误级别的问题，1 有错误级别的问题，2 用法错误或内部错误。`,
  },
  'cli.unknown-command': { en: 'unknown command "{command}"', zh: '未知命令 "{command}"' },
  'cli.unknown-option': { en: 'unknown option "{option}"', zh: '未知选项 "{option}"' },
  'cli.missing-value': { en: 'option {option} needs a value', zh: '选项 {option} 需要一个值' },
  'cli.bad-number': { en: '{option} needs a positive whole number, not "{value}"', zh: '{option} 需要一个正整数，而不是 "{value}"' },
  'cli.bad-format': { en: 'unknown format "{format}" (expected {allowed})', zh: '未知格式 "{format}"（应为 {allowed}）' },
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
  'cli.no-files': { en: 'no go.mod, go.work or go.sum found below {dir}', zh: '{dir} 下没有找到 go.mod、go.work 或 go.sum' },
  'cli.internal-error': {
    en: 'internal error: {message} (run with --debug for details)',
    zh: '内部错误：{message}（使用 --debug 查看详情）',
  },
} satisfies Record<string, Entry>;
