import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  luminance,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

// Above this luminance black text reads better than white: where both give the same WCAG contrast ratio.
const blackTextAbove = 0.179;

/**
 * Text colours at WCAG AA contrast (4.5:1) for every variant a screen uses:
 * - a colour given with its shade ("green.6", the report's status colours) is painted as that exact shade,
 *   so its text is black or white, whichever contrasts more;
 * - text on tinted ("light") badges, alerts and buttons is the colour's darkest shade, darkened further.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const exactShade = typeof input.color === 'string' && input.color.includes('.');
  if ((exactShade && input.variant === 'light') || input.variant === 'filled') {
    const text = luminance(parsed.value) > blackTextAbove ? '#000000' : '#ffffff';
    return { ...colors, color: text, hoverColor: text };
  }
  if (input.variant !== 'light') return colors;
  const darkest = input.theme.colors[parsed.color]?.[9];
  if (!darkest) return colors;
  const text = darken(darkest, 0.35);
  return { ...colors, color: text, hoverColor: text };
};

/** The editor's look: Mantine's defaults with every text colour at WCAG AA contrast. */
export const theme = createTheme({
  // white on blue 6 is 3.5:1; blue 8 (#1971c2) is 4.9:1, for filled buttons and links alike
  primaryShade: 8,
  variantColorResolver,
});

/** "Dimmed" hints are read, not decoration: gray 7 on white (8:1) instead of gray 6 (3.3:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
