import { kubernetesGoMod, writeKubernetesWorkspace } from '../lib/corpus';
import { ProxyChild } from '../lib/proxy';
import { goSandbox, removeTree, tempDir } from '../lib/sandbox';
import { dirname } from 'node:path';
import { diagnoseModules, ModuleSourceClient, type SourceAnswer } from '../../src/core/diagnose/modules';
import { loadEffectiveEnv } from '../../src/core/goenv/load';
async function main() {
  const k = kubernetesGoMod();
  const proxy = await ProxyChild.start({ modules: k.network, delayMs: 50 });
  const ws = tempDir('k8s');
  const file = writeKubernetesWorkspace(ws, k);
  for (const conc of [8, 16, 32, 64]) {
    const sb = goSandbox('ours', proxy.url);
    await proxy.reset();
    const started = performance.now();
    let last = 0;
    const client = new ModuleSourceClient({ env: sb.env, concurrency: conc });
    const info = client.info.bind(client);
    client.info = (p: string, m: string, v: string): Promise<SourceAnswer> => info(p, m, v).then((a) => { last = Math.max(last, performance.now()); return a; });
    const { env: resolved } = await loadEffectiveEnv({ env: sb.env, cwd: dirname(file) });
    const r = await diagnoseModules({ file, kind: 'go.mod', text: k.text }, { env: resolved.values, resolved, client, mirrors: [] });
    const done = performance.now() - started;
    const st = await proxy.stats();
    console.log(conc, Math.round(last - started), Math.round(done), st.requests, st.connections, r.findings.length);
    client.close(); sb.remove();
  }
  await proxy.stop(); removeTree(ws);
}
void main();
