import { LANGUAGE_CONVENTIONS, type Language } from '@clinicflow/channels/browser';
import { Button, Group, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../../i18n/useMessages';

/** The browser's speech engine, when it has one (Chromium and Firefox do; jsdom and some kiosks do not). */
function speechEngine(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined;
}

/**
 * Reads a voice message's script aloud with the browser's own voice in the message's language, so a manager
 * hears how the call will sound (the provider's voice differs, the words and their order do not).
 */
export function ListenToScript({ text, language }: { text: string | undefined; language: string }) {
  const t = useMessages();
  const engine = speechEngine();
  const [speaking, setSpeaking] = useState(false);
  const current = useRef<SpeechSynthesisUtterance | null>(null);
  const tag = LANGUAGE_CONVENTIONS[language as Language]?.speech ?? language;
  // Chromium lists its voices a moment after the page loads.
  const [, setVoicesSeen] = useState(0);
  useEffect(() => {
    const seen = () => setVoicesSeen((n) => n + 1);
    engine?.addEventListener('voiceschanged', seen);
    return () => engine?.removeEventListener('voiceschanged', seen);
  }, [engine]);

  // Leaving the template (or changing its text) stops a reading in progress.
  useEffect(
    () => () => {
      if (current.current) engine?.cancel();
    },
    [engine, text],
  );

  if (!engine) {
    return (
      <Text size="sm" c="dimmed">
        {t.templateListenUnavailable}
      </Text>
    );
  }
  const voices = engine.getVoices();
  const hasVoice = voices.some((voice) => voice.lang.toLowerCase().startsWith(tag.slice(0, 2)));
  const listen = () => {
    engine.cancel();
    if (speaking || !text) {
      current.current = null;
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = tag;
    utterance.onend = utterance.onerror = () => {
      if (current.current === utterance) setSpeaking(false);
    };
    current.current = utterance;
    engine.speak(utterance);
    setSpeaking(true);
  };
  return (
    <Group gap="sm">
      <Button variant="light" size="xs" onClick={listen} disabled={!text} aria-pressed={speaking}>
        {speaking ? t.templateListenStop : t.templateListen}
      </Button>
      {voices.length > 0 && !hasVoice && (
        <Text size="sm" c="dimmed">
          {t.templateListenNoVoice}
        </Text>
      )}
    </Group>
  );
}
