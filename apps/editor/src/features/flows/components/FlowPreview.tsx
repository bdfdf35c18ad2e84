import type { Flow } from '@clinicflow/rules';
import { useEffect, useState } from 'react';
import { defaultStepSize, layoutFlowDiagram } from '../utils/layoutFlowDiagram';

type Positions = Record<string, { x: number; y: number }>;

const fill: Record<string, string> = {
  trigger: '#1c7ed6',
  condition: '#f59f00',
  wait: '#868e96',
  send: '#2f9e44',
  ask: '#7048e8',
  end: '#495057',
};

/**
 * A small read-only picture of a flow's shape (laid out like the canvas lays it out): a box per step
 * coloured by its type, a line per connection. Cheaper than a React Flow instance per gallery card.
 */
export function FlowPreview({ flow, label }: { flow: Flow; label: string }) {
  const [positions, setPositions] = useState<Positions | null>(null);
  useEffect(() => {
    let live = true;
    layoutFlowDiagram(flow.nodes, flow.edges).then(
      (laidOut) => live && setPositions(laidOut),
      () => live && setPositions({}),
    );
    return () => {
      live = false;
    };
  }, [flow]);
  const at = (id: string) => positions?.[id] ?? flow.nodes.find((node) => node.id === id)?.position;
  const { width, height } = defaultStepSize;
  const points = flow.nodes.map((node) => at(node.id) ?? { x: 0, y: 0 });
  const minX = Math.min(...points.map((p) => p.x), 0) - 20;
  const minY = Math.min(...points.map((p) => p.y), 0) - 20;
  const maxX = Math.max(...points.map((p) => p.x + width), width) + 20;
  const maxY = Math.max(...points.map((p) => p.y + height), height) + 20;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`${minX} ${minY} ${maxX - minX} ${maxY - minY}`}
      width="100%"
      height={120}
      preserveAspectRatio="xMidYMid meet"
      style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 4 }}
    >
      {flow.edges.map((edge) => {
        const from = at(edge.source);
        const to = at(edge.target);
        if (!from || !to) return null;
        return (
          <line
            key={edge.id}
            x1={from.x + width / 2}
            y1={from.y + height}
            x2={to.x + width / 2}
            y2={to.y}
            stroke="#adb5bd"
            strokeWidth={8}
          />
        );
      })}
      {flow.nodes.map((node, i) => (
        <rect
          key={node.id}
          x={points[i].x}
          y={points[i].y}
          width={width}
          height={height}
          rx={16}
          fill={fill[node.type] ?? '#868e96'}
        />
      ))}
    </svg>
  );
}
