import { searchTextSchema } from './search-text';

describe('searchTextSchema', () => {
  it.each(['Léa Dupont', '0612345678', '', "O'Brien-Müller", '  lea  '])('should accept %p', (text) => {
    expect(searchTextSchema.parse(text)).toBe(text.trim());
  });

  it.each(['a\u0000b', 'a\nb', 'tab\there', 'bell\u0007', 'del\u007f', 'c1\u0085'])(
    'should refuse %p',
    (text) => {
      const result = searchTextSchema.safeParse(text);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('must not contain control characters');
    },
  );

  it('should refuse more than 200 characters', () => {
    expect(searchTextSchema.safeParse('x'.repeat(201)).success).toBe(false);
  });
});
