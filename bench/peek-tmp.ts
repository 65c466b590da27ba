import { readFileSync } from 'node:fs';
import { compact, toText } from '@cogo/figma-context';
const f = process.argv[2]!;
const raw = JSON.parse(readFileSync(f,'utf8'));
const t = toText(compact(raw));
console.log(t.length);
const lines = t.split('\n');
const byType = new Map<string, number>();
for (const l of lines) { const m = /^\s*(\S+)/.exec(l); const k = m ? m[1]!.slice(0,3) : ''; byType.set(k, (byType.get(k) ?? 0) + l.length + 1); }
console.log([...byType].sort((a,b)=>b[1]-a[1]).slice(0,15));
console.log(lines.slice(0, 60).join('\n'));
