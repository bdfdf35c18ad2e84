import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test/render-with-providers';
import { ListenToScript } from './ListenToScript';

/** What the page gave the browser's speech engine: a stand-in, since jsdom has none (Chromium has one). */
interface SpokenUtterance {
  text: string;
  lang: string;
  onend: (() => void) | null;
}

function installSpeechEngine(voices: { lang: string }[]) {
  const spoken: SpokenUtterance[] = [];
  const engine = {
    speak: jest.fn((u: SpokenUtterance) => spoken.push(u)),
    cancel: jest.fn(),
    getVoices: () => voices,
    addEventListener: jest.fn(),
    removeEventListener: jest.fn(),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: class {
      lang = '';
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly text: string) {}
    },
    configurable: true,
  });
  return { engine, spoken };
}

afterEach(() => {
  Reflect.deleteProperty(window, 'speechSynthesis');
  Reflect.deleteProperty(window, 'SpeechSynthesisUtterance');
});

describe('ListenToScript', () => {
  it('reads the rendered script aloud in the message language, and stops on a second click', async () => {
    const user = userEvent.setup();
    const { engine, spoken } = installSpeechEngine([{ lang: 'fr-FR' }, { lang: 'en-GB' }]);
    renderWithProviders(
      <ListenToScript text="Bonjour Léa, votre rendez-vous est demain à 9 h 30." language="fr" />,
    );
    await user.click(screen.getByRole('button', { name: 'Listen' }));
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatchObject({
      text: 'Bonjour Léa, votre rendez-vous est demain à 9 h 30.',
      lang: 'fr-FR',
    });
    const stop = screen.getByRole('button', { name: 'Stop' });
    expect(stop).toHaveAttribute('aria-pressed', 'true');
    await user.click(stop);
    expect(engine.cancel).toHaveBeenCalled();
    expect(spoken).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Listen' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('comes back to "Listen" when the reading ends', async () => {
    const user = userEvent.setup();
    const { spoken } = installSpeechEngine([{ lang: 'es-ES' }]);
    renderWithProviders(<ListenToScript text="Hola Ana." language="es" />);
    await user.click(screen.getByRole('button', { name: 'Listen' }));
    expect(spoken[0].lang).toBe('es-ES');
    act(() => spoken[0].onend?.());
    expect(screen.getByRole('button', { name: 'Listen' })).toBeInTheDocument();
  });

  it('says when this computer has no voice in the language, and when the browser cannot speak at all', () => {
    installSpeechEngine([{ lang: 'en-US' }]);
    const { unmount } = renderWithProviders(<ListenToScript text="Hei Kari." language="nb" />);
    expect(screen.getByText(/no Norwegian|no voice in this language/i)).toBeInTheDocument();
    unmount();
    Reflect.deleteProperty(window, 'speechSynthesis');
    renderWithProviders(<ListenToScript text="Hei Kari." language="nb" />);
    expect(screen.queryByRole('button', { name: 'Listen' })).not.toBeInTheDocument();
    expect(screen.getByText(/cannot read it aloud/)).toBeInTheDocument();
  });
});
