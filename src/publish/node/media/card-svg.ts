/** The share card's drawing as SVG: gradient, headline lines and the paper's name, laid out right to left. */
import { SHARE_CARD } from '../../../media/types.ts';
import { CARD_FONT_FAMILY } from './fonts.ts';

export const CARD_WIDTH = SHARE_CARD.width;
export const CARD_HEIGHT = SHARE_CARD.height;
/** Space kept clear on every side. */
export const CARD_MARGIN = 64;

/** What one card shows, already wrapped. */
export interface CardLayout {
  lines: string[];
  fontSize: number;
  siteName: string;
  /** Over a photo: a transparent drawing with a dark gradient for legibility; otherwise the branded background. */
  overPhoto: boolean;
}

const ACCENT = '#9b1c1c';
const ACCENT_LIGHT = '#ff8a80';

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

/** Headline line height as a multiple of the font size: Naskh has tall ascenders and deep descenders. */
const LINE_HEIGHT = 1.5;

/**
 * Right-to-left text anchored at the right margin. resvg ignores `direction` for the bidi paragraph level, so
 * the text is wrapped in RIGHT-TO-LEFT EMBEDDING … POP DIRECTIONAL FORMATTING: Latin words, digits and quotes
 * then fall in Arabic reading order.
 */
function rtlText(text: string, y: number, size: number, weight: number, fill: string): string {
  return (
    `<text x="${CARD_WIDTH - CARD_MARGIN}" y="${y}" direction="rtl" text-anchor="end" ` +
    `font-family="${CARD_FONT_FAMILY}" font-size="${size}" font-weight="${weight}" fill="${fill}">` +
    `\u202B${escapeXml(text)}\u202C</text>`
  );
}

/** The card as an SVG document, CARD_WIDTH × CARD_HEIGHT. */
export function cardSvg({ lines, fontSize, siteName, overPhoto }: CardLayout): string {
  const nameSize = 34;
  const nameBaseline = CARD_HEIGHT - 58;
  // Without the name below it, the branded card's headline sits a little lower.
  const step = Math.round(fontSize * LINE_HEIGHT);
  // Lines stack upwards from just above the paper's name.
  const lastBaseline = overPhoto ? nameBaseline - nameSize - 40 : nameBaseline - 10;
  const headline = lines.map((line, i) =>
    rtlText(line, lastBaseline - (lines.length - 1 - i) * step, fontSize, 700, '#ffffff'),
  );
  const background = overPhoto
    ? `<linearGradient id="shade" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="#000" stop-opacity="0.05"/><stop offset="0.35" stop-color="#000" stop-opacity="0.25"/>` +
      `<stop offset="1" stop-color="#000" stop-opacity="0.88"/></linearGradient>`
    : `<linearGradient id="shade" x1="0" y1="0" x2="1" y2="1">` +
      `<stop offset="0" stop-color="#121212"/><stop offset="1" stop-color="#3a1010"/></linearGradient>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<defs>${background}</defs>`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="url(#shade)"/>`,
    ...headline,
    // Over a photo the paper's name sits under the headline; on the branded card it heads the card, large.
    overPhoto
      ? rtlText(siteName, nameBaseline, nameSize, 400, '#f0f0f0')
      : rtlText(siteName, CARD_MARGIN + 56, 56, 700, ACCENT_LIGHT),
    `<rect x="0" y="${CARD_HEIGHT - 12}" width="${CARD_WIDTH}" height="12" fill="${ACCENT}"/>`,
    '</svg>',
  ].join('');
}
