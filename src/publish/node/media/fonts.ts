/** The font files the share card is drawn with: Noto Naskh Arabic, as shipped in its npm package. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const font = (file: string) => require.resolve(`@expo-google-fonts/noto-naskh-arabic/${file}`);

/** Family name inside the TTF files. */
export const CARD_FONT_FAMILY = 'Noto Naskh Arabic';

/** Regular (400) and Bold (700) TTF paths. */
export const CARD_FONT_FILES = [
  font('400Regular/NotoNaskhArabic_400Regular.ttf'),
  font('700Bold/NotoNaskhArabic_700Bold.ttf'),
];
