import { createLanguageStore } from './createLanguageStore';
import { en } from './en';
import { fr } from './fr';
import type { Language, Messages } from './messages';

describe(createLanguageStore.name, () => {
  let load: jest.Mock<Promise<Messages>, [Language]>;

  beforeEach(() => {
    localStorage.clear();
    load = jest.fn();
  });

  it('should download the language before showing it', async () => {
    const sut = createLanguageStore(load);
    load.mockResolvedValue(fr);

    await sut.start('fr');

    expect(load).toHaveBeenCalledWith('fr');
    expect(sut.shown()).toBe('fr');
    expect(sut.messagesOf('fr').navFlows).toBe(fr.navFlows);
    expect(document.documentElement.lang).toBe('fr');
  });

  it('should download the other language once, then show it, tell the screens and remember it', async () => {
    const sut = createLanguageStore(load);
    sut.provide('en', en);
    load.mockResolvedValue(fr);
    const listener = jest.fn();
    sut.subscribe(listener);

    await sut.choose('fr');
    await sut.choose('en');
    await sut.choose('fr');

    expect(load).toHaveBeenCalledTimes(1);
    expect(sut.shown()).toBe('fr');
    expect(listener).toHaveBeenCalledTimes(3);
    expect(localStorage.getItem('clinicflow.language')).toBe('fr');
  });

  it('should stay in the shown language when the other one fails to download, and try again next time', async () => {
    const sut = createLanguageStore(load);
    sut.provide('en', en);
    load
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValue(fr);

    await expect(sut.choose('fr')).rejects.toThrow('Failed to fetch');
    expect(sut.shown()).toBe('en');
    expect(localStorage.getItem('clinicflow.language')).toBeNull();

    await sut.choose('fr');
    expect(sut.shown()).toBe('fr');
  });

  it('should show the last pick when the user picks again while a language downloads', async () => {
    const sut = createLanguageStore(load);
    sut.provide('en', en);
    let arrive!: (messages: Messages) => void;
    load.mockReturnValue(new Promise((resolve) => (arrive = resolve)));

    const slow = sut.choose('fr');
    await sut.choose('en');
    arrive(fr);
    await slow;

    expect(sut.shown()).toBe('en');
    expect(localStorage.getItem('clinicflow.language')).toBe('en');
  });

  it('should say so when a screen asks for strings not downloaded yet', () => {
    const sut = createLanguageStore(load);

    expect(() => sut.messagesOf('en')).toThrow(/not loaded: await startLanguage\(\)/);
  });
});
