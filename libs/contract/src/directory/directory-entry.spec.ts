import { directoryPageSchema } from './directory-entry';

describe('directoryPageSchema', () => {
  it('should keep the id and the name of each entry', () => {
    const page = {
      items: [{ id: 'res_1', name: 'Dr Martin', kind: 'practitioner' }],
      total: 1,
      page: 1,
      pageSize: 100,
    };
    expect(directoryPageSchema.parse(page).items).toEqual([{ id: 'res_1', name: 'Dr Martin' }]);
  });
});
