import { remindersFlow, type Flow } from '@clinicflow/rules';
import type { FlowSummary, FlowView } from '../api/flowsApi';

/** A saved flow as `GET /api/flows/:id` answers it (test fixture). */
export function flowView(overrides: Partial<FlowView> = {}, draft: Flow = remindersFlow): FlowView {
  return {
    id: 'f1',
    draft: JSON.parse(JSON.stringify(draft)) as Flow,
    revision: 3,
    problems: [],
    valid: true,
    enabled: false,
    latestVersion: null,
    starterKey: null,
    createdAt: '2026-03-20T10:00:00.000Z',
    createdBy: 'manager@demo.clinicflow.test',
    updatedAt: '2026-03-21T10:00:00.000Z',
    updatedBy: 'manager@demo.clinicflow.test',
    ...overrides,
  };
}

/** A flow of the list (test fixture). */
export function flowSummary(overrides: Partial<FlowSummary> = {}): FlowSummary {
  return {
    id: 'f1',
    name: 'Reminders',
    description: null,
    revision: 3,
    valid: true,
    problemCount: 0,
    enabled: false,
    latestVersion: null,
    starterKey: null,
    createdAt: '2026-03-20T10:00:00.000Z',
    createdBy: 'manager@demo.clinicflow.test',
    updatedAt: '2026-03-21T10:00:00.000Z',
    updatedBy: 'manager@demo.clinicflow.test',
    ...overrides,
  };
}

/** A diff with nothing in it, or with one changed step. */
export const emptyDiff = {
  from: 1,
  to: 'draft',
  nodes: { added: [], removed: [], changed: [] },
  edges: { added: [], removed: [], changed: [] },
  flow: [],
};
