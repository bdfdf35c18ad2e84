import { PartlySentMessages } from './partly-sent';

describe(PartlySentMessages.name, () => {
  const partly = (fingerprint: string, acceptedIds: string[]) => ({ fingerprint, reference: 7, acceptedIds });

  it('resumes only the same message under the same key', () => {
    const memory = new PartlySentMessages();
    memory.remember('k', partly('a', ['m1']));
    expect(memory.resume('k', 'a')).toEqual(partly('a', ['m1']));
    expect(memory.resume('k', 'b')).toBeNull();
    expect(memory.resume('other', 'a')).toBeNull();
  });

  it('keeps nothing when no part was accepted, and forgets a message gone whole', () => {
    const memory = new PartlySentMessages();
    memory.remember('k', partly('a', ['m1']));
    memory.remember('k', partly('a', []));
    expect(memory.resume('k', 'a')).toBeNull();
    memory.remember('j', partly('a', ['m2']));
    memory.forget('j');
    expect(memory.resume('j', 'a')).toBeNull();
  });

  it('forgets the oldest beyond its capacity', () => {
    const memory = new PartlySentMessages(2);
    memory.remember('k1', partly('a', ['m1']));
    memory.remember('k2', partly('a', ['m2']));
    memory.remember('k3', partly('a', ['m3']));
    expect(memory.resume('k1', 'a')).toBeNull();
    expect(memory.resume('k2', 'a')?.acceptedIds).toEqual(['m2']);
    expect(memory.resume('k3', 'a')?.acceptedIds).toEqual(['m3']);
  });
});
