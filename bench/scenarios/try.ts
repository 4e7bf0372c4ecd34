import { defaultContext } from '../lib/context';
import { localLatencyScenario } from './localLatency';
import { stalledProxyScenario } from './stalledProxy';
import { unreachableModuleScenario } from './unreachableModule';
import { buildReport, renderTable } from '../lib/table';
async function main() {
  const ctx = defaultContext(false);
  const which = process.argv[2];
  const rows = which === '1' ? await stalledProxyScenario(ctx) : which === '3' ? await unreachableModuleScenario(ctx) : await localLatencyScenario(ctx);
  console.log(renderTable(buildReport(rows, new Date(), 0, {}).rows));
}
void main();
