/**
 * Share links without JavaScript: plain links to each network's share URL with the article's canonical URL and
 * headline, percent-encoded; an inline icon each, named for screen readers in Arabic.
 */

/** A network's share link: what a screen reader says, where it goes, and the icon's path (24×24). */
export interface ShareLink {
  id: 'whatsapp' | 'telegram' | 'x' | 'facebook' | 'email';
  label: string;
  href: string;
  icon: string;
}

const e = encodeURIComponent;

/** The share links of an article, in the order they are shown. */
export function shareLinks(title: string, url: string): ShareLink[] {
  return [
    { id: 'whatsapp', label: 'شارك عبر واتساب', href: `https://wa.me/?text=${e(`${title} ${url}`)}`, icon: WHATSAPP },
    {
      id: 'telegram',
      label: 'شارك عبر تيليغرام',
      href: `https://t.me/share/url?url=${e(url)}&text=${e(title)}`,
      icon: TELEGRAM,
    },
    { id: 'x', label: 'شارك عبر إكس', href: `https://x.com/intent/post?url=${e(url)}&text=${e(title)}`, icon: X },
    {
      id: 'facebook',
      label: 'شارك عبر فيسبوك',
      href: `https://www.facebook.com/sharer/sharer.php?u=${e(url)}`,
      icon: FACEBOOK,
    },
    {
      id: 'email',
      label: 'أرسل بالبريد الإلكتروني',
      href: `mailto:?subject=${e(title)}&body=${e(`${title}\n${url}`)}`,
      icon: EMAIL,
    },
  ];
}

/** The links as a row of round icons; each opens in a new tab (the mail link in the mail program). */
export function ShareLinks({ title, url }: { title: string; url: string }) {
  return (
    <ul class="share" aria-label="شارك المقال">
      {shareLinks(title, url).map((link) => (
        <li>
          <a
            href={link.href}
            class={`s-${link.id}`}
            target={link.id === 'email' ? undefined : '_blank'}
            rel={link.id === 'email' ? undefined : 'noopener'}
          >
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <path fill-rule="evenodd" d={link.icon} />
            </svg>
            <span class="vh">{link.label}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

// Simplified marks of each network, drawn in currentColor (fill, even-odd).
const WHATSAPP =
  'M12 2a10 10 0 0 0-8.6 15.1L2 22l5-1.3A10 10 0 1 0 12 2zm0 18.2a8.2 8.2 0 0 1-4.2-1.2l-.3-.2-3 .8.8-2.9-.2-.3A8.2 8.2 0 1 1 12 20.2zm4.5-6.1c-.2-.1-1.5-.7-1.7-.8s-.4-.1-.6.1l-.8 1c-.1.2-.3.2-.5.1a6.7 6.7 0 0 1-3.4-2.9c-.3-.4.3-.4.7-1.3.1-.2 0-.3 0-.4l-.8-1.8c-.2-.5-.4-.4-.6-.4h-.5a1 1 0 0 0-.7.3 3 3 0 0 0-.9 2.2 5.2 5.2 0 0 0 1.1 2.8 11.9 11.9 0 0 0 4.6 4c1.7.7 2.4.8 3.2.7a2.8 2.8 0 0 0 1.8-1.3 2.3 2.3 0 0 0 .2-1.3c0-.1-.2-.2-.4-.3z';
const TELEGRAM =
  'M21.9 4.3 18.8 19c-.2 1-.8 1.3-1.7.8l-4.7-3.5-2.3 2.2c-.3.3-.5.5-1 .5l.3-4.8 8.8-7.9c.4-.3-.1-.5-.6-.2L6.7 13 2 11.5c-1-.3-1-1 .2-1.5L20.6 3c.9-.3 1.6.2 1.3 1.3z';
const X =
  'M17.8 2.5h3.3l-7.2 8.2 8.4 11.1h-6.6l-5.2-6.8-5.9 6.8H1.3l7.7-8.8L1 2.5h6.8l4.7 6.2zm-1.2 17.4h1.8L6.6 4.3H4.6z';
const FACEBOOK = 'M14 13.5h2.5l1-4H14v-2c0-1 0-2 2-2h1.5V2.1A21 21 0 0 0 14.6 2C11.9 2 10 3.7 10 6.7v2.8H7v4h3V22h4z';
const EMAIL = 'M2 5h20v14H2zm2 2v10h16V7zm0 0 8 5.5L20 7v2.3l-8 5.5-8-5.5z';
