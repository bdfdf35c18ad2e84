import { flowNodeSchema, nodeTypes } from '@clinicflow/rules';
import { createStep } from './createStep';

const at = { x: 0, y: 0 };

describe(createStep.name, () => {
  it.each(nodeTypes)('should make a %s step the flow language accepts', (type) => {
    expect(flowNodeSchema.safeParse(createStep(type, 'sut', at)).success).toBe(true);
  });

  it('should start "Reach the patient" with WhatsApp until read in 2 h, then SMS until delivered in 30 min', () => {
    expect(createStep('reach', 'reach-1', at)).toEqual({
      id: 'reach-1',
      type: 'reach',
      position: at,
      data: {
        purpose: 'reminder',
        rungs: [
          { channel: 'whatsapp', template: {}, until: 'read', within: { amount: 2, unit: 'hours' } },
          { channel: 'sms', template: {}, until: 'delivered', within: { amount: 30, unit: 'minutes' } },
        ],
      },
    });
  });
});
