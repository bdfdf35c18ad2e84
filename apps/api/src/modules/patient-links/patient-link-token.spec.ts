import { linkKeyOf, openLink, PAGE_TOKEN, pageTokenOf, signLink } from './patient-link-token';

const key = linkKeyOf('k'.repeat(64));
const previous = linkKeyOf('p'.repeat(64));
const id = `dlv_${'0123456789abcdef'.repeat(2)}`;

describe('patient link tokens', () => {
  it('should open a token of its kind signed with one of the keys, old keys included', () => {
    expect(openLink([key], 'open', signLink(key, 'open', id))).toBe(id);
    expect(openLink([key, previous], 'unsubscribe', signLink(previous, 'unsubscribe', id))).toBe(id);
  });

  it('should refuse another kind, another key, a changed delivery or signature, and anything malformed', () => {
    const token = signLink(key, 'open', id);
    expect(openLink([key], 'unsubscribe', token)).toBeNull();
    expect(openLink([previous], 'open', token)).toBeNull();
    expect(openLink([key], 'open', `f${token.slice(1)}`)).toBeNull();
    expect(openLink([key], 'open', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    for (const bad of ['', 'x', `${token}.`, token.toUpperCase(), `${id}.${token.split('.')[1]}`])
      expect(openLink([key], 'open', bad)).toBeNull();
  });

  it('should refuse every other spelling of the signature, though it decodes to the same bytes', () => {
    // 16 bytes take 22 base64url characters; the last one's 4 low bits are padding, so 16 spellings decode alike.
    const token = signLink(key, 'open', id);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.slice(-1));
    const twins = [...alphabet].filter((c, i) => i >> 4 === last >> 4 && c !== token.slice(-1));
    expect(twins).toHaveLength(15);
    for (const twin of twins) expect(openLink([key], 'open', `${token.slice(0, -1)}${twin}`)).toBeNull();
  });

  it('should carry nothing but the delivery id and a signature', () => {
    expect(signLink(key, 'open', id)).toMatch(/^[0-9a-f]{32}\.[A-Za-z0-9_-]{22}$/);
    expect(() => signLink(key, 'open', 'pat_123')).toThrow(/dlv_/);
  });

  it("should give a message's short link 16 letters and digits, the same each time, unguessable without the key", () => {
    const token = pageTokenOf(key, 'confirm', id);
    expect(token).toMatch(PAGE_TOKEN);
    expect(pageTokenOf(key, 'confirm', id)).toBe(token);
    const others = [
      pageTokenOf(key, 'cancel', id),
      pageTokenOf(key, 'confirm', `dlv_${'f'.repeat(32)}`),
      pageTokenOf(previous, 'confirm', id),
    ];
    expect(new Set([token, ...others]).size).toBe(4);
    expect(() => pageTokenOf(key, 'confirm', 'apt_1')).toThrow(/dlv_/);
  });
});
