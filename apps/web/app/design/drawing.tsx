// A node drawn from its boxes (lib/draw.ts): absolutely positioned boxes scaled to the width given, text in its style,
// instance and variant labels on hover and for screen readers.
'use client';
import type { CompactContext, CompactNode } from '@cogo/figma-context';
import { boxesOf } from '../../lib/draw';

export function Drawing({ ctx, node, width }: { ctx: CompactContext; node: CompactNode; width: number }) {
  const boxes = boxesOf(ctx, node);
  const root = boxes[0]!;
  const scale = root.w > 0 ? Math.min(1, width / root.w) : 1;
  return (
    <div role="img" aria-label={`Drawing of ${node.n ?? node.id}`} data-testid="drawing" style={{ position: 'relative', width: root.w * scale, height: root.h * scale, overflow: 'hidden', border: '1px solid #d9dce3', background: '#fff' }}>
      {boxes.map((b) => (
        <div
          key={b.id}
          data-node-id={b.id}
          title={b.label ?? b.name ?? undefined}
          style={{
            position: 'absolute',
            left: b.x * scale,
            top: b.y * scale,
            width: b.w * scale,
            height: b.h * scale,
            background: b.fill ?? undefined,
            border: b.stroke ? `${Math.max(1, b.strokeWidth * scale)}px solid ${b.stroke}` : b.type === 'I' ? '1px dashed #8a63d2' : undefined,
            borderRadius: b.radius ? b.radius.replace(/(\d+(\.\d+)?)px/g, (_, v: string) => `${Number(v) * scale}px`) : undefined,
            opacity: b.opacity,
            color: b.color ?? undefined,
            fontFamily: b.font?.family ? `'${b.font.family}', system-ui, sans-serif` : undefined,
            fontSize: b.font ? b.font.size * scale : undefined,
            fontWeight: b.font?.weight,
            fontStyle: b.font?.italic ? 'italic' : undefined,
            lineHeight: b.font?.lineHeight ? `${b.font.lineHeight * scale}px` : undefined,
            textAlign: (b.font?.align?.toLowerCase() as 'left' | 'center' | 'right' | undefined) ?? undefined,
            overflow: 'hidden',
            whiteSpace: 'pre-wrap',
          }}
        >
          {b.text}
        </div>
      ))}
    </div>
  );
}
