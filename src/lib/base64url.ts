/** base64url (RFC 4648 §5, without padding) for opaque cursors in URLs. */

/** base64url of a binary string (one character per byte). */
export const toBase64Url = (binary: string) => btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The binary string `text` encodes; throws when it is not base64url. */
export const fromBase64Url = (text: string) => atob(text.replace(/-/g, '+').replace(/_/g, '/'));
