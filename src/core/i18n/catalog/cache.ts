import type { Entry } from './entry';

// Messages of the cache doctor (src/core/cache) and its CLI command (`gomod-doctor cache`).
export const cacheMessages = {
  'cache.kind.modcache': { en: 'The module cache', zh: '模块缓存' },
  'cache.kind.gocache': { en: 'The build cache', zh: '构建缓存' },
  'cache.kind.vcs': { en: 'The VCS clone cache', zh: 'VCS 克隆缓存' },

  // ---- inspection findings ----
  'cache.gocache-off': { en: 'GOCACHE=off: every build fails, the build cache has been required since Go 1.12.', zh: 'GOCACHE=off：每次构建都会失败，从 Go 1.12 起构建缓存是必需的。' },
  'cache.fix.gocache-off': { en: 'Unset GOCACHE (go env -u GOCACHE) or point it at a writable directory.', zh: '取消设置 GOCACHE（go env -u GOCACHE），或把它指向可写目录。' },
  'cache.not-configured': { en: '{what} has no location: {variable} is empty (no GOPATH and no home directory).', zh: '{what}没有位置：{variable} 为空（没有 GOPATH，也没有主目录）。' },
  'cache.fix.not-configured': { en: 'Set HOME, or set {variable} to an absolute path.', zh: '设置 HOME，或把 {variable} 设为绝对路径。' },
  'cache.relative': { en: '{what} is set to the relative path {path}; {variable} must be absolute.', zh: '{what}被设为相对路径 {path}；{variable} 必须是绝对路径。' },
  'cache.fix.relative': { en: 'Set {variable} to an absolute path, or unset it to use the default.', zh: '把 {variable} 设为绝对路径，或取消设置以使用默认值。' },
  'cache.not-directory': { en: '{what} at {path} is a file, not a directory: every download fails.', zh: '{what}的位置 {path} 是一个文件而不是目录：每次下载都会失败。' },
  'cache.fix.not-directory': { en: 'Move the file away, or point the variable at another directory.', zh: '移走该文件，或把该变量指向其他目录。' },
  'cache.missing': { en: '{what} at {path} does not exist yet; the go command creates it on first use.', zh: '{what} {path} 还不存在；go 命令会在首次使用时创建它。' },
  'cache.not-writable': { en: '{what} at {path} is not writable ({code} when creating a file in {dir}): downloads and builds that need it fail.', zh: '{what} {path} 不可写（在 {dir} 中创建文件时出现 {code}）：需要它的下载和构建都会失败。' },
  'cache.fix.not-writable': {
    en: 'Give your user ownership (a cache filled by sudo go belongs to root: sudo chown -R $USER {path}), or set the variable to a directory you own.',
    zh: '让当前用户拥有它（用 sudo go 填充的缓存属于 root：sudo chown -R $USER {path}），或把该变量设为你自己的目录。',
  },
  'cache.fix.read-only-fs': { en: 'The file system is mounted read-only (container, CI image): set GOMODCACHE/GOCACHE to a writable place such as a temp directory.', zh: '文件系统以只读方式挂载（容器、CI 镜像）：把 GOMODCACHE/GOCACHE 设到可写位置，例如临时目录。' },
  'cache.disk-full': { en: '{what} at {path} is on a file system with only {free} free: downloads fail with "no space left on device".', zh: '{what} {path} 所在的文件系统只剩 {free} 可用空间：下载会因 "no space left on device" 失败。' },
  'cache.disk-low': { en: '{what} at {path} is on a file system with only {free} free (less than {threshold}).', zh: '{what} {path} 所在的文件系统只剩 {free} 可用空间（少于 {threshold}）。' },
  'cache.fix.disk-full': { en: 'Free space: clean the build cache, prune module versions no project uses, or move GOMODCACHE/GOCACHE to a larger disk.', zh: '释放空间：清理构建缓存、删除没有项目使用的模块版本，或把 GOMODCACHE/GOCACHE 移到更大的磁盘。' },
  'cache.network-fs': { en: '{what} at {path} is on a network file system ({fsType}): file locks are unreliable there and every file operation is slow.', zh: '{what} {path} 位于网络文件系统（{fsType}）上：那里的文件锁不可靠，而且每次文件操作都很慢。' },
  'cache.fix.network-fs': { en: 'Put GOMODCACHE and GOCACHE on a local disk (go env -w GOMODCACHE=/local/path).', zh: '把 GOMODCACHE 和 GOCACHE 放到本地磁盘上（go env -w GOMODCACHE=/本地路径）。' },
  'cache.readonly-tree': { en: '{count} module directories in {path} are read-only (the go command\'s default), so rm -rf fails with "permission denied".', zh: '{path} 中有 {count} 个模块目录是只读的（go 命令的默认行为），所以 rm -rf 会报 "permission denied"。' },
  'cache.fix.readonly-tree': { en: 'Remove the cache with Clean module cache (go clean -modcache), which restores write permission first; GOFLAGS=-modcacherw keeps new directories writable.', zh: '用“清理模块缓存”（go clean -modcache）删除缓存，它会先恢复写权限；GOFLAGS=-modcacherw 可让新目录保持可写。' },
  'cache.foreign-owner': { en: '{count} module directories in {path} belong to another user (often root, from sudo go): neither go clean nor rm can remove them as you.', zh: '{path} 中有 {count} 个模块目录属于其他用户（通常是 sudo go 留下的 root）：你自己无论用 go clean 还是 rm 都删不掉。' },
  'cache.fix.foreign-owner': { en: 'Take the cache back: sudo chown -R $USER {path}; avoid running go with sudo.', zh: '收回缓存的所有权：sudo chown -R $USER {path}；避免用 sudo 运行 go。' },
  'cache.partial-download': { en: 'The download of {module}@{version} in the module cache was interrupted (leftover .partial/.tmp files or a tree without its .ziphash).', zh: '模块缓存中 {module}@{version} 的下载曾被中断（残留 .partial/.tmp 文件，或目录缺少 .ziphash）。' },
  'cache.fix.partial-download': { en: 'Clear {module}@{version} from the cache; the next go command downloads it again.', zh: '从缓存中清除 {module}@{version}；下一次 go 命令会重新下载它。' },
  'cache.lock-held': { en: 'Process {pid} ({holder}) holds the cache lock {file}; other go commands that need it wait.', zh: '进程 {pid}（{holder}）持有缓存锁 {file}；需要它的其他 go 命令会等待。' },
  'cache.lock-stale': { en: 'Process {pid} ({holder}) has held the cache lock {file} for {minutes} min: it looks stuck, and every go command that needs it waits.', zh: '进程 {pid}（{holder}）持有缓存锁 {file} 已有 {minutes} 分钟：它似乎卡住了，需要该锁的每个 go 命令都会等待。' },
  'cache.lock-foreign': { en: 'Process {pid} ({holder}), which is not a go command, holds the cache lock {file}: go commands that need it wait.', zh: '进程 {pid}（{holder}）不是 go 命令，却持有缓存锁 {file}：需要该锁的 go 命令会等待。' },
  'cache.fix.lock-stale': { en: 'End process {pid} if it is stuck (kill {pid}); do not delete lock files, that breaks the go command\'s mutual exclusion.', zh: '如果进程 {pid} 卡住了就结束它（kill {pid}）；不要删除锁文件，那会破坏 go 命令的互斥。' },
  'cache.scan-incomplete': { en: 'The module cache at {path} is too large to read within the time budget; some checks cover only part of it.', zh: '{path} 处的模块缓存太大，无法在限定时间内读完；部分检查只覆盖了其中一部分。' },

  // ---- clean / prune ----
  'cache.clean.no-root': { en: '{variable} is not set to an absolute path: nothing to clean.', zh: '{variable} 没有设为绝对路径：没有可清理的内容。' },
  'cache.clean-incomplete': { en: 'Cleaning {path} left {files} files ({size}) behind.', zh: '清理 {path} 后仍剩下 {files} 个文件（{size}）。' },
  'cache.fix.clean-incomplete': { en: 'The remaining files belong to another user or sit on a read-only mount: sudo chown -R $USER {path}, then clean again.', zh: '剩下的文件属于其他用户或位于只读挂载上：执行 sudo chown -R $USER {path} 后再清理一次。' },
  'cache.prune-incomplete': { en: 'Pruning {path} could not remove {count} of {total} versions ({versions}); they are still in the cache.', zh: '清理 {path} 时，{total} 个版本中有 {count} 个无法删除（{versions}）；它们仍在缓存中。' },
  'cache.cause.read-only': { en: 'The file system is mounted read-only (EROFS).', zh: '文件系统以只读方式挂载（EROFS）。' },
  'cache.cause.permission': { en: 'Permission denied: the files belong to another user (EACCES/EPERM).', zh: '权限不足：这些文件属于其他用户（EACCES/EPERM）。' },
  'cache.cause.no-space': { en: 'The disk is full (ENOSPC).', zh: '磁盘已满（ENOSPC）。' },
  'cache.cause.busy': { en: 'Some files are in use (EBUSY).', zh: '部分文件正在使用中（EBUSY）。' },
  'cache.prune.busy': { en: 'in use by process {pid} ({name})', zh: '正被进程 {pid}（{name}）使用' },

  // ---- CLI (gomod-doctor cache) ----
  'cache.cli.usage': {
    en: `Usage: gomod-doctor cache [inspect] [--json]
       gomod-doctor cache clean-modcache|clean-build [--yes] [--dry-run] [--json]
       gomod-doctor cache prune [dir...] [--yes] [--dry-run] [--json]
       gomod-doctor cache clear <module>@<version> [--yes] [--dry-run] [--json]
Without --yes, nothing is removed: the plan is printed (what would go, and its size).`,
    zh: `用法：gomod-doctor cache [inspect] [--json]
       gomod-doctor cache clean-modcache|clean-build [--yes] [--dry-run] [--json]
       gomod-doctor cache prune [目录...] [--yes] [--dry-run] [--json]
       gomod-doctor cache clear <模块>@<版本> [--yes] [--dry-run] [--json]
不加 --yes 时不会删除任何内容：只打印计划（将删除什么以及大小）。`,
  },
  'cache.cli.target': { en: '{kind}: {path} ({state})', zh: '{kind}：{path}（{state}）' },
  'cache.cli.state': { en: '{free} free, {fs}', zh: '可用 {free}，{fs}' },
  'cache.cli.state-missing': { en: 'not created yet', zh: '尚未创建' },
  'cache.cli.plan-clean': { en: 'Would remove {path}: {size} in {files} files{partial}.', zh: '将删除 {path}：{files} 个文件，共 {size}{partial}。' },
  'cache.cli.plan-partial': { en: ' (at least; measuring ran out of time)', zh: '（至少；测量超时）' },
  'cache.cli.plan-prune': { en: 'Would remove {count} module versions ({size}) that no go.mod/go.sum below {dirs} references; {kept} stay.', zh: '将删除 {count} 个模块版本（{size}），{dirs} 下没有任何 go.mod/go.sum 引用它们；保留 {kept} 个。' },
  'cache.cli.plan-item': { en: '  {module}@{version}  {size}{busy}', zh: '  {module}@{version}  {size}{busy}' },
  'cache.cli.plan-clear': { en: 'Would remove {module}@{version} from {path}: {size}.', zh: '将从 {path} 删除 {module}@{version}：{size}。' },
  'cache.cli.nothing': { en: 'Nothing to remove.', zh: '没有可删除的内容。' },
  'cache.cli.needs-yes': { en: 'Nothing was removed. Run again with --yes to do it.', zh: '没有删除任何内容。加上 --yes 再运行一次即可执行。' },
  'cache.cli.freed': { en: 'Freed {size}{rest}.', zh: '释放了 {size}{rest}。' },
  'cache.cli.freed-rest': { en: '; {files} files ({remaining}) remain', zh: '；仍剩 {files} 个文件（{remaining}）' },
  'cache.cli.unreadable': { en: 'Cannot read {files}: pruning would not know what they reference, so it stops.', zh: '无法读取 {files}：不知道它们引用了什么，因此停止删除。' },
  'cache.cli.bad-version': { en: 'clear needs <module>@<version>, for example golang.org/x/text@v0.14.0', zh: 'clear 需要 <模块>@<版本>，例如 golang.org/x/text@v0.14.0' },
} satisfies Record<string, Entry>;
