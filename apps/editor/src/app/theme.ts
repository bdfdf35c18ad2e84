import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Text on tinted ("light") badges, alerts and buttons: the colour's darkest shade, darkened further, so that
 * green, teal, yellow and orange labels keep the 4.5:1 contrast of WCAG AA on their pale backgrounds.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const darkest = parsed.isThemeColor ? input.theme.colors[parsed.color]?.[9] : undefined;
  if (!darkest) return colors;
  const text = darken(darkest, 0.35);
  return { ...colors, color: text, hoverColor: text };
};

/** The editor's look: Mantine's defaults with every text colour at WCAG AA contrast. */
export const theme = createTheme({
  // white on blue 6 is 3.5:1; blue 8 (#1971c2) is 4.9:1, for filled buttons and links alike
  primaryShade: 8,
  // filled badges and buttons in pale colours (yellow, lime, gray) get dark text instead of white
  autoContrast: true,
  variantColorResolver,
});

/** "Dimmed" hints are read, not decoration: gray 7 on white (8:1) instead of gray 6 (3.3:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
