import fc from 'fast-check';
import { gsmCoder } from 'smpp';
import { GSM_BASIC_TABLE, GSM_EXTENSION_TABLE, isGsm7 } from './gsm-alphabet';
import { SMS_CORPUS } from './sms-corpus';
import { SMS_LIMITS, measureSms } from './sms-segments';

/** Reference length from an independent GSM 03.38 coder (the smpp package's): bytes before 7-bit packing. */
function referenceSize(text: string): { encoding: 'GSM-7' | 'UCS-2'; characters: number } {
  const bytes: Buffer = gsmCoder.encode(text, 0);
  const roundTrip: string = gsmCoder.decode(bytes, 0);
  if (roundTrip === text) return { encoding: 'GSM-7', characters: bytes.length };
  return { encoding: 'UCS-2', characters: Buffer.byteLength(text, 'utf16le') / 2 };
}

/** Segments per the standard's formula, for texts without characters straddling a boundary. */
function formulaSegments(encoding: 'GSM-7' | 'UCS-2', characters: number): number {
  const limits = SMS_LIMITS[encoding];
  if (characters === 0) return 0;
  return characters <= limits.single ? 1 : Math.ceil(characters / limits.concatenated);
}

describe('measureSms', () => {
  describe('the GSM 03.38 tables', () => {
    it('has 128 basic positions and 10 extension characters', () => {
      expect(GSM_BASIC_TABLE).toHaveLength(128);
      expect(Object.keys(GSM_EXTENSION_TABLE)).toHaveLength(10);
    });

    it.each(GSM_BASIC_TABLE.filter((c) => c !== '\u001b').map((c) => [JSON.stringify(c), c]))(
      'counts basic character %s as one septet',
      (_label, character) => {
        expect(measureSms(character)).toMatchObject({ encoding: 'GSM-7', characters: 1, segments: 1 });
      },
    );

    it.each(Object.keys(GSM_EXTENSION_TABLE).map((c) => [JSON.stringify(c), c]))(
      'counts extension character %s as two septets',
      (_label, character) => {
        expect(measureSms(character)).toMatchObject({ encoding: 'GSM-7', characters: 2, segments: 1 });
      },
    );
  });

  it.each([
    { title: 'ç is not GSM-7', text: 'ç', encoding: 'UCS-2' },
    { title: 'Ç is GSM-7', text: 'Ç', encoding: 'GSM-7' },
    { title: 'ñ ¿ ¡ are GSM-7', text: 'ñ¿¡', encoding: 'GSM-7' },
    { title: 'æ ø å Æ Ø Å are GSM-7', text: 'æøåÆØÅ', encoding: 'GSM-7' },
    { title: 'á is not GSM-7', text: 'á', encoding: 'UCS-2' },
    { title: 'the typographic apostrophe is not GSM-7', text: '’', encoding: 'UCS-2' },
    { title: 'a no-break space is not GSM-7', text: '\u00a0', encoding: 'UCS-2' },
  ])('$title', ({ text, encoding }) => {
    expect(measureSms(text).encoding).toBe(encoding);
    expect(isGsm7(text)).toBe(encoding === 'GSM-7');
  });

  it.each([
    { title: 'empty text', text: '', encoding: 'GSM-7', characters: 0, segments: 0 },
    {
      title: '160 GSM-7 characters fit one SMS',
      text: 'a'.repeat(160),
      encoding: 'GSM-7',
      characters: 160,
      segments: 1,
    },
    {
      title: '161 GSM-7 characters take two',
      text: 'a'.repeat(161),
      encoding: 'GSM-7',
      characters: 161,
      segments: 2,
    },
    {
      title: '306 GSM-7 characters take two',
      text: 'a'.repeat(306),
      encoding: 'GSM-7',
      characters: 306,
      segments: 2,
    },
    {
      title: '307 GSM-7 characters take three',
      text: 'a'.repeat(307),
      encoding: 'GSM-7',
      characters: 307,
      segments: 3,
    },
    {
      title: '80 euro signs are 160 septets',
      text: '€'.repeat(80),
      encoding: 'GSM-7',
      characters: 160,
      segments: 1,
    },
    {
      title: '159 + one € is 161 septets',
      text: 'a'.repeat(159) + '€',
      encoding: 'GSM-7',
      characters: 161,
      segments: 2,
    },
    {
      title: '70 UCS-2 characters fit one SMS',
      text: 'ç'.repeat(70),
      encoding: 'UCS-2',
      characters: 70,
      segments: 1,
    },
    {
      title: '71 UCS-2 characters take two',
      text: 'ç'.repeat(71),
      encoding: 'UCS-2',
      characters: 71,
      segments: 2,
    },
    {
      title: '134 UCS-2 characters take two',
      text: 'ç'.repeat(134),
      encoding: 'UCS-2',
      characters: 134,
      segments: 2,
    },
    {
      title: '135 UCS-2 characters take three',
      text: 'ç'.repeat(135),
      encoding: 'UCS-2',
      characters: 135,
      segments: 3,
    },
    { title: 'an emoji is two code units', text: '😀', encoding: 'UCS-2', characters: 2, segments: 1 },
    { title: '35 emoji fit one SMS', text: '😀'.repeat(35), encoding: 'UCS-2', characters: 70, segments: 1 },
  ])('$title', ({ text, encoding, characters, segments }) => {
    expect(measureSms(text)).toMatchObject({ encoding, characters, segments, credits: segments });
  });

  it('never splits an extension character across segments', () => {
    // 152 septets then "€": the escape and its code would straddle the 153 boundary, so "€" moves on.
    const size = measureSms('a'.repeat(152) + '€' + 'b'.repeat(10));
    expect(size.parts[0]).toBe('a'.repeat(152));
    expect(size.parts[1]).toBe('€' + 'b'.repeat(10));
    expect(size.segments).toBe(2);
  });

  it('never splits a surrogate pair across segments', () => {
    const size = measureSms('ç'.repeat(66) + '😀' + 'ç'.repeat(10));
    expect(size.parts[0]).toBe('ç'.repeat(66));
    expect(size.parts[1].startsWith('😀')).toBe(true);
  });

  describe('the corpus', () => {
    it('has at least 50 messages in fr, es, nb, it, de and en', () => {
      expect(SMS_CORPUS.length).toBeGreaterThanOrEqual(50);
      expect(new Set(SMS_CORPUS.map((m) => m.language))).toEqual(
        new Set(['fr', 'es', 'nb', 'it', 'de', 'en']),
      );
      expect(SMS_CORPUS.some((m) => m.encoding === 'GSM-7' && /[€[\]{}~|^\\]/.test(m.text))).toBe(true);
      expect(SMS_CORPUS.some((m) => /\p{Extended_Pictographic}/u.test(m.text))).toBe(true);
    });

    it.each(SMS_CORPUS.map((m) => [m.language, m.text.slice(0, 40), m]))('%s: %s…', (_l, _t, message) => {
      const size = measureSms(message.text);
      const reference = referenceSize(message.text);
      expect(size.encoding).toBe(message.encoding);
      expect(size.encoding).toBe(reference.encoding);
      expect(size.characters).toBe(reference.characters);
      expect(size.parts.join('')).toBe(message.text);
      const boundaries = size.parts.length > 1 ? size.segments : 0;
      expect(size.segments).toBeGreaterThanOrEqual(formulaSegments(size.encoding, size.characters));
      expect(size.segments).toBeLessThanOrEqual(formulaSegments(size.encoding, size.characters) + boundaries);
    });
  });

  it('cuts any text into parts that rejoin and fit their limits', () => {
    const alphabet = [...GSM_BASIC_TABLE.slice(32), ...Object.keys(GSM_EXTENSION_TABLE), 'ç', '😀', 'ê'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 500 }), (characters) => {
        const text = characters.join('');
        const size = measureSms(text);
        const limit =
          size.segments > 1 ? SMS_LIMITS[size.encoding].concatenated : SMS_LIMITS[size.encoding].single;
        expect(size.parts.join('')).toBe(text);
        for (const part of size.parts) {
          const partSize = measureSms(part);
          expect(partSize.characters).toBeLessThanOrEqual(limit);
          expect(/^[\udc00-\udfff]/.test(part)).toBe(false);
        }
      }),
    );
  });
});
