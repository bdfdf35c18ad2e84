import * as rules from './index';

describe('@clinicflow/rules', () => {
  it.each([
    'flowSchema',
    'flowNodeSchema',
    'evaluationContextSchema',
    'simulationRequestSchema',
    'validateFlow',
    'evaluate',
    'simulate',
    'renderPlainText',
    'starterFlows',
    'contextFieldCatalogue',
    'fieldsForEvents',
    'templateFieldsForEvents',
    'templateVariables',
    'RulesError',
    'RulesErrorCode',
    'SkipReasonCode',
    'quietHoursCalendar',
    'shiftMoment',
    'channelAllowed',
    'hasConsent',
    'CONSENT_PURPOSE_OF',
    'consentPurposeSchema',
  ])('should export %s', (name) => {
    expect(rules).toHaveProperty(name);
  });

  it('should parse a starter flow with the exported schema', () => {
    expect(rules.flowSchema.safeParse(rules.remindersFlow).success).toBe(true);
  });
});
