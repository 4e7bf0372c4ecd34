// The remaining env rules: env-file-only problems, GOFLAGS, GO111MODULE, GIT_TERMINAL_PROMPT and relative cache paths.
import type { FixRef } from '../../finding';
import { t, type MessageKey } from '../../i18n';
import { redactSecrets } from '../../report/redact';
import type { Layer } from '../resolve';
import { ignoredEnvFileLines, NOT_REGULAR_FILE } from '../envfile';
import { OS_ONLY_GO_VARS, OS_ONLY_TOOL_VARS } from '../vars';
import { add, evidenceOf, fixLayerFor, makeFix, show, type Ctx } from './context';

export function envFileRules(ctx: Ctx): void {
  const file = ctx.env.snapshot.envFile;
  if (file.path && file.error) {
    // go ignores an env file it cannot read (its values do not apply) and refuses go env -w; a pipe makes it hang.
    const pipe = file.error.startsWith(NOT_REGULAR_FILE);
    add(ctx, 'env.file-unreadable', pipe ? 'error' : 'warning', pipe ? 'env.file-unreadable-blocks' : 'env.file-unreadable', { file: file.path, reason: redactSecrets(file.error) }, {
      evidence: { envFile: file.path, error: redactSecrets(file.error) },
    });
  }
  const ignored = ignoredEnvFileLines(file.text ?? '');
  if (ignored.length) {
    // Redact before cutting: a cut can split "user:pass@" so that the redaction no longer sees a URL.
    const cut = (s: string) => (s.length > 60 ? s.slice(0, 60) + '…' : s);
    const quote = (l: { line: number; text: string }) => `${l.line + 1} (${JSON.stringify(cut(redactSecrets(l.text)))})`;
    // An indented or lower-case assignment was surely meant to apply; other junk only wants tidying.
    const meant = ignored.some((l) => /^\s*[A-Za-z_][A-Za-z0-9_]*\s*=/.test(l.text));
    add(ctx, 'env.envfile-ignored-lines', meant ? 'warning' : 'info', 'env.envfile-ignored-lines', { file: file.path ?? '', lines: ignored.slice(0, 5).map(quote).join(', ') + (ignored.length > 5 ? ', …' : '') }, {
      evidence: { envFile: file.path, lines: ignored.map((l) => l.line + 1) },
    });
  }
  // No fix: go env -w would drop the "\r", but go env -w refuses to write it back ("invalid newline"), so the
  // journal could never undo it. Converting the line endings is for the user's editor.
  for (const [name, value] of ctx.env.envFile.values) {
    if (!value.endsWith('\r')) continue;
    add(ctx, 'env.envfile-crlf', 'warning', 'env.envfile-crlf', { name }, {
      variable: name, evidence: { layer: 'envfile', value: redactSecrets(value), envFile: file.path },
    });
  }
  for (const [name] of ctx.env.envFile.values) {
    if (!OS_ONLY_TOOL_VARS.has(name)) continue;
    // `go env -u` refuses GOENV and GODEBUG; those lines can only be removed by hand.
    const fixes = OS_ONLY_GO_VARS.has(name) ? [] : [makeFix([{ name, value: undefined }], 'envfile')];
    add(ctx, 'env.envfile-os-only', 'warning', 'env.envfile-os-only', { name }, {
      variable: name, evidence: { layer: 'envfile', value: redactSecrets(ctx.env.envFile.values.get(name)!), envFile: ctx.env.envFile.path }, fixes,
    });
  }
  for (const v of ctx.env.vars) {
    if (!v.notes.includes('empty-envfile-masks-goroot') || v.name === 'GOPROXY') continue;
    const rootValue = ctx.env.goroot.values.get(v.name) ?? '';
    add(ctx, 'env.envfile-empty-masks', 'warning', 'env.envfile-empty-masks', { name: v.name, rootValue: show(rootValue), effective: show(v.value) }, {
      variable: v.name, evidence: evidenceOf(v), fixes: [makeFix([{ name: v.name, value: undefined }], 'envfile')],
    });
  }
}

