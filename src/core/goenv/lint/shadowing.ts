// Shadowing rules: an env-file value the OS or editor environment overrides, and an editor value over the OS one.
import { t } from '../../i18n';
import { redactSecrets } from '../../report/redact';
import { add, evidenceOf, makeFix, show, type Ctx } from './context';

export function shadowRules(ctx: Ctx): void {
  for (const v of ctx.env.vars) {
    const file = v.shadowed.find((s) => s.layer === 'envfile');
    if (file && (v.layer === 'process' || v.layer === 'editor') && file.value !== v.value) {
      const remove = makeFix([{ name: v.name, value: undefined }], 'envfile');
      // Process wins: make the go env -w value win for VS Code's tools, or drop it. Editor wins: drop the editor value.
      const fixes = v.layer === 'process' ? [makeFix([{ name: v.name, value: file.value }], 'editor'), remove] : [makeFix([{ name: v.name, value: undefined }], 'editor'), remove];
      let message = t('env.shadowed-envfile', { name: v.name, value: show(file.value), winnerLayer: v.layer, winner: show(v.value) });
      if (v.layer === 'process') message += t('env.shadowed-envfile-os-hint', { name: v.name });
      ctx.out.push({
        code: 'env.shadowed-envfile',
        severity: 'warning',
        message,
        variable: v.name,
        evidence: { ...evidenceOf(v), envfileValue: redactSecrets(file.value), envFile: ctx.env.envFile.path },
        fixes: fixes.filter((x) => redactSecrets(x.id) === x.id),
      });
    }
    const proc = v.shadowed.find((s) => s.layer === 'process' && !s.name);
    if (v.layer === 'editor' && proc && proc.value !== v.value && !file) {
      add(ctx, 'env.shadowed-by-editor', 'info', 'env.shadowed-by-editor', { name: v.name, value: show(proc.value), winner: show(v.value) }, { variable: v.name, evidence: evidenceOf(v) });
    }
  }
}
