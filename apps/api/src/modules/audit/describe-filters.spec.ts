import { describeFilters } from './audit.service';

describe(describeFilters.name, () => {
  it('should keep the filters’ values, but only the name of a search that may be a patient’s name', () => {
    expect(
      describeFilters({
        q: 'Quillembois',
        status: ['failed', 'expired'],
        channel: 'sms',
        createdFrom: '2026-03-01',
        flowId: undefined,
        sentBy: '',
      }),
    ).toEqual(['q', 'status=failed|expired', 'channel=sms', 'createdFrom=2026-03-01']);
  });
});
