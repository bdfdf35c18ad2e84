import { z } from 'zod';
import { askNodeSchema } from './ask-node.schema';
import { conditionNodeSchema } from './condition-node.schema';
import { endNodeSchema } from './end-node.schema';
import { reachNodeSchema } from './reach-node.schema';
import { sendNodeSchema } from './send-node.schema';
import { triggerNodeSchema } from './trigger-node.schema';
import { updateNodeSchema } from './update-node.schema';
import { waitNodeSchema } from './wait-node.schema';
import { webhookNodeSchema } from './webhook-node.schema';

/** Any step of a flow: a React Flow node discriminated on `type`. */
export const flowNodeSchema = z.discriminatedUnion('type', [
  triggerNodeSchema,
  conditionNodeSchema,
  waitNodeSchema,
  sendNodeSchema,
  askNodeSchema,
  reachNodeSchema,
  updateNodeSchema,
  webhookNodeSchema,
  endNodeSchema,
]);
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type NodeType = FlowNode['type'];
export type FlowNodeOf<T extends NodeType> = Extract<FlowNode, { type: T }>;

/** The node types, in palette order. */
export const nodeTypes: readonly NodeType[] = [
  'trigger',
  'condition',
  'wait',
  'send',
  'ask',
  'reach',
  'update',
  'webhook',
  'end',
];
