import { describe, expect, it } from 'vitest';
import type { Element } from '../protocol';
import { escapeXml, exportJson, exportSvg } from './exportBoard';

const els: Element[] = [
  { id: 'r', type: 'rectangle', version: 1, createdBy: 'u', props: { x: 0, y: 0, width: 100, height: 50, fillColor: 'transparent', strokeWidth: 2 } },
  { id: 't', type: 'text', version: 2, createdBy: 'u', props: { x: 10, y: 60, text: 'a < b & c', fontSize: 20 } },
  { id: 'a', type: 'arrow', version: 3, createdBy: 'u', props: { x: 0, y: 0, points: [0, 0, 50, 50] } },
];

describe('export', () => {
  it('writes JSON with the protocol version and every element', () => {
    const parsed = JSON.parse(exportJson(els)) as { protocolVersion: number; elements: Element[] };
    expect(parsed.protocolVersion).toBe(1);
    expect(parsed.elements.map((e) => e.id)).toEqual(['r', 't', 'a']);
  });

  it('writes an SVG with one shape per element and escaped text', () => {
    const svg = exportSvg(els);
    expect(svg).toContain('<rect x="0" y="0" width="100" height="50" fill="none"');
    expect(svg).toContain('a &lt; b &amp; c');
    expect(svg).toContain('<polyline points="0,0 50,50"/>');
    expect(escapeXml(`"'`)).toBe('&quot;&apos;');
  });
});