export function goflagsRules(ctx: Ctx): void {
  const v = ctx.env.get('GOFLAGS')!;
  if (!v.value.trim()) return;
  const flags = v.value.split(/\s+/).filter((f) => f !== '');
  const without = (drop: (f: string) => boolean): FixRef => {
    const kept = flags.filter((f) => !drop(f)).join(' ');
    if (kept === '' && v.layer === 'envfile') return makeFix([{ name: 'GOFLAGS', value: undefined }], 'envfile');
    return makeFix([{ name: 'GOFLAGS', value: kept }], fixLayerFor(v));
  };
  const bad = flags.find((f) => !f.startsWith('-') || f === '-' || f === '--' || f.startsWith('---') || f.startsWith('-=') || f.startsWith('--='));
  if (bad) add(ctx, 'env.goflags-invalid', 'error', 'env.goflags-invalid', { entry: show(bad) }, { variable: 'GOFLAGS', evidence: evidenceOf(v), fixes: [without((f) => f === bad)] });
  const insecure = (f: string) => /^--?insecure(=.*)?$/.test(f);
  if (flags.some(insecure)) add(ctx, 'env.goflags-insecure', 'error', 'env.goflags-insecure', {}, { variable: 'GOFLAGS', evidence: evidenceOf(v), fixes: [without(insecure)] });
  const vendor = flags.find((f) => /^--?mod=vendor$/.test(f));
  if (vendor) add(ctx, 'env.goflags-mod-vendor', 'warning', 'env.goflags-mod-vendor', { flag: vendor }, { variable: 'GOFLAGS', evidence: evidenceOf(v), fixes: [without((f) => f === vendor)] });
}

export function miscRules(ctx: Ctx): void {
  const g = ctx.env.get('GO111MODULE')!;
  const unsetG = g.layer === 'envfile' ? makeFix([{ name: 'GO111MODULE', value: undefined }], 'envfile') : makeFix([{ name: 'GO111MODULE', value: 'on' }], fixLayerFor(g));
  if (g.value === 'off') add(ctx, 'env.go111module-off', 'warning', 'env.go111module-off', {}, { variable: 'GO111MODULE', evidence: evidenceOf(g), fixes: [unsetG] });
  else if (!['', 'on', 'auto'].includes(g.value)) add(ctx, 'env.go111module-invalid', 'error', 'env.go111module-invalid', { value: show(g.value) }, { variable: 'GO111MODULE', evidence: evidenceOf(g), fixes: [unsetG] });

  const prompt = ctx.env.get('GIT_TERMINAL_PROMPT')!;
  if (prompt.layer !== 'default' && prompt.value !== '0' && prompt.value.toLowerCase() !== 'false') {
    add(ctx, 'env.git-terminal-prompt', 'info', 'env.git-terminal-prompt', { value: show(prompt.value) }, {
      variable: 'GIT_TERMINAL_PROMPT', evidence: evidenceOf(prompt), fixes: prompt.layer === 'editor' ? [makeFix([{ name: 'GIT_TERMINAL_PROMPT', value: undefined }], 'editor')] : [],
    });
  }

  const isAbs = (p: string) => p.startsWith('/') || (ctx.platform === 'win32' && /^[A-Za-z]:[\\/]|^\\\\/.test(p));
  for (const name of ['GOCACHE', 'GOMODCACHE', 'GOPATH', 'GOWORK'] as const) {
    const v = ctx.env.get(name)!;
    let raw = v.value;
    let layer: Layer = v.layer;
    if (name === 'GOCACHE' && v.notes.includes('gocache-relative')) {
      raw = v.shadowed[0]?.value ?? raw;
      layer = v.shadowed[0]?.layer ?? layer;
    }
    if (layer === 'default' || raw === '' || raw === 'off' || (name === 'GOWORK' && raw === 'auto')) continue;
    const entries = name === 'GOPATH' ? raw.split(ctx.platform === 'win32' ? ';' : ':').filter((e) => e !== '') : [raw];
    if (entries.every(isAbs)) continue;
    const fixes = layer === 'envfile' ? [makeFix([{ name, value: undefined }], 'envfile')] : layer === 'editor' ? [makeFix([{ name, value: undefined }], 'editor')] : [];
    add(ctx, 'env.path-relative', name === 'GOCACHE' ? 'warning' : 'error', 'env.path-relative', { name, value: show(raw), effect: t(`env.path-effect.${name}` as MessageKey) }, {
      variable: name, evidence: { layer, value: redactSecrets(raw) }, fixes,
    });
  }
}
