// Timed child processes: wall time from spawn to exit, killed (whole process group) at a cap and then reported
// as "at least the cap". Arguments are always an array; no shell.
import { spawn } from 'node:child_process';

export interface TimedRun {
  ms: number;
  /** Killed at the cap without finishing. */
  capped: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runTimed(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; capMs: number }): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let capped = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout = (stdout + d).slice(-2_000_000)));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-200_000)));
    const kill = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      capped = true;
      kill();
    }, opts.capMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      // Anything the program left running in its group goes too.
      if (!capped) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // group already empty
        }
      }
      // Output may still be in the pipes: give them a moment to drain. The wait is a ref'd timer on purpose:
      // the pipes alone do not keep this process alive after the child has exited.
      let drained: NodeJS.Timeout | undefined;
      const finish = () => {
        if (drained) clearTimeout(drained);
        resolve({ ms: capped ? opts.capMs : ms, capped, code, stdout, stderr });
      };
      if (child.stdout.readableEnded && child.stderr.readableEnded) finish();
      else {
        let pending = 2;
        const one = () => --pending === 0 && finish();
        child.stdout.once('end', one);
        child.stderr.once('end', one);
        drained = setTimeout(finish, 1000);
      }
    });
  });
}
