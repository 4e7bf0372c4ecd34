// The go.sum hash of a go.mod file: dirhash Hash1 over the single file "go.mod".
import { createHash } from 'node:crypto';

export function h1OfGoMod(content: Buffer | string): string {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const summary = `${createHash('sha256').update(data).digest('hex')}  go.mod\n`;
  return 'h1:' + createHash('sha256').update(summary, 'utf8').digest('base64');
}
