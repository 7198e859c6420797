/** How lock messages show an instant: `12:01:05 UTC`, the same for every reader whatever their time zone. */
export const utcTime = (ms: number): string => `${new Date(ms).toISOString().slice(11, 19)} UTC`;
